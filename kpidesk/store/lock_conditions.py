"""The lock triggers' conditions (schema v4): how a row of each per-period table meets a
locked period, as the SQL of a trigger's ``EXISTS`` over ``period_locks l``, and the
triggers themselves in one engine's DDL. ``postgres_ddl`` reads these conditions to name the
locking period in its refusal.

Must not: execute anything (SQL text only, as :mod:`kpidesk.store.schema`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# name, event, table, the conditions any of which refuses the row → the statements
AbortTrigger = Callable[[str, str, str, tuple[str, ...]], tuple[str, ...]]


def overlaps(row: str) -> str:
    """``row`` (``NEW``/``OLD``) stores its own days: compare them with each lock's days."""
    return (
        "EXISTS (SELECT 1 FROM period_locks l"
        f" WHERE l.start_date <= {row}.end_date AND {row}.start_date <= l.end_date)"
    )


def on_day(row: str) -> str:
    """``row`` stores one day: is it inside a lock's days."""
    return (
        "EXISTS (SELECT 1 FROM period_locks l"
        f" WHERE {row}.day >= l.start_date AND {row}.day <= l.end_date)"
    )


def matrix_of(row: str) -> str:
    """A matrix row: compare its matrix's days with each lock's days."""
    return (
        "EXISTS (SELECT 1 FROM matrices m JOIN period_locks l"
        " ON l.start_date <= m.end_date AND m.start_date <= l.end_date"
        f" WHERE m.id = {row}.matrix_id)"
    )


def code_start(code: str) -> str:
    """SQL: the first day (ISO text) of the period whose code is the SQL value ``code``;
    NULL for a week (its days are not a text operation). See ``core.periods``."""
    return (
        f"(CASE WHEN {code} LIKE '____-__-H1' THEN substr({code}, 1, 7) || '-01'"
        f" WHEN {code} LIKE '____-__-H2' THEN substr({code}, 1, 7) || '-16'"
        f" WHEN {code} LIKE '____-__-__' THEN {code}"
        f" WHEN {code} LIKE '____-Q_' THEN substr({code}, 1, 5) ||"
        f" CASE substr({code}, 7, 1) WHEN '1' THEN '01' WHEN '2' THEN '04' WHEN '3' THEN '07'"
        " ELSE '10' END || '-01'"
        f" WHEN {code} LIKE '____-__' THEN {code} || '-01'"
        f" WHEN {code} LIKE '____' THEN {code} || '-01-01'"
        f" WHEN {code} LIKE '%..%' THEN substr({code}, 1, 10) END)"
    )


def code_end(code: str) -> str:
    """SQL: the last day of the period ``code`` as text that compares right with ISO days
    (a month ends on its "-31": no real day of it is later, none of the next is earlier)."""
    return (
        f"(CASE WHEN {code} LIKE '____-__-H1' THEN substr({code}, 1, 7) || '-15'"
        f" WHEN {code} LIKE '____-__-H2' THEN substr({code}, 1, 7) || '-31'"
        f" WHEN {code} LIKE '____-__-__' THEN {code}"
        f" WHEN {code} LIKE '____-Q_' THEN substr({code}, 1, 5) ||"
        f" CASE substr({code}, 7, 1) WHEN '1' THEN '03' WHEN '2' THEN '06' WHEN '3' THEN '09'"
        " ELSE '12' END || '-31'"
        f" WHEN {code} LIKE '____-__' THEN {code} || '-31'"
        f" WHEN {code} LIKE '____' THEN {code} || '-12-31'"
        f" WHEN {code} LIKE '%..%' THEN substr({code}, 13, 10) END)"
    )


def by_code(row: str) -> str:
    """``row`` stores only a period code: the same code, or the code's days (derived from
    the code) overlapping a lock's days — so a month's fact is refused when one of its
    halves is locked, and a half's when its month is."""
    code = f"{row}.period"
    return (
        "EXISTS (SELECT 1 FROM period_locks l WHERE l.period = "
        f"{code} OR ({code_start(code)} <= l.end_date AND l.start_date <= {code_end(code)}))"
    )


# table → how its rows meet a lock
LOCKED_TABLES = {
    "daily": on_day,
    "seller_days": on_day,
    "store_plans": overlaps,
    "matrices": overlaps,
    "matrix_rows": matrix_of,
    "tasks": overlaps,
    "facts": by_code,
    "period_inputs": by_code,
}


def lock_triggers(
    abort_trigger: AbortTrigger, tables: Mapping[str, Callable[[str], str]]
) -> list[str]:
    """The three lock triggers (insert, update, delete) of each table, in one engine's DDL
    (``abort_trigger``: ``schema.Ddl.abort_trigger``)."""
    found: list[str] = []
    for table, meets in tables.items():
        found += abort_trigger(f"{table}_locked_insert", "INSERT", table, (meets("NEW"),))
        found += abort_trigger(
            f"{table}_locked_update", "UPDATE", table, (meets("OLD"), meets("NEW"))
        )
        found += abort_trigger(f"{table}_locked_delete", "DELETE", table, (meets("OLD"),))
    return found

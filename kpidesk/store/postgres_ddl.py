"""The company server's trigger DDL: PL/pgSQL functions with the same conditions as the
company file's triggers (``schema`` builds both), the lock triggers naming the locked
period in their refusal, which ``postgres_errors.sort_error`` reads.

Must not: execute anything (``schema`` holds SQL text; the migrations run it).
"""

from __future__ import annotations

from kpidesk.store.postgres_errors import LOCKED_ABORT


def _locking_period(condition: str) -> str:
    """``EXISTS (SELECT 1 FROM … period_locks l …)`` as the subquery giving that lock's
    period (NULL when none), so that the refusal can name it."""
    head = "EXISTS (SELECT 1 FROM"
    if not condition.startswith(head) or not condition.endswith(")"):
        raise ValueError(f"not a lock condition: {condition[:60]}")
    return f"(SELECT l.period FROM{condition[len(head) : -1]} LIMIT 1)"


def abort_trigger(
    name: str, event: str, table: str, conditions: tuple[str, ...]
) -> tuple[str, ...]:
    """A ``BEFORE <event>`` row trigger on ``table`` that aborts with :data:`LOCKED_ABORT`
    and the locked period when any of ``conditions`` holds (PostgreSQL: a PL/pgSQL
    function, since a trigger's own ``WHEN`` may not hold a subquery; naming the period in
    the error spares a look-up in the aborted transaction)."""
    result = "OLD" if event == "DELETE" else "NEW"
    periods = ", ".join(_locking_period(condition) for condition in conditions)
    found = f"coalesce({periods})" if len(conditions) > 1 else periods
    return (
        f"CREATE FUNCTION {name}_fn() RETURNS trigger LANGUAGE plpgsql AS $body$"
        f" DECLARE locked TEXT; BEGIN locked := {found};"
        f" IF locked IS NOT NULL THEN RAISE EXCEPTION '{LOCKED_ABORT} %', locked; END IF;"
        f" RETURN {result}; END $body$",
        f"CREATE TRIGGER {name} BEFORE {event} ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION {name}_fn()",
    )


def after_insert_trigger(name: str, table: str, statement: str) -> tuple[str, ...]:
    """An ``AFTER INSERT`` row trigger on ``table`` running one ``statement``."""
    return (
        f"CREATE FUNCTION {name}_fn() RETURNS trigger LANGUAGE plpgsql AS $body$"
        f" BEGIN {statement}; RETURN NULL; END $body$",
        f"CREATE TRIGGER {name} AFTER INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}_fn()",
    )


MASKED_SCHEMA = "kpidesk_masked"
# The masking view of ``server_rights`` (its name and body; "CREATE [OR REPLACE] VIEW " goes
# before it): every column of employees, money only on the reader's own row. New columns go
# at the end, so that a migration can ``CREATE OR REPLACE`` it.
MASKED_EMPLOYEES_VIEW = (
    f"{MASKED_SCHEMA}.employees WITH (security_barrier) AS SELECT id, name,"
    " position_id, store_id, department_id,"
    " CASE WHEN id = kpidesk_my_employee() THEN fixed_pay ELSE 0 END AS fixed_pay,"
    " CASE WHEN id = kpidesk_my_employee() THEN target_bonus ELSE 0 END AS target_bonus,"
    " start_date, end_date, archived, personnel_number FROM public.employees e WHERE"
    " (kpidesk_my_role() = 'viewer')"
    " OR (kpidesk_my_role() = 'manager' AND (store_id = kpidesk_my_store()"
    " OR id = kpidesk_my_employee()))"
    " OR (kpidesk_my_role() = 'employee' AND id = kpidesk_my_employee())"
)
# Schema v6 on a server whose rights are installed: the view gains the new column.
MASKED_EMPLOYEES_REFRESH = (
    "DO $body$ BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = "
    f"'{MASKED_SCHEMA}') THEN EXECUTE "
    + "'CREATE OR REPLACE VIEW "
    + MASKED_EMPLOYEES_VIEW.replace("'", "''")
    + "'; END IF; END $body$",
)

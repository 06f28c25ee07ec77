"""The database schema, as the DDL of each schema version's migration.

Conventions: every table has an integer surrogate key ``id``; names and codes are unique;
money and every other decimal are stored exactly — decimal TEXT in the company file,
``NUMERIC`` on the company server (never a float); dates are ISO ``yyyy-mm-dd`` TEXT; flags
are 0/1 INTEGER; a period is stored as its code plus its start and end dates so that range
queries are indexed. Partial unique indexes keep one matrix per owner and period. The DDL is
standard SQL except what :class:`Ddl` holds per engine (the surrogate key, decimals, binary
data, the triggers), from the dialect modules: :func:`versions` gives each version's
statements for one engine. This module holds SQL text only; it must not execute anything.

Schema v4 makes the file hold its own rules: lock triggers on every per-period table refuse
a write to a locked period (whatever code runs; their conditions are in
``lock_conditions``), and an audit trigger bumps the ``revision`` meta row on every
change. Schema v5 adds the users (a salted scrypt hash, never a password) and the pay
list's sign-off steps, locked with their period. Schema v6 adds the
employees' personnel numbers (табельный номер: optional, unique ignoring case and the
spaces around it — the store keeps them trimmed, the index compares them lower-cased), and
on a server with rights installed re-creates the masking view with the new column. Schema
v7 keys the daily rows by (day, store), which also serves the reads by a range of days
that the separate day index served (SQLite builds the table anew for it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kpidesk.store import postgres_ddl, postgres_dialect, sqlite_dialect
from kpidesk.store.lock_conditions import LOCKED_TABLES, by_code, lock_triggers

APP_KEY = "app"
APP_NAME = "kpidesk"


@dataclass(frozen=True)
class Ddl:
    """What differs between the engines' DDL: the surrogate key, exact decimals (money),
    binary data, and the triggers (one or more statements each)."""

    primary_key: str
    decimal: str
    blob: str
    # name, event, table, the conditions (``EXISTS`` over ``period_locks l``) any of which
    # refuses the row
    abort_trigger: Callable[[str, str, str, tuple[str, ...]], tuple[str, ...]]
    after_insert_trigger: Callable[[str, str, str], tuple[str, ...]]
    # statements a new employees column needs beyond ``ALTER TABLE`` (the server's view)
    employees_view_refresh: tuple[str, ...] = ()
    # a table's constraints change by building it anew (SQLite has no ``ALTER TABLE …
    # CONSTRAINT``), not by ``ALTER TABLE``
    rebuilds_tables: bool = False


def _daily_columns(d: Ddl) -> str:
    """The daily table's columns and their rules, as v1 created them and v7 builds them
    anew (each ends with a comma: the key follows)."""
    return f"""    id {d.primary_key},
    store_id INTEGER NOT NULL REFERENCES stores (id),
    day TEXT NOT NULL,
    revenue {d.decimal} NOT NULL,
    receipts INTEGER NOT NULL,
    visitors INTEGER NOT NULL,
    units INTEGER NOT NULL DEFAULT 0,
    returns {d.decimal},"""


def _v1(d: Ddl) -> str:
    return f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE stores (
    id {d.primary_key},
    name TEXT NOT NULL UNIQUE,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE departments (
    id {d.primary_key},
    name TEXT NOT NULL UNIQUE,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE positions (
    id {d.primary_key},
    name TEXT NOT NULL UNIQUE,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE employees (
    id {d.primary_key},
    name TEXT NOT NULL UNIQUE,
    position_id INTEGER NOT NULL REFERENCES positions (id),
    store_id INTEGER REFERENCES stores (id),
    department_id INTEGER REFERENCES departments (id),
    fixed_pay {d.decimal} NOT NULL DEFAULT '0',
    target_bonus {d.decimal} NOT NULL DEFAULT '0',
    start_date TEXT,
    end_date TEXT,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE indicators (
    id {d.primary_key},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual',
    method TEXT NOT NULL DEFAULT 'scale',
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE matrices (
    id {d.primary_key},
    period TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    position_id INTEGER REFERENCES positions (id),
    employee_id INTEGER REFERENCES employees (id),
    CHECK (position_id IS NOT NULL OR employee_id IS NOT NULL)
);
CREATE UNIQUE INDEX matrices_employee_period ON matrices (employee_id, period)
    WHERE employee_id IS NOT NULL;
CREATE UNIQUE INDEX matrices_position_period ON matrices (position_id, period)
    WHERE employee_id IS NULL;
CREATE TABLE matrix_rows (
    id {d.primary_key},
    matrix_id INTEGER NOT NULL REFERENCES matrices (id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    position INTEGER NOT NULL,
    weight {d.decimal} NOT NULL,
    base {d.decimal},
    norm {d.decimal} NOT NULL,
    target {d.decimal},
    UNIQUE (matrix_id, position)
);
CREATE TABLE payout_schedules (
    id {d.primary_key},
    position_id INTEGER UNIQUE REFERENCES positions (id),
    kind TEXT NOT NULL,
    threshold {d.decimal} NOT NULL,
    cap {d.decimal},
    per_indicator INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE payout_steps (
    id {d.primary_key},
    schedule_id INTEGER NOT NULL REFERENCES payout_schedules (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    threshold {d.decimal} NOT NULL,
    coefficient {d.decimal} NOT NULL,
    UNIQUE (schedule_id, position)
);
CREATE TABLE daily (
{_daily_columns(d)}
    UNIQUE (store_id, day)
);
CREATE TABLE facts (
    id {d.primary_key},
    period TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    value {d.decimal} NOT NULL,
    UNIQUE (period, employee_id, indicator_id)
);
CREATE TABLE audit (
    id {d.primary_key},
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    key TEXT NOT NULL,
    field TEXT,
    old TEXT,
    new TEXT,
    period TEXT,
    store TEXT,
    employee TEXT
);
INSERT INTO meta (key, value) VALUES ('{APP_KEY}', '{APP_NAME}');
INSERT INTO meta (key, value) VALUES ('company_name', '');
INSERT INTO meta (key, value) VALUES ('pay_period', 'month');
"""


def _v2(d: Ddl) -> str:
    return f"""
CREATE TABLE seller_days (
    id {d.primary_key},
    store_id INTEGER NOT NULL REFERENCES stores (id),
    day TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    revenue {d.decimal} NOT NULL,
    receipts INTEGER NOT NULL,
    units INTEGER NOT NULL DEFAULT 0,
    UNIQUE (store_id, day, employee_id)
);
CREATE TABLE store_plans (
    id {d.primary_key},
    store_id INTEGER NOT NULL REFERENCES stores (id),
    period TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    revenue {d.decimal} NOT NULL,
    UNIQUE (store_id, period)
);
CREATE TABLE period_inputs (
    id {d.primary_key},
    period TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    name TEXT NOT NULL,
    value {d.decimal} NOT NULL,
    UNIQUE (period, employee_id, name)
);
CREATE TABLE period_locks (
    id {d.primary_key},
    period TEXT NOT NULL UNIQUE,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    locked_at TEXT NOT NULL,
    locked_by TEXT NOT NULL
);
CREATE INDEX daily_day ON daily (day);
CREATE INDEX seller_days_day ON seller_days (day);
CREATE INDEX store_plans_dates ON store_plans (start_date, end_date);
CREATE INDEX matrices_start ON matrices (start_date);
CREATE INDEX audit_period ON audit (period);
CREATE INDEX audit_store ON audit (store);
CREATE INDEX audit_employee ON audit (employee);
CREATE INDEX audit_entity ON audit (entity);
"""


def _v3(d: Ddl) -> str:
    return f"""
CREATE TABLE tasks (
    id {d.primary_key},
    period TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    assignee_id INTEGER NOT NULL REFERENCES employees (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    controller_id INTEGER NOT NULL REFERENCES employees (id),
    due_date TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    done_date TEXT,
    accepted_date TEXT,
    comment TEXT NOT NULL DEFAULT '',
    UNIQUE (period, assignee_id, title)
);
CREATE INDEX tasks_dates ON tasks (start_date, end_date);
CREATE INDEX tasks_controller ON tasks (controller_id);
CREATE TABLE duty_templates (
    id {d.primary_key},
    position_id INTEGER REFERENCES positions (id),
    employee_id INTEGER REFERENCES employees (id),
    title TEXT NOT NULL,
    controller TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    due_day INTEGER,
    CHECK ((position_id IS NULL AND employee_id IS NOT NULL)
        OR (position_id IS NOT NULL AND employee_id IS NULL))
);
CREATE UNIQUE INDEX duty_templates_position ON duty_templates (position_id, title)
    WHERE employee_id IS NULL;
CREATE UNIQUE INDEX duty_templates_employee ON duty_templates (employee_id, title)
    WHERE employee_id IS NOT NULL;
"""


def statements(script: str) -> tuple[str, ...]:
    """Split a DDL script into single statements (no statement here contains ``;``)."""
    return tuple(part.strip() for part in script.split(";") if part.strip())


# --- v4: lock triggers, revision, snapshots --------------------------------------------
def _v4(d: Ddl) -> tuple[str, ...]:
    return (
        *statements(f"""
CREATE TABLE period_snapshots (
    period TEXT PRIMARY KEY,
    start_date TEXT,
    end_date TEXT,
    taken_at TEXT,
    taken_by TEXT,
    data {d.blob} NOT NULL
);
CREATE INDEX audit_entity_key ON audit (entity, key);
CREATE TABLE pay_rates (
    id {d.primary_key},
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    start_date TEXT NOT NULL,
    fixed_pay {d.decimal} NOT NULL,
    target_bonus {d.decimal} NOT NULL,
    UNIQUE (employee_id, period)
);
INSERT INTO meta (key, value) SELECT 'revision', CAST(count(*) AS TEXT) FROM audit
"""),
        *d.after_insert_trigger(
            "audit_bumps_revision",
            "audit",
            "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
            " WHERE key = 'revision'",
        ),
        *lock_triggers(d.abort_trigger, LOCKED_TABLES),
    )


ROLES = ("owner", "accountant", "manager", "employee", "viewer")
PAYLIST_STEPS = ("checked", "approved")


def _v5(d: Ddl) -> tuple[str, ...]:
    roles = ", ".join(f"'{role}'" for role in ROLES)
    steps = ", ".join(f"'{step}'" for step in PAYLIST_STEPS)
    return (
        *statements(f"""
CREATE TABLE users (
    id {d.primary_key},
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ({roles})),
    store_id INTEGER REFERENCES stores (id) ON DELETE SET NULL,
    employee_id INTEGER REFERENCES employees (id) ON DELETE SET NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT,
    created_by TEXT,
    changed_at TEXT,
    changed_by TEXT
);
CREATE TABLE paylist_steps (
    period TEXT PRIMARY KEY,
    step TEXT NOT NULL CHECK (step IN ({steps})),
    digest TEXT NOT NULL,
    checked_by TEXT,
    checked_at TEXT,
    approved_by TEXT,
    approved_at TEXT
)
"""),
        *lock_triggers(d.abort_trigger, {"paylist_steps": by_code}),
    )


def _v6(d: Ddl) -> tuple[str, ...]:
    return (
        *statements("""
ALTER TABLE employees ADD COLUMN personnel_number TEXT;
CREATE UNIQUE INDEX employees_personnel_number ON employees (lower(personnel_number))
    WHERE personnel_number IS NOT NULL
"""),
        *d.employees_view_refresh,
    )


def _v7(d: Ddl) -> tuple[str, ...]:
    """The daily rows keyed by (day, store) instead of (store, day), and the separate index
    on their day dropped: every read of daily rows asks for a range of days, or for one
    store's row on one day, which the new key serves as the day index did, and the rows
    of a first import, in the order of their days, go to the end of one B-tree instead of
    into two (issue 17: ≈ 20 ms of the 3-year import, SPEC §9)."""
    if not d.rebuilds_tables:
        return (
            "ALTER TABLE daily DROP CONSTRAINT daily_store_id_day_key",
            "ALTER TABLE daily ADD CONSTRAINT daily_day_store_id_key UNIQUE (day, store_id)",
            "DROP INDEX daily_day",
        )
    columns = "id, store_id, day, revenue, receipts, visitors, units, returns"
    return (
        *statements(f"""
CREATE TABLE daily_v7 (
{_daily_columns(d)}
    UNIQUE (day, store_id)
);
INSERT INTO daily_v7 ({columns}) SELECT {columns} FROM daily ORDER BY id;
DROP TABLE daily;
ALTER TABLE daily_v7 RENAME TO daily
"""),
        # the old table's index and lock triggers went with it (a dropped table's triggers
        # are dropped before its rows, so none fired); the triggers come back as they were
        *lock_triggers(d.abort_trigger, {"daily": LOCKED_TABLES["daily"]}),
    )


def versions(d: Ddl) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """Every schema version's number, description and statements, in the DDL of one
    engine (``d``): the same tables, columns and rules on the company file and server."""
    return (
        (1, "directories, matrices, schedules, daily data, facts, audit", statements(_v1(d))),
        (
            2,
            "seller days, store plans, period inputs, period locks, period indexes",
            statements(_v2(d)),
        ),
        (3, "duties and tasks, duty lists", statements(_v3(d))),
        (4, "lock triggers, revision, period snapshots, audit key index, pay rates", _v4(d)),
        (5, "users, pay list sign-off steps", _v5(d)),
        (6, "personnel numbers", _v6(d)),
        (7, "daily rows keyed by day, then store", _v7(d)),
    )


SQLITE = Ddl(
    primary_key=sqlite_dialect.PRIMARY_KEY,
    decimal="TEXT",
    blob="BLOB",
    abort_trigger=lambda name, event, table, conditions: (
        sqlite_dialect.abort_trigger(name, event, table, " OR ".join(conditions)),
    ),
    after_insert_trigger=lambda *args: (sqlite_dialect.after_insert_trigger(*args),),
    rebuilds_tables=True,
)
POSTGRESQL = Ddl(
    primary_key=postgres_dialect.PRIMARY_KEY,
    decimal=postgres_dialect.DECIMAL,
    blob=postgres_dialect.BLOB,
    abort_trigger=postgres_ddl.abort_trigger,
    after_insert_trigger=postgres_ddl.after_insert_trigger,
    employees_view_refresh=postgres_ddl.MASKED_EMPLOYEES_REFRESH,
)

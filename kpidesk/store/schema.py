"""The database schema, as the DDL of each schema version's migration.

Conventions: every table has an integer surrogate key ``id``; names and codes are unique;
money and every other decimal are stored as exact decimal TEXT (never REAL); dates are ISO
``yyyy-mm-dd`` TEXT; flags are 0/1 INTEGER; a period is stored as its code plus its start and
end dates so that range queries are indexed. Partial unique indexes keep one matrix per
owner and period. The DDL is standard SQL except the primary key column type and the
triggers, which come from the dialect module. This module holds SQL text only; it must not
execute anything.

Schema v4 makes the file hold its own rules: lock triggers on every per-period table refuse
a write to a locked period (whatever code runs), and an audit trigger bumps the
``revision`` meta row on every change.
"""

from __future__ import annotations

from kpidesk.store.sqlite_dialect import PRIMARY_KEY, abort_trigger, after_insert_trigger

APP_KEY = "app"
APP_NAME = "kpidesk"

V1 = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE stores (
    id {PRIMARY_KEY},
    name TEXT NOT NULL UNIQUE,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE departments (
    id {PRIMARY_KEY},
    name TEXT NOT NULL UNIQUE,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE positions (
    id {PRIMARY_KEY},
    name TEXT NOT NULL UNIQUE,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE employees (
    id {PRIMARY_KEY},
    name TEXT NOT NULL UNIQUE,
    position_id INTEGER NOT NULL REFERENCES positions (id),
    store_id INTEGER REFERENCES stores (id),
    department_id INTEGER REFERENCES departments (id),
    fixed_pay TEXT NOT NULL DEFAULT '0',
    target_bonus TEXT NOT NULL DEFAULT '0',
    start_date TEXT,
    end_date TEXT,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE indicators (
    id {PRIMARY_KEY},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual',
    method TEXT NOT NULL DEFAULT 'scale',
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE matrices (
    id {PRIMARY_KEY},
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
    id {PRIMARY_KEY},
    matrix_id INTEGER NOT NULL REFERENCES matrices (id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    position INTEGER NOT NULL,
    weight TEXT NOT NULL,
    base TEXT,
    norm TEXT NOT NULL,
    target TEXT,
    UNIQUE (matrix_id, position)
);
CREATE TABLE payout_schedules (
    id {PRIMARY_KEY},
    position_id INTEGER UNIQUE REFERENCES positions (id),
    kind TEXT NOT NULL,
    threshold TEXT NOT NULL,
    cap TEXT,
    per_indicator INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE payout_steps (
    id {PRIMARY_KEY},
    schedule_id INTEGER NOT NULL REFERENCES payout_schedules (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    threshold TEXT NOT NULL,
    coefficient TEXT NOT NULL,
    UNIQUE (schedule_id, position)
);
CREATE TABLE daily (
    id {PRIMARY_KEY},
    store_id INTEGER NOT NULL REFERENCES stores (id),
    day TEXT NOT NULL,
    revenue TEXT NOT NULL,
    receipts INTEGER NOT NULL,
    visitors INTEGER NOT NULL,
    units INTEGER NOT NULL DEFAULT 0,
    returns TEXT,
    UNIQUE (store_id, day)
);
CREATE TABLE facts (
    id {PRIMARY_KEY},
    period TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    value TEXT NOT NULL,
    UNIQUE (period, employee_id, indicator_id)
);
CREATE TABLE audit (
    id {PRIMARY_KEY},
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

V2 = f"""
CREATE TABLE seller_days (
    id {PRIMARY_KEY},
    store_id INTEGER NOT NULL REFERENCES stores (id),
    day TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    revenue TEXT NOT NULL,
    receipts INTEGER NOT NULL,
    units INTEGER NOT NULL DEFAULT 0,
    UNIQUE (store_id, day, employee_id)
);
CREATE TABLE store_plans (
    id {PRIMARY_KEY},
    store_id INTEGER NOT NULL REFERENCES stores (id),
    period TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    revenue TEXT NOT NULL,
    UNIQUE (store_id, period)
);
CREATE TABLE period_inputs (
    id {PRIMARY_KEY},
    period TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (period, employee_id, name)
);
CREATE TABLE period_locks (
    id {PRIMARY_KEY},
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


V3 = f"""
CREATE TABLE tasks (
    id {PRIMARY_KEY},
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
    id {PRIMARY_KEY},
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
def _overlaps(row: str) -> str:
    """``row`` (``NEW``/``OLD``) stores its own days: compare them with each lock's days."""
    return (
        "EXISTS (SELECT 1 FROM period_locks l"
        f" WHERE l.start_date <= {row}.end_date AND {row}.start_date <= l.end_date)"
    )


def _on_day(row: str) -> str:
    """``row`` stores one day: is it inside a lock's days."""
    return (
        "EXISTS (SELECT 1 FROM period_locks l"
        f" WHERE {row}.day >= l.start_date AND {row}.day <= l.end_date)"
    )


def _matrix_of(row: str) -> str:
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


def _by_code(row: str) -> str:
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
    "daily": _on_day,
    "seller_days": _on_day,
    "store_plans": _overlaps,
    "matrices": _overlaps,
    "matrix_rows": _matrix_of,
    "tasks": _overlaps,
    "facts": _by_code,
    "period_inputs": _by_code,
}


def _lock_triggers() -> list[str]:
    found = []
    for table, meets in LOCKED_TABLES.items():
        found.append(abort_trigger(f"{table}_locked_insert", "INSERT", table, meets("NEW")))
        found.append(
            abort_trigger(
                f"{table}_locked_update", "UPDATE", table, f"{meets('OLD')} OR {meets('NEW')}"
            )
        )
        found.append(abort_trigger(f"{table}_locked_delete", "DELETE", table, meets("OLD")))
    return found


V4 = (
    *statements("""
CREATE TABLE period_snapshots (
    period TEXT PRIMARY KEY,
    start_date TEXT,
    end_date TEXT,
    taken_at TEXT,
    taken_by TEXT,
    data BLOB NOT NULL
);
CREATE INDEX audit_entity_key ON audit (entity, key);
CREATE TABLE pay_rates (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    start_date TEXT NOT NULL,
    fixed_pay TEXT NOT NULL,
    target_bonus TEXT NOT NULL,
    UNIQUE (employee_id, period)
);
INSERT INTO meta (key, value) SELECT 'revision', CAST(count(*) AS TEXT) FROM audit
"""),
    after_insert_trigger(
        "audit_bumps_revision",
        "audit",
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'",
    ),
    *_lock_triggers(),
)

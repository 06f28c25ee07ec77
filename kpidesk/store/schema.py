"""The database schema, as the DDL of each schema version's migration.

Conventions: every table has an integer surrogate key ``id``; names and codes are unique;
money and every other decimal are stored as exact decimal TEXT (never REAL); dates are ISO
``yyyy-mm-dd`` TEXT; flags are 0/1 INTEGER; a period is stored as its code plus its start and
end dates so that range queries are indexed. Partial unique indexes keep one matrix per
owner and period. The DDL is standard SQL except the primary key column type, which comes
from the dialect module. This module holds SQL text only; it must not execute anything.
"""

from __future__ import annotations

from kpidesk.store.connection import PRIMARY_KEY

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


def statements(script: str) -> list[str]:
    """Split a DDL script into single statements (no statement here contains ``;``)."""
    return [part.strip() for part in script.split(";") if part.strip()]

"""Copying a whole company between two databases of the same schema version — a company
file onto the company server (``server upload``) and the server into a company file (a
portable backup, ``backup -o FILE`` from a server).

Every table is copied row for row with its ids, in the order the foreign keys need; the
period locks come last, so that the lock triggers of the target do not refuse the locked
periods' own rows, and the ``meta`` rows (the company's name, pay period, revision) after
the audit rows whose trigger would otherwise count them again. The caller wraps the copy
in one transaction of the target: all or nothing.

Must not: interpret rows (values are copied as the source holds them).
"""

from __future__ import annotations

from typing import Any

from kpidesk.store.engine import is_server

# Tables in the order their foreign keys allow; ``meta`` and ``period_locks`` last.
TABLES = (
    "stores",
    "departments",
    "positions",
    "employees",
    "indicators",
    "matrices",
    "matrix_rows",
    "payout_schedules",
    "payout_steps",
    "daily",
    "facts",
    "audit",
    "seller_days",
    "store_plans",
    "period_inputs",
    "tasks",
    "duty_templates",
    "period_snapshots",
    "pay_rates",
    "users",
    "paylist_steps",
    "period_locks",
)
_CHUNK = 2000


def _columns(conn: Any, table: str) -> list[str]:
    cursor = conn.execute(f"SELECT * FROM {table} WHERE 1 = 0")
    return [str(column[0]) for column in cursor.description]


def row_counts(conn: Any) -> dict[str, int]:
    """How many rows each company table holds."""
    return {
        table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in TABLES
    }


def holds_a_company(conn: Any) -> bool:
    """Whether any company data is there (a freshly created schema holds none)."""
    return any(
        conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
        for table in ("stores", "employees", "indicators", "audit", "users")
    )


def copy_company(source: Any, target: Any) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target`` (inside the caller's
    transaction on ``target``); returns the rows copied per table."""
    copied: dict[str, int] = {}
    for table in TABLES:
        columns = _columns(source, table)
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        rows = source.execute(f"SELECT {names} FROM {table}").fetchall()
        insert = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        for start in range(0, len(rows), _CHUNK):
            target.executemany(insert, [tuple(row) for row in rows[start : start + _CHUNK]])
        copied[table] = len(rows)
        if is_server(target) and "id" in columns:
            target.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)"
            )
    meta = source.execute("SELECT key, value FROM meta").fetchall()
    target.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [tuple(row) for row in meta],
    )
    return copied

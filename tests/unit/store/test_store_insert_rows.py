"""The import's multi-row inserts (``merge.insert_rows``) store exactly what one execution
per row stored (issue 17): the same rows, ids and audit, on both engines; chunks end where
they should; and the schema's lock trigger still refuses a row of a locked period."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from store_testdata import small_content

from kpidesk.core.periods import Period
from kpidesk.store import merge
from kpidesk.store.context import StoreContext
from kpidesk.store.errors import LockedPeriodError
from tests.engines import open_database

TABLES = (
    "meta",
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
    "seller_days",
    "store_plans",
    "facts",
    "period_inputs",
    "audit",
)


def _one_by_one(
    ctx: StoreContext, name: str, columns: Sequence[str], rows: Sequence[tuple[object, ...]]
) -> None:
    """The reference path: ``executemany``, one execution per row (as before)."""
    marks = ", ".join("?" for _ in columns)
    ctx.conn.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)


def _tables(db: Any) -> dict[str, list[tuple[object, ...]]]:
    """Every table an import writes, row by row (the audit without its time stamps)."""
    found = {}
    for table in TABLES:
        order = "key" if table == "meta" else "id"
        rows = db.connection.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        if table == "audit":  # without id and time, and the reference's lock
            rows = [tuple(row)[2:] for row in rows if tuple(row)[3:5] != ("lock", "period")]
        if table == "meta":
            rows = [tuple(row) for row in rows if row[0] not in ("revision", "created")]
        found[table] = [tuple(row) for row in rows]
    return found


def _imported(location: Path | str, monkeypatch: pytest.MonkeyPatch, fast: bool) -> Any:
    """Apply the small content to an empty company: the reference inserts one row per
    execution and, with a lock on a period long before the data, takes the merge's loop
    item by item instead of its path for keys none of which is stored."""
    content = small_content()
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(merge, "insert_rows", _one_by_one)
        else:
            patch.setattr(merge, "_INSERT_PARAMETERS", 23)  # chunks of 3 daily rows + rest
        db = open_database(location)
        try:
            if not fast:
                db.locks.lock(Period.month(2020, 1))  # type: ignore[attr-defined]
            summary = db.content.apply_content(content)  # type: ignore[attr-defined]
            return summary, _tables(db)
        finally:
            db.close()  # type: ignore[attr-defined]


def test_multi_row_inserts_store_what_one_row_at_a_time_stored(
    company_location: Path | str, monkeypatch: pytest.MonkeyPatch, engine: str, tmp_path: Path
) -> None:
    reference_summary, reference = _imported(company_location, monkeypatch, fast=False)
    if engine == "sqlite":
        second: Path | str = tmp_path / "second.kpidesk"
    else:
        from tests.engines import empty_server

        assert isinstance(company_location, str)
        empty_server(company_location)
        second = company_location
    summary, found = _imported(second, monkeypatch, fast=True)
    assert summary == reference_summary
    assert len(reference["daily"]) == 122 and len(reference["facts"]) > 0
    for table in TABLES:
        assert found[table] == reference[table], table


def test_a_lock_trigger_still_refuses_a_multi_row_insert(tmp_path: Path) -> None:
    db: Any = open_database(tmp_path / "company.kpidesk")
    try:
        db.content.apply_content(small_content())
        db.locks.lock(Period.month(2026, 10))
        ctx: StoreContext = db.content._ctx
        store = ctx.ids("stores")["Мега"]
        rows = [(store, f"2026-11-{day:02d}", "1", 1, 1, 0, None) for day in range(1, 20)]
        rows.append((store, "2026-10-31", "1", 1, 1, 0, None))  # the last, in a later chunk
        columns = ("store_id", "day", "revenue", "receipts", "visitors", "units", "returns")
        before = db.connection.execute("SELECT COUNT(*) FROM daily").fetchone()[0]
        last = (date(2026, 10, 31), date(2026, 10, 31))
        with pytest.raises(LockedPeriodError), ctx.naming_locks("daily", last), ctx.write():
            merge.insert_rows(ctx, "daily", columns, rows)
        assert db.connection.execute("SELECT COUNT(*) FROM daily").fetchone()[0] == before
    finally:
        db.close()

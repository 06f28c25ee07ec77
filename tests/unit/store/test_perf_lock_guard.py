"""A first import on the company file lifts a table's lock trigger while it inserts
(``sqlite_dialect.lock_guard_lifted``, issue 17) only where it cannot matter — inside a
write transaction with no period locked — and always leaves the schema as it was: after
the import, after a failure inside, and whenever a period is locked (the trigger then
stays and refuses a locked day)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from store_testdata import small_content

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.store import sqlite_dialect
from kpidesk.store.errors import LockedPeriodError
from tests.engines import open_database


def _triggers(conn: Any) -> dict[str, str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    return {str(name): str(sql) for name, sql in rows}


def _insert_day(conn: Any, day: str) -> None:
    store = conn.execute("SELECT id FROM stores LIMIT 1").fetchone()[0]
    conn.execute(
        "INSERT INTO daily (store_id, day, revenue, receipts, visitors, units)"
        " VALUES (?, ?, '1.00', 1, 2, 0)",
        (store, day),
    )


@pytest.fixture
def db(tmp_path: Path) -> Any:
    database: Any = open_database(tmp_path / "company.kpidesk")
    database.content.apply_content(small_content())
    yield database
    database.close()


def test_the_trigger_is_lifted_only_inside_and_comes_back_the_same(db: Any) -> None:
    conn = db.content._ctx.conn
    before = _triggers(conn)
    assert "daily_locked_insert" in before
    with sqlite_dialect.write(conn):
        with sqlite_dialect.lock_guard_lifted(conn, "daily"):
            assert "daily_locked_insert" not in _triggers(conn)
            _insert_day(conn, "2031-01-01")
        assert _triggers(conn) == before
    assert _triggers(conn) == before
    with sqlite_dialect.lock_guard_lifted(conn, "daily"):  # no transaction: nothing lifted
        assert _triggers(conn) == before


def test_a_failure_inside_leaves_the_trigger(db: Any) -> None:
    conn = db.content._ctx.conn
    before = _triggers(conn)
    lifted = sqlite_dialect.lock_guard_lifted
    with pytest.raises(RuntimeError), sqlite_dialect.write(conn), lifted(conn, "daily"):
        _insert_day(conn, "2031-01-02")
        raise RuntimeError("in the middle")
    assert _triggers(conn) == before
    assert conn.execute("SELECT 1 FROM daily WHERE day = '2031-01-02'").fetchone() is None


def test_with_a_locked_period_the_trigger_stays_and_refuses(db: Any) -> None:
    db.locks.lock(Period.month(2031, 3))
    conn = db.content._ctx.conn
    before = _triggers(conn)
    lifted = sqlite_dialect.lock_guard_lifted
    with pytest.raises(LockedPeriodError), sqlite_dialect.write(conn), lifted(conn, "daily"):
        assert _triggers(conn) == before
        with sqlite_dialect.sorted_errors():
            _insert_day(conn, "2031-03-05")
    assert _triggers(conn) == before


def test_a_first_import_keeps_the_schema_and_later_locks_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lifted: list[tuple[str, bool]] = []
    real = sqlite_dialect.lock_guard_lifted

    @contextmanager
    def spy(conn: Any, table: str) -> Iterator[None]:
        with real(conn, table):
            lifted.append((table, f"{table}_locked_insert" not in _triggers(conn)))
            yield

    monkeypatch.setattr(sqlite_dialect, "lock_guard_lifted", spy)
    database: Any = open_database(tmp_path / "fresh.kpidesk")
    try:
        conn = database.content._ctx.conn
        before = _triggers(conn)
        content = small_content()
        store = content.stores[0].name
        days = [
            DailyEntry(
                store, date(2031, 1, 1 + k % 28).replace(month=1 + k // 28), Decimal(5), 1, 2
            )
            for k in range(60)
        ]
        summary = database.content.apply_content(replace(content, daily=(*content.daily, *days)))
        assert summary.kinds["daily"].added == len(content.daily) + 60
        assert _triggers(conn) == before
        assert lifted == [("daily", True)]  # the test can tell
        database.locks.lock(Period.month(2031, 1))
        changed = replace(days[0], revenue=Decimal(6))
        with pytest.raises(LockedPeriodError):
            database.content.apply_content(replace(content, daily=(changed,)))
    finally:
        database.close()

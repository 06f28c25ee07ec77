"""Schema v7: the daily rows keyed by (day, store), the separate day index gone. The v5
fixture migrates keeping every daily row with its id and its lock (the table is built anew
on the company file); a server migrated from v6 keeps its rows too; on both engines the
key still refuses a second row of a store's day, a locked day still refuses a write, and
the reads by a range of days use the new key."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from store_testdata import small_content

from kpidesk.core.daily import DailyEntry
from kpidesk.services.company import CompanyService
from kpidesk.store import CURRENT_VERSION, Database
from kpidesk.store.errors import LockedPeriodError
from kpidesk.store.migrations import migrate
from tests.engines import create_database, database_name, drop_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
_ROWS = "SELECT id, store_id, day, revenue, receipts, visitors, units, returns FROM daily"


def _daily_objects(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(
        conn.execute(
            "SELECT type, name FROM sqlite_master WHERE tbl_name = 'daily' AND type != 'table'"
        ).fetchall()
    )


def test_the_v5_fixture_migrates_keeping_every_daily_row_and_its_lock(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_v5.sqlite", path)
    before = sqlite3.connect(path)
    rows = before.execute(f"{_ROWS} ORDER BY id").fetchall()
    before.close()
    assert len(rows) == 2
    with Database.open(path, actor="t") as db:
        assert db.schema_version == CURRENT_VERSION == 7
        assert db.daily.daily_rows(date(2026, 10, 1), date(2026, 10, 31)) == [
            DailyEntry("Мега", date(2026, 10, 1), Decimal("16000"), 13, 90, 21, None)
        ]
        # 2026-09 is locked in the fixture: its day still refuses a change
        with pytest.raises(LockedPeriodError):
            db.daily.upsert_daily(DailyEntry("Мега", date(2026, 9, 1), Decimal("1"), 1, 1, 0, None))
    after = sqlite3.connect(path)
    try:
        assert after.execute(f"{_ROWS} ORDER BY id").fetchall() == rows
        assert _daily_objects(after) == [
            ("index", "sqlite_autoindex_daily_1"),
            ("trigger", "daily_locked_delete"),
            ("trigger", "daily_locked_insert"),
            ("trigger", "daily_locked_update"),
        ]
        (key,) = after.execute("PRAGMA index_list(daily)").fetchall()
        assert key[2] == 1  # unique
        assert [c[2] for c in after.execute(f"PRAGMA index_info({key[1]})")] == ["day", "store_id"]
        plan = " ".join(
            str(step[3])
            for step in after.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM daily WHERE day BETWEEN ? AND ?",
                ("2026-10-01", "2026-10-31"),
            )
        )
        assert "USING INDEX sqlite_autoindex_daily_1 (day>? AND day<?)" in plan, plan
        with pytest.raises(sqlite3.IntegrityError):
            after.execute(
                "INSERT INTO daily (store_id, day, revenue, receipts, visitors)"
                " VALUES (1, '2026-10-01', '1', 1, 1)"
            )
        with pytest.raises(sqlite3.DatabaseError):  # the lock trigger, as before
            after.execute(
                "INSERT INTO daily (store_id, day, revenue, receipts, visitors)"
                " VALUES (1, '2026-09-02', '1', 1, 1)"
            )
        (integrity,) = after.execute("PRAGMA integrity_check").fetchone()
        assert integrity == "ok"
        (ahead,) = after.execute(
            "INSERT INTO daily (store_id, day, revenue, receipts, visitors)"
            " VALUES (1, '2026-10-02', '1', 1, 1) RETURNING id"
        ).fetchone()
        assert ahead == max(row[0] for row in rows) + 1  # ids go on where they were
    finally:
        after.close()


def test_a_server_migrated_from_v6_keeps_its_daily_rows_under_the_new_key(
    request: pytest.FixtureRequest,
) -> None:
    from kpidesk.store.postgres_dialect import connect, write

    name = database_name(request) + "_v6"
    url = create_database(name)
    try:
        conn = connect(url)
        try:
            migrate(conn, url, target=6)  # type: ignore[arg-type]
            with write(conn):
                conn.execute("INSERT INTO stores (name) VALUES ('Мега')")
                conn.execute(
                    "INSERT INTO daily (store_id, day, revenue, receipts, visitors)"
                    " SELECT id, '2026-10-01', 16000, 13, 90 FROM stores"
                )
            migrate(conn, url)  # type: ignore[arg-type]
            rows = conn.execute("SELECT day, revenue, receipts FROM daily").fetchall()
            indexes = conn.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'daily'"
                " ORDER BY indexname"
            ).fetchall()
        finally:
            conn.close()
        assert [(day, Decimal(revenue), receipts) for day, revenue, receipts in rows] == [
            ("2026-10-01", Decimal("16000"), 13)
        ]
        assert [index for index, _ in indexes] == ["daily_day_store_id_key", "daily_pkey"]
        assert "(day, store_id)" in dict(indexes)["daily_day_store_id_key"]
    finally:
        drop_database(name)


def test_a_second_row_of_a_store_s_day_is_still_refused(company_location: Path | str) -> None:
    service = CompanyService.open(company_location, create=True, actor="owner")
    try:
        db = service.database
        db.content.apply_content(small_content())
        (first, *_) = db.daily.all_daily()
        again = DailyEntry(first.store, first.day, Decimal("1.00"), 1, 1, 0, None)
        db.daily.upsert_daily(again)  # the same store and day: the row changes, none is added
        assert len(db.daily.all_daily()) == len(small_content().daily)
        found = [e for e in db.daily.all_daily() if (e.store, e.day) == (first.store, first.day)]
        assert found == [again]
        assert db.daily.daily_rows(first.day, first.day, [first.store]) == [again]
    finally:
        service.close()

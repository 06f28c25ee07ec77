"""Schema v4: every fixture (v1, v2, v3) migrates to it; the lock triggers hold for every
write path (raw SQL included) and compare each table's rows with the locks correctly
(half-month periods too); the revision counts every change; period snapshots; the audit
of one key in one query; engine errors sorted into store errors."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from store_testdata import OCT, SEP, small_content

from kpidesk.core.daily import DailyEntry, SellerDay
from kpidesk.core.periods import Period
from kpidesk.store import (
    CURRENT_VERSION,
    BusyError,
    DamagedError,
    Database,
    DiskFullError,
    LockedPeriodError,
    ReadOnlyError,
)
from kpidesk.store.migrations import inspect_file
from kpidesk.store.sqlite_dialect import sort_error, trigger_names, write

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
H1, H2 = Period.half(2026, 10, 1), Period.half(2026, 10, 2)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "v4.sqlite", actor="owner")
    database.content.apply_content(small_content())
    yield database
    database.close()


# --- migrations -------------------------------------------------------------------------
def test_v3_fixture_is_version_three() -> None:
    assert inspect_file(FIXTURES / "schema_v3.sqlite") == 3


@pytest.mark.parametrize("version", [1, 2, 3])
def test_every_fixture_migrates_to_v4_with_triggers(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.sqlite"
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite", path)
    with Database.open(path, actor="t") as db:
        assert db.schema_version == CURRENT_VERSION
        names = trigger_names(db.connection)
        assert "audit_bumps_revision" in names
        for table in ("daily", "seller_days", "facts", "period_inputs", "store_plans"):
            for event in ("insert", "update", "delete"):
                assert f"{table}_locked_{event}" in names
        assert db.snapshots.periods() == []
        revision = db.revision()
        assert revision == db.audit.count()
        db.content.set_company(name="После миграции")
        assert db.revision() == revision + 1
        assert any(f"pre-migration-v{version}" in b.name for b in db.backups())
        assert db.integrity_check() == []


def test_v3_fixture_keeps_its_data_and_its_lock_now_holds(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite"
    shutil.copy(FIXTURES / "schema_v3.sqlite", path)
    with Database.open(path, actor="t") as db:
        assert db.content.company_name() == "ООО «Версия 3»"
        assert db.locks.locked_periods() == ["2026-09"]
        assert [t.period.code for t in db.tasks.all_tasks()] == ["2026-09", "2026-10"]
        with pytest.raises(LockedPeriodError, match="2026-09"):
            db.daily.delete_daily("Мега", date(2026, 9, 1))
        assert db.daily.delete_daily("Мега", date(2026, 10, 1)) is True


# --- lock triggers ------------------------------------------------------------------------
RAW_WRITES = {
    "daily": "UPDATE daily SET receipts = receipts + 1 WHERE day = '2026-09-05'",
    "seller_days": "DELETE FROM seller_days WHERE day BETWEEN '2026-09-01' AND '2026-09-30'",
    "facts": "UPDATE facts SET value = '1' WHERE period = '2026-09'",
    "period_inputs": "INSERT INTO period_inputs (period, employee_id, name, value)"
    " VALUES ('2026-09-H2', 1, 'x', '1')",
    "store_plans": "UPDATE store_plans SET revenue = '1' WHERE period = '2026-09'",
    "matrices": "UPDATE matrices SET end_date = end_date WHERE period = '2026-09'",
    "matrix_rows": "UPDATE matrix_rows SET weight = weight WHERE matrix_id IN"
    " (SELECT id FROM matrices WHERE period = '2026-09')",
    "tasks": "INSERT INTO tasks (period, start_date, end_date, assignee_id, title, kind,"
    " controller_id, due_date) VALUES ('2026-09', '2026-09-01', '2026-09-30', 1, 'x', 'task',"
    " 1, '2026-09-30')",
}


@pytest.mark.parametrize("table", sorted(RAW_WRITES))
def test_raw_sql_into_a_locked_period_is_refused(db: Database, table: str) -> None:
    db.locks.lock(SEP)
    conn = db.connection
    if table == "seller_days":
        db.locks.reopen(SEP, "add a row")
        db.daily.upsert_seller_day(SellerDay("Мега", date(2026, 9, 5), "Анна", Decimal(1), 1))
        db.locks.lock(SEP)
    if table in ("matrices", "matrix_rows"):
        assert conn.execute("SELECT count(*) FROM matrices WHERE period = '2026-09'").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="kpidesk_locked"):
        conn.execute(RAW_WRITES[table])
    with pytest.raises(LockedPeriodError), write(conn):
        conn.execute(RAW_WRITES[table])
    db.locks.reopen(SEP, "fix")
    conn.execute(RAW_WRITES[table])  # the same write passes once reopened


def test_half_month_locks_and_month_facts(db: Database) -> None:
    """Facts and inputs store only a period code: a month's row meets a locked half, a
    half's row meets a locked month, the other half stays open."""
    db.locks.lock(H1)
    with pytest.raises(LockedPeriodError, match=r"2026-10-H1 is locked: fact 2026-10 Анна nps"):
        db.facts.set_fact(OCT, "Анна", "nps", Decimal(1))
    with pytest.raises(LockedPeriodError):
        db.facts.set_fact(H1, "Анна", "nps", Decimal(1))
    assert db.facts.set_fact(H2, "Анна", "nps", Decimal(1)) is True
    assert db.daily.upsert_daily(DailyEntry("Мега", date(2026, 10, 16), Decimal(1), 1, 1))
    with pytest.raises(LockedPeriodError, match="2026-10-H1"):
        db.daily.upsert_daily(DailyEntry("Мега", date(2026, 10, 15), Decimal(1), 1, 1))
    with pytest.raises(LockedPeriodError):  # the month's plan overlaps the locked half
        db.daily.set_plan("Мега", OCT, Decimal(1))
    db.locks.reopen(H1, "month instead")
    db.locks.lock(OCT)
    with pytest.raises(LockedPeriodError, match="2026-10 is locked"):
        db.facts.set_input(H2, "Вера", "marketing:clicks", Decimal(5))
    for code in ("2026-10-07", "2026-Q4", "2026", "2026-10-10..2026-11-05"):
        with pytest.raises(LockedPeriodError):
            db.facts.set_fact(Period.parse(code), "Анна", "nps", Decimal(1))
    for code in ("2026-11", "2026-09-H2", "2026-Q3", "2026-09-01..2026-09-30"):
        assert db.facts.set_fact(Period.parse(code), "Анна", "nps", Decimal(1)) is True


def test_unchanged_reimport_into_a_locked_period_succeeds(db: Database) -> None:
    db.locks.lock(SEP)
    summary = db.content.apply_content(small_content())
    assert not summary.changed_anything
    assert db.content.export_content() == db.content.export_content()


# --- revision, snapshots, audit by key ------------------------------------------------------
def test_revision_counts_every_change_and_nothing_else(db: Database) -> None:
    revision = db.revision()
    db.daily.upsert_daily(DailyEntry("Мега", date(2026, 11, 21), Decimal(1), 1, 1))
    assert db.revision() == revision + 1
    db.daily.upsert_daily(DailyEntry("Мега", date(2026, 11, 21), Decimal(1), 1, 1))
    assert db.revision() == revision + 1  # unchanged: nothing written
    db.content.apply_content(small_content())
    assert db.revision() == revision + 1
    db.locks.lock(SEP)
    assert db.revision() == revision + 2


def test_snapshots_round_trip_and_survive_export_and_apply(db: Database, tmp_path: Path) -> None:
    db.locks.lock(SEP)
    db.snapshots.save(SEP, b"\x00payload")
    db.snapshots.save(OCT, b"october")
    assert db.snapshots.periods() == ["2026-09", "2026-10"]
    assert db.snapshots.load(SEP) == b"\x00payload"
    db.snapshots.save(OCT, b"again")
    assert db.snapshots.load("2026-10") == b"again"
    assert db.snapshots.delete(OCT) is True and db.snapshots.delete(OCT) is False
    assert db.snapshots.load(OCT) is None
    content = db.content.export_content()
    db.content.apply_content(content)
    assert db.snapshots.periods() == ["2026-09"]
    copy = db.backup(tmp_path / "copy.sqlite")
    with Database.open(copy, actor="t", backup_on_open=False) as restored:
        assert restored.snapshots.load(SEP) == b"\x00payload"


def test_audit_for_key_filters_in_sql(db: Database) -> None:
    day = date(2026, 11, 22)
    db.daily.upsert_daily(DailyEntry("Мега", day, Decimal(1), 1, 1))
    db.daily.upsert_seller_day(SellerDay("Мега", day, "Анна", Decimal(1), 1))
    db.daily.upsert_daily(DailyEntry("Мега", date(2026, 11, 2), Decimal(1), 1, 1))
    db.facts.set_fact(OCT, "Анна", "nps", Decimal(3))
    texts: list[str] = []
    db.connection.set_trace_callback(texts.append)
    found = db.audit.for_key(("daily", "seller_day"), "Мега 2026-11-22", "Мега")
    db.connection.set_trace_callback(None)
    assert len(texts) == 1
    assert [(e.entity, e.key) for e in found] == [
        ("seller_day", "Мега 2026-11-22 Анна"),
        ("daily", "Мега 2026-11-22"),
    ]
    assert db.audit.for_key(("daily",), "Мега 2026-11-2") == []  # a prefix is not a key
    assert db.audit.for_key(("daily",), "Мега 2026-11-22", "Центр") == []
    assert db.audit.for_key((), "Мега 2026-11-22") == []
    assert db.audit.for_key(("daily",), "Мег_ 2026-11-22") == []  # no wildcards


# --- error sorting -----------------------------------------------------------------------
def _error(kind: type[sqlite3.Error], code: int, name: str) -> sqlite3.Error:
    error = kind("boom")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("code", "name", "expected"),
    [
        (5, "SQLITE_BUSY", BusyError),
        (6, "SQLITE_LOCKED", BusyError),
        (8, "SQLITE_READONLY", ReadOnlyError),
        (13, "SQLITE_FULL", DiskFullError),
        (11, "SQLITE_CORRUPT", DamagedError),
        (26, "SQLITE_NOTADB", DamagedError),
        (5 | (1 << 8), "SQLITE_BUSY_RECOVERY", BusyError),
    ],
)
def test_engine_errors_sorted_by_code(code: int, name: str, expected: type) -> None:
    assert isinstance(sort_error(_error(sqlite3.OperationalError, code, name)), expected)


def test_other_engine_errors_stay_bugs() -> None:
    error = _error(sqlite3.IntegrityError, 2067, "SQLITE_CONSTRAINT_UNIQUE")
    assert sort_error(error) is error


def test_a_busy_file_says_try_again(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    with Database.open(path, actor="a") as first:
        first.content.apply_content(small_content())
        other = sqlite3.connect(path, isolation_level=None, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            first.connection.execute("PRAGMA busy_timeout = 0")
            with pytest.raises(BusyError, match="try again"):
                first.content.set_company(name="Занято")
        finally:
            other.execute("ROLLBACK")
            other.close()

"""Schema migrations: the v1 fixture migrates keeping its data; newer files are refused."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.daily import DailyEntry
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.periods import Period
from kpidesk.store import CURRENT_VERSION, Database, NewerSchemaError
from kpidesk.store.backup import check_file
from kpidesk.store.migrations import MIGRATIONS, inspect_file

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schema_v1.sqlite"


def test_versions_are_ordered_and_current_is_seven() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert CURRENT_VERSION == 7


def test_fixture_is_version_one() -> None:
    assert inspect_file(FIXTURE) == 1


def test_v1_fixture_migrates_keeping_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    with Database.open(path, actor="t") as db:
        assert db.schema_version == CURRENT_VERSION
        company = db.content.load_company()
        assert company.name == "ООО «Версия 1»"
        assert [s.name for s in company.stores] == ["Мега"]
        anna = company.employee("Анна")
        assert anna is not None and anna.fixed_pay == Decimal("39700.00")
        assert anna.start == date(2026, 1, 12) and anna.store == "Мега"
        (matrix,) = company.matrices
        assert matrix.position == "Продавец" and matrix.period == Period.month(2026, 9)
        assert matrix.rows == (
            MatrixRow("revenue", Decimal("0.6"), None, Decimal("100000"), Decimal("150000")),
            MatrixRow("nps", Decimal("0.4"), Decimal("60"), Decimal("80"), None),
        )
        rows = db.daily.daily_rows(date(2026, 9, 1), date(2026, 9, 30))
        assert rows[1] == DailyEntry(
            "Мега", date(2026, 9, 2), Decimal("17250.00"), 14, 95, 22, Decimal("300.00")
        )
        assert len(rows) == 3
        (fact,) = db.facts.facts(Period.month(2026, 9))
        assert (fact.employee, fact.indicator, fact.value) == ("Анна", "nps", Decimal("78.5"))
        # the new tables work after migration
        assert db.locks.locked_periods() == []
        assert db.daily.seller_days(date(2026, 9, 1), date(2026, 9, 30)) == []
        backups = db.backups()
        assert len(backups) == 1 and "pre-migration-v1" in backups[0].name
        assert db.integrity_check() == []
    assert inspect_file(backups[0]) == 1  # the backup is the untouched old version


def test_newer_file_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with Database.open(path, actor="t"):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    with pytest.raises(NewerSchemaError) as caught:
        Database.open(path, actor="t")
    message = str(caught.value)
    assert str(path) in message
    assert str(CURRENT_VERSION + 5) in message and str(CURRENT_VERSION) in message
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    assert not (tmp_path / "backups").exists()
    assert check_file(path) == []


def test_a_new_file_gets_its_schema_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every version of a new database runs in one transaction: a failure in the last
    leaves no table behind; a file that already holds a version keeps the versions it got
    before the failing one (each in its own transaction, as ever)."""
    from kpidesk.store import migrations

    real = migrations.apply_migration

    def failing_at_the_last(conn: object, migration: migrations.Migration) -> None:
        if migration.version == CURRENT_VERSION:
            raise RuntimeError("disk full")
        real(conn, migration)  # type: ignore[arg-type]

    monkeypatch.setattr(migrations, "apply_migration", failing_at_the_last)
    conn = sqlite3.connect(tmp_path / "new.sqlite", isolation_level=None)
    with pytest.raises(RuntimeError):
        migrations.migrate(conn, tmp_path / "new.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    conn.close()

    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, old)
    conn = sqlite3.connect(old, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrations.migrate(conn, old)
    assert conn.execute("PRAGMA user_version").fetchone() == (CURRENT_VERSION - 1,)
    conn.close()

"""Schema v5: the v4 fixture migrates keeping its data; users and sign-off steps are stored
and audited; a locked period's sign-off cannot change, even by raw SQL."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from store_testdata import SEP, small_content

from kpidesk.store import CURRENT_VERSION, Database, LockedPeriodError
from kpidesk.store.errors import ContentError
from kpidesk.store.migrations import inspect_file
from kpidesk.store.users import UserRow

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "v5.sqlite", actor="owner")
    database.content.apply_content(small_content())
    yield database
    database.close()


def test_v4_fixture_migrates_to_v5_keeping_its_data(tmp_path: Path) -> None:
    assert inspect_file(FIXTURES / "schema_v4.sqlite") == 4
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_v4.sqlite", path)
    with Database.open(path, actor="t") as db:
        assert db.schema_version == CURRENT_VERSION >= 5
        company = db.content.load_company()
        assert company.name == "ООО «Версия 4»"
        anna = company.employee("Анна")
        assert anna is not None and anna.fixed_pay == Decimal("39700.00")
        assert [(r.start.code, r.fixed_pay) for r in anna.rates] == [
            ("2026-10", Decimal("41000.00"))
        ]
        assert db.locks.locked_periods() == ["2026-09"]
        assert not db.users.any() and db.users.users() == []
        assert db.signoffs.step(SEP) is None
        assert any("pre-migration-v4" in backup.name for backup in db.backups())


def test_users_are_stored_found_without_case_and_audited(db: Database) -> None:
    store = db.content.load_company().stores[0].name
    employee = db.content.load_company().employees[0].name
    db.users.add(UserRow("Мария", "manager", store, employee, "scrypt$x", False))
    assert db.users.any()
    found = db.users.user("МАРИЯ")
    assert found is not None and (found.store, found.employee) == (store, employee)
    assert found.created_by == "owner"
    with pytest.raises(ContentError):
        db.users.add(UserRow("мария", "viewer", None, None, "scrypt$y", False))
    changed = db.users.change(UserRow("Мария", "viewer", None, employee, "scrypt$z", True))
    assert changed == ["role", "store", "disabled", "password"]
    rows = db.audit.entries(entity="user")
    assert {(e.field, e.old, e.new) for e in rows} >= {
        ("password", None, None),
        ("role", "manager", "viewer"),
        ("role", None, "manager"),
    }
    assert all("scrypt" not in (e.old or "") + (e.new or "") for e in rows)


def test_sign_off_steps_are_kept_and_frozen_with_their_period(db: Database) -> None:
    db.signoffs.mark(SEP, "checked", "d1")
    db.signoffs.mark(SEP, "approved", "d1")
    step = db.signoffs.step(SEP)
    assert step is not None and (step.step, step.checked_by, step.approved_by) == (
        "approved",
        "owner",
        "owner",
    )
    db.locks.lock(SEP)
    with pytest.raises(LockedPeriodError):
        db.signoffs.back(SEP, "checked", "ошибка")
    conn = sqlite3.connect(db.path)
    with pytest.raises(sqlite3.DatabaseError, match="kpidesk_locked"):
        conn.execute("DELETE FROM paylist_steps WHERE period = ?", (SEP.code,))
    conn.close()
    db.locks.reopen(SEP, "ошибка")
    assert db.signoffs.back(SEP, "checked", "пересчёт")
    after = db.signoffs.step(SEP)
    assert after is not None and after.step == "checked" and after.approved_by is None
    assert db.signoffs.back(SEP, None, "ещё раз") and db.signoffs.step(SEP) is None

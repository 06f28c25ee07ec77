"""Period locks: writes feeding a locked period are refused; reopening is audited."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from store_testdata import OCT, SEP, small_content

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, Fact, PeriodInput, SellerDay, StorePlan
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.periods import Period
from kpidesk.store import Database, LockedPeriodError, StoreError


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "l.sqlite", actor="owner")
    database.apply_content(small_content())
    assert database.lock_period(SEP) is True
    yield database
    database.close()


def test_lock_state_and_backup(db: Database) -> None:
    assert db.is_locked(SEP) and not db.is_locked(OCT)
    assert db.locked_periods() == ["2026-09"]
    assert db.lock_period(SEP) is False
    last = db.last_backup()
    assert last is not None and "lock-2026-09" in last.name
    (entry,) = db.audit_entries(entity="period")
    assert (entry.action, entry.key, entry.actor) == ("lock", "2026-09", "owner")


def test_single_writes_refused(db: Database) -> None:
    day = date(2026, 9, 5)
    with pytest.raises(LockedPeriodError, match=r"2026-09 is locked: daily Мега 2026-09-05"):
        db.upsert_daily(DailyEntry("Мега", day, Decimal(1), 1, 1))
    with pytest.raises(LockedPeriodError):
        db.delete_daily("Мега", day)
    with pytest.raises(LockedPeriodError, match="fact"):
        db.set_fact(SEP, "Анна", "nps", Decimal(1))
    with pytest.raises(LockedPeriodError):
        db.set_fact(SEP, "Анна", "nps", None)
    with pytest.raises(LockedPeriodError):
        db.set_plan("Мега", SEP, Decimal(5))
    with pytest.raises(LockedPeriodError):
        db.set_input(Period.half(2026, 9, 2), "Вера", "marketing:clicks", Decimal(1))
    with pytest.raises(LockedPeriodError):
        db.upsert_seller_day(SellerDay("Мега", day, "Анна", Decimal(1), 1))
    rows = (MatrixRow("nps", Decimal(1), Decimal(0), Decimal(10)),)
    with pytest.raises(LockedPeriodError, match="matrix"):
        db.save_matrix(Matrix(SEP, rows, position="Продавец"))
    # a new matrix from August would govern the locked September too
    with pytest.raises(LockedPeriodError):
        db.save_matrix(Matrix(Period.month(2026, 8), rows, employee="Борис"))
    # open periods are fine, and so is a matrix from October on
    assert db.upsert_daily(DailyEntry("Мега", date(2026, 10, 5), Decimal(1), 1, 1))
    assert db.save_matrix(Matrix(OCT, rows, position="Продавец"))
    assert db.daily_rows(day, day)[0].revenue == Decimal(1040)  # untouched


def test_apply_content_refuses_changes_but_accepts_unchanged(db: Database) -> None:
    content = small_content()
    assert not db.apply_content(content).changed_anything
    count = db.audit_count()
    changed = replace(content.daily[0], receipts=1)
    for bad in (
        CompanyContent(daily=(changed,)),
        CompanyContent(facts=(Fact(SEP, "Борис", "nps", Decimal(1)),)),
        CompanyContent(inputs=(PeriodInput(SEP, "Вера", "x", Decimal(1)),)),
        CompanyContent(plans=(StorePlan("Центр", SEP, Decimal(1)),)),
    ):
        with pytest.raises(LockedPeriodError):
            db.apply_content(bad)
    assert db.audit_count() == count
    assert db.daily_rows(changed.day, changed.day)[0].receipts == content.daily[0].receipts


def test_reopen_requires_reason_and_is_audited(db: Database) -> None:
    with pytest.raises(StoreError, match="reason"):
        db.reopen_period(SEP, "  ")
    assert db.reopen_period(SEP, "ошибка в выручке") is True
    assert db.reopen_period(SEP, "again") is False
    entry = db.audit_entries(period="2026-09", entity="period", limit=1)[0]
    assert (entry.action, entry.field, entry.new) == ("reopen", "reason", "ошибка в выручке")
    assert db.set_fact(SEP, "Анна", "nps", Decimal(1)) is True

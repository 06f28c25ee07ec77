"""Period locks: writes feeding a locked period are refused; reopening is audited."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import cast

import pytest
from store_testdata import OCT, SEP, small_content

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, Fact, PeriodInput, SellerDay, StorePlan
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.periods import Period
from kpidesk.store import Database, LockedPeriodError, StoreError
from tests.engines import open_database


@pytest.fixture
def db(company_location: Path | str) -> Iterator[Database]:
    database = cast(Database, open_database(company_location, actor="owner"))
    database.content.apply_content(small_content())
    assert database.locks.lock(SEP) is True
    yield database
    database.close()


def test_lock_state(db: Database) -> None:
    assert db.locks.is_locked(SEP) and not db.locks.is_locked(OCT)
    assert db.locks.locked_periods() == ["2026-09"]
    assert db.locks.lock(SEP) is False
    (entry,) = db.audit.entries(entity="period")
    assert (entry.action, entry.key, entry.actor) == ("lock", "2026-09", "owner")


def test_single_writes_refused(db: Database) -> None:
    day = date(2026, 9, 5)
    with pytest.raises(LockedPeriodError, match=r"2026-09 is locked: daily Мега 2026-09-05"):
        db.daily.upsert_daily(DailyEntry("Мега", day, Decimal(1), 1, 1))
    with pytest.raises(LockedPeriodError):
        db.daily.delete_daily("Мега", day)
    with pytest.raises(LockedPeriodError, match="fact"):
        db.facts.set_fact(SEP, "Анна", "nps", Decimal(1))
    with pytest.raises(LockedPeriodError):
        db.facts.set_fact(SEP, "Анна", "nps", None)
    with pytest.raises(LockedPeriodError):
        db.daily.set_plan("Мега", SEP, Decimal(5))
    with pytest.raises(LockedPeriodError):
        db.facts.set_input(Period.half(2026, 9, 2), "Вера", "marketing:clicks", Decimal(1))
    with pytest.raises(LockedPeriodError):
        db.daily.upsert_seller_day(SellerDay("Мега", day, "Анна", Decimal(1), 1))
    rows = (MatrixRow("nps", Decimal(1), Decimal(0), Decimal(10)),)
    with pytest.raises(LockedPeriodError, match="matrix"):
        db.matrices.save_matrix(Matrix(SEP, rows, position="Продавец"))
    # a new matrix from August would govern the locked September too
    with pytest.raises(LockedPeriodError):
        db.matrices.save_matrix(Matrix(Period.month(2026, 8), rows, employee="Борис"))
    # open periods are fine, and so is a matrix from October on
    assert db.daily.upsert_daily(DailyEntry("Мега", date(2026, 10, 5), Decimal(1), 1, 1))
    assert db.matrices.save_matrix(Matrix(OCT, rows, position="Продавец"))
    assert db.daily.daily_rows(day, day)[0].revenue == Decimal(1040)  # untouched


def test_apply_content_refuses_changes_but_accepts_unchanged(db: Database) -> None:
    content = small_content()
    assert not db.content.apply_content(content).changed_anything
    count = db.audit.count()
    changed = replace(content.daily[0], receipts=1)
    for bad in (
        CompanyContent(daily=(changed,)),
        CompanyContent(facts=(Fact(SEP, "Борис", "nps", Decimal(1)),)),
        CompanyContent(inputs=(PeriodInput(SEP, "Вера", "x", Decimal(1)),)),
        CompanyContent(plans=(StorePlan("Центр", SEP, Decimal(1)),)),
    ):
        with pytest.raises(LockedPeriodError):
            db.content.apply_content(bad)
    assert db.audit.count() == count
    assert db.daily.daily_rows(changed.day, changed.day)[0].receipts == content.daily[0].receipts


def test_reopen_requires_reason_and_is_audited(db: Database) -> None:
    with pytest.raises(StoreError, match="reason"):
        db.locks.reopen(SEP, "  ")
    assert db.locks.reopen(SEP, "ошибка в выручке") is True
    assert db.locks.reopen(SEP, "again") is False
    entry = db.audit.entries(period="2026-09", entity="period", limit=1)[0]
    assert (entry.action, entry.field, entry.new) == ("reopen", "reason", "ошибка в выручке")
    assert db.facts.set_fact(SEP, "Анна", "nps", Decimal(1)) is True

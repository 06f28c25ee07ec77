"""Single-entity writes from the GUI: each one transaction with audit rows old → new."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import cast

import pytest
from store_testdata import OCT, SEP, small_content

from kpidesk.core.daily import DailyEntry, SellerDay
from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee, Position, Store
from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.periods import PeriodKind
from kpidesk.store import ContentError, Database, Removal, StoreError
from tests.engines import open_database


@pytest.fixture
def db(company_location: Path | str) -> Iterator[Database]:
    database = cast(Database, open_database(company_location, actor="Анна"))
    database.content.apply_content(small_content())
    yield database
    database.close()


def test_upsert_and_delete_daily(db: Database) -> None:
    day = date(2026, 11, 2)
    entry = DailyEntry("Мега", day, Decimal("15000.50"), 12, 80, 20)
    assert db.daily.upsert_daily(entry) is True
    assert db.daily.upsert_daily(entry) is False
    assert db.daily.upsert_daily(replace(entry, visitors=90)) is True
    assert db.daily.daily_rows(day, day) == [replace(entry, visitors=90)]
    (change,) = [e for e in db.audit.entries(store="Мега") if e.action == "change"]
    assert (change.key, change.field, change.old, change.new) == (
        "Мега 2026-11-02",
        "visitors",
        "80",
        "90",
    )
    assert db.daily.delete_daily("Мега", day) is True
    assert db.daily.delete_daily("Мега", day) is False
    assert db.daily.daily_rows(day, day) == []
    assert db.audit.entries(store="Мега", limit=1)[0].action == "delete"


def test_single_additions_are_audited_item_by_item(db: Database) -> None:
    day = date(2026, 11, 3)
    db.daily.upsert_daily(DailyEntry("Мега", day, Decimal("900"), 3, 30, 4))
    (added,) = [e for e in db.audit.entries(store="Мега") if e.key == "Мега 2026-11-03"]
    assert (added.action, added.entity, added.store) == ("add", "daily", "Мега")
    db.facts.set_fact(SEP, "Борис", "nps", Decimal("64"))
    fact = db.audit.entries(employee="Борис", limit=1)[0]
    assert (fact.action, fact.period, fact.employee) == ("add", SEP.code, "Борис")


def test_transaction_groups_single_writes_all_or_nothing(db: Database) -> None:
    first, second = date(2026, 11, 4), date(2026, 11, 5)
    with pytest.raises(StoreError), db.transaction():
        db.daily.upsert_daily(DailyEntry("Мега", first, Decimal("100"), 1, 10, 1))
        db.daily.upsert_daily(DailyEntry("Нигде", second, Decimal("100"), 1, 10, 1))
    assert db.daily.daily_rows(first, second) == []
    with db.transaction():
        db.daily.upsert_daily(DailyEntry("Мега", first, Decimal("100"), 1, 10, 1))
        db.daily.upsert_daily(DailyEntry("Мега", second, Decimal("100"), 1, 10, 1))
    assert len(db.daily.daily_rows(first, second)) == 2


def test_set_fact_add_change_delete(db: Database) -> None:
    assert db.facts.set_fact(OCT, "Борис", "nps", Decimal("71")) is True
    assert db.facts.set_fact(OCT, "Борис", "nps", Decimal("71.00")) is False
    assert db.facts.set_fact(OCT, "Борис", "NPS", None) is True  # by name works too
    assert ("Борис", "nps") not in db.content.load_period_inputs(OCT).facts
    actions = [(e.action, e.field, e.old, e.new) for e in db.audit.entries(employee="Борис")]
    assert actions[:2] == [("delete", None, "value 71", None), ("change", "value", "70", "71")]
    with pytest.raises(ContentError):
        db.facts.set_fact(OCT, "Борис", "unknown", Decimal(1))


def test_save_matrix_replaces_rows_and_audits_cells(db: Database) -> None:
    rows = (
        MatrixRow(
            "revenue", Decimal("0.6"), Decimal("50000"), Decimal("100000"), Decimal("300000")
        ),
        MatrixRow("nps", Decimal("0.4"), Decimal("60"), Decimal("80"), None),
    )
    assert db.matrices.save_matrix(Matrix(SEP, rows, position="Продавец")) is True
    assert db.matrices.save_matrix(Matrix(SEP, rows, position="Продавец")) is False
    (stored,) = [m for m in db.matrices.matrices() if m.position == "Продавец"]
    assert stored.rows == rows
    changes = {(e.field, e.old, e.new) for e in db.audit.entries(entity="matrix")}
    assert ("revenue.weight", "0.7", "0.6") in changes and ("nps.weight", "0.3", "0.4") in changes
    assert db.matrices.save_matrix(Matrix(SEP, rows[:1], position="Продавец")) is True
    assert db.audit.entries(entity="matrix", limit=1)[0].field == "nps"
    assert db.matrices.delete_matrix(SEP, position="Продавец") is True
    assert db.matrices.delete_matrix(SEP, position="Продавец") is False


def test_save_employee_rename_and_pay(db: Database) -> None:
    anna = db.content.load_company().employee("Анна")
    assert anna is not None
    renamed = replace(anna, name="Анна К.", target_bonus=Decimal("17000"), position="Старший")
    assert db.org.save_employee("Анна", renamed) is True
    company = db.content.load_company()
    assert company.employee("Анна") is None and company.employee("Анна К.") == renamed
    assert "Старший" in {p.name for p in company.positions}
    fields = {e.field for e in db.audit.entries(entity="employee")}
    assert {"name", "target_bonus", "position"} <= fields
    assert db.facts.facts(SEP)[0].employee == "Анна К."  # facts follow the id, not the name
    with pytest.raises(StoreError, match="already exists"):
        db.org.save_employee("Анна К.", replace(renamed, name="Борис"))


def test_directory_saves(db: Database) -> None:
    assert db.org.save_store(None, Store("Новый")) is True
    assert db.org.save_store("Новый", Store("Новейший")) is True
    assert "Новейший" in {s.name for s in db.org.stores()}
    assert db.org.save_indicator(None, Indicator("units", "Штуки", "шт.")) is True
    assert db.org.save_indicator("units", Indicator("units", "Единицы", "шт.")) is True
    assert db.org.save_position(None, Position("Кассир")) is True
    assert db.matrices.save_schedule(PayoutSchedule(threshold=Decimal("0.9"))) is True
    assert db.matrices.save_schedule(PayoutSchedule(threshold=Decimal("0.90"))) is False
    company = [s for s in db.matrices.schedules() if s.position is None]
    assert company[0].threshold == Decimal("0.9")
    assert db.matrices.delete_schedule("Маркетолог") is True
    assert db.content.set_company(name="ООО «Новое»", pay_period=PeriodKind.HALF) is True
    assert db.content.load_company().pay_period is PeriodKind.HALF


def test_archive_when_referenced_delete_otherwise(db: Database) -> None:
    assert db.org.archive_store("Мега") is Removal.ARCHIVED
    assert Store("Мега", archived=True) in db.org.stores()
    assert db.org.archive_store("Старый") is Removal.DELETED
    assert "Старый" not in {s.name for s in db.org.stores()}
    assert db.org.archive_employee("Анна") is Removal.ARCHIVED
    db.org.save_employee(None, Employee("Гость", "Продавец"))
    assert db.org.archive_employee("Гость") is Removal.DELETED
    assert db.org.archive_indicator("nps") is Removal.ARCHIVED
    db.org.save_indicator(None, Indicator("spare", "Запасной"))
    assert db.org.archive_indicator("spare") is Removal.DELETED
    assert db.org.archive_position("Продавец") is Removal.ARCHIVED
    db.org.save_position(None, Position("Пустая"))
    assert db.org.archive_position("Пустая") is Removal.DELETED
    actions = {(e.action, e.key) for e in db.audit.entries()}
    assert ("archive", "Мега") in actions and ("delete", "Старый") in actions


def test_seller_days_and_plans(db: Database) -> None:
    day = date(2026, 11, 3)
    assert db.daily.upsert_seller_day(SellerDay("Центр", day, "Борис", Decimal(100), 1)) is True
    assert len(db.daily.seller_days(day, day)) == 1
    assert db.daily.delete_seller_day("Центр", day, "Борис") is True
    assert db.daily.set_plan("Центр", OCT, Decimal("1000")) is True
    assert db.daily.set_plan("Центр", OCT, None) is True
    assert db.facts.set_input(OCT, "Вера", "marketing:clicks", Decimal("130")) is True
    assert db.facts.set_input(OCT, "Вера", "marketing:clicks", None) is True
    assert db.audit.entries(employee="Вера", limit=1)[0].action == "delete"


def test_days_with_data_names_store_and_day(db: Database) -> None:
    day = date(2026, 11, 6)
    db.daily.upsert_daily(DailyEntry("Мега", day, Decimal("100"), 1, 10, 1))
    assert ("Мега", day) in db.daily.days_with_data(day, day)
    assert db.daily.days_with_data(date(2030, 1, 1), date(2030, 1, 31)) == set()

"""Round trip of every entity, idempotent re-import, all-or-nothing, summaries, snapshots."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from store_testdata import OCT, SEP, small_content

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, Fact
from kpidesk.core.org import Employee
from kpidesk.core.problems import Location
from kpidesk.store import ContentError, Database

KINDS = (
    "stores",
    "departments",
    "positions",
    "employees",
    "indicators",
    "matrices",
    "schedules",
    "daily",
    "seller_days",
    "plans",
    "facts",
    "inputs",
)


def test_every_entity_round_trips(tmp_path: Path) -> None:
    content = small_content()
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        summary = db.content.apply_content(content)
        assert summary["daily"].added == 122 and summary["employees"].added == 3
        exported = db.content.export_content()
    for kind in KINDS:
        assert getattr(exported, kind) == getattr(content, kind), kind
    assert exported.company_name == content.company_name
    assert exported.pay_period == content.pay_period
    with Database.open(tmp_path / "b.sqlite", actor="t") as db:
        db.content.apply_content(exported)
        assert db.content.export_content() == exported


def test_second_apply_changes_nothing_and_writes_no_audit(tmp_path: Path) -> None:
    content = small_content()
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        db.content.apply_content(content)
        count = db.audit.count()
        again = db.content.apply_content(content)
        assert not again.changed_anything
        assert again.added == 0 and again.changed == 0
        assert again["daily"].unchanged == 122 and again["matrices"].unchanged == 2
        assert db.audit.count() == count


def test_equal_numbers_in_other_form_are_unchanged(tmp_path: Path) -> None:
    content = small_content()
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        db.content.apply_content(content)
        count = db.audit.count()
        anna = replace(content.employees[0], fixed_pay=Decimal("39700.0"))
        day = replace(content.daily[0], revenue=content.daily[0].revenue + Decimal("0.000"))
        summary = db.content.apply_content(CompanyContent(employees=(anna,), daily=(day,)))
        assert summary["employees"].unchanged == 1 and summary["daily"].unchanged == 1
        assert db.audit.count() == count


def test_changes_are_counted_and_audited_per_value(tmp_path: Path) -> None:
    content = small_content()
    with Database.open(tmp_path / "a.sqlite", actor="boss") as db:
        db.content.apply_content(content)
        anna = replace(content.employees[0], fixed_pay=Decimal("41000"), store="Центр")
        day = replace(content.daily[0], receipts=99)
        summary = db.content.apply_content(CompanyContent(employees=(anna,), daily=(day,)))
        assert summary["employees"].changed == 1 and summary["daily"].changed == 1
        entries = db.audit.entries(entity="employee")
        changes = {(e.field, e.old, e.new) for e in entries if e.action == "change"}
        assert changes == {("fixed_pay", "39700.00", "41000"), ("store", "Мега", "Центр")}
        assert all(e.actor == "boss" and e.employee == "Анна" for e in entries[:2])
        (daily,) = [e for e in db.audit.entries(entity="daily") if e.action == "change"]
        assert (daily.field, daily.old, daily.new, daily.store) == ("receipts", "10", "99", "Мега")


def test_bulk_additions_audited_as_one_summary_row(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        db.content.apply_content(small_content())
        daily = db.audit.entries(entity="daily")
        assert [(e.action, e.new) for e in daily] == [("add", "added 122 daily rows")]


def test_all_or_nothing(tmp_path: Path) -> None:
    content = small_content()
    bad = Fact(OCT, "Никто", "nps", Decimal(1))
    broken = replace(
        content, facts=(*content.facts, bad), origins={("facts", 3): Location("Факты", 9, "ФИО")}
    )
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        with pytest.raises(ContentError) as caught:
            db.content.apply_content(broken)
        assert "Никто" in str(caught.value) and "sheet 'Факты', row 9" in str(caught.value)
        assert caught.value.where.row == 9
        assert db.org.stores() == () and db.audit.count() == 0
        assert db.daily.daily_rows(date(2000, 1, 1), date(2100, 1, 1)) == []


def test_unknown_store_is_an_error_but_positions_are_created(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        db.content.apply_content(
            CompanyContent(employees=(Employee("Ян", "Кассир", department="Касса"),))
        )
        assert [p.name for p in db.org.positions()] == ["Кассир"]
        assert [d.name for d in db.org.departments()] == ["Касса"]
        with pytest.raises(ContentError, match="unknown store 'Нет'"):
            db.content.apply_content(
                CompanyContent(daily=(DailyEntry("Нет", date(2026, 1, 1), 1, 1, 1),))
            )


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        summary = db.content.apply_content(small_content(), dry_run=True)
        assert summary.dry_run and summary["daily"].added == 122
        assert db.org.stores() == () and db.audit.count() == 0


def test_load_company_and_period_inputs(tmp_path: Path) -> None:
    content = small_content()
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        db.content.apply_content(content)
        company = db.content.load_company()
        assert company.name == "ООО «Тест»"
        assert company.stores == content.stores and company.matrices == content.matrices
        inputs = db.content.load_period_inputs(OCT)
        assert inputs.facts == {("Анна", "nps"): Decimal("82.5"), ("Борис", "nps"): 70}
        assert inputs.inputs[("Вера", "marketing:clicks")] == 120
        assert {d.day for d in inputs.daily} == set(SEP.days()) | set(OCT.days())
        assert len(inputs.seller_days) == 61
        assert [p.period for p in inputs.plans] == [OCT]
        mega = db.daily.daily_rows(date(2026, 9, 1), date(2026, 9, 2), stores=["Мега"])
        assert [(d.store, d.day.day) for d in mega] == [("Мега", 1), ("Мега", 2)]
        assert db.daily.daily_rows(SEP.start, SEP.end, stores=[]) == []
        assert [f.value for f in db.facts.facts(SEP)] == [Decimal(75)]

"""Directory use cases: validation before writing, renames, archive versus delete, payout
schedules, and every store failure turned into a coded UserError."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.services import directories
from kpidesk.services.changes import ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.services.errors import UserError

TODAY = date(2026, 11, 22)
SELLER = "Павлов Денис Олегович"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("directories") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture
def service(demo_file: Path, tmp_path: Path) -> Iterator[CompanyService]:
    target = tmp_path / "demo.kpidesk"
    source, copy = sqlite3.connect(demo_file), sqlite3.connect(target)
    source.backup(copy)
    copy.close()
    source.close()
    with CompanyService.open(target, backup=False) as opened:
        yield opened


def _codes(error: pytest.ExceptionInfo[UserError]) -> list[str]:
    return [problem.code for problem in error.value.problems]


def test_add_rename_and_audit_a_store(service: CompanyService) -> None:
    before = service.database.audit.count()
    change = directories.save_store(service, None, Store("  Новый   магазин "))
    assert change.kind is ChangeKind.DIRECTORY
    assert "Новый магазин" in [s.name for s in service.company().stores]
    directories.save_store(service, "Новый магазин", Store("На Ленина"))
    names = [s.name for s in service.company().stores]
    assert "На Ленина" in names and "Новый магазин" not in names
    assert service.database.audit.count() == before + 2


def test_names_must_be_given_and_unique(service: CompanyService) -> None:
    with pytest.raises(UserError) as empty:
        directories.save_department(service, None, Department("   "))
    assert _codes(empty) == ["name_empty"]
    with pytest.raises(UserError) as taken:
        directories.save_position(service, None, Position("Маркетолог"))
    assert _codes(taken) == ["name_taken"]
    with pytest.raises(UserError) as rename:
        directories.save_store(service, "Центральный", Store("На Садовой"))
    assert _codes(rename) == ["name_taken"]
    with pytest.raises(UserError) as missing:
        directories.save_store(service, "Нет такого", Store("Другой"))
    assert _codes(missing) == ["unknown_item"]


def test_employee_is_validated_before_writing(service: CompanyService) -> None:
    count = service.database.audit.count()
    bad_dates = Employee(
        "Новиков Пётр", "Кладовщик", start=date(2026, 10, 10), end=date(2026, 10, 1)
    )
    with pytest.raises(UserError) as dates:
        directories.save_employee(service, None, bad_dates)
    assert _codes(dates) == ["end_before_start"]
    with pytest.raises(UserError) as pay:
        directories.save_employee(
            service, None, Employee("Новиков Пётр", "Кладовщик", fixed_pay=Decimal(-1))
        )
    assert _codes(pay) == ["negative_value"]
    with pytest.raises(UserError) as store:
        directories.save_employee(service, None, Employee("Новиков Пётр", "Кладовщик", "Нет"))
    assert _codes(store) == ["unknown_store"]
    with pytest.raises(UserError) as position:
        directories.save_employee(service, None, Employee("Новиков Пётр", "Космонавт"))
    assert _codes(position) == ["unknown_position"]
    assert service.database.audit.count() == count  # nothing written


def test_employee_pay_change_and_rename(service: CompanyService) -> None:
    old = service.company().employee(SELLER)
    assert old is not None
    new = Employee(
        "Павлов Денис",
        old.position,
        old.store,
        old.department,
        Decimal("33000"),
        old.target_bonus,
        old.start,
    )
    change = directories.save_employee(service, SELLER, new)
    assert change.employee == "Павлов Денис"
    saved = service.company().employee("Павлов Денис")
    assert saved is not None and saved.fixed_pay == Decimal("33000")
    assert service.company().employee(SELLER) is None


def test_indicator_code_rules(service: CompanyService) -> None:
    with pytest.raises(UserError) as spaces:
        directories.save_indicator(service, None, Indicator("new code", "Новый"))
    assert _codes(spaces) == ["code_spaces"]
    with pytest.raises(UserError) as taken:
        directories.save_indicator(service, None, Indicator("nps", "Другой NPS"))
    assert _codes(taken) == ["name_taken"]
    indicator = Indicator("returns", "Возвраты", "₽", Source.parse("store:returns"))
    directories.save_indicator(service, None, indicator)
    directories.save_indicator(
        service,
        "returns",
        Indicator("returns", "Возвраты", "₽", indicator.source, IndexMethod.RATIO),
    )
    found = service.company().indicator("returns")
    assert found is not None and found.method is IndexMethod.RATIO


def test_removing_archives_what_past_periods_need_and_deletes_the_rest(
    service: CompanyService,
) -> None:
    removal, change = directories.archive_store(service, "Центральный")
    assert removal is directories.Removal.ARCHIVED
    assert change.kind is ChangeKind.DIRECTORY
    store = next(s for s in service.company().stores if s.name == "Центральный")
    assert store.archived
    directories.save_store(service, None, Store("Пустой"))
    removal, _ = directories.archive_store(service, "Пустой")
    assert removal is directories.Removal.DELETED
    assert "Пустой" not in [s.name for s in service.company().stores]
    removal, _ = directories.archive_indicator(service, "nps")  # facts refer to it
    assert removal is directories.Removal.ARCHIVED
    removal, _ = directories.archive_employee(service, SELLER)
    assert removal is directories.Removal.ARCHIVED
    with pytest.raises(UserError) as unknown:
        directories.archive_department(service, "Нет такого")
    assert _codes(unknown) == ["unknown_item"]


def test_restoring_an_archived_store(service: CompanyService) -> None:
    directories.archive_store(service, "Центральный")
    directories.save_store(service, "Центральный", Store("Центральный", archived=False))
    store = next(s for s in service.company().stores if s.name == "Центральный")
    assert not store.archived


def test_payout_schedules_are_validated_and_saved(service: CompanyService) -> None:
    steps = (PayoutStep(Decimal("0.9"), Decimal("0.8")), PayoutStep(Decimal("0.8"), Decimal("1")))
    with pytest.raises(UserError) as falling:
        directories.save_schedule(service, PayoutSchedule(PayoutKind.STEPS, steps=steps))
    assert _codes(falling) == ["steps_not_increasing"]
    with pytest.raises(UserError) as empty:
        directories.save_schedule(service, PayoutSchedule(PayoutKind.STEPS))
    assert _codes(empty) == ["no_steps"]
    with pytest.raises(UserError) as position:
        directories.save_schedule(service, PayoutSchedule(position="Космонавт"))
    assert _codes(position) == ["unknown_position"]
    change = directories.save_schedule(
        service, PayoutSchedule(threshold=Decimal("0.7"), cap=None, position="Маркетолог")
    )
    assert change.kind is ChangeKind.SCHEDULE
    saved = [s for s in service.company().schedules if s.position == "Маркетолог"]
    assert saved and saved[0].threshold == Decimal("0.7") and saved[0].cap is None
    directories.delete_schedule(service, "Маркетолог")
    assert not [s for s in service.company().schedules if s.position == "Маркетолог"]

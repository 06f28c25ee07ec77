"""Locked means locked (SPEC §2.2): a locked period's `report bonus` JSON is byte-identical
before and after every write path — directory edits apply to open periods only (the
period is computed from its snapshot), per-period writes are refused — and effective-dated
pay applies a raise from the first open period on (SPEC §2.1)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kpidesk.cli import main
from kpidesk.core.daily import DailyEntry
from kpidesk.core.indicators import IndexMethod, Source
from kpidesk.core.periods import Period
from kpidesk.services import daily_entry, directories, facts, periods, tasks
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE, SELLER
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.services.errors import UserError
from kpidesk.services.matrices import MatrixEditing
from kpidesk.services.reporting import bonus_report_json

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)
NOV = Period.month(2026, 11)
MANAGER = "Кузнецова Елена Николаевна"


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A demo company with October locked, and October's bonus JSON at the lock."""
    path = tmp_path / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    with CompanyService.open(path, backup=False) as service:
        periods.lock_period(service, OCT)
    yield path, _october(path)


def _october(path: Path) -> str:
    with CompanyService.open(path, backup=False) as fresh:
        return bonus_report_json(fresh.compute_period(OCT))


def _edit(path: Path, write: Callable[[CompanyService], object]) -> None:
    with CompanyService.open(path, backup=False) as service:
        write(service)


def _employee(service: CompanyService, name: str = MANAGER):  # type: ignore[no-untyped-def]
    found = service.company().employee(name)
    assert found is not None
    return found.as_current()


def _raise_pay(service: CompanyService) -> None:
    e = _employee(service)
    directories.save_employee(service, e.name, replace(e, fixed_pay=e.fixed_pay + 5000))


def _raise_bonus(service: CompanyService) -> None:
    e = _employee(service)
    directories.save_employee(service, e.name, replace(e, target_bonus=e.target_bonus * 2))


def _end_date(service: CompanyService) -> None:
    e = _employee(service)
    directories.save_employee(service, e.name, replace(e, end=date(2026, 9, 30)))


def _indicator(service: CompanyService, **changes: object) -> None:
    nps = service.company().indicator("nps")
    assert nps is not None
    directories.save_indicator(service, "nps", replace(nps, **changes))


def _delete_schedule(service: CompanyService) -> None:
    directories.delete_schedule(service, SELLER)


DIRECTORY_EDITS: dict[str, Callable[[CompanyService], None]] = {
    "fixed pay": _raise_pay,
    "target bonus": _raise_bonus,
    "end date": _end_date,
    "indicator method": lambda s: _indicator(s, method=IndexMethod.RATIO),
    "indicator source": lambda s: _indicator(s, source=Source.parse("store:conversion")),
    "payout schedule deleted": _delete_schedule,
}


@pytest.mark.parametrize("edit", DIRECTORY_EDITS, ids=list(DIRECTORY_EDITS))
def test_directory_edits_leave_the_locked_period_as_paid(
    locked: tuple[Path, str], edit: str
) -> None:
    path, before = locked
    with CompanyService.open(path, backup=False) as service:
        pay_before = _employee(service).current_pay
    _edit(path, DIRECTORY_EDITS[edit])
    assert _october(path) == before
    if edit in ("fixed pay", "target bonus"):  # the raise applies from November on
        with CompanyService.open(path, backup=False) as service:
            assert _employee(service).current_pay != pay_before
        return
    # the edit did happen: reopened, October follows the data again and differs
    _edit(path, lambda service: service.run(periods.ReopenPeriod(OCT, "a check")))
    assert _october(path) != before


def _sheet(path: Path, title: str, header: list[str], rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_single_sheet_imports_leave_the_locked_period_as_paid(
    locked: tuple[Path, str], tmp_path: Path
) -> None:
    path, before = locked
    with CompanyService.open(path, backup=False) as service:
        e = service.company().employee(MANAGER)
        nps = service.company().indicator("nps")
        assert e is not None and nps is not None
        people = _sheet(
            tmp_path / "people.xlsx",
            "Сотрудники",
            ["ФИО", "Должность", "Магазин", "Отдел", "Оклад", "Премия"],
            [[e.name, e.position, e.store, e.department, 99000, 55000]],
        )
        service.import_workbook(people)
        indicators = _sheet(
            tmp_path / "indicators.xlsx",
            "Показатели",
            ["Код", "Название", "Ед.", "Источник", "Метод"],
            [["nps", nps.name, nps.unit, "manual", "ratio"]],
        )
        service.import_workbook(indicators)
    assert _october(path) == before


def _refused(path: Path, write: Callable[[CompanyService], object]) -> None:
    with CompanyService.open(path, backup=False) as service, pytest.raises(UserError) as refused:
        write(service)
    assert refused.value.codes == ["period_locked"]


def test_per_period_writes_are_refused_and_change_nothing(locked: tuple[Path, str]) -> None:
    path, before = locked

    def matrix(service: CompanyService) -> None:
        editing = MatrixEditing(service)
        template = editing.template(SELLER, OCT)
        assert template is not None
        row = replace(template.rows[0], norm=template.rows[0].norm + 1)
        editing.save(replace(template, period=OCT, rows=(row, *template.rows[1:])))

    def fact(service: CompanyService) -> None:
        facts.set_fact(service, OCT, INCOMPLETE_EMPLOYEE, "nps", Decimal(70))

    def day(service: CompanyService) -> None:
        daily_entry.save_day(
            service, DailyEntry("Центральный", date(2026, 10, 5), Decimal(1000), 1, 10)
        )

    def task(service: CompanyService) -> None:
        open_tasks = [t for t in tasks.period_tasks(service, OCT) if t.status.value == "open"]
        assert open_tasks
        first = open_tasks[0]
        outcome = tasks.mark_tasks_done(service, [first], first.assignee, date(2026, 10, 30))
        if outcome.refused:  # the core refuses a locked period's task as data
            raise UserError("refused", list(outcome.refused))

    for write in (matrix, fact, day):
        _refused(path, write)
    with CompanyService.open(path, backup=False) as service, pytest.raises(UserError):
        task(service)
    assert _october(path) == before


def test_a_raise_after_the_lock_applies_from_the_first_open_period(
    locked: tuple[Path, str],
) -> None:
    path, _ = locked
    with CompanyService.open(path, backup=False) as service:
        old = _employee(service)
        _raise_pay(service)
        stored = service.company().employee(MANAGER)
        assert stored is not None
        assert [(r.start, r.fixed_pay) for r in stored.rates] == [(NOV, old.fixed_pay + 5000)]
        assert stored.in_period(OCT).fixed_pay == old.fixed_pay
        november = service.compute_period(NOV).for_employee(MANAGER)
        assert november is not None and november.employee.fixed_pay == old.fixed_pay + 5000
        # reopening October: it is computed from the data again, with the pay then in force
        service.run(periods.ReopenPeriod(OCT, "a correction"))
        october = service.compute_period(OCT).for_employee(MANAGER)
        assert october is not None and october.employee.fixed_pay == old.fixed_pay


def test_pay_history_round_trips_through_the_workbook(
    locked: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = locked
    with CompanyService.open(path, backup=False) as service:
        _raise_pay(service)
        workbook = tmp_path / "all.xlsx"
        service.export_workbook(workbook)
        expected = service.company().employee(MANAGER)
    copy = tmp_path / "copy.kpidesk"
    with CompanyService.create(copy) as other:
        other.import_workbook(workbook)
        assert other.company().employee(MANAGER) == expected


def test_an_unchanged_export_reimports_after_the_lock(
    locked: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, before = locked
    workbook = tmp_path / "all.xlsx"
    assert main(["--db", str(path), "export", str(workbook)]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "import", str(workbook)]) == 0
    out = capsys.readouterr().out
    assert "nothing changed" in out or "ничего не изменилось" in out.lower()
    assert _october(path) == before

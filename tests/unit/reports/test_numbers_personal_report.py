"""The personal period report shows ``tasks:open_at_close`` split (SPEC §2.8, issue 18):
"не закрыто: 3 (1 открыта, 2 ждут приёмки)" — the metric a matrix uses, in two parts; and
the bonus sheet prints a computed fact with its two decimals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.tasks import Task, TaskStatus
from kpidesk.core.tasks_report import personal_report
from kpidesk.reports.personal_report import report_html

OCT = Period.month(2026, 10)


@pytest.fixture
def russian(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication

    from kpidesk.reports.translations import install_translators, remove_translators

    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "ru")
    yield
    remove_translators(app, translators)


def _task(title: str, status: TaskStatus, done: int | None = None) -> Task:
    return Task(
        title,
        "Иванова",
        "Петров",
        OCT,
        date(2026, 10, 20),
        status=status,
        done_on=date(2026, 10, done) if done else None,
        accepted_on=date(2026, 10, 25) if status is TaskStatus.ACCEPTED else None,
    )


def test_the_report_shows_open_at_close_split(russian: None) -> None:
    employee = Employee("Иванова", "Кассир", target_bonus=Decimal(1000))
    tasks = (
        _task("Витрина", TaskStatus.OPEN),
        _task("Отчёт", TaskStatus.DONE, 12),
        _task("Ценники", TaskStatus.DONE, 14),
        _task("Касса", TaskStatus.ACCEPTED, 10),
    )
    company = Company(employees=(employee,))
    report = personal_report(
        company, employee, OCT, PeriodInputs(tasks=tasks), [], date(2026, 11, 2)
    )
    assert report.open_at_close == (1, 2)
    html = report_html(report, company="Тест")
    assert "Осталось закрыть" in html
    assert "3 (открыто: 1, ждут приёмки: 2)" in html


def test_the_bonus_sheet_prints_a_computed_fact_with_its_decimals(
    russian: None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The demo's duties row (``tasks:open_at_close``, base 4, norm 0) prints its fact as
    ``0,00`` / ``1,00``: the rounding to 0,01 the index used shows on the sheet."""
    from kpidesk.reports.bonus_sheet import SheetRenderer
    from kpidesk.services.bonus_sheets import bonus_batch
    from kpidesk.services.company import CompanyService
    from kpidesk.services.demo_setup import create_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    with CompanyService.open(path, backup=False) as service:
        batch = bonus_batch(service, OCT)
    renderer = SheetRenderer(batch)
    checked = 0
    for result in batch.employees:
        for row in result.rows:
            if row.row.indicator == "duties_open" and row.fact is not None:
                whole = int(row.fact)
                assert row.fact == whole  # a count: a whole number, printed with decimals
                assert f'<td align="right">{whole},00</td>' in renderer.html(result)
                checked += 1
    assert checked

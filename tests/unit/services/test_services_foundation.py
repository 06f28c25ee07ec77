"""Service-level rules of the foundation: the demo company's shape, all-or-nothing imports
(with locked periods), the store report's ratios of sums, period status, check."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import daily_sums
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE, build_demo
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.services.errors import UserError

TODAY = date(2026, 11, 22)
OCTOBER = Period.month(2026, 10)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[CompanyService]:
    path = tmp_path / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    with CompanyService.open(path) as service:
        yield service


def test_the_demo_is_a_realistic_small_chain() -> None:
    content = build_demo(TODAY)
    assert len(content.stores) == 3
    assert len(content.employees) == 15
    positions = {e.position for e in content.employees}
    assert len(positions) == 4
    assert {"Маркетолог", "Управляющий магазином"} <= positions
    methods = {i.method for i in content.indicators}
    assert methods == {IndexMethod.SCALE, IndexMethod.RATIO, IndexMethod.BINARY}
    assert any(row.lower_is_better for m in content.matrices for row in m.rows)
    days = sorted({d.day for d in content.daily})
    assert days[0] == date(2026, 8, 1) and days[-1] == date(2026, 11, 21)
    # weekly seasonality: Saturdays sell more than Tuesdays
    saturday = [d.revenue for d in content.daily if d.day.weekday() == 5]
    tuesday = [d.revenue for d in content.daily if d.day.weekday() == 1]
    assert sum(saturday) / len(saturday) > Decimal("1.4") * sum(tuesday) / len(tuesday)
    assert build_demo(TODAY) == build_demo(TODAY)  # deterministic


def test_demo_october_has_exactly_one_incomplete_employee(demo: CompanyService) -> None:
    result = demo.compute_period(OCTOBER)
    incomplete = [e.employee.name for e in result.employees if e.pay is None]
    assert incomplete == [INCOMPLETE_EMPLOYEE]
    assert result.for_employee(INCOMPLETE_EMPLOYEE).missing == ("nps",)  # type: ignore[union-attr]
    status = demo.period_status(OCTOBER, TODAY)
    assert status.problem_count == 1 and status.complete == 14 and not status.locked


def test_store_report_is_ratios_of_sums(demo: CompanyService) -> None:
    rows = demo.store_report(OCTOBER)
    entries = demo.database.daily.daily_rows(OCTOBER.start, OCTOBER.end)
    for row in rows:
        stores = None if row.store is None else {row.store}
        sums = daily_sums(entries, stores, OCTOBER)
        assert row.metrics.conversion == Decimal(sums.receipts) / sums.visitors * 100
        assert row.metrics.avg_check == sums.revenue / sums.receipts
    assert rows[-1].store is None


def _workbook(path: Path, daily: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Ежедневно"
    sheet.append(["Дата", "Магазин", "Выручка", "Чеки", "Посетители", "Единицы"])
    for row in daily:
        sheet.append(row)
    book.save(path)
    book.close()
    return path


def test_import_is_all_or_nothing(demo: CompanyService, tmp_path: Path) -> None:
    before = demo.database.daily.daily_rows(date(2026, 11, 1), date(2026, 11, 30))
    bad = _workbook(
        tmp_path / "bad.xlsx",
        [
            ["22.11.2026", "Центральный", "10 000", 5, 40, 6],  # good
            ["23.11.2026", "Центральный", "10 000", 0, 40, 6],  # revenue without receipts
        ],
    )
    with pytest.raises(UserError) as refused:
        demo.import_workbook(bad)
    assert len(refused.value.problems) == 1
    problem = refused.value.problems[0]
    assert (problem.where.sheet, problem.where.row) == ("Ежедневно", 3)
    assert demo.database.daily.daily_rows(date(2026, 11, 1), date(2026, 11, 30)) == before


def test_import_warns_but_applies_on_receipts_over_visitors(
    demo: CompanyService, tmp_path: Path
) -> None:
    good = _workbook(tmp_path / "ok.xlsx", [["22.11.2026", "Центральный", "10 000", 50, 40, 60]])
    report = demo.import_workbook(good)
    assert [p.code for p in report.warnings] == ["receipts_over_visitors"]
    assert report.summary["daily"].added == 1
    assert report.backup is not None and report.backup.exists()
    assert demo.import_workbook(good).summary.changed_anything is False


def test_import_into_a_locked_period_is_refused(demo: CompanyService, tmp_path: Path) -> None:
    demo.database.locks.lock(OCTOBER)
    workbook = _workbook(tmp_path / "oct.xlsx", [["05.10.2026", "Центральный", "1", 1, 1, 1]])
    with pytest.raises(UserError) as refused:
        demo.import_workbook(workbook)
    assert refused.value.problems[0].code == "period_locked"
    assert "2026-10" in refused.value.problems[0].message


def test_dry_run_reports_and_rolls_back(demo: CompanyService, tmp_path: Path) -> None:
    workbook = _workbook(tmp_path / "d.xlsx", [["22.11.2026", "Центральный", "10 000", 5, 40, 6]])
    report = demo.import_workbook(workbook, dry_run=True)
    assert report.summary["daily"].added == 1
    assert not demo.database.daily.daily_rows(date(2026, 11, 22), date(2026, 11, 22))


def test_check_reports_integrity_and_matrix_problems(demo: CompanyService) -> None:
    report = demo.check()
    assert report.ok and report.problems == []
    assert "integrity ok" in report.describe()


def test_open_refuses_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no company database"):
        CompanyService.open(tmp_path / "none.kpidesk")
    text = tmp_path / "text.kpidesk"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(UserError):
        CompanyService.open(text)
    with pytest.raises(UserError, match="already exists"):
        CompanyService.create(text)

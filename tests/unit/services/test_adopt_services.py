"""Adopting owners' own workbooks into a company on both engines (SPEC §6.1): each shape
gives the matrices, facts and days a hand computation gives; a dry run changes nothing;
a bad cell refuses everything with its location; a broken formula shows as a KPI
difference with both values; a sheet that is no KPI table does not stop the rest."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kpidesk.core.periods import Period
from kpidesk.services.adopting import adopt_workbook
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from tests.unit.io.test_adopt_recognition import (
    KPI_IVANOVA,
    KPI_PETROV,
    blocks_book,
    daily_book,
    per_employee_book,
    store_column_book,
)

OCTOBER = Period.month(2026, 10)


@pytest.fixture
def service(company_location: Path | str) -> Iterator[CompanyService]:
    opened = CompanyService.open(company_location, create=True, backup=False)
    yield opened
    opened.close()


def _kpi(service: CompanyService, name: str) -> Decimal | None:
    found = service.compute_period(OCTOBER).for_employee(name)
    assert found is not None
    return found.kpi


def test_per_employee_sheets(service: CompanyService, tmp_path: Path) -> None:
    path = per_employee_book(tmp_path / "a.xlsx", notes=True)
    dry = adopt_workbook(service, path, dry_run=True)
    assert dry.dry_run and dry.differences == ()
    assert service.full_company().employees == ()  # the dry run changed nothing
    report = adopt_workbook(service, path)
    assert report.differences == ()
    assert [p.code for p in report.warnings] == ["adopt_not_a_table"]
    result = service.compute_period(OCTOBER)
    ivanova = result.for_employee("Иванова Анна")
    petrov = result.for_employee("Петров Иван")
    assert ivanova is not None and petrov is not None
    assert (ivanova.kpi, petrov.kpi) == (KPI_IVANOVA, KPI_PETROV)
    # linear payout, cap 150 %: 16 300 × 1.5; 10 000 × 1.14
    assert ivanova.pay is not None and ivanova.pay.bonus == Decimal("24450.00")
    assert ivanova.pay.total == Decimal("64150.00")
    assert petrov.pay is not None and petrov.pay.total == Decimal("41400.00")
    again = adopt_workbook(service, path)  # the same workbook again changes nothing
    assert not again.summary.changed_anything


def test_broken_formula_is_a_kpi_difference(service: CompanyService, tmp_path: Path) -> None:
    path = per_employee_book(tmp_path / "a.xlsx", broken=True)
    for dry_run in (True, False):
        report = adopt_workbook(service, path, dry_run=dry_run)
        (difference,) = report.differences
        assert difference.employee == "Иванова Анна"
        assert difference.kpidesk_kpi == KPI_IVANOVA  # kpidesk's own, from the facts
        assert difference.sheet_kpi == Decimal("5.6")  # 0.9 + 0.3 + 0.3·14 + 0.2


def test_blocks_on_one_sheet(service: CompanyService, tmp_path: Path) -> None:
    adopt_workbook(service, blocks_book(tmp_path / "b.xlsx"))
    assert _kpi(service, "Смирнова Ольга") == KPI_IVANOVA
    assert _kpi(service, "Кузнецов Пётр") == Decimal("1.000")  # 0.5·1.1 + 0.5·0.9


def test_daily_logs(service: CompanyService, tmp_path: Path) -> None:
    adopt_workbook(service, daily_book(tmp_path / "d.xlsx"))
    adopt_workbook(service, store_column_book(tmp_path / "s.xlsx"))
    days = service.database.daily.daily_rows(OCTOBER.start, OCTOBER.end)
    central = [d for d in days if d.store == "Центральный"]
    assert len(central) == 14
    assert sum(d.revenue for d in central) == Decimal(14 * 10000 + 100 * sum(range(14)))
    assert sum(d.receipts for d in central) == 2 * sum(range(40, 47))
    north = [d for d in days if d.store == "Северный"]
    assert sum(d.revenue for d in north) == Decimal("25500.50")


def test_a_bad_cell_refuses_everything(service: CompanyService, tmp_path: Path) -> None:
    path = store_column_book(tmp_path / "s.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["D3"] = "двадцать"
    book.save(path)
    with pytest.raises(UserError) as refused:
        adopt_workbook(service, path)
    (problem,) = refused.value.problems
    assert (problem.where.sheet, problem.where.row, problem.where.column) == ("Журнал", 3, "Чеки")
    assert service.database.daily.daily_rows(OCTOBER.start, OCTOBER.end) == []

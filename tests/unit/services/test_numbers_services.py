"""Issue 18 through the services, on both engines: a lower-is-better ratio row without a
target is refused when a matrix is saved (its row named, nothing written); the demo's
marketer at CPL 0 gets the cap; «Без отдела» is a group of the department rating with the
company entry; an employee without a store is rated on the company's store figure; a
rating's change is the printed value minus the printed previous."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import plain
from kpidesk.core.periods import Period
from kpidesk.core.ratings import KPI, Subject
from kpidesk.core.ratings_kpi import company_kpi
from kpidesk.io.rating_export import rating_records
from kpidesk.services import directories
from kpidesk.services.analytics import (
    NO_DEPARTMENT,
    Analytics,
    rating_company_json,
    rating_rows_json,
)
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.matrices import MatrixEditing
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
OCTOBER = Period.month(2026, 10)
MARKETER = "Маркетолог"


@pytest.fixture
def service(engine: str, tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as opened:
        yield opened


def _marketer_matrix(service: CompanyService) -> Matrix:
    editing = MatrixEditing(service)
    template = editing.template(MARKETER, OCTOBER)
    assert template is not None
    return template


def test_a_ratio_row_without_target_is_refused_on_save(service: CompanyService) -> None:
    template = _marketer_matrix(service)
    rows = tuple(replace(r, target=None) if r.indicator == "cpl" else r for r in template.rows)
    revision = service.database.revision()
    with pytest.raises(UserError) as refused:
        MatrixEditing(service).save(Matrix(OCTOBER, rows, position=MARKETER))
    problems = [p for p in refused.value.problems if p.code == "ratio_needs_target"]
    assert len(problems) == 1
    assert dict(problems[0].params)["indicator"] == "cpl"
    assert service.database.revision() == revision  # nothing was written


def test_cpl_of_zero_gives_the_cap(service: CompanyService) -> None:
    """The demo marketer's CPL row: base 900, norm 600, target 450. No cost at all gives
    CPL 0 → index 600 / 450 = 133,33 %, never "нет данных"."""
    result = service.compute_period(OCTOBER)
    marketer = next(r for r in result.employees if r.employee.position == MARKETER)
    cpl = next(r for r in marketer.rows if r.row.indicator == "cpl")
    assert (cpl.row.base, cpl.row.norm, cpl.row.target) == (D(900), D(600), D(450))
    from kpidesk.core.kpi import index_for

    assert index_for(cpl.row, D(0), cpl.indicator.method) == D(600) / D(450)  # type: ignore[union-attr]


def test_department_rating_names_no_department_and_the_company(service: CompanyService) -> None:
    company = service.company()
    keeper = next(e for e in company.employees if e.department == "Склад")
    directories.save_employee(service, keeper.name, replace(keeper, department=None))
    analytics = Analytics(service)
    rating = analytics.rating(Subject.DEPARTMENT, KPI, OCTOBER)
    names = [row.name for row in rating.rows]
    assert NO_DEPARTMENT in names and "Склад" in names
    no_group = next(row for row in rating.rows if row.name == NO_DEPARTMENT)
    assert no_group.total == 1
    overall = rating.overall
    assert overall is not None
    assert overall == company_kpi([service.compute_period(OCTOBER)])
    groups = [row.value for row in rating.rows if row.value is not None]
    mean = sum(groups, Decimal(0)) / len(groups)
    # the mean of the groups' KPIs, half up: (… ) / 4 = 0,9845 → 0,985
    assert overall.value == mean.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    assert overall.complete == sum(row.complete for row in rating.rows)
    assert rating_company_json(rating) == {
        "kpi": plain(overall.value, 3),
        "complete": f"{overall.complete}/{overall.total}",
    }
    assert rating_records(rating)[-1]["name"] == "company"


def test_employee_without_store_is_rated_on_the_company_figure(service: CompanyService) -> None:
    analytics = Analytics(service)
    stores = analytics.rating(Subject.STORE, "conversion", OCTOBER)
    people = analytics.rating(Subject.EMPLOYEE, "conversion", OCTOBER)
    company = people.overall
    by_name = {row.name: row for row in people.rows}
    everyone = service.company().employees
    storeless = [e.name for e in everyone if e.store is None and e.name in by_name]
    if not storeless:  # the demo's conversion is rated for people with a store matrix only
        keeper = next(e for e in everyone if e.store is None)
        seller = next(e for e in everyone if e.store is not None and e.name in by_name)
        directories.save_employee(service, seller.name, replace(seller, store=None))
        people = Analytics(service).rating(Subject.EMPLOYEE, "conversion", OCTOBER)
        by_name = {row.name: row for row in people.rows}
        storeless = [seller.name]
        assert keeper.store is None
    whole = Analytics(service).rating(Subject.STORE, "conversion", OCTOBER).overall
    assert whole is not None and whole.value is not None
    for name in storeless:
        assert by_name[name].store is None
        assert by_name[name].value == whole.value
    assert stores.rows and company is not None


def test_rating_changes_are_printed_differences(service: CompanyService) -> None:
    analytics = Analytics(service)
    for subject, measure in ((Subject.STORE, "avg_check"), (Subject.EMPLOYEE, KPI)):
        rating = analytics.rating(subject, measure, OCTOBER)
        for row in rating_rows_json(rating):
            if row["change"] is None:
                continue
            assert D(row["change"]) == D(row["value"]) - D(row["previous"])  # type: ignore[arg-type]
            assert row["change"] != "-0.00" and row["change"] != "-0.000"


def D(value: object) -> Decimal:
    """The tests' short name for an exact Decimal."""
    return Decimal(str(value))


def test_the_bonus_report_never_prints_minus_zero() -> None:
    """Complaints base 3, norm 0, fact 3: (3 − 3) / (0 − 3) is −0 in Decimal; the JSON and
    the CSV of the bonus report print 0."""
    from kpidesk.core.company import Company, PeriodInputs
    from kpidesk.core.compute import compute_period
    from kpidesk.core.indicators import IndexMethod, Indicator
    from kpidesk.core.org import Employee
    from kpidesk.services.reporting import bonus_report_csv, bonus_report_json

    complaints = Indicator("complaints", "Жалобы", "шт.", method=IndexMethod.SCALE)
    employee = Employee("Иванова", "П", fixed_pay=D(1000), target_bonus=D(1000))
    matrix = Matrix(OCTOBER, (MatrixRow("complaints", D(1), D(3), D(0), D(0)),), position="П")
    company = Company(employees=(employee,), indicators=(complaints,), matrices=(matrix,))
    result = compute_period(company, OCTOBER, PeriodInputs(facts={("Иванова", "complaints"): D(3)}))
    index = result.employees[0].rows[0].index
    assert index is not None and index.is_signed()  # the arithmetic gives −0
    document = bonus_report_json(result)
    assert '"index": "0.0000"' in document and "-0" not in document
    assert "-0" not in bonus_report_csv(result)

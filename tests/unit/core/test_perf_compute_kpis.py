"""``compute_kpis`` — the KPI-only calculation a rating uses for the previous range — gives
exactly the KPIs and statuses of the full ``compute_period``, for the same employees in the
same order: on the demo company and on random companies (stores sharing templates, store
metrics shared per store, employees without a store, overrides, invalid matrices)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_kpis, compute_period
from kpidesk.core.money import ZERO
from kpidesk.core.periods import Period
from kpidesk.core.results import EmployeeResult, Status
from kpidesk.core.store_metrics import daily_sums, plan_coverage
from kpidesk.core.store_sums import StoreSums
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.store.database import Database
from tests.unit.core.test_core_compute_shared import OCT, companies


def assert_same_kpis(company: Company, period: Period, inputs: PeriodInputs) -> None:
    full = compute_period(company, period, inputs)
    light = compute_kpis(company, period, inputs)
    assert light.period == period
    assert [(e.employee, e.kpi, e.status) for e in light.employees] == [
        (e.employee, e.kpi, e.status) for e in full.employees
    ]
    # what the dashboard and the period status read of them: the missing rows, the manual
    # facts not typed in (in row order)
    assert [(e.missing, e.missing_facts) for e in light.employees] == [
        (e.missing, _untyped(e)) for e in full.employees
    ]
    summed = replace(inputs, daily=(), store_sums=sums_of(inputs, period))
    assert compute_kpis(company, period, summed) == light
    assert compute_period(company, period, summed) == full
    kept = compute_kpis(company, period, inputs, lambda employee: employee.name.endswith("1"))
    assert [(e.employee.name, e.kpi) for e in kept.employees] == [
        (e.employee.name, e.kpi) for e in full.employees if e.employee.name.endswith("1")
    ]


def _untyped(result: EmployeeResult) -> tuple[str, ...]:
    return tuple(
        row.indicator.code
        for row in result.rows
        if row.indicator is not None and row.indicator.source.is_manual and row.fact is None
    )


def sums_of(inputs: PeriodInputs, period: Period) -> dict[str, StoreSums]:
    """Each store's rows summed in Python, as ``DailyRepository.store_sums`` sums them."""
    sums = {}
    for store in {entry.store for entry in inputs.daily}:
        own = {store}
        coverage = plan_coverage(inputs.daily, inputs.plans, own, period)
        sums[store] = StoreSums(
            daily_sums(inputs.daily, own, period),
            daily_sums(inputs.daily, own, period.previous()),
            coverage.revenue if coverage is not None else ZERO,
        )
    return sums


def test_demo_kpis_equal_the_full_calculation(tmp_path: Path) -> None:
    path = tmp_path / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    with Database.open(path, actor="test", backup_on_open=False) as database:
        company = database.content.load_company()
        for period in (OCT, OCT.previous(), OCT.shifted(-2)):
            inputs = database.content.load_period_inputs(period)
            assert_same_kpis(company, period, inputs)
        light = compute_kpis(company, OCT, database.content.load_period_inputs(OCT))
    statuses = {e.status for e in light.employees}
    assert statuses == {Status.COMPLETE, Status.INCOMPLETE}  # both kinds are compared


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(companies())
def test_random_kpis_equal_the_full_calculation(case: tuple[Company, PeriodInputs]) -> None:
    company, inputs = case
    assert_same_kpis(company, OCT, inputs)

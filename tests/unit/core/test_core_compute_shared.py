"""The shared work of a period's calculation gives exactly what a calculation of each
employee alone gives: every row result, explanation, need, KPI and pay — on the demo
company and on random companies (stores sharing templates, manual and store facts, whole
and per-indicator payout, KPIs around the payout threshold)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_employee, compute_period
from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee, Store
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period
from kpidesk.core.results import EmployeeResult, PeriodResult
from kpidesk.core.store_metrics import daily_sums, period_sums
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.store.database import Database

D = Decimal
OCT = Period.month(2026, 10)


def _texts(result: EmployeeResult) -> list[object]:
    """Every explanation's text (deferred ones are built here)."""
    texts: list[object] = [result.kpi_explanation]
    for row in result.rows:
        texts += [row.index_explanation, row.weighted_explanation, row.need, row.row_bonus]
    if result.pay is not None:
        pay = result.pay
        texts += [pay.coefficient_explanation, pay.bonus_explanation, pay.total_explanation]
    return [t.text() if hasattr(t, "text") else t for t in texts]


def assert_same_as_alone(company: Company, period: Period, inputs: PeriodInputs) -> PeriodResult:
    shared = compute_period(company, period, inputs)
    working = [e for e in company.employees if not e.archived and e.works_in(period)]
    assert [r.employee for r in shared.employees] == working
    for result, employee in zip(shared.employees, working, strict=True):
        alone = compute_employee(company, employee, period, inputs)
        assert result == alone
        assert result.kpi_exact == alone.kpi_exact
        assert _texts(result) == _texts(alone)
    return shared


def test_demo_period_equals_each_employee_alone(tmp_path: Path) -> None:
    path = tmp_path / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    with Database.open(path, actor="test", backup_on_open=False) as database:
        company = database.content.load_company()
        for period in (OCT, OCT.previous()):
            result = assert_same_as_alone(
                company, period, database.content.load_period_inputs(period)
            )
            assert any(e.pay is not None for e in result.employees)


INDICATORS = (
    Indicator("conversion", "Конверсия", "%", Source.parse("store:conversion")),
    Indicator("avg_check", "Средний чек", "₽", Source.parse("store:avg_check")),
    Indicator("nps", "NPS", "", method=IndexMethod.RATIO),
    Indicator("standards", "Стандарты", "", method=IndexMethod.BINARY),
    Indicator("complaints", "Жалобы", "шт."),
)
ROWS = (
    MatrixRow("conversion", D("0.3"), D(10), D(15), D(20)),
    MatrixRow("avg_check", D("0.3"), D(3000), D(4000), D(6000)),
    MatrixRow("nps", D("0.2"), None, D(50), D(80)),
    MatrixRow("standards", D("0.1"), None, D(1), None),
    MatrixRow("complaints", D("0.1"), D(5), D(0), D(0)),  # lower is better
)
SCHEDULES = (
    PayoutSchedule(),
    PayoutSchedule(
        PayoutKind.STEPS, steps=(PayoutStep(D("0.9"), D(1)), PayoutStep(D("1.1"), D("1.2")))
    ),
    PayoutSchedule(per_indicator=True),
)


@st.composite
def companies(draw: st.DrawFn) -> tuple[Company, PeriodInputs]:
    stores = tuple(Store(f"S{i}") for i in range(draw(st.integers(1, 4))))
    count = draw(st.integers(1, 12))
    employees = []
    facts: dict[tuple[str, str], Decimal] = {}
    small = st.integers(0, 100).map(D)
    for i in range(count):
        store = draw(st.sampled_from([*[s.name for s in stores], None]))
        position = draw(st.sampled_from(["Продавец", "Управляющий"]))
        name = f"E{i}"
        employees.append(
            Employee(
                name,
                position,
                store=store,
                fixed_pay=D(draw(st.integers(0, 50000))),
                target_bonus=D(draw(st.sampled_from([0, 10000, 14000, 25000]))),
            )
        )
        for code in ("nps", "standards", "complaints"):
            if draw(st.booleans()) or draw(st.booleans()):  # mostly present, same values often
                facts[(name, code)] = draw(st.sampled_from([D(0), D(1), D(40), D(50), D(75)]))
                if draw(st.booleans()):
                    facts[(name, code)] = draw(small)
    matrices = [
        Matrix(OCT, ROWS, position="Продавец"),
        Matrix(OCT, ROWS[:3], position="Управляющий"),
    ]
    if draw(st.booleans()):
        matrices.append(Matrix(OCT, ROWS[1:], employee="E0"))
    schedule = draw(st.sampled_from(SCHEDULES))
    daily = []
    start = OCT.previous().start
    for store in stores:
        for offset in range(61):
            if draw(st.integers(0, 9)) == 0:
                continue
            visitors = draw(st.integers(0, 400))
            receipts = draw(st.integers(0, max(visitors, 1)))
            revenue = D(draw(st.integers(0, 2_000_000))) / 100
            daily.append(
                DailyEntry(store.name, start + timedelta(days=offset), revenue, receipts, visitors)
            )
    company = Company(
        stores=stores,
        employees=tuple(employees),
        indicators=INDICATORS,
        matrices=tuple(matrices),
        schedules=(schedule,),
    )
    plans = tuple(StorePlan(s.name, OCT, D(1_000_000)) for s in stores)
    return company, PeriodInputs(facts=facts, daily=tuple(daily), plans=plans)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(companies())
def test_random_period_equals_each_employee_alone(case: tuple[Company, PeriodInputs]) -> None:
    company, inputs = case
    assert_same_as_alone(company, OCT, inputs)


@settings(max_examples=30, deadline=None)
@given(companies())
def test_period_sums_equal_daily_sums_of_each_range(case: tuple[Company, PeriodInputs]) -> None:
    _, inputs = case
    for stores in (None, {"S0"}):
        now, before = period_sums(inputs.daily, stores, OCT, OCT.previous())
        assert now == daily_sums(inputs.daily, stores, OCT)
        assert before == daily_sums(inputs.daily, stores, OCT.previous())


@pytest.mark.parametrize("order", [1, -1])
def test_employee_order_does_not_change_shared_results(order: int) -> None:
    company, inputs = example_company()
    reordered = Company(
        stores=company.stores,
        employees=company.employees[::order],
        indicators=company.indicators,
        matrices=company.matrices,
        schedules=company.schedules,
    )
    forward = {r.employee.name: r for r in compute_period(company, OCT, inputs).employees}
    other = {r.employee.name: r for r in compute_period(reordered, OCT, inputs).employees}
    assert forward == other


def example_company() -> tuple[Company, PeriodInputs]:
    stores = (Store("A"), Store("B"))
    employees = tuple(
        Employee(f"E{i}", "Продавец", store="AB"[i % 2], target_bonus=D(14000)) for i in range(6)
    )
    facts = {(e.name, code): D(50 + i) for i, e in enumerate(employees) for code in ("nps",)}
    facts |= {(e.name, "standards"): D(1) for e in employees}
    facts |= {(e.name, "complaints"): D(i % 3) for i, e in enumerate(employees)}
    daily = tuple(
        DailyEntry(store, OCT.start + timedelta(days=d), D(100000), 30 + d, 200)
        for store in "AB"
        for d in range(20)
    )
    company = Company(
        stores=stores,
        employees=employees,
        indicators=INDICATORS,
        matrices=(Matrix(OCT, ROWS, position="Продавец"),),
    )
    return company, PeriodInputs(facts=facts, daily=daily)

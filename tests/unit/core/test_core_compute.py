"""The period calculation end to end: SPEC §2 worked examples A–D through compute_employee /
compute_period with real Company and PeriodInputs objects, incomplete matrices, the matrix
in force, computed sources and per-indicator payout."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_employee, compute_period
from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import NBSP
from kpidesk.core.org import Employee, Store
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period
from kpidesk.core.results import Explanation, Status

D = Decimal
OCT = Period.month(2026, 10)


def text(explanation: Explanation | None) -> str:
    assert explanation is not None
    return explanation.formula.replace(NBSP, " ")


def example_a() -> tuple[Company, Employee, PeriodInputs]:
    """SPEC §2.4 worked example A: a store's matrix, KPI 1.520."""
    indicators = (
        Indicator("revenue", "Выручка", "₽"),
        Indicator("avg_check", "Средний чек", "₽"),
        Indicator("conversion", "Конверсия", "%"),
        Indicator("loyalty", "Лояльность", "%"),
    )
    matrix = Matrix(
        OCT,
        (
            MatrixRow("revenue", D("0.3"), D(50000), D(100000), D(300000)),
            MatrixRow("avg_check", D("0.2"), D(3000), D(5000), D(10000)),
            MatrixRow("conversion", D("0.3"), D(10), D(15), D(20)),
            MatrixRow("loyalty", D("0.2"), D(60), D(80), D(90)),
        ),
        position="Директор",
    )
    employee = Employee("Иванова", "Директор", fixed_pay=D(39700), target_bonus=D(16300))
    company = Company(employees=(employee,), indicators=indicators, matrices=(matrix,))
    facts = {
        ("Иванова", "revenue"): D(200000),
        ("Иванова", "avg_check"): D(6000),
        ("Иванова", "conversion"): D(12),
        ("Иванова", "loyalty"): D(80),
    }
    return company, employee, PeriodInputs(facts=facts)


def ratio_company(
    weights: list[str], norm: int, employee: Employee, schedules: tuple[PayoutSchedule, ...] = ()
) -> Company:
    indicators = tuple(
        Indicator(f"k{i}", f"k{i}", method=IndexMethod.RATIO) for i in range(len(weights))
    )
    rows = tuple(MatrixRow(f"k{i}", D(w), None, D(norm)) for i, w in enumerate(weights))
    matrix = Matrix(OCT, rows, position=employee.position)
    return Company(
        employees=(employee,), indicators=indicators, matrices=(matrix,), schedules=schedules
    )


def ratio_facts(name: str, facts: list[int]) -> PeriodInputs:
    return PeriodInputs(facts={(name, f"k{i}"): D(f) for i, f in enumerate(facts)})


def test_example_a_kpi_is_1_520() -> None:
    company, employee, inputs = example_a()
    result = compute_employee(company, employee, OCT, inputs)
    assert result.status is Status.COMPLETE
    assert [row.index for row in result.rows] == [D(3), D("1.5"), D("0.4"), D(1)]
    assert result.kpi_exact == D("1.52")
    assert result.kpi == D("1.520")
    assert str(result.kpi) == "1.520"


def test_example_a_explanations_of_the_revenue_row() -> None:
    company, employee, inputs = example_a()
    result = compute_employee(company, employee, OCT, inputs)
    revenue = result.rows[0]
    assert text(revenue.index_explanation) == "(200 000 − 50 000) / (100 000 − 50 000) = 300,0%"
    assert revenue.index_explanation is not None and revenue.index_explanation.note is None
    assert text(revenue.weighted_explanation) == "0,3 × 300,0% = 90,0%"
    assert text(result.kpi_explanation) == "90,00% + 30,00% + 12,00% + 20,00% = 152,00% → 152,0%"
    assert result.kpi_explanation == Explanation(
        "90,00% + 30,00% + 12,00% + 20,00% = 152,00% → 152,0%"
    )


def test_example_a_pay_is_capped_at_150_percent() -> None:
    company, employee, inputs = example_a()
    result = compute_employee(company, employee, OCT, inputs)
    assert result.pay is not None
    assert result.pay.coefficient == D("1.5")
    assert result.pay.bonus == D("24450.00")
    assert result.pay.total == D("64150.00")
    assert result.pay.coefficient_explanation.note == "capped at the maximum"


def test_example_b_ratio_kpi_is_1_140() -> None:
    employee = Employee("Маркетолог", "Маркетолог")
    company = ratio_company(["0.45", "0.30", "0.25"], 20, employee)
    result = compute_employee(company, employee, OCT, ratio_facts("Маркетолог", [22, 18, 30]))
    assert [row.weighted for row in result.rows] == [D("0.495"), D("0.27"), D("0.375")]
    assert result.kpi == D("1.140")


@pytest.mark.parametrize(
    ("fact", "kpi", "bonus", "total", "coefficient_text"),
    [
        (1137, "1.137", "18533.10", "58233.10", "KPI 113,7% ≥ 80,0% → 1,137"),
        (799, "0.799", "0.00", "39700.00", "KPI 79,9% < 80,0% → 0"),
    ],
)
def test_example_c_bonus_and_total(
    fact: int, kpi: str, bonus: str, total: str, coefficient_text: str
) -> None:
    employee = Employee("Петров", "Продавец", fixed_pay=D(39700), target_bonus=D(16300))
    company = ratio_company(["1"], 1000, employee)
    result = compute_employee(company, employee, OCT, ratio_facts("Петров", [fact]))
    assert result.kpi == D(kpi)
    assert result.pay is not None
    assert result.pay.bonus == D(bonus)
    assert result.pay.total == D(total)
    assert result.pay.fixed_pay + result.pay.bonus == result.pay.total
    assert text(result.pay.coefficient_explanation) == coefficient_text


def test_example_c_explanations() -> None:
    employee = Employee("Петров", "Продавец", fixed_pay=D(39700), target_bonus=D(16300))
    company = ratio_company(["1"], 1000, employee)
    result = compute_employee(company, employee, OCT, ratio_facts("Петров", [1137]))
    assert result.pay is not None
    assert text(result.pay.bonus_explanation) == "16 300,00 × 1,137 = 18 533,10"
    assert text(result.pay.total_explanation) == "39 700,00 + 18 533,10 = 58 233,10"


@pytest.mark.parametrize(
    ("weights", "norm", "facts", "kpi"),
    [
        (["0.5", "0.5"], 1000, [1001, 1000], "1.001"),
        (["0.5", "0.25", "0.25"], 20, [22, 17, 30], "1.138"),
    ],
)
def test_example_d_kpi_rounds_half_up(
    weights: list[str], norm: int, facts: list[int], kpi: str
) -> None:
    employee = Employee("Сидоров", "Продавец")
    company = ratio_company(weights, norm, employee)
    result = compute_employee(company, employee, OCT, ratio_facts("Сидоров", facts))
    assert result.kpi == D(kpi)
    assert result.kpi_exact is not None and result.kpi_exact != result.kpi


def test_a_row_without_a_fact_makes_the_result_incomplete() -> None:
    company, employee, inputs = example_a()
    facts = dict(inputs.facts)
    del facts[("Иванова", "loyalty")]
    result = compute_employee(company, employee, OCT, PeriodInputs(facts=facts))
    assert result.status is Status.INCOMPLETE
    assert result.kpi is None and result.kpi_exact is None and result.pay is None
    assert result.kpi_explanation is None
    assert result.missing == ("loyalty",)
    assert result.rows[0].index == D(3)  # the rows still carry what could be computed
    assert result.rows[3].fact is None and result.rows[3].index is None
    assert result.rows[3].need is not None and result.rows[3].need.fact_for_full_index == D(80)


def test_an_index_that_cannot_be_computed_counts_as_missing() -> None:
    employee = Employee("Маркетолог", "Маркетолог")
    indicator = Indicator("cpl", "CPL", method=IndexMethod.RATIO)
    matrix = Matrix(OCT, (MatrixRow("cpl", D(1), D(500), D(300)),), position="Маркетолог")
    company = Company(employees=(employee,), indicators=(indicator,), matrices=(matrix,))
    inputs = PeriodInputs(facts={("Маркетолог", "cpl"): D(0)})
    result = compute_employee(company, employee, OCT, inputs)
    assert result.missing == ("cpl",)
    assert result.rows[0].fact == D(0) and result.rows[0].index is None
    assert result.rows[0].index_explanation is not None
    assert result.rows[0].index_explanation.note == "division by zero: no data"


def test_no_matrix_is_incomplete_with_matrix_missing() -> None:
    employee = Employee("Новичок", "Стажёр")
    result = compute_employee(Company(employees=(employee,)), employee, OCT, PeriodInputs())
    assert result.missing == ("matrix",)
    assert result.matrix is None and result.rows == () and result.pay is None


def test_a_matrix_with_errors_is_incomplete_with_its_problems() -> None:
    company, employee, inputs = example_a()
    matrix = company.matrices[0]
    broken = Matrix(
        OCT,
        (*matrix.rows[:3], MatrixRow("loyalty", D("0.1"), D(60), D(80), D(90))),
        position="Директор",
    )
    company = Company(employees=(employee,), indicators=company.indicators, matrices=(broken,))
    result = compute_employee(company, employee, OCT, inputs)
    assert result.pay is None and result.kpi is None
    assert result.missing == ()
    assert [problem.code for problem in result.problems] == ["weights_sum"]


def test_a_warning_does_not_make_the_matrix_incomplete() -> None:
    employee = Employee("Маркетолог", "Маркетолог")
    indicator = Indicator("leads", "Лиды")
    matrix = Matrix(OCT, (MatrixRow("leads", D(1), D(0), D(100), D(50)),), position="Маркетолог")
    company = Company(employees=(employee,), indicators=(indicator,), matrices=(matrix,))
    inputs = PeriodInputs(facts={("Маркетолог", "leads"): D(100)})
    result = compute_employee(company, employee, OCT, inputs)
    assert [problem.code for problem in result.problems] == ["target_wrong_side"]
    assert result.status is Status.COMPLETE


def test_matrix_in_force_override_beats_template_and_later_start_wins() -> None:
    indicator = Indicator("sales", "Продажи", method=IndexMethod.RATIO)
    row = MatrixRow("sales", D(1), None, D(100))
    template_old = Matrix(Period.month(2026, 1), (row,), position="Продавец")
    template_new = Matrix(Period.month(2026, 9), (row,), position="Продавец")
    template_future = Matrix(Period.month(2026, 11), (row,), position="Продавец")
    override = Matrix(Period.month(2026, 3), (row,), employee="Анна")
    anna = Employee("Анна", "Продавец")
    boris = Employee("Борис", "Продавец")
    company = Company(
        employees=(anna, boris),
        indicators=(indicator,),
        matrices=(template_old, override, template_new, template_future),
    )
    result = compute_period(company, OCT, PeriodInputs())
    anna_result, boris_result = result.employees
    assert anna_result.matrix is override
    assert boris_result.matrix is template_new


def test_compute_period_order_archived_and_working_dates() -> None:
    employees = (
        Employee("Вера", "Продавец"),
        Employee("Архив", "Продавец", archived=True),
        Employee("Ушедший", "Продавец", end=date(2026, 9, 30)),
        Employee("Пришедший", "Продавец", start=date(2026, 10, 20)),
        Employee("Будущий", "Продавец", start=date(2026, 11, 1)),
        Employee("Алла", "Продавец"),
    )
    result = compute_period(Company(employees=employees), OCT, PeriodInputs())
    assert [r.employee.name for r in result.employees] == ["Вера", "Пришедший", "Алла"]
    assert result.for_employee("Алла") is not None
    assert result.for_employee("Архив") is None


def store_days(store: str, first: date, days: int, revenue: int, receipts: int) -> list[DailyEntry]:
    return [
        DailyEntry(store, first + timedelta(days=i), D(revenue), receipts, receipts * 4, receipts)
        for i in range(days)
    ]


def test_store_sources_use_the_employees_store_or_all_stores() -> None:
    indicators = (
        Indicator("conv", "Конверсия", "%", Source.parse("store:conversion")),
        Indicator("plan", "План", "%", Source.parse("store:plan_completion"), IndexMethod.RATIO),
    )
    rows = (
        MatrixRow("conv", D("0.5"), D(0), D(25), None),
        MatrixRow("plan", D("0.5"), None, D(100), D(150)),
    )
    matrix = Matrix(OCT, rows, position="Директор")
    north = Employee("Север", "Директор", store="Север")
    chief = Employee("Шеф", "Директор")
    company = Company(
        stores=(Store("Север"), Store("Юг")),
        employees=(north, chief),
        indicators=indicators,
        matrices=(matrix,),
    )
    daily = (
        *store_days("Север", date(2026, 10, 1), 31, 10000, 10),
        *store_days("Юг", date(2026, 10, 1), 31, 30000, 30),
    )
    plans = (StorePlan("Север", OCT, D(310000)), StorePlan("Юг", OCT, D(465000)))
    result = compute_period(company, OCT, PeriodInputs(daily=daily, plans=plans))
    north_result, chief_result = result.employees
    assert north_result.rows[0].fact == D(25)
    assert north_result.rows[1].fact == D(100)
    assert north_result.kpi == D("1.000")
    assert chief_result.rows[1].fact == D(1240000) * 100 / D(775000)
    assert chief_result.rows[1].index == D("1.5")  # 160 % clamped at the 150 % target


def test_employee_and_family_sources() -> None:
    indicators = (
        Indicator("share", "Доля", "%", Source.parse("employee:share_of_store")),
        Indicator("romi", "ROMI", "%", Source.parse("marketing:romi"), IndexMethod.RATIO),
    )
    rows = (
        MatrixRow("share", D("0.5"), D(0), D(50)),
        MatrixRow("romi", D("0.5"), None, D(100)),
    )
    employee = Employee("Оля", "Продавец", store="Север")
    company = Company(
        employees=(employee,), indicators=indicators, matrices=(Matrix(OCT, rows, "Продавец"),)
    )
    inputs = PeriodInputs(
        daily=tuple(store_days("Север", date(2026, 10, 1), 2, 10000, 10)),
        seller_days=(SellerDay("Север", date(2026, 10, 1), "Оля", D(5000), 5),),
        inputs={("Оля", "marketing:profit"): D(300), ("Оля", "marketing:marketing_cost"): D(100)},
    )
    result = compute_employee(company, employee, OCT, inputs)
    assert [row.fact for row in result.rows] == [D(25), D(200)]
    assert result.kpi == D("1.250")


def test_per_indicator_payout_through_compute() -> None:
    employee = Employee("Ира", "Продавец", fixed_pay=D(1000), target_bonus=D("10000.01"))
    schedule = PayoutSchedule(per_indicator=True)
    company = ratio_company(["0.4", "0.3", "0.3"], 100, employee, (schedule,))
    result = compute_employee(company, employee, OCT, ratio_facts("Ира", [120, 50, 100]))
    assert result.pay is not None
    bonuses = [row.row_bonus for row in result.rows]
    # shares 4 000,01 / 3 000,00 / 3 000,00 (the odd kopeck to the largest remainder)
    assert bonuses == [D("4800.01"), D("0.00"), D("3000.00")]
    assert result.pay.bonus == sum(b for b in bonuses if b is not None)
    assert result.pay.total == D("8800.01")


def test_needs_through_compute_with_steps() -> None:
    employee = Employee("Ира", "Продавец", target_bonus=D(10000))
    steps = PayoutSchedule(
        PayoutKind.STEPS,
        steps=(PayoutStep(D("0.8"), D("0.5")), PayoutStep(D(1), D(1))),
    )
    company = ratio_company(["0.5", "0.5"], 100, employee, (steps,))
    result = compute_employee(company, employee, OCT, ratio_facts("Ира", [90, 90]))
    assert result.kpi == D("0.900")
    first = result.rows[0].need
    assert first is not None
    assert first.next_step_kpi == D(1)
    assert first.fact_for_next_step == D(110)
    assert first.fact_for_full_index == D(100)

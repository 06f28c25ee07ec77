"""SPEC §2 as updated (issue 13): worked examples, checked by hand, for half-month pay
(§2.2), per-indicator rounding (§2.5: each row prints share × coefficient = amount and the
bonus is the sum of the printed amounts), the pay list's totals rule (§2.5) and computed
facts rounded to 0.01 before the index (§2.4). Every explanation is parsed back and its
printed terms must give its printed result exactly."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_employee, compute_period
from kpidesk.core.daily import DailyEntry
from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import NBSP, parse_number
from kpidesk.core.org import Employee
from kpidesk.core.pay import (
    amounts_for_period,
    explain_half_month,
    half_month_amount,
    per_indicator_payout,
)
from kpidesk.core.pay_list import pay_list_totals
from kpidesk.core.payout import DEFAULT_SCHEDULE, PayoutSchedule
from kpidesk.core.periods import Period
from kpidesk.core.results import EmployeeResult, Explanation, Status

D = Decimal
OCT = Period.month(2026, 10)
H1, H2 = Period.half(2026, 10, 1), Period.half(2026, 10, 2)
MINUS, TIMES = "\u2212", "\u00d7"


def formula(explanation: Explanation | None) -> str:
    assert explanation is not None
    return explanation.formula.replace(NBSP, " ")


def number(text: str) -> Decimal:
    return parse_number(text.replace(MINUS, "-").strip())


def assert_sum_as_printed(explanation: Explanation | None) -> tuple[list[Decimal], Decimal]:
    """``a + b + c = total``: the printed terms add up exactly to the printed total."""
    left, _, right = formula(explanation).rpartition(" = ")
    terms = [number(term) for term in left.split(" + ")]
    total = number(right)
    assert sum(terms, D(0)) == total, formula(explanation)
    return terms, total


def assert_product_as_printed(explanation: Explanation | None) -> Decimal:
    """``share × coefficient = amount``: the printed amount is the printed product rounded
    half up to the kopeck."""
    left, _, right = formula(explanation).rpartition(" = ")
    share, coefficient = (number(part) for part in left.split(f" {TIMES} "))
    amount = number(right)
    assert (share * coefficient).quantize(D("0.01"), "ROUND_HALF_UP") == amount
    return amount


# --- half-month pay (SPEC §2.2) ---------------------------------------------------------------
def test_half_month_amounts_hand_checked() -> None:
    # an even contract: both halves pay exactly half
    assert half_month_amount(D(39700), 1) == D("19850.00")
    assert half_month_amount(D(39700), 2) == D("19850.00")
    # an odd kopeck: H1 rounds half up, H2 takes the rest — the month adds up to the kopeck
    assert half_month_amount(D("39700.01"), 1) == D("19850.01")
    assert half_month_amount(D("39700.01"), 2) == D("19850.00")
    assert half_month_amount(D("16300.05"), 1) == D("8150.03")
    assert half_month_amount(D("16300.05"), 2) == D("8150.02")
    assert formula(explain_half_month(D("39700.01"), 1)) == "39 700,01 / 2 = 19 850,01"
    assert formula(explain_half_month(D("39700.01"), 2)) == "39 700,01 − 19 850,01 = 19 850,00"


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_the_halves_add_up_to_the_month(monthly: Decimal) -> None:
    first, second = half_month_amount(monthly, 1), half_month_amount(monthly, 2)
    assert first + second == monthly
    assert abs(first - second) <= D("0.01")


def half_month_company() -> tuple[Company, Employee, PeriodInputs]:
    """SPEC §2.5 example C's person in a company paying by half-months."""
    from kpidesk.core.periods import PeriodKind

    indicators = (Indicator("a", "Показатель", method=IndexMethod.RATIO),)
    matrix = Matrix(OCT, (MatrixRow("a", D(1), None, D(1000)),), position="Продавец")
    employee = Employee("Петров", "Продавец", fixed_pay=D("39700.01"), target_bonus=D(16300))
    company = Company(
        pay_period=PeriodKind.HALF,
        employees=(employee,),
        indicators=indicators,
        matrices=(matrix,),
    )
    return company, employee, PeriodInputs(facts={("Петров", "a"): D(1137)})


def test_half_month_pay_worked_example() -> None:
    """Fixed pay 39 700,01 and target bonus 16 300 a month, KPI 113,7 % in each half:
    H1 fixed 19 850,01, target 8 150,00, bonus 8 150 × 1,137 = 9 266,55, total 29 116,56;
    H2 fixed 19 850,00, bonus 9 266,55, total 29 116,55. The month: 39 700,01 fixed,
    18 533,10 bonus (= example C's bonus), 58 233,11 in all."""
    company, _, inputs = half_month_company()
    first = compute_period(company, H1, inputs).employees[0]
    second = compute_period(company, H2, inputs).employees[0]
    assert first.kpi == second.kpi == D("1.137")
    assert first.pay is not None and second.pay is not None
    assert (first.employee.fixed_pay, first.employee.target_bonus) == (D("19850.01"), D("8150"))
    assert (first.pay.fixed_pay, first.pay.bonus, first.pay.total) == (
        D("19850.01"),
        D("9266.55"),
        D("29116.56"),
    )
    assert (second.pay.fixed_pay, second.pay.bonus, second.pay.total) == (
        D("19850.00"),
        D("9266.55"),
        D("29116.55"),
    )
    assert first.pay.fixed_pay + second.pay.fixed_pay == D("39700.01")
    assert first.pay.bonus + second.pay.bonus == D("18533.10")
    assert formula(first.pay.bonus_explanation) == "8 150,00 × 1,137 = 9 266,55"
    assert first.half_month is not None and second.half_month is not None
    assert first.half_month.monthly_fixed_pay == D("39700.01")
    assert formula(first.half_month.fixed_pay_explanation) == "39 700,01 / 2 = 19 850,01"
    assert formula(second.half_month.fixed_pay_explanation) == ("39 700,01 − 19 850,01 = 19 850,00")
    assert formula(second.half_month.target_bonus_explanation) == (
        "16 300,00 − 8 150,00 = 8 150,00"
    )
    # a month period keeps the monthly amounts and says nothing about halves
    month = compute_period(company, OCT, inputs).employees[0]
    assert month.half_month is None and month.pay is not None
    assert month.pay.fixed_pay == D("39700.01") and month.pay.bonus == D("18533.10")


def test_half_month_of_an_incomplete_sheet_and_of_one_employee() -> None:
    company, employee, _ = half_month_company()
    result = compute_employee(company, employee, H2, PeriodInputs())
    assert result.status is Status.INCOMPLETE and result.pay is None
    assert result.fixed_pay == D("19850.00")  # what the pay list sums for them
    paid, how = amounts_for_period(employee, OCT)
    assert paid is employee and how is None


# --- per-indicator rounding (SPEC §2.5) -------------------------------------------------------
def per_indicator_company() -> tuple[Company, Employee, PeriodInputs]:
    indicators = tuple(Indicator(code, name) for code, name in (("a", "А"), ("b", "Б"), ("c", "В")))
    rows = (
        MatrixRow("a", D("0.5"), D(0), D(1000), D(2000)),
        MatrixRow("b", D("0.3"), D(0), D(100), D(200)),
        MatrixRow("c", D("0.2"), D(0), D(100), D(200)),
    )
    employee = Employee("Ира", "Продавец", fixed_pay=D(30000), target_bonus=D("16333.33"))
    company = Company(
        employees=(employee,),
        indicators=indicators,
        matrices=(Matrix(OCT, rows, position="Продавец"),),
        schedules=(PayoutSchedule(per_indicator=True),),
    )
    facts = {("Ира", "a"): D(1137), ("Ира", "b"): D(85), ("Ира", "c"): D(79)}
    return company, employee, PeriodInputs(facts=facts)


def test_per_indicator_rounding_worked_example() -> None:
    """Target bonus 16 333,33, weights 0,5/0,3/0,2, indices 113,7 % / 85,0 % / 79,0 %,
    linear schedule (80 % threshold):

    shares by largest remainder: 8 166,665 → 8 166,66; 4 899,999 → 4 900,00; 3 266,666 →
    3 266,67 (the two left-over kopecks go to the remainders ,009 and ,006);
    amounts: 8 166,66 × 1,137 = 9 285,49 (9 285,49242); 4 900,00 × 0,85 = 4 165,00;
    3 266,67 × 0 = 0,00 (below the threshold); bonus 9 285,49 + 4 165,00 + 0,00 =
    13 450,49, total 43 450,49. One coefficient would not do: Σ weight × coefficient =
    0,8235, and 16 333,33 × 0,8235 = 13 450,50 — a kopeck off the real bonus.
    """
    company, employee, inputs = per_indicator_company()
    result = compute_employee(company, employee, OCT, inputs)
    pay = result.pay
    assert pay is not None and result.kpi == D("0.982")
    payouts = [row.payout for row in result.rows]
    assert all(payout is not None for payout in payouts)
    shares = [p.share for p in payouts if p]
    coefficients = [p.coefficient for p in payouts if p]
    amounts = [p.amount for p in payouts if p]
    assert shares == [D("8166.66"), D("4900.00"), D("3266.67")]
    assert sum(shares) == employee.target_bonus
    assert coefficients == [D("1.137"), D("0.85"), D(0)]
    assert amounts == [D("9285.49"), D("4165.00"), D("0.00")]
    assert [row.row_bonus for row in result.rows] == amounts
    assert (pay.bonus, pay.total) == (D("13450.49"), D("43450.49"))
    assert pay.per_indicator and pay.payout_coefficient is None
    assert pay.coefficient == D("0.8235")  # the effective share, never printed as one
    assert (employee.target_bonus * pay.coefficient).quantize(D("0.01"), "ROUND_HALF_UP") != (
        pay.bonus
    )
    printed = [formula(p.explanation) for p in payouts if p]
    assert printed == [
        "8 166,66 × 1,137 = 9 285,49",
        "4 900,00 × 0,85 = 4 165,00",
        "3 266,67 × 0 = 0,00",
    ]
    for payout in payouts:
        assert payout is not None
        assert assert_product_as_printed(payout.explanation) == payout.amount
    terms, total = assert_sum_as_printed(pay.bonus_explanation)
    assert terms == amounts and total == pay.bonus
    assert formula(pay.bonus_explanation) == "9 285,49 + 4 165,00 + 0,00 = 13 450,49"
    assert_sum_as_printed(pay.total_explanation)


def test_a_whole_matrix_schedule_keeps_its_one_coefficient() -> None:
    company, employee, inputs = per_indicator_company()
    whole = Company(
        employees=company.employees, indicators=company.indicators, matrices=company.matrices
    )
    result = compute_employee(whole, employee, OCT, inputs)
    assert result.pay is not None and not result.pay.per_indicator
    assert result.pay.payout_coefficient == D("0.982")
    assert all(row.payout is None for row in result.rows)


@given(
    target=st.decimals(min_value=0, max_value=10_000_000, places=2),
    weights=st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=8),
    indices=st.lists(st.decimals(min_value=0, max_value=3, places=4), min_size=8, max_size=8),
)
def test_per_indicator_explanations_add_up_as_printed(
    target: Decimal, weights: list[int], indices: list[Decimal]
) -> None:
    total_weight = sum(weights)
    if total_weight == 0:
        return
    normal = [D(w) / D(total_weight) for w in weights]
    normal[-1] = D(1) - sum(normal[:-1])
    rows = list(zip(normal, indices, strict=False))
    employee = Employee("X", "Y", fixed_pay=D(100), target_bonus=target)
    pay, payouts = per_indicator_payout(employee, DEFAULT_SCHEDULE, rows)
    for payout in payouts:
        assert assert_product_as_printed(payout.explanation) == payout.amount
    terms, total = assert_sum_as_printed(pay.bonus_explanation)
    assert terms == [payout.amount for payout in payouts] and total == pay.bonus


# --- the pay list's totals (SPEC §2.5) --------------------------------------------------------
def totals_company() -> tuple[Company, PeriodInputs]:
    indicators = (
        Indicator("a", "Показатель", method=IndexMethod.RATIO),
        Indicator("nps", "NPS", "%"),
    )
    matrices = (
        Matrix(OCT, (MatrixRow("a", D(1), None, D(1000)),), position="Продавец"),
        Matrix(
            OCT,
            (MatrixRow("a", D("0.5"), None, D(1000)), MatrixRow("nps", D("0.5"), D(40), D(60))),
            position="Старший",
        ),
    )
    employees = (
        Employee("Петров", "Продавец", fixed_pay=D(39700), target_bonus=D(16300)),
        Employee("Сидорова", "Старший", fixed_pay=D(30000), target_bonus=D(12000)),
        Employee("Кротов", "Продавец", fixed_pay=D(20000), target_bonus=D(10000)),
    )
    facts = {
        ("Петров", "a"): D(1137),
        ("Сидорова", "a"): D(1000),  # no NPS: incomplete
        ("Кротов", "a"): D(799),
    }
    company = Company(employees=employees, indicators=indicators, matrices=matrices)
    return company, PeriodInputs(facts=facts)


def test_pay_list_totals_worked_example() -> None:
    """Петров complete (39 700 + 18 533,10 = 58 233,10), Сидорова incomplete (fixed pay
    30 000, no NPS), Кротов complete at KPI 79,9 % (20 000 + 0 = 20 000): fixed pay over
    all = 89 700,00; bonus over the complete = 18 533,10; total over the complete =
    78 233,10; one incomplete sheet left out of the bonus and the total."""
    company, inputs = totals_company()
    result = compute_period(company, OCT, inputs)
    assert [e.status for e in result.employees] == [
        Status.COMPLETE,
        Status.INCOMPLETE,
        Status.COMPLETE,
    ]
    totals = pay_list_totals(result.employees)
    assert totals.fixed_pay == D("89700.00")
    assert totals.bonus == D("18533.10")
    assert totals.total == D("78233.10")
    assert (totals.complete, totals.incomplete, totals.employees) == (2, 1, 3)
    complete: list[EmployeeResult] = [e for e in result.employees if e.pay is not None]
    assert totals.total == sum((e.pay.total for e in complete if e.pay), D(0))


def test_pay_list_totals_of_a_half_month_sum_the_halves() -> None:
    company, inputs = totals_company()
    halves = [pay_list_totals(compute_period(company, half, inputs).employees) for half in (H1, H2)]
    assert halves[0].fixed_pay == D("44850.00")  # 19 850 + 15 000 + 10 000
    assert halves[0].fixed_pay + halves[1].fixed_pay == D("89700.00")
    assert halves[0].bonus == D("9266.55")  # 8 150 × 1,137


# --- computed facts (SPEC §2.4) ---------------------------------------------------------------
def test_a_computed_fact_is_rounded_to_hundredths_before_the_index() -> None:
    """Conversion from daily data: 31 receipts of 93 visitors = 33,333…% → fact 33,33;
    index (33,33 − 0) / (40 − 0) = 0,83325 exactly — not 0,8333…"""
    indicator = Indicator("conv", "Конверсия", "%", Source.parse("store:conversion"))
    matrix = Matrix(OCT, (MatrixRow("conv", D(1), D(0), D(40)),), position="Директор")
    employee = Employee("Север", "Директор", store="Север", target_bonus=D(10000))
    company = Company(employees=(employee,), indicators=(indicator,), matrices=(matrix,))
    first = date(2026, 10, 1)
    daily = tuple(
        DailyEntry("Север", first + timedelta(days=i), D(1000), 1, 3, 1) for i in range(31)
    )
    result = compute_employee(company, employee, OCT, PeriodInputs(daily=daily))
    row = result.rows[0]
    assert row.fact == D("33.33") and str(row.fact) == "33.33"
    assert row.index == D("0.83325")
    assert result.kpi == D("0.833")
    assert formula(row.index_explanation).startswith("(33,33 − 0) / (40 − 0) = ")


def test_manual_facts_are_used_as_typed() -> None:
    indicator = Indicator("x", "Икс")
    matrix = Matrix(OCT, (MatrixRow("x", D(1), D(0), D(3)),), position="P")
    employee = Employee("E", "P")
    company = Company(employees=(employee,), indicators=(indicator,), matrices=(matrix,))
    result = compute_employee(company, employee, OCT, PeriodInputs(facts={("E", "x"): D("1.005")}))
    assert result.rows[0].fact == D("1.005")
    assert result.rows[0].index == D("1.005") / D(3)


def test_example_c_explanations_add_up_as_printed() -> None:
    """SPEC §2.5 example C (fixed pay 39 700,01 here): 16 300 × 1,137 = 18 533,10 and
    39 700,01 + 18 533,10 = 58 233,11, each as printed."""
    company, employee, inputs = half_month_company()
    result = compute_employee(company, employee, OCT, inputs)
    assert result.pay is not None
    assert formula(result.pay.bonus_explanation) == "16 300,00 × 1,137 = 18 533,10"
    assert re.fullmatch(r"[\d ,]+ \+ [\d ,]+ = [\d ,]+", formula(result.pay.total_explanation))
    assert_sum_as_printed(result.pay.total_explanation)
    assert_product_as_printed(result.pay.bonus_explanation)

"""'Что нужно' (SPEC §2.5): the fact for index 100 %, for the payout threshold and for the
next payout step, each a worked example with hand-checked numbers."""

from __future__ import annotations

from decimal import Decimal

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_employee
from kpidesk.core.indicators import IndexMethod, Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.needs import NeedState, payout_threshold, result_needs, row_needs
from kpidesk.core.org import Employee, Position
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period

D = Decimal

SCALE = IndexMethod.SCALE
LINEAR = PayoutSchedule()
STEPS = PayoutSchedule(
    kind=PayoutKind.STEPS,
    steps=(
        PayoutStep(D("0.8"), D("0.5")),
        PayoutStep(D("0.9"), D("0.8")),
        PayoutStep(D("1.0"), D("1.0")),
    ),
)
REVENUE = MatrixRow("revenue", D("0.5"), D("50000"), D("100000"), D("150000"))
CONVERSION = MatrixRow("conversion", D("0.5"), D("10"), D("15"), D("20"))
# revenue 80 000 → index (80 000 − 50 000)/50 000 = 0.6; conversion 12 → (12 − 10)/5 = 0.4
# KPI = 0.5·0.6 + 0.5·0.4 = 0.5
KPI = D("0.5")


def test_below_the_threshold_each_row_names_the_fact_that_reaches_it() -> None:
    # threshold 80 %: revenue needs index 0.6 + (0.8 − 0.5)/0.5 = 1.2 → 50 000 + 1.2·50 000
    needs = row_needs(REVENUE, SCALE, D("80000"), D("0.6"), KPI, LINEAR)
    assert needs.full.fact == D("100000") and needs.full.gap == D("20000")
    assert needs.threshold is not None
    assert needs.threshold.state is NeedState.NEEDED
    assert needs.threshold.aim == D("0.8")
    assert needs.threshold.fact == D("110000") and needs.threshold.gap == D("30000")
    # linear: above the threshold every 0.1 % pays more, there is no further step
    assert needs.step is None
    # conversion needs 0.4 + 0.6 = 1.0 → 15 %, 3 points more
    conversion = row_needs(CONVERSION, SCALE, D("12"), D("0.4"), KPI, LINEAR)
    assert conversion.threshold is not None
    assert conversion.threshold.fact == D("15") and conversion.threshold.gap == D("3")


def test_the_next_step_is_the_one_after_the_threshold() -> None:
    # steps 80 → 0.5, 90 → 0.8: revenue needs 0.6 + 0.4/0.5 = 1.4 → 120 000 for 90 %
    needs = row_needs(REVENUE, SCALE, D("80000"), D("0.6"), KPI, STEPS)
    assert needs.threshold is not None and needs.threshold.fact == D("110000")
    assert needs.step is not None and needs.step.aim == D("0.9")
    assert needs.step.fact == D("120000") and needs.step.gap == D("40000")
    conversion = row_needs(CONVERSION, SCALE, D("12"), D("0.4"), KPI, STEPS)
    assert conversion.step is not None and conversion.step.fact == D("16")


def test_above_the_threshold_it_is_reached_and_the_step_follows_the_kpi() -> None:
    # revenue 110 000 → index 1.2, conversion 15 → 1.0: KPI 1.1 ≥ 1.0, the top step
    needs = row_needs(REVENUE, SCALE, D("110000"), D("1.2"), D("1.1"), STEPS)
    assert needs.full.state is NeedState.REACHED
    assert needs.threshold is not None and needs.threshold.state is NeedState.REACHED
    assert needs.step is None
    # KPI 0.85 (between 80 and 90): the step is 90 %, revenue needs 0.7 + 0.05/0.5 = 0.8
    middle = row_needs(REVENUE, SCALE, D("85000"), D("0.7"), D("0.85"), STEPS)
    assert middle.threshold is not None and middle.threshold.state is NeedState.REACHED
    assert middle.step is not None and middle.step.aim == D("0.9")
    assert middle.step.fact == D("90000") and middle.step.gap == D("5000")


def test_a_repeating_fact_is_rounded_toward_better() -> None:
    # weights 0.6/0.4, revenue 80 000 (0.6), conversion 12 (0.4): KPI 0.36 + 0.16 = 0.52;
    # revenue needs 0.6 + 0.28/0.6 = 1.0666… → 103 333.333… → 103 333.34 (up, so it reaches)
    row = MatrixRow("revenue", D("0.6"), D("50000"), D("100000"), D("150000"))
    needs = row_needs(row, SCALE, D("80000"), D("0.6"), D("0.52"), LINEAR)
    assert needs.threshold is not None and needs.threshold.fact == D("103333.34")
    reached = D("0.6") * (needs.threshold.fact - 50000) / 50000 + D("0.16")
    assert reached >= D("0.8")


def test_lower_is_better_needs_less() -> None:
    # complaints base 10, norm 2, target 0; fact 6 → (6 − 10)/(2 − 10) = 0.5 = KPI
    row = MatrixRow("complaints", D("1"), D("10"), D("2"), D("0"))
    needs = row_needs(row, SCALE, D("6"), D("0.5"), D("0.5"), LINEAR)
    assert needs.lower_is_better
    assert needs.full.fact == D("2") and needs.full.gap == D("-4")
    # 80 %: 10 + 0.8·(2 − 10) = 3.6, i.e. 2.4 fewer
    assert needs.threshold is not None
    assert needs.threshold.fact == D("3.6") and needs.threshold.gap == D("-2.4")


def test_beyond_the_target_is_out_of_reach_and_an_incomplete_kpi_unknown() -> None:
    # target 105 000 caps the index at 1.1 < the 1.2 needed
    row = MatrixRow("revenue", D("0.5"), D("50000"), D("100000"), D("105000"))
    needs = row_needs(row, SCALE, D("80000"), D("0.6"), KPI, LINEAR)
    assert needs.threshold is not None and needs.threshold.state is NeedState.OUT_OF_REACH
    assert needs.threshold.fact is None
    blank = row_needs(REVENUE, SCALE, None, None, None, LINEAR)
    assert blank.full.fact == D("100000") and blank.full.gap is None
    assert blank.threshold is not None and blank.threshold.state is NeedState.UNKNOWN


def test_per_indicator_payout_aims_the_row_itself() -> None:
    schedule = PayoutSchedule(per_indicator=True)
    # the row pays on its own index: 80 % of the scale is 50 000 + 0.8·50 000 = 90 000
    needs = row_needs(REVENUE, SCALE, D("80000"), D("0.6"), KPI, schedule)
    assert needs.threshold is not None and needs.threshold.fact == D("90000")
    assert needs.threshold.gap == D("10000")


def test_ratio_and_the_thresholds_of_schedules() -> None:
    # ratio, norm 20: fact 14 → 0.7; alone in the matrix, 80 % needs 0.8·20 = 16
    row = MatrixRow("leads", D("1"), None, D("20"), D("30"))
    needs = row_needs(row, IndexMethod.RATIO, D("14"), D("0.7"), D("0.7"), LINEAR)
    assert needs.threshold is not None and needs.threshold.fact == D("16")
    assert payout_threshold(LINEAR) == D("0.8")
    zero_first = PayoutSchedule(
        kind=PayoutKind.STEPS,
        steps=(PayoutStep(D("0.5"), D("0")), PayoutStep(D("0.9"), D("0.7"))),
    )
    assert payout_threshold(zero_first) == D("0.9")


def test_result_needs_follow_the_calculation() -> None:
    period = Period.parse("2026-10")
    indicators = (
        Indicator("revenue", "Выручка", "₽"),
        Indicator("conversion", "Конверсия", "%"),
    )
    matrix = Matrix(period, (REVENUE, CONVERSION), position="Продавец")
    person = Employee("Иванова Анна", "Продавец", fixed_pay=D("30000"), target_bonus=D("10000"))
    company = Company(
        positions=(Position("Продавец"),),
        employees=(person,),
        indicators=indicators,
        matrices=(matrix,),
    )
    facts = {(person.name, "revenue"): D("80000"), (person.name, "conversion"): D("12")}
    result = compute_employee(company, person, period, PeriodInputs(facts=facts))
    assert result.kpi == KPI
    revenue, conversion = result_needs(result)
    assert revenue.threshold is not None and revenue.threshold.fact == D("110000")
    assert conversion.threshold is not None and conversion.threshold.gap == D("3")

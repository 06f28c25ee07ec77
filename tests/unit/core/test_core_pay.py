"""Payout schedules, bonus, total and per-indicator payout (SPEC §2.5), and 'what do I
need' (needs)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.money import NBSP, format_number, parse_number, round_money
from kpidesk.core.needs import fact_for_index, next_step_fact, row_need
from kpidesk.core.org import Employee
from kpidesk.core.pay import (
    explain_coefficient,
    money_text,
    pay_for,
    per_indicator_pay,
    split_target_bonus,
)
from kpidesk.core.payout import (
    DEFAULT_SCHEDULE,
    PayoutKind,
    PayoutSchedule,
    PayoutStep,
    coefficient_for,
    next_step,
    schedule_for,
)

D = Decimal
STEPS = PayoutSchedule(
    PayoutKind.STEPS,
    steps=(
        PayoutStep(D("1.2"), D("1.2")),
        PayoutStep(D("0.8"), D("0.5")),
        PayoutStep(D("0.9"), D("0.8")),
        PayoutStep(D(1), D(1)),
    ),
)


@pytest.mark.parametrize(
    ("kpi", "coefficient"),
    [("0.799", "0"), ("0.8", "0.5"), ("0.899", "0.5"), ("0.9", "0.8"), ("1.05", "1"), ("2", "1.2")],
)
def test_steps_schedule(kpi: str, coefficient: str) -> None:
    assert coefficient_for(STEPS, D(kpi)) == D(coefficient)


def test_next_step() -> None:
    assert next_step(STEPS, D("0.85")) == D("0.9")
    assert next_step(STEPS, D("1.3")) is None
    assert next_step(DEFAULT_SCHEDULE, D("0.5")) == D("0.8")
    assert next_step(DEFAULT_SCHEDULE, D("0.9")) is None


def test_schedule_for_prefers_the_positions_own() -> None:
    company = PayoutSchedule(threshold=D("0.7"))
    own = PayoutSchedule(threshold=D("0.9"), position="Продавец")
    assert schedule_for((own, company), "Продавец") is own
    assert schedule_for((own, company), "Кассир") is company
    assert schedule_for((), "Кассир") is DEFAULT_SCHEDULE


def test_linear_pay_and_steps_explanation() -> None:
    employee = Employee("Петров", "Продавец", fixed_pay=D(39700), target_bonus=D(16300))
    pay = pay_for(employee, DEFAULT_SCHEDULE, D("1.137"))
    assert (pay.coefficient, pay.bonus, pay.total) == (D("1.137"), D("18533.10"), D("58233.10"))
    assert pay_for(employee, DEFAULT_SCHEDULE, D("0.799")).bonus == D("0.00")
    assert explain_coefficient(STEPS, D("0.95")).formula == "KPI 95,0% ≥ 90,0% → 0,8"
    assert explain_coefficient(STEPS, D("0.5")).formula == "KPI 50,0% < 80,0% → 0"


def test_a_negative_target_bonus_pays_nothing() -> None:
    employee = Employee("X", "Y", fixed_pay=D(100), target_bonus=D(-500))
    assert pay_for(employee, DEFAULT_SCHEDULE, D(1)).bonus == D("0.00")


def test_split_target_bonus_by_largest_remainder() -> None:
    third = D(1) / D(3)
    shares = split_target_bonus(D("10000.01"), [third, third, third])
    assert shares == (D("3333.34"), D("3333.34"), D("3333.33"))
    assert sum(shares) == D("10000.01")
    assert split_target_bonus(D(100), []) == ()


def test_per_indicator_pay_with_three_equal_weights() -> None:
    employee = Employee("Ира", "Продавец", fixed_pay=D(1000), target_bonus=D("10000.01"))
    third = D(1) / D(3)
    pay, amounts = per_indicator_pay(
        employee, DEFAULT_SCHEDULE, [(third, D("1.2")), (third, D("0.7")), (third, D(1))]
    )
    assert amounts == (D("4000.01"), D("0.00"), D("3333.33"))
    assert pay.bonus == sum(amounts) == D("7333.34")
    assert pay.total == D("8333.34")
    assert pay.coefficient_explanation.note == "per-indicator payout"


def test_money_text_matches_format_number() -> None:
    for value in ("0", "-0.001", "1234567.895", "-12", "999.995"):
        assert money_text(D(value)) == format_number(D(value), 2)
    assert money_text(D("18533.1")) == f"18{NBSP}533,10"


def test_needs_scale_ratio_binary() -> None:
    scale = MatrixRow("s", D("0.5"), D(50), D(100), D(300))
    assert fact_for_index(scale, IndexMethod.SCALE, D(1)) == D(100)
    assert fact_for_index(scale, IndexMethod.SCALE, D(6)) is None  # beyond the target
    lower = MatrixRow("r", D("0.5"), D(500), D(300), D(200))
    assert fact_for_index(lower, IndexMethod.RATIO, D("1.2")) == D(250)
    assert fact_for_index(lower, IndexMethod.RATIO, D(2)) is None
    binary = MatrixRow("b", D("0.5"), None, D(10))
    assert fact_for_index(binary, IndexMethod.BINARY, D("0.3")) == D(10)
    assert fact_for_index(binary, IndexMethod.BINARY, D("1.1")) is None


def test_row_need_to_the_next_step() -> None:
    scale = MatrixRow("s", D("0.5"), D(0), D(100), D(200))
    # KPI 0.7 now; the threshold 0.8 needs this row's index up by 0.1 / 0.5 = 0.2
    need = row_need(scale, IndexMethod.SCALE, D("0.6"), D("0.7"), DEFAULT_SCHEDULE)
    assert need.fact_for_full_index == D(100)
    assert need.next_step_kpi == D("0.8")
    assert need.fact_for_next_step == D(80)
    # already past the threshold: linear has no further step
    assert row_need(scale, IndexMethod.SCALE, D(1), D(1), DEFAULT_SCHEDULE).next_step_kpi is None
    # out of reach: index would have to reach 0.1 + 0.75 / 0.5 = 1.6, past the target (1.5)
    capped = MatrixRow("s", D("0.5"), D(0), D(100), D(150))
    far = row_need(capped, IndexMethod.SCALE, D("0.1"), D("0.05"), DEFAULT_SCHEDULE)
    assert far.fact_for_next_step is None and far.next_step_kpi == D("0.8")
    zero = MatrixRow("z", D(0), D(0), D(100))
    assert next_step_fact(zero, IndexMethod.SCALE, D(0), D("0.5"), DEFAULT_SCHEDULE) == (
        None,
        D("0.8"),
    )
    assert row_need(scale, IndexMethod.SCALE, None, None, DEFAULT_SCHEDULE).next_step_kpi is None


def test_row_need_per_indicator() -> None:
    schedule = PayoutSchedule(per_indicator=True)
    ratio = MatrixRow("r", D("0.5"), None, D(20))
    need = row_need(ratio, IndexMethod.RATIO, D("0.5"), D(1), schedule)
    assert need.next_step_kpi == D("0.8")
    assert need.fact_for_next_step == D(16)


kpis = st.decimals(min_value=-2, max_value=5, places=3)
money = st.decimals(min_value=0, max_value=10_000_000, places=2)
schedules = st.sampled_from([DEFAULT_SCHEDULE, STEPS, PayoutSchedule(cap=None)])


@given(kpi=kpis, fixed=money, target=money, schedule=schedules)
def test_bonus_never_negative_and_amounts_add_up(
    kpi: Decimal, fixed: Decimal, target: Decimal, schedule: PayoutSchedule
) -> None:
    pay = pay_for(Employee("X", "Y", fixed_pay=fixed, target_bonus=target), schedule, kpi)
    assert pay.bonus >= 0
    assert pay.fixed_pay + pay.bonus == pay.total
    assert round_money(pay.bonus) == pay.bonus and round_money(pay.total) == pay.total
    if kpi < D("0.8"):
        assert pay.bonus == 0


@given(
    target=money,
    weights=st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=10),
    indices=st.lists(st.decimals(min_value=0, max_value=3, places=4), min_size=10, max_size=10),
)
def test_per_indicator_shares_and_amounts_add_up(
    target: Decimal, weights: list[int], indices: list[Decimal]
) -> None:
    total_weight = sum(weights)
    if total_weight == 0:
        return
    normal = [D(w) / D(total_weight) for w in weights]
    normal[-1] = D(1) - sum(normal[:-1])  # exactly 1 in total
    shares = split_target_bonus(target, normal)
    assert sum(shares) == target
    assert all(share >= 0 for share in shares)
    employee = Employee("X", "Y", target_bonus=target)
    rows = list(zip(normal, indices, strict=False))
    pay, amounts = per_indicator_pay(employee, DEFAULT_SCHEDULE, rows)
    assert sum(amounts) == pay.bonus >= 0
    assert pay.fixed_pay + pay.bonus == pay.total


@given(st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False))
def test_russian_number_text_round_trips(value: Decimal) -> None:
    assert parse_number(format_number(value, 2)) == round_money(value)

"""Bonus and total pay from a KPI (SPEC §2.5), with explanations, and the amounts of a
half-month (SPEC §2.2).

``bonus = round_money(target bonus × coefficient_for(schedule, KPI rounded))``;
``total = fixed pay + bonus``. With per-indicator payout the target bonus is first split
into per-row shares (``target × weight``) by the largest-remainder method so that the shares
add up to the target bonus to the kopeck; each row pays ``round_money(share × coefficient of
its own rounded index)`` and the bonus is the sum of the row amounts — explained as exactly
those printed amounts (``15 108,33 + 4 900,00 = 20 008,33``), never as unrounded terms. A
bonus is never negative.

In a half-month the fixed pay and the target bonus are half the monthly amounts: H1 gets
``round_half_up(monthly / 2)``, H2 the rest (``monthly − H1``), so a month adds up to the
kopeck.

Must not: compute indices or read facts (see ``kpi``/``compute``), or use floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_FLOOR, Decimal

from kpidesk.core.kpi import (
    MINUS,
    TIMES,
    DeferredExplanation,
    deferred,
    number_text,
    percent_text,
)
from kpidesk.core.money import KOPECK, NBSP, ZERO, round_kpi, round_money
from kpidesk.core.org import Employee
from kpidesk.core.payout import PayoutKind, PayoutSchedule, coefficient_for
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.results import (
    Explanation,
    HalfMonthPay,
    PayResult,
    RowPayout,
    new_pay_result,
)

NOTE_CAPPED = "capped at the maximum"
NOTE_PER_INDICATOR = "per-indicator payout"


def money_text(value: Decimal) -> str:
    """An amount with kopecks in Russian format: ``18 533,10`` — what
    ``money.format_number(value, 2)`` gives, through the C formatter (many per period)."""
    value = round_money(value)
    if value == 0:
        value = abs(value)
    text = f"{value:,f}".replace(",", NBSP).replace(".", ",")
    return text.replace("-", MINUS)


def explain_coefficient(schedule: PayoutSchedule, kpi: Decimal) -> Explanation:
    """``KPI 113,7% ≥ 80,0% → 1,137`` or ``KPI 79,9% < 80,0% → 0``.

    Args:
        schedule: the payout schedule.
        kpi: the rounded KPI.
    """
    coefficient = coefficient_for(schedule, kpi)
    result = number_text(coefficient)
    if schedule.kind is PayoutKind.STEPS:
        reached = [step for step in sorted(schedule.steps) if kpi >= step.threshold]
        if reached:
            threshold = reached[-1].threshold
            return Explanation(
                f"KPI {percent_text(kpi)} \u2265 {percent_text(threshold)} \u2192 {result}"
            )
        if not schedule.steps:
            return Explanation(f"KPI {percent_text(kpi)} \u2192 {result}", "no payout steps")
        first = min(step.threshold for step in schedule.steps)
        return Explanation(f"KPI {percent_text(kpi)} < {percent_text(first)} \u2192 {result}")
    if kpi < schedule.threshold:
        return Explanation(
            f"KPI {percent_text(kpi)} < {percent_text(schedule.threshold)} \u2192 {result}"
        )
    note = NOTE_CAPPED if schedule.cap is not None and kpi > schedule.cap else None
    return Explanation(
        f"KPI {percent_text(kpi)} \u2265 {percent_text(schedule.threshold)} \u2192 {result}", note
    )


def explain_total(fixed_pay: Decimal, bonus: Decimal) -> Explanation:
    """``39 700,00 + 18 533,10 = 58 233,10``."""
    total = fixed_pay + bonus
    return Explanation(f"{money_text(fixed_pay)} + {money_text(bonus)} = {money_text(total)}")


def pay_for(employee: Employee, schedule: PayoutSchedule, kpi: Decimal) -> PayResult:
    """Bonus and total for a KPI under a whole-matrix schedule.

    Args:
        employee: fixed pay and target bonus come from here.
        schedule: the payout schedule (its ``per_indicator`` flag is not looked at here).
        kpi: the KPI rounded to 0.001.

    Returns:
        Coefficient, bonus and total, each with its explanation.
    """
    target = max(round_money(employee.target_bonus), ZERO)
    coefficient = coefficient_for(schedule, kpi)
    bonus = max(round_money(target * coefficient), ZERO)
    fixed = round_money(employee.fixed_pay)
    return new_pay_result(  # PayResult(...), made faster (one per employee)
        coefficient,
        bonus,
        fixed,
        fixed + bonus,
        deferred(lambda: explain_coefficient(schedule, kpi)),
        deferred(
            lambda: Explanation(
                f"{money_text(target)} {TIMES} {number_text(coefficient)} = {money_text(bonus)}"
            )
        ),
        deferred(lambda: explain_total(fixed, bonus)),
    )


def split_target_bonus(target: Decimal, weights: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """Split ``target × Σ weights`` into kopeck shares proportional to the weights.

    Largest-remainder method: every share is first rounded down to the kopeck, then the
    kopecks left over go one each to the shares with the largest remainders (earlier rows
    first on ties), so that the shares add up exactly to ``round_money(target × Σ weights)``
    — the target bonus itself when the weights sum to 1. Negative weights count as 0.

    Args:
        target: the target bonus (negative counts as 0).
        weights: the row weights in matrix order.
    """
    target = max(target, ZERO)
    clean = [max(weight, ZERO) for weight in weights]
    exact = [target * weight for weight in clean]
    floors = [value.quantize(KOPECK, rounding=ROUND_FLOOR) for value in exact]
    whole = round_money(sum(exact, ZERO))
    left = int((whole - sum(floors, ZERO)) / KOPECK)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    shares = list(floors)
    for i in order[: max(left, 0)]:
        shares[i] += KOPECK
    return tuple(shares)


def _row_payout(share: Decimal, coefficient: Decimal) -> RowPayout:
    amount = max(round_money(share * coefficient), ZERO)
    return RowPayout(
        share,
        coefficient,
        amount,
        DeferredExplanation(
            build=lambda: Explanation(
                f"{money_text(share)} {TIMES} {number_text(coefficient)} = {money_text(amount)}"
            )
        ),
    )


def per_indicator_pay(
    employee: Employee,
    schedule: PayoutSchedule,
    rows: Sequence[tuple[Decimal, Decimal]],
) -> tuple[PayResult, tuple[Decimal, ...]]:
    """Pay when each row pays on its own index (SPEC §2.5, per-indicator payout).

    Args:
        employee: fixed pay and target bonus come from here.
        schedule: the payout schedule applied to each row's rounded index.
        rows: ``(weight, index)`` per matrix row, in matrix order.

    Returns:
        The pay and each row's amount, which add up to the bonus (see
        :func:`per_indicator_payout` for each row's share and coefficient too).
    """
    pay, payouts = per_indicator_payout(employee, schedule, rows)
    return pay, tuple(payout.amount for payout in payouts)


def per_indicator_payout(
    employee: Employee,
    schedule: PayoutSchedule,
    rows: Sequence[tuple[Decimal, Decimal]],
) -> tuple[PayResult, tuple[RowPayout, ...]]:
    """Pay when each row pays on its own index, with each row's share, coefficient and
    amount (``share × coefficient = amount``).

    Args:
        employee: fixed pay and target bonus come from here.
        schedule: the payout schedule applied to each row's rounded index.
        rows: ``(weight, index)`` per matrix row, in matrix order.

    Returns:
        The pay — its bonus the sum of the rows' amounts and explained as that sum; its
        ``coefficient`` only the effective share of the target bonus
        (``Σ weight × coefficient_i``), ``payout_coefficient`` ``None`` — and each row's
        payout.
    """
    target = max(round_money(employee.target_bonus), ZERO)
    shares = split_target_bonus(target, [weight for weight, _ in rows])
    coefficients = [coefficient_for(schedule, round_kpi(index)) for _, index in rows]
    payouts = tuple(
        _row_payout(share, coefficient)
        for share, coefficient in zip(shares, coefficients, strict=True)
    )
    amounts = [payout.amount for payout in payouts]
    bonus = sum(amounts, ZERO)
    effective = sum(
        (
            max(weight, ZERO) * coefficient
            for (weight, _), coefficient in zip(rows, coefficients, strict=True)
        ),
        ZERO,
    )
    coefficient_terms = " + ".join(
        f"{number_text(weight)} {TIMES} {number_text(coefficient)}"
        for (weight, _), coefficient in zip(rows, coefficients, strict=True)
    )
    # the printed (rounded) amounts, so that the terms add up exactly to the printed bonus
    bonus_terms = " + ".join(money_text(amount) for amount in amounts)
    fixed = round_money(employee.fixed_pay)
    result = PayResult(
        coefficient=effective,
        bonus=bonus,
        fixed_pay=fixed,
        total=fixed + bonus,
        coefficient_explanation=Explanation(
            f"{coefficient_terms or '0'} = {number_text(effective)}", NOTE_PER_INDICATOR
        ),
        bonus_explanation=Explanation(
            f"{bonus_terms or money_text(ZERO)} = {money_text(bonus)}", NOTE_PER_INDICATOR
        ),
        total_explanation=explain_total(fixed, bonus),
        per_indicator=True,
    )
    return result, payouts


def half_month_amount(monthly: Decimal, half: int) -> Decimal:
    """A half-month's part of a monthly amount (SPEC §2.2).

    Args:
        monthly: the monthly amount (rounded to kopecks first).
        half: 1 (days 1–15) or 2 (16–end).

    Returns:
        H1: ``round_half_up(monthly / 2)``; H2: ``monthly − H1``.
    """
    whole = round_money(monthly)
    first = round_money(whole / 2)
    return first if half == 1 else whole - first


def explain_half_month(monthly: Decimal, half: int) -> Explanation:
    """``39 700,01 / 2 = 19 850,01`` (H1) or ``39 700,01 − 19 850,01 = 19 850,00`` (H2)."""
    whole = round_money(monthly)
    first = half_month_amount(whole, 1)
    if half == 1:
        return Explanation(f"{money_text(whole)} / 2 = {money_text(first)}")
    return Explanation(
        f"{money_text(whole)} {MINUS} {money_text(first)} = {money_text(whole - first)}"
    )


def half_of(period: Period) -> int | None:
    """1 or 2 for a half-month period, ``None`` for any other."""
    if period.kind is not PeriodKind.HALF:
        return None
    return 1 if period.start.day == 1 else 2


def amounts_for_period(employee: Employee, period: Period) -> tuple[Employee, HalfMonthPay | None]:
    """The employee with the fixed pay and target bonus that ``period`` pays.

    Args:
        employee: with the monthly amounts in force in the period (``Employee.in_period``).
        period: the pay period.

    Returns:
        In a month: the employee as given and ``None``. In a half-month: the employee with
        the half's amounts (:func:`half_month_amount`) and how they were obtained.
    """
    half = half_of(period)
    if half is None:
        return employee, None
    fixed, target = round_money(employee.fixed_pay), round_money(employee.target_bonus)
    paid = replace(
        employee,
        fixed_pay=half_month_amount(fixed, half),
        target_bonus=half_month_amount(target, half),
    )
    how = HalfMonthPay(
        monthly_fixed_pay=fixed,
        monthly_target_bonus=target,
        fixed_pay_explanation=DeferredExplanation(build=lambda: explain_half_month(fixed, half)),
        target_bonus_explanation=DeferredExplanation(
            build=lambda: explain_half_month(target, half)
        ),
    )
    return paid, how

"""Payout schedules: KPI → payout coefficient (SPEC §2.5).

``linear`` (default): 0 below the threshold (80 %), otherwise the KPI itself, capped (150 %).
``steps``: the coefficient of the highest threshold not above the KPI; 0 below the first.
``per_indicator``: each matrix row pays target bonus × weight × payout(index) on its own.
A schedule belongs to the company (``position`` empty) or overrides it for one position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class PayoutKind(Enum):
    """The shape of a payout schedule."""

    LINEAR = "linear"
    STEPS = "steps"


@dataclass(frozen=True, order=True)
class PayoutStep:
    """From ``threshold`` (a KPI, 1 = 100 %) on, pay ``coefficient``."""

    threshold: Decimal
    coefficient: Decimal


@dataclass(frozen=True)
class PayoutSchedule:
    """How a KPI turns into a share of the target bonus."""

    kind: PayoutKind = PayoutKind.LINEAR
    threshold: Decimal = Decimal("0.8")
    cap: Decimal | None = Decimal("1.5")
    steps: tuple[PayoutStep, ...] = field(default_factory=tuple)
    per_indicator: bool = False
    position: str | None = None


DEFAULT_SCHEDULE = PayoutSchedule()


def coefficient_for(schedule: PayoutSchedule, kpi: Decimal) -> Decimal:
    """The payout coefficient for a (rounded) KPI. Never negative."""
    if schedule.kind is PayoutKind.STEPS:
        result = Decimal(0)
        for step in sorted(schedule.steps):
            if kpi >= step.threshold:
                result = step.coefficient
        return max(result, Decimal(0))
    if kpi < schedule.threshold:
        return Decimal(0)
    value = max(kpi, Decimal(0))
    if schedule.cap is not None:
        value = min(value, schedule.cap)
    return value


def next_step(schedule: PayoutSchedule, kpi: Decimal) -> Decimal | None:
    """The lowest KPI above ``kpi`` at which the coefficient changes upward, or ``None``.

    Linear: the threshold while below it (above it every 0.1 % pays more, so there is no
    step; ``None``). Steps: the next threshold with a higher coefficient.
    """
    if schedule.kind is PayoutKind.STEPS:
        current = coefficient_for(schedule, kpi)
        for step in sorted(schedule.steps):
            if step.threshold > kpi and step.coefficient > current:
                return step.threshold
        return None
    if kpi < schedule.threshold:
        return schedule.threshold
    return None


def schedule_for(schedules: tuple[PayoutSchedule, ...], position: str) -> PayoutSchedule:
    """The position's own schedule, else the company's, else the default linear one."""
    company = DEFAULT_SCHEDULE
    for schedule in schedules:
        if schedule.position == position:
            return schedule
        if schedule.position is None:
            company = schedule
    return company

"""'What do I need?' for a matrix row (SPEC §2.5): the fact that gives index 1.0, the fact
that (other rows unchanged) lifts the KPI to the payout threshold, and the one that lifts it
to the next payout step beyond that.

:func:`row_needs` / :func:`result_needs` give the three as :class:`FactNeed` records (the
fact, how far it is from the current fact, and whether it is already reached) for the
matrix editor, the personal report and the printed sheet; :func:`row_need` and
:func:`next_step_fact` are the older pair the calculation itself fills ``RowNeed`` with.
A needed fact is rounded to 0.01 *toward better* (up when more is better), so that typing
it in really reaches the aim — never 0.004 short of it.

The index methods are inverted here: scale ``fact = base + index × (norm − base)``; ratio
``fact = index × norm`` (lower is better: ``norm / index``); binary ``fact = norm`` when the
needed index is at most 1. Facts are exact Decimals; the GUI rounds them for display.

Must not: compute pay or read facts; a need that cannot be met is ``None``, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import Enum

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.kpi import index_ceiling
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.money import ONE, ZERO, round_kpi
from kpidesk.core.payout import PayoutKind, PayoutSchedule, next_step
from kpidesk.core.results import EmployeeResult, RowNeed, RowResult


def fact_for_index(row: MatrixRow, method: IndexMethod, index: Decimal) -> Decimal | None:
    """The fact at which the row's index equals ``index`` (the inverse of ``index_for``).

    Args:
        row: the matrix row.
        method: the index method.
        index: the wanted index (1 = the norm).

    Returns:
        The fact, or ``None`` when no fact gives that index (beyond the target, below 0,
        more than 1 for a binary row, or an invalid row).
    """
    if index < 0:
        return None
    ceiling = index_ceiling(row, method)
    if ceiling is not None and index > ceiling:
        return None
    if method is IndexMethod.BINARY:
        return row.norm if index <= ONE else None
    if method is IndexMethod.SCALE:
        base = row.base if row.base is not None else ZERO
        if base == row.norm:
            return None
        return base + index * (row.norm - base)
    if row.lower_is_better:
        return row.norm / index if index != 0 else None
    return index * row.norm


def next_step_fact(
    row: MatrixRow,
    method: IndexMethod,
    index: Decimal | None,
    kpi_exact: Decimal | None,
    schedule: PayoutSchedule,
) -> tuple[Decimal | None, Decimal | None]:
    """The fact that lifts the KPI to the next payout step, and that step.

    With a whole-matrix schedule the next step is ``next_step(schedule, KPI)`` and the row
    must reach ``index + (step − KPI exact) / weight``. With per-indicator payout the row
    pays on its own index, so the step is ``next_step(schedule, round_kpi(index))`` and the
    row must reach the step itself.

    Args:
        row: the matrix row.
        method: the index method.
        index: the row's current index (``None`` without a fact).
        kpi_exact: the matrix's unrounded KPI (``None`` when incomplete).
        schedule: the payout schedule.

    Returns:
        ``(fact, step)``; the fact is ``None`` when the step is out of reach (beyond the
        target) or the weight is 0; both are ``None`` when there is no further step or the
        KPI is unknown.
    """
    if index is None:
        return None, None
    if schedule.per_indicator:
        step = next_step(schedule, round_kpi(index))
        if step is None:
            return None, None
        return fact_for_index(row, method, step), step
    if kpi_exact is None:
        return None, None
    step = next_step(schedule, round_kpi(kpi_exact))
    if step is None:
        return None, None
    if row.weight <= 0:
        return None, step
    required = index + (step - kpi_exact) / row.weight
    return fact_for_index(row, method, required), step


def row_need(
    row: MatrixRow,
    method: IndexMethod,
    index: Decimal | None,
    kpi_exact: Decimal | None,
    schedule: PayoutSchedule,
) -> RowNeed:
    """What this row needs: the fact for index 1.0 and the fact for the next payout step
    (see :func:`next_step_fact`).

    Args:
        row: the matrix row.
        method: the index method.
        index: the row's current index (``None`` without a fact).
        kpi_exact: the matrix's unrounded KPI (``None`` when incomplete).
        schedule: the payout schedule.
    """
    fact, step = next_step_fact(row, method, index, kpi_exact, schedule)
    return RowNeed(fact_for_index(row, method, ONE), fact, step)


# --- the three needs of a row (SPEC §2.5 "Что нужно") --------------------------------------
NEED_STEP = Decimal("0.01")


class NeedState(Enum):
    """Where a row stands against one aim."""

    NEEDED = "needed"  # ``fact`` reaches the aim
    REACHED = "reached"  # the current fact already does
    OUT_OF_REACH = "out_of_reach"  # no fact does (beyond the target, a weight of 0)
    UNKNOWN = "unknown"  # the other rows' facts are missing: the KPI is not known yet


@dataclass(frozen=True)
class FactNeed:
    """One aim of a row: the KPI (or the row's index for index 100 %) aimed at, the fact
    that reaches it and how far that is from the current fact (``fact − current``; positive
    when more is needed, negative when less is)."""

    aim: Decimal
    state: NeedState
    fact: Decimal | None = None
    gap: Decimal | None = None


@dataclass(frozen=True)
class RowNeeds:
    """What a row needs: for index 100 %, for the payout threshold (``None`` when the
    schedule has none), for the next payout step beyond it (``None`` when there is none)."""

    full: FactNeed
    threshold: FactNeed | None
    step: FactNeed | None
    lower_is_better: bool = False


def payout_threshold(schedule: PayoutSchedule) -> Decimal | None:
    """The lowest KPI that pays anything: the linear threshold, or the first step with a
    coefficient above 0 (``None``: a step table that never pays)."""
    if schedule.kind is PayoutKind.STEPS:
        paying = [step.threshold for step in schedule.steps if step.coefficient > 0]
        return min(paying, default=None)
    return schedule.threshold


def _toward_better(fact: Decimal, lower_is_better: bool) -> Decimal:
    rounding = ROUND_FLOOR if lower_is_better else ROUND_CEILING
    return fact.quantize(NEED_STEP, rounding=rounding)


def _need(
    row: MatrixRow, method: IndexMethod, fact: Decimal | None, aim: Decimal, index: Decimal | None
) -> FactNeed:
    """The need for the row's index to reach ``index`` (the KPI aim is ``aim``)."""
    if index is None:
        return FactNeed(aim, NeedState.OUT_OF_REACH)
    needed = fact_for_index(row, method, max(index, ZERO))
    if needed is None:
        return FactNeed(aim, NeedState.OUT_OF_REACH)
    needed = _toward_better(needed, row.lower_is_better)
    gap = None if fact is None else needed - fact
    return FactNeed(aim, NeedState.NEEDED, needed, gap)


def _kpi_need(
    row: MatrixRow,
    method: IndexMethod,
    fact: Decimal | None,
    index: Decimal | None,
    kpi_exact: Decimal | None,
    aim: Decimal,
    per_indicator: bool,
) -> FactNeed:
    """The need for the KPI (per-indicator payout: the row's own index) to reach ``aim``."""
    if per_indicator:
        if index is not None and round_kpi(index) >= aim:
            return FactNeed(aim, NeedState.REACHED)
        return _need(row, method, fact, aim, aim)
    if kpi_exact is None or index is None:
        return FactNeed(aim, NeedState.UNKNOWN)
    if round_kpi(kpi_exact) >= aim:
        return FactNeed(aim, NeedState.REACHED)
    if row.weight <= 0:
        return FactNeed(aim, NeedState.OUT_OF_REACH)
    return _need(row, method, fact, aim, index + (aim - kpi_exact) / row.weight)


def row_needs(
    row: MatrixRow,
    method: IndexMethod,
    fact: Decimal | None,
    index: Decimal | None,
    kpi_exact: Decimal | None,
    schedule: PayoutSchedule,
) -> RowNeeds:
    """What one row needs (SPEC §2.5), the other rows as they are.

    Args:
        row: the matrix row.
        method: its indicator's index method.
        fact: its current fact (``None`` when there is none yet).
        index: its current index (``None`` without a fact).
        kpi_exact: the matrix's unrounded KPI (``None`` when incomplete).
        schedule: the payout schedule in force.

    Returns:
        The needs for index 100 %, for the payout threshold and for the next step after it
        (after the current KPI when the threshold is reached).
    """
    per_indicator = schedule.per_indicator
    if index is not None and index >= ONE:
        full = FactNeed(ONE, NeedState.REACHED)
    else:
        full = _need(row, method, fact, ONE, ONE)
    threshold = payout_threshold(schedule)
    threshold_need = None
    if threshold is not None:
        threshold_need = _kpi_need(row, method, fact, index, kpi_exact, threshold, per_indicator)
    current = index if per_indicator else kpi_exact
    start = round_kpi(current) if current is not None else None
    if threshold is not None:
        start = threshold if start is None else max(start, threshold)
    step_need = None
    step = next_step(schedule, start) if start is not None else None
    if step is not None:
        step_need = _kpi_need(row, method, fact, index, kpi_exact, step, per_indicator)
    return RowNeeds(full, threshold_need, step_need, row.lower_is_better)


def _method(found: RowResult) -> IndexMethod:
    return found.indicator.method if found.indicator is not None else IndexMethod.SCALE


def result_needs(result: EmployeeResult) -> tuple[RowNeeds, ...]:
    """:func:`row_needs` for every row of an employee's result, in the matrix's order."""
    return tuple(
        row_needs(
            found.row, _method(found), found.fact, found.index, result.kpi_exact, result.schedule
        )
        for found in result.rows
    )

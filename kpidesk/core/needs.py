"""'What do I need?' for a matrix row (SPEC §2.5): the fact that gives index 1.0 and the
fact that, other rows unchanged, lifts the KPI to the next payout step.

The index methods are inverted here: scale ``fact = base + index × (norm − base)``; ratio
``fact = index × norm`` (lower is better: ``norm / index``); binary ``fact = norm`` when the
needed index is at most 1. Facts are exact Decimals; the GUI rounds them for display.

Must not: compute pay or read facts; a need that cannot be met is ``None``, never an error.
"""

from __future__ import annotations

from decimal import Decimal

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.kpi import index_ceiling
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.money import ONE, ZERO, round_kpi
from kpidesk.core.payout import PayoutSchedule, next_step
from kpidesk.core.results import RowNeed


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

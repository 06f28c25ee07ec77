"""Warehouse, marketing and sales metrics from a period's raw inputs (SPEC §2.7).

The raw inputs are named in ``indicators.FAMILY_INPUTS`` and arrive as a mapping from that
name (without the ``"<family>:"`` prefix) to its value. A missing input or a zero
denominator gives ``None`` ("no data"), never 0 and never an exception. Percentages are in
percent (CTR 2.5 means 2.5 %).

Each metric is a :class:`Formula` — an operation of ``core.fact_breakdown`` on named
inputs — so that the metric and its explanation (:func:`family_breakdown`: «2 500 ₽ /
50 лидов = 50,00 ₽») come from one definition and cannot disagree.

Must not: read storage, round (except the integrated warehouse KPI's parts, which are
averaged as printed), or use floats.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.core.fact_breakdown import (
    FactBreakdown,
    Operation,
    Quantity,
    breakdown,
    evaluate,
)
from kpidesk.core.indicators import KNOWN_METRICS, SourceKind
from kpidesk.core.money import round_to

RawInputs = Mapping[str, Decimal]

C, M, P, D = Quantity.COUNT, Quantity.MONEY, Quantity.PERCENT, Quantity.DAYS

# What each raw input is, for printing its value (inputs not named here are counts).
INPUT_QUANTITIES: dict[str, Quantity] = {
    "money_declared": M,
    "money_shipped": M,
    "cost": M,
    "revenue": M,
    "previous_revenue": M,
    "income": M,
    "investment": M,
    "profit": M,
    "marketing_cost": M,
    "promoters_pct": P,
    "detractors_pct": P,
    "deal_days": D,
}


@dataclass(frozen=True)
class Formula:
    """A metric as an operation on named inputs, and the kind of number it gives."""

    operation: Operation
    inputs: tuple[str, ...]
    quantity: Quantity


FULFILMENT_STEP = Decimal("0.01")  # a fulfilment as the sheet prints it: 98,15 %
_FULFILMENTS = ("orders", "lines", "units", "money")


def _fulfilment(kind: str) -> Formula:
    return Formula(Operation.PERCENT, (f"{kind}_shipped", f"{kind}_declared"), P)


def _quotient(top: str, bottom: str, quantity: Quantity) -> Formula:
    return Formula(Operation.QUOTIENT, (top, bottom), quantity)


def _percent(top: str, bottom: str) -> Formula:
    return Formula(Operation.PERCENT, (top, bottom), P)


_WAREHOUSE: dict[str, Formula] = {
    "orders_fulfilment": _fulfilment("orders"),
    "lines_fulfilment": _fulfilment("lines"),
    "units_fulfilment": _fulfilment("units"),
    "money_fulfilment": _fulfilment("money"),
    # the mean of the four fulfilments as printed: see :func:`_integrated_operands`
    "integrated": Formula(Operation.MEAN, tuple(f"{k}_fulfilment" for k in _FULFILMENTS), P),
}

_MARKETING: dict[str, Formula] = {
    "ctr": _percent("clicks", "impressions"),
    "cr": _percent("conversions", "visits"),
    "cpc": _quotient("cost", "clicks", M),
    "cpl": _quotient("cost", "leads", M),
    "cpo": _quotient("cost", "orders", M),
    "ltv": _quotient("revenue", "customers", M),
    "br": _percent("bounces", "visits"),
    "roi": _percent("income", "investment"),
    "romi": Formula(Operation.MARGIN, ("profit", "marketing_cost"), P),
    "nps": Formula(Operation.DIFFERENCE, ("promoters_pct", "detractors_pct"), Quantity.NUMBER),
}

_SALES: dict[str, Formula] = {
    "revenue": Formula(Operation.TOTAL, ("revenue",), M),
    "deal_cycle": _quotient("deal_days", "deals", D),
    "aov": _quotient("revenue", "orders", M),
    "sales_dynamics": _percent("revenue", "previous_revenue"),
    "conversion": _percent("actual_clients", "potential_clients"),
    "transactions": Formula(Operation.TOTAL, ("transactions",), C),
}

_FAMILIES: dict[SourceKind, dict[str, Formula]] = {
    SourceKind.WAREHOUSE: _WAREHOUSE,
    SourceKind.MARKETING: _MARKETING,
    SourceKind.SALES: _SALES,
}

assert all(tuple(table) == KNOWN_METRICS[kind] for kind, table in _FAMILIES.items())


def _formula(kind: SourceKind, metric: str) -> Formula:
    table = _FAMILIES.get(kind)
    if table is None or metric not in table:
        raise ValueError(f"unknown metric {metric!r} for source {kind.value}")
    return table[metric]


def _integrated_operands(inputs: RawInputs) -> list[tuple[str, Decimal, Quantity]] | None:
    """The four fulfilments, each rounded half up to 0.01 as printed (SPEC §2.7), so that
    the printed fulfilments average to the printed KPI by hand."""
    operands = []
    for kind in _FULFILMENTS:
        formula = _WAREHOUSE[f"{kind}_fulfilment"]
        values = [inputs.get(name) for name in formula.inputs]
        present = [value for value in values if value is not None]
        if len(present) != len(values):
            return None
        value = evaluate(formula.operation, present)
        if value is None:
            return None
        operands.append((f"{kind}_fulfilment", round_to(value, FULFILMENT_STEP), P))
    return operands


def _operands(
    kind: SourceKind, metric: str, formula: Formula, inputs: RawInputs
) -> list[tuple[str, Decimal, Quantity]] | None:
    """The formula's operands from the inputs (``None``: an input is missing)."""
    if kind is SourceKind.WAREHOUSE and metric == "integrated":
        return _integrated_operands(inputs)
    operands = []
    for name in formula.inputs:
        value = inputs.get(name)
        if value is None:
            return None
        operands.append((name, value, INPUT_QUANTITIES.get(name, C)))
    return operands


def family_metric(kind: SourceKind, metric: str, inputs: RawInputs) -> Decimal | None:
    """One warehouse / marketing / sales metric from the raw inputs.

    Args:
        kind: ``SourceKind.WAREHOUSE``, ``MARKETING`` or ``SALES``.
        metric: a name from ``indicators.KNOWN_METRICS[kind]``, e.g. ``"romi"``.
        inputs: raw input name (e.g. ``"marketing_cost"``) → value.

    Returns:
        The metric, or ``None`` when an input is missing or a denominator is zero.

    Raises:
        ValueError: ``kind`` is not a computed family or ``metric`` is not one of its metrics.
    """
    formula = _formula(kind, metric)
    operands = _operands(kind, metric, formula, inputs)
    if operands is None:
        return None
    return evaluate(formula.operation, [value for _, value, _ in operands])


def family_breakdown(kind: SourceKind, metric: str, inputs: RawInputs) -> FactBreakdown | None:
    """What :func:`family_metric` was computed from: the inputs as printed and the
    operation (``None`` when an input is missing; a zero denominator gives a breakdown
    whose ``fact`` is ``None``).

    Raises:
        ValueError: as :func:`family_metric`.
    """
    formula = _formula(kind, metric)
    operands = _operands(kind, metric, formula, inputs)
    if operands is None:
        return None
    return breakdown(formula.operation, operands, formula.quantity)


def family_metrics(kind: SourceKind, inputs: RawInputs) -> dict[str, Decimal | None]:
    """Every metric of a family, in catalogue order (for reports)."""
    return {metric: family_metric(kind, metric, inputs) for metric in KNOWN_METRICS[kind]}

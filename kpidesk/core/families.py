"""Warehouse, marketing and sales metrics from a period's raw inputs (SPEC §2.7).

The raw inputs are named in ``indicators.FAMILY_INPUTS`` and arrive as a mapping from that
name (without the ``"<family>:"`` prefix) to its value. A missing input or a zero
denominator gives ``None`` ("no data"), never 0 and never an exception. Percentages are in
percent (CTR 2.5 means 2.5 %).

Must not: read storage, round, or use floats.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from kpidesk.core.indicators import KNOWN_METRICS, SourceKind
from kpidesk.core.money import HUNDRED, safe_div

RawInputs = Mapping[str, Decimal]


def _ratio(inputs: RawInputs, numerator: str, denominator: str) -> Decimal | None:
    top, bottom = inputs.get(numerator), inputs.get(denominator)
    if top is None or bottom is None:
        return None
    return safe_div(top, bottom)


def _percent(inputs: RawInputs, numerator: str, denominator: str) -> Decimal | None:
    ratio = _ratio(inputs, numerator, denominator)
    return ratio * HUNDRED if ratio is not None else None


def _fulfilment(kind: str) -> Callable[[RawInputs], Decimal | None]:
    return lambda inputs: _percent(inputs, f"{kind}_shipped", f"{kind}_declared")


def _integrated(inputs: RawInputs) -> Decimal | None:
    parts = [_fulfilment(kind)(inputs) for kind in ("orders", "lines", "units", "money")]
    if any(part is None for part in parts):
        return None
    return sum((part for part in parts if part is not None), Decimal(0)) / len(parts)


def _romi(inputs: RawInputs) -> Decimal | None:
    profit, cost = inputs.get("profit"), inputs.get("marketing_cost")
    if profit is None or cost is None:
        return None
    ratio = safe_div(profit - cost, cost)
    return ratio * HUNDRED if ratio is not None else None


def _nps(inputs: RawInputs) -> Decimal | None:
    promoters, detractors = inputs.get("promoters_pct"), inputs.get("detractors_pct")
    if promoters is None or detractors is None:
        return None
    return promoters - detractors


_WAREHOUSE: dict[str, Callable[[RawInputs], Decimal | None]] = {
    "orders_fulfilment": _fulfilment("orders"),
    "lines_fulfilment": _fulfilment("lines"),
    "units_fulfilment": _fulfilment("units"),
    "money_fulfilment": _fulfilment("money"),
    "integrated": _integrated,
}

_MARKETING: dict[str, Callable[[RawInputs], Decimal | None]] = {
    "ctr": lambda i: _percent(i, "clicks", "impressions"),
    "cr": lambda i: _percent(i, "conversions", "visits"),
    "cpc": lambda i: _ratio(i, "cost", "clicks"),
    "cpl": lambda i: _ratio(i, "cost", "leads"),
    "cpo": lambda i: _ratio(i, "cost", "orders"),
    "ltv": lambda i: _ratio(i, "revenue", "customers"),
    "br": lambda i: _percent(i, "bounces", "visits"),
    "roi": lambda i: _percent(i, "income", "investment"),
    "romi": _romi,
    "nps": _nps,
}

_SALES: dict[str, Callable[[RawInputs], Decimal | None]] = {
    "revenue": lambda i: i.get("revenue"),
    "deal_cycle": lambda i: _ratio(i, "deal_days", "deals"),
    "aov": lambda i: _ratio(i, "revenue", "orders"),
    "sales_dynamics": lambda i: _percent(i, "revenue", "previous_revenue"),
    "conversion": lambda i: _percent(i, "actual_clients", "potential_clients"),
    "transactions": lambda i: i.get("transactions"),
}

_FAMILIES: dict[SourceKind, dict[str, Callable[[RawInputs], Decimal | None]]] = {
    SourceKind.WAREHOUSE: _WAREHOUSE,
    SourceKind.MARKETING: _MARKETING,
    SourceKind.SALES: _SALES,
}

assert all(tuple(table) == KNOWN_METRICS[kind] for kind, table in _FAMILIES.items())


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
    table = _FAMILIES.get(kind)
    if table is None or metric not in table:
        raise ValueError(f"unknown metric {metric!r} for source {kind.value}")
    return table[metric](inputs)


def family_metrics(kind: SourceKind, inputs: RawInputs) -> dict[str, Decimal | None]:
    """Every metric of a family, in catalogue order (for reports)."""
    return {metric: family_metric(kind, metric, inputs) for metric in KNOWN_METRICS[kind]}

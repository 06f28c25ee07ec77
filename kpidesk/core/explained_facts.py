"""The breakdowns (``core.fact_breakdown``) of the store, seller and tasks facts: what each
``store:``, ``employee:`` and ``tasks:`` metric was computed from, taken from the same sums
the metric was (``StoreMetrics`` / ``EmployeeMetrics`` carry them), so that an explanation
reads «Средний чек: 2 908 990 ₽ / 1 000 чеков = 2 908,99 ₽» and the printed operands give
the printed fact. (The warehouse, marketing and sales facts explain themselves through
``families.family_breakdown``.)

Must not: read storage, know about Qt, or compute a metric a second, different way.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from kpidesk.core.fact_breakdown import FactBreakdown, Operation, Quantity, breakdown
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import EmployeeMetrics, StoreMetrics
from kpidesk.core.tasks import Task, on_time_count, open_at_close_parts

C, M, P = Quantity.COUNT, Quantity.MONEY, Quantity.PERCENT

# metric → (operation, (operand name, attribute, quantity) …, the fact's quantity)
_Spec = tuple[Operation, tuple[tuple[str, str, Quantity], ...], Quantity]

_STORE: dict[str, _Spec] = {
    "revenue": (Operation.TOTAL, (("daily_total", "revenue", M),), M),
    "receipts": (Operation.TOTAL, (("daily_total", "receipts", C),), C),
    "visitors": (Operation.TOTAL, (("daily_total", "visitors", C),), C),
    "units": (Operation.TOTAL, (("daily_total", "units", C),), C),
    "returns": (Operation.TOTAL, (("daily_total", "returns", M),), M),
    "conversion": (
        Operation.PERCENT,
        (("receipts", "receipts", C), ("visitors", "visitors", C)),
        P,
    ),
    "avg_check": (Operation.QUOTIENT, (("revenue", "revenue", M), ("receipts", "receipts", C)), M),
    "upt": (
        Operation.QUOTIENT,
        (("units", "units", C), ("receipts", "receipts", C)),
        Quantity.NUMBER,
    ),
    "revenue_per_visitor": (
        Operation.QUOTIENT,
        (("revenue", "revenue", M), ("visitors", "visitors", C)),
        M,
    ),
    "sales_dynamics": (
        Operation.PERCENT,
        (("revenue", "revenue", M), ("previous_revenue", "previous_revenue", M)),
        P,
    ),
    "plan_completion": (
        Operation.PERCENT,
        (("revenue", "plan_revenue", M), ("plan", "plan", M)),
        P,
    ),
}

_SELLER: dict[str, _Spec] = {
    "revenue": (Operation.TOTAL, (("daily_total", "revenue", M),), M),
    "receipts": (Operation.TOTAL, (("daily_total", "receipts", C),), C),
    "units": (Operation.TOTAL, (("daily_total", "units", C),), C),
    "avg_check": (Operation.QUOTIENT, (("revenue", "revenue", M), ("receipts", "receipts", C)), M),
    "upt": (
        Operation.QUOTIENT,
        (("units", "units", C), ("receipts", "receipts", C)),
        Quantity.NUMBER,
    ),
    "share_of_store": (
        Operation.PERCENT,
        (("revenue", "revenue", M), ("store_revenue", "store_revenue", M)),
        P,
    ),
}


def _from(spec: _Spec | None, metrics: StoreMetrics | EmployeeMetrics) -> FactBreakdown | None:
    if spec is None:
        return None
    operation, parts, quantity = spec
    operands = []
    for name, attribute, kind in parts:
        value = getattr(metrics, attribute)
        if value is None:
            return None
        operands.append((name, Decimal(value), kind))
    return breakdown(operation, operands, quantity)


def store_breakdown(metrics: StoreMetrics, metric: str) -> FactBreakdown | None:
    """What a store metric was computed from (``None``: no data, or a metric without a
    breakdown). Plan completion over a range a plan covers in part names the covered days.
    """
    found = _from(_STORE.get(metric), metrics)
    if found is not None and metric == "plan_completion" and metrics.plan_days is not None:
        return FactBreakdown(
            found.operation,
            found.operands,
            found.fact,
            found.quantity,
            metrics.plan_days,
            metrics.range_days,
        )
    return found


def seller_breakdown(metrics: EmployeeMetrics, metric: str) -> FactBreakdown | None:
    """What a seller metric (``employee:``) was computed from."""
    return _from(_SELLER.get(metric), metrics)


def task_breakdown(metric: str, tasks: Iterable[Task], period: Period) -> FactBreakdown | None:
    """What a ``tasks:`` metric was counted from: open at close = still open + done and
    waiting for acceptance («3 (открыто 1, ждут приёмки 2)»); on time = accepted by the
    due date / all × 100 («2 в срок / 3 задачи = 66,67%»)."""
    items = list(tasks)
    if metric == "open_at_close":
        still_open, waiting = open_at_close_parts(items, period)
        return breakdown(
            Operation.SUM,
            [("open", Decimal(still_open), C), ("waiting", Decimal(waiting), C)],
            C,
        )
    if metric == "on_time_percent":
        if not items:
            return None
        return breakdown(
            Operation.PERCENT,
            [("on_time", Decimal(on_time_count(items)), C), ("tasks", Decimal(len(items)), C)],
            P,
        )
    return None

"""Store metrics from each store's daily rows summed (``PeriodInputs.store_sums``, read by
``store.daily_sums``) instead of the rows: the same figures as ``core.store_metrics`` over
the rows, for the calculations that need no single row (a rating's KPIs, the dashboard —
SPEC §9 at 10×: a row per store instead of a row per day).

Must not: read a database, round, or use floats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.money import ZERO
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import (
    DailySums,
    PlanCoverage,
    StoreMetrics,
    add_sums,
    covered_days,
    metrics_from_sums,
    plan_spans,
)


@dataclass(frozen=True)
class StoreSums:
    """One store's daily rows of a period's calculation, summed (``PeriodInputs.store_sums``):
    the period's (``current``), the previous equal period's (``previous``), and the revenue
    of the period's days that a plan of the store covers (``covered``, for plan
    completion). All that the store metrics need of the rows (:func:`sums_metrics`)."""

    current: DailySums
    previous: DailySums
    covered: Decimal = ZERO


def rows_sums(
    entries: Iterable[DailyEntry], plans: Iterable[StorePlan], period: Period, previous: Period
) -> StoreSums:
    """One store's rows (all of one store) summed in one pass: what ``period_sums`` and
    ``plan_coverage`` make of them in three (a full recompute sums every store's rows,
    SPEC §9) — the same exact sums, added in the same order."""
    start, end = period.start, period.end
    spans = [
        (max(plan.period.start, start), min(plan.period.end, end))
        for plan in plans
        if plan.period.overlaps(period)
    ]
    one = spans[0] if len(spans) == 1 else None
    first, last = previous.start, previous.end
    rows = receipts = visitors = units = 0
    before_rows = before_receipts = before_visitors = before_units = 0
    revenue = before_revenue = covered = ZERO
    returns: Decimal | None = None
    before_returns: Decimal | None = None
    for entry in entries:
        day = entry.day
        if start <= day <= end:
            rows += 1
            revenue += entry.revenue
            receipts += entry.receipts
            visitors += entry.visitors
            units += entry.units
            if entry.returns is not None:
                returns = entry.returns if returns is None else returns + entry.returns
            if one is not None:  # the usual single plan of the period
                if one[0] <= day <= one[1]:
                    covered += entry.revenue
            elif spans and any(low <= day <= high for low, high in spans):
                covered += entry.revenue
        elif first <= day <= last:
            before_rows += 1
            before_revenue += entry.revenue
            before_receipts += entry.receipts
            before_visitors += entry.visitors
            before_units += entry.units
            if entry.returns is not None:
                before_returns = (
                    entry.returns if before_returns is None else before_returns + entry.returns
                )
    return StoreSums(
        DailySums(rows, revenue, receipts, visitors, units, returns),
        DailySums(
            before_rows,
            before_revenue,
            before_receipts,
            before_visitors,
            before_units,
            before_returns,
        ),
        covered,
    )


def sums_coverage(
    sums: Mapping[str, StoreSums],
    plans: Iterable[StorePlan],
    stores: set[str] | frozenset[str] | None,
    period: Period,
) -> PlanCoverage | None:
    """:func:`plan_coverage` from the stores' sums instead of their rows: the same plan,
    covered days and (exact) revenue of the covered days."""
    total, spans = plan_spans(plans, stores, period)
    if not spans:
        return None
    revenue = ZERO
    for store in spans:
        found = sums.get(store)
        if found is not None:
            revenue += found.covered
    return PlanCoverage(total, revenue, covered_days(spans.values()), period.length)


def sums_metrics(
    sums: Mapping[str, StoreSums],
    plans: Sequence[StorePlan],
    stores: set[str] | None,
    period: Period,
) -> tuple[StoreMetrics, PlanCoverage | None]:
    """The metrics of ``stores`` (``None``: all together) and their plans' coverage from
    the stores' sums — the same as :func:`store_metrics` over the rows the sums were made
    of (and :func:`plan_coverage`)."""
    chosen = [sums[name] for name in stores if name in sums] if stores is not None else None
    parts = chosen if chosen is not None else list(sums.values())
    if len(parts) == 1:
        current, previous = parts[0].current, parts[0].previous
    else:
        current = add_sums(part.current for part in parts)
        previous = add_sums(part.previous for part in parts)
    coverage = sums_coverage(sums, plans, stores, period)
    return metrics_from_sums(current, previous, coverage), coverage


def sums_table(
    sums: Mapping[str, StoreSums],
    plans: Sequence[StorePlan],
    stores: Sequence[str],
    period: Period,
) -> list[tuple[str | None, StoreMetrics, Decimal | None]]:
    """:func:`store_table` from the stores' sums (``PeriodInputs.store_sums``)."""
    plans_by_store: dict[str, list[StorePlan]] = {}
    for plan in plans:
        plans_by_store.setdefault(plan.store, []).append(plan)
    rows: list[tuple[str | None, StoreMetrics, Decimal | None]] = []
    for name in [*stores, None]:
        chosen = None if name is None else {name}
        own_plans = plans if name is None else plans_by_store.get(name, [])
        metrics, coverage = sums_metrics(sums, own_plans, chosen, period)
        rows.append((name, metrics, coverage.plan if coverage is not None else None))
    return rows

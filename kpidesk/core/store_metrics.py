"""Store and seller metrics over any range of days (SPEC §2.6).

Every ratio over a range is a ratio of sums (Σ receipts / Σ visitors), never an average of
daily ratios. A metric is ``None`` ("no data") when the range has no rows or its
denominator is zero. Percentages are in percent (conversion 26.67 means 26.67 %).

Must not: read a database or files, round (display does that), or use floats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.money import HUNDRED, ZERO, safe_div
from kpidesk.core.periods import Period

if TYPE_CHECKING:
    from kpidesk.core.store_sums import StoreSums


@dataclass(frozen=True)
class StoreMetrics:
    """The metrics of one store or several stores together over a range (SPEC §2.6)."""

    revenue: Decimal | None = None
    receipts: Decimal | None = None
    visitors: Decimal | None = None
    units: Decimal | None = None
    returns: Decimal | None = None
    conversion: Decimal | None = None
    avg_check: Decimal | None = None
    upt: Decimal | None = None
    revenue_per_visitor: Decimal | None = None
    sales_dynamics: Decimal | None = None
    plan_completion: Decimal | None = None
    plan_days: int | None = None  # the days of the range a plan covers (plan completion's)
    # What sales dynamics and plan completion were computed from, for their explanation
    # (``core.explained_facts``): the previous equal range's revenue, the plan of the
    # covered days (exact), the revenue of those days, and the days of the range.
    previous_revenue: Decimal | None = None
    plan: Decimal | None = None
    plan_revenue: Decimal | None = None
    range_days: int | None = None


@dataclass(frozen=True)
class PlanCoverage:
    """The part of a range that revenue plans cover, for plan completion (SPEC §2.6).

    Attributes:
        plan: the plans of the covered days (a plan spread evenly over its days), exact.
        revenue: the revenue of the covered days (each store's own covered days).
        days: the days of the range that some plan of the stores covers.
        range_days: the days of the range.
    """

    plan: Decimal
    revenue: Decimal
    days: int
    range_days: int

    @property
    def partial(self) -> bool:
        """Whether the plans cover only part of the range."""
        return self.days < self.range_days


@dataclass(frozen=True)
class EmployeeMetrics:
    """A seller's metrics over a range from their per-seller daily rows."""

    revenue: Decimal | None = None
    receipts: Decimal | None = None
    units: Decimal | None = None
    avg_check: Decimal | None = None
    upt: Decimal | None = None
    share_of_store: Decimal | None = None
    store_revenue: Decimal | None = None  # the revenue share_of_store divides by


@dataclass(frozen=True)
class DailySums:
    """Σ of the daily rows of a range; ``rows`` = how many rows were summed."""

    rows: int = 0
    revenue: Decimal = ZERO
    receipts: int = 0
    visitors: int = 0
    units: int = 0
    returns: Decimal | None = None


def add_sums(parts: Iterable[DailySums]) -> DailySums:
    """Several stores' sums as one (the company's: ``daily_sums`` with ``stores=None``);
    exact, as the row-by-row sum."""
    rows = receipts = visitors = units = 0
    revenue = ZERO
    returns: Decimal | None = None
    for part in parts:
        if not part.rows:
            continue
        rows += part.rows
        revenue += part.revenue
        receipts += part.receipts
        visitors += part.visitors
        units += part.units
        if part.returns is not None:
            returns = part.returns if returns is None else returns + part.returns
    return DailySums(rows, revenue, receipts, visitors, units, returns)


def _percent(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    if numerator is None or denominator is None:
        return None
    ratio = safe_div(numerator, denominator)
    return ratio * HUNDRED if ratio is not None else None


def daily_sums(entries: Iterable[DailyEntry], stores: set[str] | None, period: Period) -> DailySums:
    """Sum the rows of ``stores`` (``None`` = every store) whose day lies in ``period``."""
    rows = receipts = visitors = units = 0
    revenue = ZERO
    returns: Decimal | None = None
    start, end = period.start, period.end
    for entry in entries:
        if not start <= entry.day <= end:
            continue
        if stores is not None and entry.store not in stores:
            continue
        rows += 1
        revenue += entry.revenue
        receipts += entry.receipts
        visitors += entry.visitors
        units += entry.units
        if entry.returns is not None:
            returns = entry.returns if returns is None else returns + entry.returns
    return DailySums(rows, revenue, receipts, visitors, units, returns)


def period_sums(
    entries: Iterable[DailyEntry], stores: set[str] | None, period: Period, previous: Period
) -> tuple[DailySums, DailySums]:
    """:func:`daily_sums` of ``period`` and of ``previous`` (not overlapping it) in one
    pass over the rows."""
    now: list[DailyEntry] = []
    before: list[DailyEntry] = []
    start, end = period.start, period.end
    first, last = previous.start, previous.end
    for entry in entries:
        day = entry.day
        if start <= day <= end:
            now.append(entry)
        elif first <= day <= last:
            before.append(entry)
    return daily_sums(now, stores, period), daily_sums(before, stores, previous)


def plan_for(plans: Iterable[StorePlan], stores: set[str] | None, period: Period) -> Decimal | None:
    """The revenue plan for a range: Σ plan × overlapping days / plan days, exact.

    Args:
        plans: store plans (any periods).
        stores: the stores counted (``None`` = every store).
        period: the range.

    Returns:
        The prorated plan, or ``None`` when no plan of those stores overlaps the range.
    """
    total: Decimal | None = None
    for plan in plans:
        if stores is not None and plan.store not in stores:
            continue
        if not plan.period.overlaps(period):
            continue
        first = max(plan.period.start, period.start)
        last = min(plan.period.end, period.end)
        days = (last - first).days + 1
        share = plan.revenue * days / plan.period.length
        total = share if total is None else total + share
    return total


def plan_coverage(
    entries: Iterable[DailyEntry],
    plans: Iterable[StorePlan],
    stores: set[str] | frozenset[str] | None,
    period: Period,
) -> PlanCoverage | None:
    """What the plans of ``stores`` cover of ``period``: the plan and the revenue of the
    covered days only, and how many days that is.

    A range that a month's plan covers in part (19.09–04.10 with only October planned)
    compares the revenue of 01.10–04.10 with 4/31 of October's plan, not the revenue of
    all 16 days; a store's revenue counts only on the days its own plan covers.

    Args:
        entries: daily rows (those outside the range or of other stores are skipped).
        plans: store plans (any periods).
        stores: the stores counted (``None`` = every store).
        period: the range.

    Returns:
        The coverage, or ``None`` when no plan of those stores overlaps the range.
    """
    total, spans = plan_spans(plans, stores, period)
    if not spans:
        return None
    revenue = ZERO
    start, end = period.start, period.end
    for entry in entries:
        own = spans.get(entry.store)
        if own is None or not start <= entry.day <= end:
            continue
        if any(first <= entry.day <= last for first, last in own):
            revenue += entry.revenue
    return PlanCoverage(total, revenue, covered_days(spans.values()), period.length)


def plan_spans(
    plans: Iterable[StorePlan], stores: set[str] | frozenset[str] | None, period: Period
) -> tuple[Decimal, dict[str, list[tuple[date, date]]]]:
    """The plan of ``stores`` for ``period`` (each plan prorated to the days it covers of
    the range) and, per store, the (first, last) days its plans cover."""
    spans: dict[str, list[tuple[date, date]]] = {}
    total = ZERO
    for plan in plans:
        if stores is not None and plan.store not in stores:
            continue
        if not plan.period.overlaps(period):
            continue
        first = max(plan.period.start, period.start)
        last = min(plan.period.end, period.end)
        total += plan.revenue * ((last - first).days + 1) / plan.period.length
        spans.setdefault(plan.store, []).append((first, last))
    return total, spans


def covered_days(spans: Iterable[list[tuple[date, date]]]) -> int:
    """The number of distinct days in the union of the spans."""
    merged = sorted(span for own in spans for span in own)
    days = 0
    current: tuple[date, date] | None = None
    for first, last in merged:
        if current is None or first > current[1] + timedelta(days=1):
            if current is not None:
                days += (current[1] - current[0]).days + 1
            current = (first, last)
        else:
            current = (current[0], max(current[1], last))
    if current is not None:
        days += (current[1] - current[0]).days + 1
    return days


def metrics_from_sums(
    current: DailySums,
    previous: DailySums | None = None,
    plan: Decimal | PlanCoverage | None = None,
) -> StoreMetrics:
    """Turn the sums of a range (and of the previous equal range) into metrics.

    Args:
        current: the sums of the range.
        previous: the sums of the previous equal range, for sales dynamics.
        plan: the plans' coverage of the range (:func:`plan_coverage`), for plan
            completion over the covered days; a bare ``Decimal`` is a plan that covers the
            whole range.
    """
    if current.rows == 0:
        return StoreMetrics()
    revenue = current.revenue
    receipts = Decimal(current.receipts)
    visitors = Decimal(current.visitors)
    units = Decimal(current.units)
    before = previous.revenue if previous is not None and previous.rows else None
    return StoreMetrics(
        revenue=revenue,
        receipts=receipts,
        visitors=visitors,
        units=units,
        returns=current.returns,
        conversion=_percent(receipts, visitors),
        avg_check=safe_div(revenue, receipts),
        upt=safe_div(units, receipts),
        revenue_per_visitor=safe_div(revenue, visitors),
        sales_dynamics=_percent(revenue, before),
        plan_completion=_plan_completion(revenue, plan),
        plan_days=plan.days if isinstance(plan, PlanCoverage) else None,
        previous_revenue=before,
        plan=plan.plan if isinstance(plan, PlanCoverage) else plan,
        plan_revenue=(
            plan.revenue if isinstance(plan, PlanCoverage) else None if plan is None else revenue
        ),
        range_days=plan.range_days if isinstance(plan, PlanCoverage) else None,
    )


def revenue_completion(revenue: Decimal, plan: Decimal) -> Decimal | None:
    """Plan completion of ``revenue`` against ``plan``, in percent, as plan completion is
    computed everywhere (the daily form's plan bar with the typed day included)."""
    return _percent(revenue, plan)


def _plan_completion(revenue: Decimal, plan: Decimal | PlanCoverage | None) -> Decimal | None:
    if isinstance(plan, PlanCoverage):
        return _percent(plan.revenue, plan.plan)
    return _percent(revenue, plan)


def store_metrics(
    entries: Iterable[DailyEntry],
    stores: set[str] | None,
    period: Period,
    plans: Iterable[StorePlan] = (),
) -> StoreMetrics:
    """The metrics of ``stores`` over ``period`` from daily rows.

    Args:
        entries: daily rows; those outside the range and of other stores are skipped. They
            should also cover ``period.previous()`` for sales dynamics.
        stores: the stores (``None`` = all stores together: the company total).
        period: any range of days.
        plans: store plans, prorated to the range for plan completion.

    Returns:
        The metrics; each is ``None`` when there are no rows or its denominator is zero.
    """
    rows = list(entries)
    current = daily_sums(rows, stores, period)
    previous = daily_sums(rows, stores, period.previous())
    return metrics_from_sums(current, previous, plan_coverage(rows, plans, stores, period))


def employee_metrics(
    seller_days: Iterable[SellerDay],
    entries: Iterable[DailyEntry],
    employee: str,
    period: Period,
    sums: Mapping[str, StoreSums] | None = None,
) -> EmployeeMetrics:
    """A seller's metrics over ``period``.

    Args:
        seller_days: per-seller rows (other sellers and days are skipped).
        entries: the stores' daily rows, for ``share_of_store``: the seller's revenue over
            the revenue of the stores they sold in, over the same range.
        employee: the seller's name.
        period: any range of days.
        sums: instead of ``entries``, the stores' sums over ``period`` (``current``).
    """
    rows = 0
    revenue = ZERO
    receipts = units = 0
    stores: set[str] = set()
    for day in seller_days:
        if day.employee != employee or not period.start <= day.day <= period.end:
            continue
        rows += 1
        revenue += day.revenue
        receipts += day.receipts
        units += day.units
        stores.add(day.store)
    if rows == 0:
        return EmployeeMetrics()
    if sums is not None:
        store_sums = add_sums(sums[name].current for name in stores if name in sums)
    else:
        store_sums = daily_sums(entries, stores, period)
    store_revenue = store_sums.revenue if store_sums.rows else None
    return EmployeeMetrics(
        revenue=revenue,
        receipts=Decimal(receipts),
        units=Decimal(units),
        avg_check=safe_div(revenue, Decimal(receipts)),
        upt=safe_div(Decimal(units), Decimal(receipts)),
        share_of_store=_percent(revenue, store_revenue),
        store_revenue=store_revenue,
    )


def store_table(
    entries: Sequence[DailyEntry],
    plans: Sequence[StorePlan],
    stores: Sequence[str],
    period: Period,
) -> list[tuple[str | None, StoreMetrics, Decimal | None]]:
    """Each store's metrics over a range, then the company's (store ``None``), with the
    plan of the covered days — the rows are grouped by store once (at 200 stores a pass over every
    row per store would cost seconds).

    Args:
        entries: daily rows covering ``period`` and ``period.previous()``.
        plans: the store plans overlapping the range.
        stores: the stores to list, in order.
        period: any range of days.
    """
    previous = period.previous()
    by_store: dict[str, list[DailyEntry]] = {}
    plans_by_store: dict[str, list[StorePlan]] = {}
    for entry in entries:
        by_store.setdefault(entry.store, []).append(entry)
    for plan in plans:
        plans_by_store.setdefault(plan.store, []).append(plan)
    rows: list[tuple[str | None, StoreMetrics, Decimal | None]] = []
    for name in [*stores, None]:
        chosen = None if name is None else {name}
        own = entries if name is None else by_store.get(name, [])
        own_plans = plans if name is None else plans_by_store.get(name, [])
        coverage = plan_coverage(own, own_plans, chosen, period)
        metrics = metrics_from_sums(
            daily_sums(own, chosen, period), daily_sums(own, chosen, previous), coverage
        )
        rows.append((name, metrics, coverage.plan if coverage is not None else None))
    return rows


_STORE_NAMES = frozenset(f.name for f in fields(StoreMetrics))
_EMPLOYEE_NAMES = frozenset(f.name for f in fields(EmployeeMetrics))


def metric_value(metrics: StoreMetrics | EmployeeMetrics, name: str) -> Decimal | None:
    """One metric by its name (``"conversion"``, ``"avg_check"``, …).

    Raises:
        ValueError: the name is not a metric of that kind.
    """
    known = _STORE_NAMES if isinstance(metrics, StoreMetrics) else _EMPLOYEE_NAMES
    if name not in known:
        raise ValueError(f"unknown metric {name!r} (known: {', '.join(sorted(known))})")
    value: Decimal | None = getattr(metrics, name)
    return value

"""Indicator values over a range for ratings (SPEC §2.9): store metrics as ratios of sums
for any set of stores, sellers' own metrics, the mean of the pay periods' facts, and the
mean of a group's members' values. The rules are those of ``core.ratings``.

Must not: read storage, format text for a screen, or know about Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.periods import Period
from kpidesk.core.ratings import Score, mean_value
from kpidesk.core.results import PeriodResult
from kpidesk.core.store_metrics import (
    daily_sums,
    employee_metrics,
    metric_value,
    metrics_from_sums,
    plan_coverage,
)

StoreSet = frozenset[str] | None  # the stores whose daily rows count (None = every store)


def store_scores(
    entries: Iterable[DailyEntry],
    groups: Mapping[str, StoreSet],
    period: Period,
    metric: str,
    plans: Iterable[StorePlan] = (),
) -> dict[str, Score]:
    """A store metric over a range for several subjects, as a ratio of sums.

    Args:
        entries: daily rows covering ``period`` and ``period.previous()`` (for sales
            dynamics); others are ignored.
        groups: by subject name, the stores whose rows count (a store: itself; a
            department: its employees' stores; ``None``: every store).
        period: any range of days.
        metric: a ``StoreMetrics`` field (``revenue``, ``conversion``, …).
        plans: store plans, prorated to the range for ``plan_completion``.

    Returns:
        By subject: the metric (``None`` = no rows or a zero denominator), the days with
        data and the days of the range (for a set of stores: store-days).

    Raises:
        ValueError: ``metric`` is not a store metric.
    """
    previous = period.previous()
    by_store: dict[str, list[DailyEntry]] = {}
    for entry in entries:
        if previous.start <= entry.day <= period.end:
            by_store.setdefault(entry.store, []).append(entry)
    every = [entry for rows in by_store.values() for entry in rows]
    plan_list = list(plans)
    cache: dict[StoreSet, Score] = {}
    result: dict[str, Score] = {}
    for name, stores in groups.items():
        found = cache.get(stores)
        if found is None:
            chosen = set(stores) if stores is not None else None
            rows = every if stores is None else [e for s in stores for e in by_store.get(s, ())]
            current = daily_sums(rows, chosen, period)
            coverage = plan_coverage(rows, plan_list, chosen, period)
            metrics = metrics_from_sums(current, daily_sums(rows, chosen, previous), coverage)
            count = len(stores) if stores is not None else max(len(by_store), 1)
            found = Score(metric_value(metrics, metric), current.rows, period.length * count)
            cache[stores] = found
        result[name] = found
    return result


def seller_scores(
    seller_days: Sequence[SellerDay],
    entries: Sequence[DailyEntry],
    employees: Iterable[str],
    period: Period,
    metric: str,
) -> dict[str, Score]:
    """Sellers' own metric (``employee:<metric>``) over a range, as a ratio of sums.

    Returns:
        By employee: the metric, the days with the seller's rows and the days of the range.

    Raises:
        ValueError: ``metric`` is not a seller metric.
    """
    by_employee: dict[str, list[SellerDay]] = {}
    for day in seller_days:
        if period.contains(day.day):
            by_employee.setdefault(day.employee, []).append(day)
    scores: dict[str, Score] = {}
    for name in employees:
        days = by_employee.get(name, [])
        metrics = employee_metrics(days, entries, name, period)
        scores[name] = Score(metric_value(metrics, metric), len(days), period.length)
    return scores


def fact_scores(results: Sequence[PeriodResult], indicator: str) -> dict[str, Score]:
    """Employees' facts of an indicator over several pay periods: the mean of the periods'
    facts (exact). Only employees whose matrix has the indicator are listed.

    Returns:
        By employee (first-seen order): the mean fact (``None`` = no fact in any period),
        the periods with a fact and the periods whose matrix has the indicator.
    """
    values: dict[str, list[Decimal]] = {}
    periods: dict[str, int] = {}
    for result in results:
        for employee in result.employees:
            for row in employee.rows:
                if row.row.indicator != indicator:
                    continue
                name = employee.employee.name
                periods[name] = periods.get(name, 0) + 1
                bucket = values.setdefault(name, [])
                if row.fact is not None:
                    bucket.append(row.fact)
    return {name: Score(mean_value(v), len(v), periods[name]) for name, v in values.items()}


def group_means(
    scores: Mapping[str, Score], group_of: Mapping[str, str | None], order: Sequence[str] = ()
) -> dict[str | None, Score]:
    """Groups' means of their members' values (a department's mean NPS).

    Args:
        scores: by member (employee) name.
        group_of: a member's group (``None`` = no group, a group of its own).
        order: groups to list first (directory order), even without members.

    Returns:
        By group: the exact mean of the members' values, members with a value, members.
    """
    values: dict[str | None, list[Decimal]] = {name: [] for name in order}
    members: dict[str | None, int] = dict.fromkeys(order, 0)
    for name, score in scores.items():
        group = group_of.get(name)
        values.setdefault(group, [])
        members[group] = members.get(group, 0) + 1
        if score.value is not None:
            values[group].append(score.value)
    return {
        group: Score(mean_value(items), len(items), members[group])
        for group, items in values.items()
    }

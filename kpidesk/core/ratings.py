"""Ratings and roll-ups (SPEC §2.9): rank employees, stores or departments by KPI or by an
indicator over any range, with the value of the previous equal range and the change.

Rules, decided once here so that the dashboard, the ratings screen, the charts and the
command line agree:

* **Ranks** are *competition ranking* ("1224"): equal values share the best rank and the
  next rank skips, e.g. values 1.2, 1.1, 1.1, 1.0 get ranks 1, 2, 2, 4. Values compare
  exactly (a KPI is already rounded to 0.001, so KPIs that print alike tie).
* **Direction**: higher is better, except for a *lower-is-better* indicator (its matrix
  rows have the base above the norm: complaints, cost per lead), which ranks lowest first.
* **No data** is ``None``, never 0: a row without a value gets no rank and is listed after
  the ranked rows (in input order).
* **Incomplete matrices** are left out of every KPI figure and counted: an employee's KPI
  over a range is the mean of their *complete* pay-period KPIs; an employee with none is
  excluded from a KPI rating and listed in :attr:`Rating.excluded`.
* **Roll-ups**: a department's (or store's) KPI for a pay period is the mean of its
  employees' complete KPIs; the company KPI is the mean of the departments' KPIs (the
  employees without a department form one more group). Means are ``Decimal`` rounded to
  0.001 ROUND_HALF_UP; each comes with "complete n of m" (complete matrices of all).
* **Ranges**: a KPI exists per pay period. Over a range of several pay periods the KPI is
  the mean of the pay periods' KPIs inside it (each group's KPI per period first, then the
  mean over periods; the counts add up). :func:`pay_periods_in` says which pay periods
  belong to a range. Store metrics over any range are ratios of sums
  (``core.store_metrics``), never means of daily ratios.
* **Change** = value − previous, in the value's own unit (for a KPI, 0.052 = +5.2
  percentage points); ``None`` when either is missing.

Must not: read storage, format text for a screen, or know about Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.matrix import Matrix
from kpidesk.core.money import KPI_STEP
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.results import PeriodResult
from kpidesk.core.store_metrics import (
    daily_sums,
    employee_metrics,
    metric_value,
    metrics_from_sums,
    plan_for,
)

KPI = "kpi"  # the measure code of a KPI rating


class Subject(Enum):
    """What a rating ranks."""

    EMPLOYEE = "employee"
    STORE = "store"
    DEPARTMENT = "department"


@dataclass(frozen=True)
class Score:
    """A value with how complete the data behind it is.

    Attributes:
        value: the figure, ``None`` = no data.
        complete: how many items counted (complete matrices, days with data, …).
        total: how many there were to count.
    """

    value: Decimal | None
    complete: int = 0
    total: int = 0

    @property
    def complete_text(self) -> str:
        """``"n/m"`` — the form the command line and the exports write."""
        return f"{self.complete}/{self.total}"


@dataclass(frozen=True)
class Entry:
    """One subject to rank: its name, its score over the range and over the previous
    equal range."""

    name: str
    current: Score
    previous: Score = field(default_factory=lambda: Score(None))


@dataclass(frozen=True)
class RatingRow:
    """One ranked line. ``rank`` is ``None`` when there is no value."""

    rank: int | None
    name: str
    value: Decimal | None
    previous: Decimal | None
    change: Decimal | None
    complete: int
    total: int

    @property
    def complete_text(self) -> str:
        """``"n/m"``."""
        return f"{self.complete}/{self.total}"


@dataclass(frozen=True)
class Rating:
    """A whole rating: ranked rows best first, then rows without data.

    Attributes:
        subject: employees, stores or departments.
        measure: ``"kpi"`` or an indicator / store metric code.
        period: the range.
        rows: the rows, best first; rows without a value last.
        lower_is_better: whether the lowest value ranks first.
        excluded: employees left out because every matrix of theirs in the range was
            incomplete (KPI ratings only).
        overall: the company figure for the same measure (the company KPI for a KPI
            rating), with its completeness; ``None`` when not meaningful.
    """

    subject: Subject
    measure: str
    period: Period
    rows: tuple[RatingRow, ...]
    lower_is_better: bool = False
    excluded: tuple[str, ...] = ()
    overall: Score | None = None


def change_of(value: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """``value − previous``, or ``None`` when either is missing."""
    if value is None or previous is None:
        return None
    return value - previous


def rank(entries: Iterable[Entry], *, lower_is_better: bool = False) -> tuple[RatingRow, ...]:
    """Rank entries with competition ranking (1, 2, 2, 4).

    Args:
        entries: the subjects; their order breaks nothing but the order of equal values and
            of rows without data (both keep the input order).
        lower_is_better: rank the lowest value first.

    Returns:
        The ranked rows best first, then the rows without a value (rank ``None``).
    """
    items = list(entries)
    valued = [entry for entry in items if entry.current.value is not None]
    empty = [entry for entry in items if entry.current.value is None]

    def key(entry: Entry) -> Decimal:
        value = entry.current.value
        assert value is not None
        return value if lower_is_better else -value

    valued.sort(key=key)  # stable: equal values keep the input order
    rows: list[RatingRow] = []
    last: Decimal | None = None
    current_rank = 0
    for position, entry in enumerate(valued, start=1):
        value = entry.current.value
        if value != last:
            current_rank, last = position, value
        rows.append(_row(current_rank, entry))
    rows.extend(_row(None, entry) for entry in empty)
    return tuple(rows)


def _row(position: int | None, entry: Entry) -> RatingRow:
    return RatingRow(
        rank=position,
        name=entry.name,
        value=entry.current.value,
        previous=entry.previous.value,
        change=change_of(entry.current.value, entry.previous.value),
        complete=entry.current.complete,
        total=entry.current.total,
    )


def mean_kpi(values: Sequence[Decimal]) -> Decimal | None:
    """The mean of KPIs rounded to 0.001 ROUND_HALF_UP; ``None`` for no values."""
    if not values:
        return None
    total = sum(values, Decimal(0))
    return (total / len(values)).quantize(KPI_STEP, rounding=ROUND_HALF_UP)


def mean_value(values: Sequence[Decimal]) -> Decimal | None:
    """The exact mean of values (no rounding; display rounds); ``None`` for none."""
    if not values:
        return None
    return sum(values, Decimal(0)) / len(values)


# --- pay periods of a range -------------------------------------------------------------
def pay_periods_in(period: Period, pay_kind: PeriodKind) -> tuple[Period, ...]:
    """The pay periods (months or half-months) a range is made of.

    The pay periods lying wholly inside the range; when none does (a day, a week or a
    custom range shorter than a pay period), the pay periods that overlap it — a KPI
    exists only per pay period, so a short range shows the KPI of the pay period it lies in.

    Args:
        period: any range.
        pay_kind: ``PeriodKind.MONTH`` or ``PeriodKind.HALF``.
    """
    kind = pay_kind if pay_kind in (PeriodKind.MONTH, PeriodKind.HALF) else PeriodKind.MONTH
    if period.kind is kind:
        return (period,)
    overlapping: list[Period] = []
    current = Period.containing(period.start, kind)
    while current.start <= period.end:
        overlapping.append(current)
        current = current.next()
    inside = tuple(p for p in overlapping if period.start <= p.start and p.end <= period.end)
    return inside or tuple(overlapping)


# --- KPI roll-ups ------------------------------------------------------------------------
GroupOf = Callable[[Employee], str | None]


def employee_kpis(results: Sequence[PeriodResult]) -> dict[str, Score]:
    """Each employee's KPI over several pay periods: the mean of their complete KPIs.

    Args:
        results: the pay periods' results (one per period of the range).

    Returns:
        By employee name (in first-seen order): the mean KPI (``None`` when no period was
        complete), complete periods, periods worked.
    """
    values: dict[str, list[Decimal]] = {}
    worked: dict[str, int] = {}
    for result in results:
        for employee in result.employees:
            name = employee.employee.name
            worked[name] = worked.get(name, 0) + 1
            bucket = values.setdefault(name, [])
            if employee.pay is not None and employee.kpi is not None:
                bucket.append(employee.kpi)
    return {name: Score(mean_kpi(kpis), len(kpis), worked[name]) for name, kpis in values.items()}


def group_kpis(results: Sequence[PeriodResult], group_of: GroupOf) -> dict[str | None, Score]:
    """Groups' KPIs (departments, stores) over several pay periods.

    Per pay period a group's KPI is the mean of its employees' complete KPIs; over the
    range it is the mean of those per-period KPIs; ``complete``/``total`` add up the
    complete matrices and all matrices of every period.

    Args:
        results: the pay periods' results.
        group_of: an employee's group (``None`` = no group; still a group of its own).

    Returns:
        By group (in first-seen order).
    """
    per_period: dict[str | None, list[Decimal]] = {}
    complete: dict[str | None, int] = {}
    total: dict[str | None, int] = {}
    for result in results:
        kpis: dict[str | None, list[Decimal]] = {}
        for employee in result.employees:
            group = group_of(employee.employee)
            total[group] = total.get(group, 0) + 1
            complete.setdefault(group, 0)
            per_period.setdefault(group, [])
            if employee.pay is not None and employee.kpi is not None:
                complete[group] += 1
                kpis.setdefault(group, []).append(employee.kpi)
        for group, values in kpis.items():
            mean = mean_kpi(values)
            if mean is not None:
                per_period[group].append(mean)
    return {
        group: Score(mean_kpi(values), complete[group], total[group])
        for group, values in per_period.items()
    }


def company_kpi(results: Sequence[PeriodResult], group_of: GroupOf | None = None) -> Score:
    """The company KPI: per pay period the mean of the departments' KPIs, then the mean over
    the periods; with the complete matrices of all.

    Args:
        results: the pay periods' results.
        group_of: the department of an employee (default ``employee.department``).
    """
    department = group_of or _department
    means: list[Decimal] = []
    complete = total = 0
    for result in results:
        groups = group_kpis([result], department)
        values = [score.value for score in groups.values() if score.value is not None]
        mean = mean_kpi(values)
        if mean is not None:
            means.append(mean)
        complete += sum(score.complete for score in groups.values())
        total += sum(score.total for score in groups.values())
    return Score(mean_kpi(means), complete, total)


def _department(employee: Employee) -> str | None:
    return employee.department


def _store(employee: Employee) -> str | None:
    return employee.store


def kpi_rating(
    subject: Subject,
    period: Period,
    current: Sequence[PeriodResult],
    previous: Sequence[PeriodResult],
    *,
    names: Sequence[str] = (),
    no_group: str = "—",
) -> Rating:
    """A KPI rating over a range.

    Args:
        subject: employees, stores or departments.
        period: the range (only recorded in the result).
        current: the results of the pay periods of the range (:func:`pay_periods_in`).
        previous: the results of the pay periods of the previous equal range.
        names: stores or departments to list even without any employee (directory order
            first); employees come from the results.
        no_group: the name shown for employees without a department (department ratings;
            employees without a store are left out of store ratings).

    Returns:
        The rating; for employees, ``excluded`` lists those with no complete matrix.
    """
    overall = company_kpi(current)
    if subject is Subject.EMPLOYEE:
        now = employee_kpis(current)
        before = employee_kpis(previous)
        entries = [
            Entry(name, score, before.get(name, Score(None)))
            for name, score in now.items()
            if score.value is not None
        ]
        excluded = tuple(name for name, score in now.items() if score.value is None)
        return Rating(subject, KPI, period, rank(entries), False, excluded, overall)
    group_of = _store if subject is Subject.STORE else _department
    now_groups = group_kpis(current, group_of)
    before_groups = group_kpis(previous, group_of)
    order: list[str | None] = list(dict.fromkeys([*names, *now_groups]))
    if subject is Subject.STORE:
        order = [name for name in order if name is not None]
    entries = [
        Entry(
            name if name is not None else no_group,
            now_groups.get(name, Score(None)),
            before_groups.get(name, Score(None)),
        )
        for name in order
    ]
    return Rating(subject, KPI, period, rank(entries), False, (), overall)


def value_rating(
    subject: Subject,
    measure: str,
    period: Period,
    scores: Mapping[str, Score],
    previous: Mapping[str, Score],
    *,
    lower_is_better: bool = False,
    overall: Score | None = None,
) -> Rating:
    """A rating by an indicator's values already worked out per subject.

    Args:
        subject: employees, stores or departments.
        measure: the indicator or metric code.
        period: the range.
        scores: by subject name (in the order to list them), the value over the range.
        previous: by subject name, the value over the previous equal range.
        lower_is_better: rank the lowest value first.
        overall: the company figure, if meaningful.
    """
    entries = [
        Entry(name, score, previous.get(name, Score(None))) for name, score in scores.items()
    ]
    return Rating(
        subject,
        measure,
        period,
        rank(entries, lower_is_better=lower_is_better),
        lower_is_better,
        (),
        overall,
    )


def lower_is_better(matrices: Iterable[Matrix], indicator: str) -> bool:
    """Whether an indicator improves as it falls: some matrix row of it has its base above
    its norm (SPEC §2.4 needs no flag for that)."""
    return any(
        row.lower_is_better
        for matrix in matrices
        for row in matrix.rows
        if row.indicator == indicator
    )


def top_and_bottom(rating: Rating, count: int = 5) -> tuple[list[RatingRow], list[RatingRow]]:
    """The best ``count`` and the worst ``count`` ranked rows (the worst listed worst last).

    When there are fewer than ``2 × count`` ranked rows the two lists do not overlap: the
    bottom takes what the top left.
    """
    ranked = [row for row in rating.rows if row.rank is not None]
    top = ranked[:count]
    rest = ranked[len(top) :]
    bottom = rest[-count:] if rest else []
    return top, bottom


# --- indicator values over a range ------------------------------------------------------
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
            metrics = metrics_from_sums(
                current, daily_sums(rows, chosen, previous), plan_for(plan_list, chosen, period)
            )
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


def calendar_period(start: date, end: date) -> Period:
    """The range from ``start`` to ``end`` as a calendar period when it is exactly one (a
    day, an ISO week, a half-month, a month, a quarter or a year) — so that its previous
    equal period is the previous month (week, …) rather than the same number of days —
    otherwise a custom range.

    Raises:
        ValueError: ``end`` is before ``start``.
    """
    for kind in (
        PeriodKind.DAY,
        PeriodKind.WEEK,
        PeriodKind.HALF,
        PeriodKind.MONTH,
        PeriodKind.QUARTER,
        PeriodKind.YEAR,
    ):
        candidate = Period.containing(start, kind)
        if candidate.start == start and candidate.end == end:
            return candidate
    return Period.custom(start, end)

"""Where a row's fact comes from (SPEC §2.3): resolve an indicator's fact for an employee
in a period from the period's inputs.

``manual`` → the typed-in fact; ``store:<metric>`` → the metrics of the employee's store
(all stores together for an employee without a store); ``employee:<metric>`` → the
employee's own per-seller rows; ``warehouse:``/``marketing:``/``sales:`` → the family
metric from the employee's raw inputs; ``tasks:<metric>`` → from the employee's duties and
tasks of the period (``core.tasks``). Anything missing gives ``None``.

A :class:`PeriodBook` groups the daily rows by store and the seller rows and raw inputs by
employee once, and caches each store's metrics, so that a whole period costs one pass over
its data rather than one per employee.

Must not: compute indices or pay, or read storage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from kpidesk.core.company import PeriodInputs
from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.explained_facts import seller_breakdown, store_breakdown, task_breakdown
from kpidesk.core.fact_breakdown import FactBreakdown
from kpidesk.core.families import family_breakdown, family_metric
from kpidesk.core.indicators import KNOWN_METRICS, Indicator, SourceKind
from kpidesk.core.money import round_to
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import (
    EmployeeMetrics,
    StoreMetrics,
    employee_metrics,
    metrics_from_sums,
    period_sums,
    plan_coverage,
)
from kpidesk.core.store_sums import rows_sums, sums_metrics
from kpidesk.core.tasks import Task, task_metric


class PeriodBook:
    """A period's inputs grouped for fast look-ups, with the store metrics cached.

    Build one per calculation (it is cheap) and pass it to :func:`fact_for`.
    """

    def __init__(self, inputs: PeriodInputs, period: Period) -> None:
        """Group ``inputs`` for ``period`` (and its previous equal period)."""
        self.inputs = inputs
        self.period = period
        self._previous = period.previous()
        first, last = self._previous.start, period.end
        self._daily: dict[str, list[DailyEntry]] = defaultdict(list)
        self._all_daily: list[DailyEntry] = []
        for entry in inputs.daily:
            if first <= entry.day <= last:
                self._daily[entry.store].append(entry)
                self._all_daily.append(entry)
        self._plans: dict[str, list[StorePlan]] = defaultdict(list)
        for plan in inputs.plans:
            self._plans[plan.store].append(plan)
        self._tasks: dict[str, list[Task]] = defaultdict(list)
        for task in inputs.tasks:
            if task.period == period:
                self._tasks[task.assignee].append(task)
        self._sellers: dict[str, list[SellerDay]] = defaultdict(list)
        for day in inputs.seller_days:
            if period.contains(day.day):
                self._sellers[day.employee].append(day)
        self._raw: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(dict)
        for (employee, key), value in inputs.inputs.items():
            family, _, name = key.partition(":")
            self._raw[(employee, family.strip().lower())][name.strip()] = value
        self._stores: dict[str | None, StoreMetrics] = {}
        self._employees: dict[str, EmployeeMetrics] = {}
        self._store_breakdowns: dict[tuple[str | None, str], FactBreakdown | None] = {}

    def store_breakdown(self, name: str | None, metric: str) -> FactBreakdown | None:
        """What a store metric was computed from, once per store (every employee of a
        store shares the one breakdown, as they share the fact)."""
        key = (name, metric)
        if key in self._store_breakdowns:
            return self._store_breakdowns[key]
        found = self._store_breakdowns[key] = store_breakdown(self.store(name), metric)
        return found

    def store(self, name: str | None) -> StoreMetrics:
        """The metrics of one store over the period (``None`` = all stores together)."""
        cached = self._stores.get(name)
        if cached is not None:
            return cached
        sums = self.inputs.store_sums
        if sums is not None:  # the rows summed already (the same figures)
            own = list(self.inputs.plans) if name is None else self._plans.get(name, [])
            found, _ = sums_metrics(sums, own, None if name is None else {name}, self.period)
            self._stores[name] = found
            return found
        if name is not None:  # one pass over the store's rows (the same figures)
            own = self._plans.get(name, [])
            summed = rows_sums(self._daily.get(name, []), own, self.period, self._previous)
            found, _ = sums_metrics({name: summed}, own, {name}, self.period)
            self._stores[name] = found
            return found
        entries, stores = self._all_daily, None
        plans: list[StorePlan] = list(self.inputs.plans)
        current, previous = period_sums(entries, stores, self.period, self._previous)
        coverage = plan_coverage(entries, plans, stores, self.period)
        metrics = metrics_from_sums(current, previous, coverage)
        self._stores[name] = metrics
        return metrics

    def seller(self, employee: str) -> EmployeeMetrics:
        """The metrics of one seller over the period."""
        cached = self._employees.get(employee)
        if cached is not None:
            return cached
        days = self._sellers.get(employee, [])
        stores = {day.store for day in days}
        entries = [entry for store in stores for entry in self._daily.get(store, [])]
        metrics = employee_metrics(days, entries, employee, self.period, self.inputs.store_sums)
        self._employees[employee] = metrics
        return metrics

    def raw_inputs(self, employee: str, family: SourceKind) -> dict[str, Decimal]:
        """The employee's raw inputs of a family, keyed by input name."""
        return self._raw.get((employee, family.value), {})

    def tasks(self, employee: str) -> list[Task]:
        """The employee's duties and tasks of the period (as assignee)."""
        return self._tasks.get(employee, [])


FactReader = Callable[[Employee], Decimal | None]

# A computed fact (a ratio such as conversion 23.178…%) is rounded to hundredths before it
# is used, so that the fact a sheet prints or an export writes reproduces the index exactly.
COMPUTED_FACT_STEP = Decimal("0.01")


def _rounded(read: FactReader) -> FactReader:
    def rounded(employee: Employee) -> Decimal | None:
        value = read(employee)
        return None if value is None else round_to(value, COMPUTED_FACT_STEP)

    return rounded


def _by_store(read: FactReader) -> FactReader:
    """``read`` for a store metric, looked up once per store: every employee of a store
    has the same fact."""
    facts: dict[str | None, Decimal | None] = {}

    def by_store(employee: Employee) -> Decimal | None:
        store = employee.store
        if store in facts:
            return facts[store]
        value = facts[store] = read(employee)
        return value

    return by_store


def fact_reader(indicator: Indicator, book: PeriodBook) -> FactReader:
    """A function giving ``indicator``'s fact for any employee in the book's period.

    The source is looked at once, so reading the same indicator for many employees costs
    one call each. A metric its family does not know reads as ``None``.
    """
    source, code = indicator.source, indicator.code
    metric, kind = source.metric, source.kind
    if kind is SourceKind.MANUAL:
        facts = book.inputs.facts
        return lambda employee: facts.get((employee.name, code))
    if metric is None or metric not in KNOWN_METRICS.get(kind, ()):
        return lambda employee: None
    if kind is SourceKind.STORE:
        return _by_store(_rounded(lambda employee: getattr(book.store(employee.store), metric)))
    if kind is SourceKind.EMPLOYEE:
        return _rounded(lambda employee: getattr(book.seller(employee.name), metric))
    if kind is SourceKind.TASKS:
        return _rounded(
            lambda employee: task_metric(metric, book.tasks(employee.name), book.period)
        )
    return _rounded(
        lambda employee: family_metric(kind, metric, book.raw_inputs(employee.name, kind))
    )


BreakdownReader = Callable[[Employee], FactBreakdown | None]


def no_breakdown(employee: Employee) -> FactBreakdown | None:
    """The breakdown reader of a typed-in fact: none."""
    return None


def _interned(read: BreakdownReader) -> BreakdownReader:
    """``read`` giving one shared object for equal breakdowns (two employees with the same
    inputs share one row result, as with the same fact)."""
    seen: dict[FactBreakdown, FactBreakdown] = {}

    def interned(employee: Employee) -> FactBreakdown | None:
        found = read(employee)
        return None if found is None else seen.setdefault(found, found)

    return interned


def breakdown_reader(indicator: Indicator, book: PeriodBook) -> BreakdownReader:
    """A function giving what ``indicator``'s computed fact was computed from, for any
    employee (``core.fact_breakdown``): the same sums, counts or inputs as
    :func:`fact_reader`'s fact, whose ``fact`` is that fact. ``None`` for a typed-in fact
    and where there is no data."""
    source = indicator.source
    metric, kind = source.metric, source.kind
    if kind is SourceKind.MANUAL or metric is None or metric not in KNOWN_METRICS.get(kind, ()):
        return no_breakdown
    if kind is SourceKind.STORE:
        return lambda employee: book.store_breakdown(employee.store, metric)
    if kind is SourceKind.EMPLOYEE:
        return _interned(lambda employee: seller_breakdown(book.seller(employee.name), metric))
    if kind is SourceKind.TASKS:
        return _interned(
            lambda employee: task_breakdown(metric, book.tasks(employee.name), book.period)
        )
    return _interned(
        lambda employee: family_breakdown(kind, metric, book.raw_inputs(employee.name, kind))
    )


def fact_for(
    employee: Employee,
    indicator: Indicator,
    book: PeriodBook,
) -> Decimal | None:
    """The fact of ``indicator`` for ``employee`` in the book's period.

    Args:
        employee: whose fact (their store is used for ``store:`` sources).
        indicator: the indicator, whose source says where the fact comes from.
        book: the period's inputs, grouped.

    Returns:
        The fact, or ``None`` when there is no data for it.
    """
    return fact_reader(indicator, book)(employee)


def resolve_fact(
    employee: Employee, indicator: Indicator, period: Period, inputs: PeriodInputs
) -> Decimal | None:
    """:func:`fact_for` for a single look-up (builds a one-off :class:`PeriodBook`)."""
    return fact_for(employee, indicator, PeriodBook(inputs, period))

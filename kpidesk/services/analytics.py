"""Analytics use cases (SPEC §4.1, §4.6, §4.7): the dashboard, ratings over any range and
the data series the charts draw. Every figure comes from ``core`` (``core.ratings``,
``core.store_metrics``, ``core.compute``); this module only picks the data and the rules.
What a rating ranks by lives in ``analytics_measures``, the values of a non-KPI rating in
``analytics_scores``, the dashboard's data and missing items in ``analytics_dashboard``, the
chart series (pandas) in ``analytics_series``.

:class:`Analytics` wraps one :class:`CompanyService` and keeps the pay periods' results it
computed while the service's ``generation`` stays the same (the operations runner bumps it
on every change, so no caller has to clear this cache), so that the dashboard, a rating and
a KPI history do not recompute the same period. The inputs of the
periods computed last are kept too, so that the dashboard's store rows reuse the daily rows
the period's calculation read instead of reading them again.

A period's inputs and results are many thousands of small objects that live until the next
change; the cyclic garbage collector would scan them again and again while they are being
made (a third of the time at 10× the reference load), so it is paused meanwhile
(:func:`_collector_paused`) — none of them form reference cycles.

Must not: import Qt or matplotlib, format numbers for a screen, or write anything.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from kpidesk.core.company import PeriodInputs
from kpidesk.core.compute import PeriodKpis, compute_kpis
from kpidesk.core.indicators import SourceKind
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.ratings import (
    KPI,
    KPI_PLACES,
    Entry,
    Rating,
    RatingRow,
    Score,
    Subject,
    change_of,
    pay_periods_in,
    top_and_bottom,
    value_rating,
)
from kpidesk.core.ratings_kpi import company_kpi, employee_kpis, kpi_rating
from kpidesk.core.results import EmployeeResult, PeriodResult, Status
from kpidesk.core.rights import Right
from kpidesk.core.store_metrics import store_table
from kpidesk.core.store_sums import sums_table
from kpidesk.core.visibility import sees_results_of, sees_store
from kpidesk.services.analytics_dashboard import Dashboard, missing_items
from kpidesk.services.analytics_measures import Measure, find_measure, measures_of
from kpidesk.services.analytics_scores import NO_DEPARTMENT as NO_DEPARTMENT
from kpidesk.services.analytics_scores import measure_scores
from kpidesk.services.company import CompanyService
from kpidesk.services.period_status import PeriodStatus
from kpidesk.services.reporting import StoreReportRow

KEPT_INPUTS = 2  # the inputs of this many periods are kept (the current and previous one)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a period's objects are made; it resumes
    afterwards (only if this pause stopped it, so nested or concurrent pauses are safe)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Analytics:
    """The analytics of one open company, with the computed pay periods cached."""

    def __init__(self, service: CompanyService) -> None:
        self.service = service
        self._results: dict[Period, PeriodResult] = {}
        self._inputs: dict[Period, PeriodInputs] = {}
        self._kpis: dict[Period, PeriodKpis] = {}
        self._generation = service.generation

    def invalidate(self) -> None:
        """Forget computed periods now. Not needed after a change: the cache is keyed on
        ``CompanyService.generation`` and is dropped when it moves."""
        self._results.clear()
        self._inputs.clear()
        self._kpis.clear()
        self._generation = self.service.generation

    def _drop_if_stale(self) -> None:
        """Forget computed periods if the company changed since they were computed."""
        if self._generation != self.service.generation:
            self.invalidate()

    # --- periods --------------------------------------------------------------------------
    def result(self, period: Period) -> PeriodResult:
        """A pay period's results (cached); the same as ``CompanyService.compute_period``."""
        self._drop_if_stale()
        found = self._results.get(period)
        if found is None:
            with _collector_paused():
                found = self.service.compute_period(period)
            self._results[period] = found
            inputs = self.service.cached_inputs(period)
            if inputs is not None:
                self._keep_inputs(period, inputs)
        return found

    def pay_periods(self, period: Period) -> tuple[Period, ...]:
        """The pay periods a range is made of (see ``core.ratings.pay_periods_in``)."""
        return pay_periods_in(period, self.service.company().pay_period)

    def previous_pay_periods(self, period: Period) -> tuple[Period, ...]:
        """The pay periods of the previous equal range; for a range shorter than a pay
        period (which maps to the pay period it lies in), the previous pay period."""
        current = self.pay_periods(period)
        before = self.pay_periods(period.previous())
        if before == current:
            before = tuple(p.shifted(-len(current)) for p in current)
        return before

    # --- measures -------------------------------------------------------------------------
    def measures(self) -> list[Measure]:
        """KPI, every indicator of the company, then the store metrics."""
        return measures_of(self.service.company())

    def measure(self, code: str) -> Measure:
        """The measure with this code (``kpi``, an indicator code, a store metric name or
        ``store:<metric>``).

        Raises:
            UserError: no such indicator or metric.
        """
        return find_measure(self.measures(), code)

    # --- ratings --------------------------------------------------------------------------
    def rating(self, subject: Subject, measure: str | Measure, period: Period) -> Rating:
        """Rank employees, stores or departments by KPI or by a measure over a range.

        Args:
            subject: what to rank.
            measure: ``"kpi"``, an indicator code, a store metric, or a :class:`Measure`.
            period: any range (day, week, half-month, month, quarter, year, custom).

        Raises:
            UserError: an unknown measure.
        """
        with _collector_paused():  # thousands of rows and scores, no reference cycles
            return self._rating(subject, measure, period)

    def _rating(self, subject: Subject, measure: str | Measure, period: Period) -> Rating:
        chosen = measure if isinstance(measure, Measure) else self.measure(measure)
        if chosen.source == "kpi":
            # a KPI rating needs only the KPIs: the full results when computed, else the
            # KPI-only calculation (the same figures, a third of the cost)
            current = [self.kpis(p) for p in self.pay_periods(period)]
            previous = [self.kpis(p) for p in self.previous_pay_periods(period)]
            names = self._group_names(subject)
            return kpi_rating(
                subject, period, current, previous, names=names, no_group=NO_DEPARTMENT
            )
        now, overall = measure_scores(self, subject, chosen, period)
        before, _ = measure_scores(self, subject, chosen, period.previous())
        people: dict[str, Entry] = {}
        if subject is Subject.EMPLOYEE:
            for employee in self._employees(period):
                people[employee.name] = Entry(
                    employee.name,
                    Score(None),
                    position=employee.position,
                    store=employee.store,
                    department=employee.department,
                )
        return value_rating(
            subject,
            chosen.code,
            period,
            now,
            before,
            lower_is_better=chosen.lower_is_better,
            overall=overall,
            people=people,
        )

    def _group_names(self, subject: Subject) -> list[str]:
        company = self.service.company()
        if subject is Subject.STORE:
            actor = self.service.actor
            return [
                store.name
                for store in company.stores
                if not store.archived and sees_store(actor, store.name)
            ]
        if subject is Subject.DEPARTMENT:
            return [d.name for d in company.departments if not d.archived]
        return []

    def _employees(self, period: Period) -> list[Employee]:
        actor = self.service.actor
        return [
            employee
            for employee in self.service.company().employees
            if not employee.archived
            and employee.works_in(period)
            and sees_results_of(actor, employee)
        ]

    # --- dashboard ------------------------------------------------------------------------
    def dashboard(self, period: Period, today: date, store: str | None = None) -> Dashboard:
        """The dashboard of a pay period, optionally for one store.

        Args:
            period: the pay period the window shows.
            today: days from today on are not missing yet.
            store: only this store's line, employees and missing days (``None`` = all);
                the company KPI stays company-wide.
        """
        with _collector_paused():  # as in ``rating``
            return self._dashboard(period, today, store)

    def _dashboard(self, period: Period, today: date, store: str | None) -> Dashboard:
        actor = self.service.actor
        if not sees_store(actor, store):  # a manager's dashboard is their store's
            store = actor.store
        # the KPIs, statuses and missing facts are all it shows of the period's results:
        # the full results when cached, else the KPI-only calculation (the same figures)
        results = [self.kpis(p) for p in self.pay_periods(period)]
        company = company_kpi(results)
        # ranked on the current range only; the change is shown just for the ten people on
        # the dashboard, so only they are computed for the previous range (at 2 000
        # employees a whole previous period costs more than the rest of the dashboard)
        rating = kpi_rating(Subject.EMPLOYEE, period, results, [], no_group=NO_DEPARTMENT)
        status = self._period_status(period, today)
        stores = self.store_rows(period)
        employees_of_store: set[str] | None = None
        if store is not None:
            stores = [row for row in stores if row.store == store]
            employees_of_store = {
                e.name for e in self.service.company().employees if e.store == store
            }
            rating = Rating(
                rating.subject,
                rating.measure,
                rating.period,
                tuple(row for row in rating.rows if row.name in employees_of_store),
                rating.lower_is_better,
                tuple(name for name in rating.excluded if name in employees_of_store),
                rating.overall,
            )
        top, bottom = top_and_bottom(rating, 5)
        before = self._previous_kpis(period, {row.name for row in (*top, *bottom)})
        top = [_with_previous(row, before) for row in top]
        bottom = [_with_previous(row, before) for row in bottom]
        missing = missing_items(status, results, store, employees_of_store)
        return Dashboard(period, company, stores, top, bottom, rating, status, missing)

    def _period_status(self, period: Period, today: date) -> PeriodStatus:
        """``CompanyService.period_status`` from the period's KPIs (``kpis``) instead of its
        full results: the same status (compared by the tests)."""
        return self.service.status_of(period, today, self.kpis(period))

    def _previous_kpis(self, period: Period, names: set[str]) -> dict[str, Score]:
        """The KPI over the previous equal range of only these employees — from the cache
        when that range was computed already, else computed for them alone."""
        company = self.service.full_company()
        homes = {e.store for e in company.employees if e.name in names}
        stores: set[str] | None = {store for store in homes if store is not None}
        if None in homes or any(
            indicator.source.kind is SourceKind.EMPLOYEE for indicator in company.indicators
        ):
            stores = None  # all stores' rows: a seller's metrics read the stores they sold in
        return employee_kpis(
            [
                self.kpis(previous, lambda employee: employee.name in names, stores)
                for previous in self.previous_pay_periods(period)
            ]
        )

    def kpis(
        self,
        period: Period,
        keep: Callable[[Employee], bool] | None = None,
        stores: Collection[str] | None = None,
    ) -> PeriodResult | PeriodKpis:
        """Only the KPIs of a pay period, as the actor may see them: its full results when
        they are cached, else ``core.compute.compute_kpis`` (a third of the cost; no pay,
        needs or explanations) — what a rating needs of the previous range. Those of
        everyone are cached; with ``keep`` only the employees it accepts are computed, and
        with ``stores`` only those stores' daily rows are read (``keep`` must then accept
        only employees whose store metrics need no other store's rows)."""
        self._drop_if_stale()
        full = self._results.get(period)
        if full is not None:
            return full
        cached = self._kpis.get(period)
        if cached is not None:
            return cached
        actor = self.service.actor

        def shown(employee: Employee) -> bool:
            return sees_results_of(actor, employee) and (keep is None or keep(employee))

        frozen = self.service.snapshot(period)
        with _collector_paused():
            if frozen is not None:
                kpis = compute_kpis(frozen.company, period, frozen.inputs, shown)
            else:
                inputs = self.service.cached_inputs(period) or self._inputs.get(period)
                content = self.service.database.content
                if inputs is None and stores is not None:  # a few stores' rows: fewer
                    inputs = content.load_period_inputs(period, stores)
                elif inputs is None:  # the stores' sums are all a KPI needs of the rows
                    inputs = content.load_period_inputs(period, sums=True)
                    self._keep_inputs(period, inputs)
                kpis = compute_kpis(self.service.full_company(), period, inputs, shown)
        if keep is None:
            self._kpis[period] = kpis
        return kpis

    def _keep_inputs(self, period: Period, inputs: PeriodInputs) -> None:
        self._inputs[period] = inputs
        while len(self._inputs) > KEPT_INPUTS:
            del self._inputs[next(iter(self._inputs))]

    def store_rows(self, period: Period) -> list[StoreReportRow]:
        """Each store's metrics, then the company's (the rows of
        ``CompanyService.store_report``), from the daily rows of the period's calculation
        when it was just computed."""
        self._drop_if_stale()
        inputs = self._inputs.get(period)
        stores = [store.name for store in self.service.company().stores if not store.archived]
        if inputs is not None and inputs.store_sums is None:  # the period and previous one
            table = store_table(list(inputs.daily), list(inputs.plans), stores, period)
        else:  # the stores' sums: the same figures as from their rows (compared by tests)
            daily = self.service.database.daily
            plans = list(inputs.plans) if inputs is not None else daily.plans(period)
            sums = inputs.store_sums if inputs is not None else None
            table = sums_table(sums or daily.store_sums(period, plans), plans, stores, period)
        actor = self.service.actor
        return [
            StoreReportRow(name, metrics, plan)
            for name, metrics, plan in table
            if sees_store(actor, name)
        ]

    # --- chart data -----------------------------------------------------------------------
    def daily_series(self, store: str | None, period: Period, freq: str = "D") -> Any:
        """A store's (``None``: all stores') daily data over a range for a chart, as a
        ``pandas.DataFrame`` (see ``analytics_series.daily_series``).

        Raises:
            ValueError: an unknown ``freq``.
        """
        from kpidesk.services.analytics_series import daily_series

        self.service.require(Right.SEE_RESULTS, "see the stores' daily data", store=store)
        return daily_series(self.service.database, store, period, freq)

    def kpi_history(
        self, employee: str, period: Period, count: int = 12
    ) -> list[tuple[Period, Decimal | None]]:
        """An employee's KPI over the last ``count`` pay periods ending with ``period``,
        oldest first: the pay periods without a matrix for them (or when they did not work)
        are left out; ``None`` = the matrix was incomplete."""
        pay_period = self.pay_periods(period)[-1]
        history: list[tuple[Period, Decimal | None]] = []
        for step in range(count - 1, -1, -1):
            current = pay_period.shifted(-step)
            found = self.result(current).for_employee(employee)
            if found is None or found.matrix is None:
                continue
            complete = found.status is Status.COMPLETE
            value = found.kpi if found is not None and complete else None
            history.append((current, value))
        return history

    def plan_fact(self, employee: str, period: Period) -> EmployeeResult | None:
        """An employee's matrix computed for the (last) pay period of ``period``."""
        pay_period = self.pay_periods(period)[-1]
        return self.result(pay_period).for_employee(employee)

    def store_comparison(self, period: Period) -> list[StoreReportRow]:
        """Each store's metrics over a range (the company line excluded)."""
        return [row for row in self.store_rows(period) if row.store is not None]

    def employee_names(self, period: Period, store: str | None = None) -> list[str]:
        """Employees working in the range (of one store), in directory order."""
        return [e.name for e in self._employees(period) if store is None or e.store == store]

    def store_names(self) -> list[str]:
        """The stores that are not archived, in directory order."""
        return self._group_names(Subject.STORE)


def _with_previous(row: RatingRow, before: dict[str, Score]) -> RatingRow:
    previous = before.get(row.name, Score(None)).value
    return replace(row, previous=previous, change=change_of(row.value, previous, KPI_PLACES))


def rating_rows_json(rating: Rating) -> list[dict[str, object]]:
    """The rating's rows as the command line writes them: decimal strings, ``None`` = null,
    ``complete`` as ``"n/m"``. A KPI has three decimals (``"1.137"``), other values two; the
    change is the printed value minus the printed previous. An employee's row also names
    their position and store."""
    from kpidesk.core.money import plain
    from kpidesk.core.ratings import printed_places

    places = printed_places(rating.measure)
    rows: list[dict[str, object]] = []
    for row in rating.rows:
        item: dict[str, object] = {
            "rank": row.rank,
            "name": row.name,
            "value": plain(row.value, places),
            "previous": plain(row.previous, places),
            "change": plain(row.change, places),
            "complete": row.complete_text,
        }
        if rating.subject is Subject.EMPLOYEE:
            item["position"] = row.position
            item["store"] = row.store
        rows.append(item)
    return rows


def rating_company_json(rating: Rating) -> dict[str, object] | None:
    """The company entry of a rating (SPEC §2.9): for a KPI rating the company KPI (the mean
    of the departments' KPIs, «Без отдела» one of them) as ``kpi``, otherwise the company's
    figure as ``value``; with ``complete`` as ``"n/m"``. ``None`` when there is none (a
    reader who may not see the whole company)."""
    from kpidesk.core.money import plain
    from kpidesk.core.ratings import printed_places

    overall = rating.overall
    if overall is None:
        return None
    key = "kpi" if rating.measure == KPI else "value"
    return {
        key: plain(overall.value, printed_places(rating.measure)),
        "complete": overall.complete_text,
    }

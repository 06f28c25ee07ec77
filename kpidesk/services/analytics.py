"""Analytics use cases (SPEC §4.1, §4.6, §4.7): the dashboard, ratings over any range and
the data series the charts draw. Every figure comes from ``core`` (``core.ratings``,
``core.store_metrics``, ``core.compute``); this module only picks the data and the rules.

:class:`Analytics` wraps one :class:`CompanyService` and keeps the pay periods' results it
computed until :meth:`Analytics.invalidate` (the GUI calls it on every change), so that the
dashboard, a rating and a KPI history do not recompute the same period.

pandas is used only for the daily chart series (weekly and monthly aggregation) and is
imported inside :meth:`Analytics.daily_series`, never at module import: the window must
start without it (SPEC §9).

Must not: import Qt or matplotlib, format numbers for a screen, or write anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kpidesk.core.indicators import STORE_METRICS, Indicator, SourceKind
from kpidesk.core.matrix import matrix_in_force
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.ratings import (
    KPI,
    Rating,
    RatingRow,
    Score,
    StoreSet,
    Subject,
    company_kpi,
    fact_scores,
    group_means,
    kpi_rating,
    lower_is_better,
    pay_periods_in,
    seller_scores,
    store_scores,
    top_and_bottom,
    value_rating,
)
from kpidesk.core.results import EmployeeResult, PeriodResult
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.reporting import StoreReportRow

if TYPE_CHECKING:
    from kpidesk.services.period_status import PeriodStatus

# Store metrics a rating can use without an indicator (the dashboard's and `report stores`'
# metrics); lower is better for none of them.
RATING_STORE_METRICS: tuple[str, ...] = (
    "revenue",
    "receipts",
    "visitors",
    "conversion",
    "avg_check",
    "upt",
    "revenue_per_visitor",
    "sales_dynamics",
    "plan_completion",
)
STORE_METRIC_NAMES: dict[str, str] = {
    "revenue": "Revenue",
    "receipts": "Receipts",
    "visitors": "Visitors",
    "conversion": "Conversion",
    "avg_check": "Average check",
    "upt": "Units per receipt",
    "revenue_per_visitor": "Revenue per visitor",
    "sales_dynamics": "Sales dynamics",
    "plan_completion": "Plan completion",
}
STORE_METRIC_UNITS: dict[str, str] = {
    "revenue": "₽",
    "receipts": "шт.",
    "visitors": "",
    "conversion": "%",
    "avg_check": "₽",
    "upt": "шт.",
    "revenue_per_visitor": "₽",
    "sales_dynamics": "%",
    "plan_completion": "%",
}
NO_DEPARTMENT = "—"


@dataclass(frozen=True)
class Measure:
    """What a rating ranks by.

    Attributes:
        code: ``"kpi"``, an indicator code, or ``"store:<metric>"`` for a store metric
            without an indicator.
        name: the indicator's name (the company's words) or, for KPI and store metrics, an
            English name a GUI translates.
        unit: ``₽``, ``%``, ``шт.``, … (``""`` for KPI, a ratio).
        source: how the value is found: ``"kpi"``, ``"store"`` (a store metric over the
            range, ratio of sums), ``"seller"`` (a seller's own metric), ``"fact"`` (the
            pay periods' facts).
        metric: the store or seller metric (``store``/``seller`` sources).
        lower_is_better: ranks the lowest value first.
        indicator: the indicator, when the measure is one.
    """

    code: str
    name: str
    unit: str
    source: str
    metric: str | None = None
    lower_is_better: bool = False
    indicator: Indicator | None = None


@dataclass(frozen=True)
class MissingItem:
    """Something still missing for the period, and where it is fixed.

    ``kind``: ``"days"`` (a store's days without daily data: ``store``, ``days``),
    ``"fact"`` (a manual fact: ``employee``, ``indicator``), ``"matrix"`` (an incomplete
    matrix without a missing manual fact: ``employee``, ``reason`` = the missing codes).
    ``section``/``target`` are what ``MainWindow.show_section`` takes.
    """

    kind: str
    section: str
    target: dict[str, object]
    store: str | None = None
    employee: str | None = None
    indicator: str | None = None
    days: tuple[date, ...] = ()
    reason: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for a period.

    Attributes:
        period: the pay period.
        company: the company KPI with the complete matrices (company-wide).
        stores: each store's metrics (revenue, plan, completion, dynamics; the same rows as
            ``kpidesk report stores``); the company line (store ``None``) last unless a
            store is chosen.
        top: the best five employees by KPI; bottom: the worst five.
        rating: the whole employee KPI rating the top and bottom come from.
        status: the period's status (locked, counts).
        missing: what is missing, each with the place that fixes it.
    """

    period: Period
    company: Score
    stores: list[StoreReportRow]
    top: list[RatingRow]
    bottom: list[RatingRow]
    rating: Rating
    status: PeriodStatus
    missing: list[MissingItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing to show: no employees and no store data."""
        return self.status.employees == 0 and all(
            row.metrics.revenue is None for row in self.stores
        )


class Analytics:
    """The analytics of one open company, with the computed pay periods cached."""

    def __init__(self, service: CompanyService) -> None:
        self.service = service
        self._results: dict[Period, PeriodResult] = {}

    def invalidate(self) -> None:
        """Forget computed periods (after any change of data)."""
        self._results.clear()

    # --- periods --------------------------------------------------------------------------
    def result(self, period: Period) -> PeriodResult:
        """A pay period's results (cached)."""
        found = self._results.get(period)
        if found is None:
            found = self.service.compute_period(period)
            self._results[period] = found
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
        company = self.service.company()
        found = [Measure(KPI, "KPI", "", "kpi")]
        codes = set()
        for indicator in company.indicators:
            if indicator.archived:
                continue
            codes.add(indicator.code)
            found.append(self._indicator_measure(indicator))
        for metric in RATING_STORE_METRICS:
            code = metric if metric not in codes else f"store:{metric}"
            found.append(
                Measure(
                    code, STORE_METRIC_NAMES[metric], STORE_METRIC_UNITS[metric], "store", metric
                )
            )
        return found

    def _indicator_measure(self, indicator: Indicator) -> Measure:
        source = indicator.source
        lower = lower_is_better(self.service.company().matrices, indicator.code)
        if source.kind is SourceKind.STORE and source.metric in STORE_METRICS:
            kind, metric = "store", source.metric
        elif source.kind is SourceKind.EMPLOYEE and source.metric is not None:
            kind, metric = "seller", source.metric
        else:
            kind, metric = "fact", None
        return Measure(
            indicator.code, indicator.name, indicator.unit, kind, metric, lower, indicator
        )

    def measure(self, code: str) -> Measure:
        """The measure with this code (``kpi``, an indicator code, a store metric name or
        ``store:<metric>``).

        Raises:
            UserError: no such indicator or metric.
        """
        wanted = code.strip()
        measures = self.measures()
        for measure in measures:
            if measure.code == wanted or (
                measure.source == "store"
                and measure.indicator is None
                and wanted in (measure.metric, f"store:{measure.metric}")
            ):
                return measure
        known = ", ".join(m.code for m in measures)
        raise UserError(f"unknown indicator {code!r} (known: {known})")

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
        chosen = measure if isinstance(measure, Measure) else self.measure(measure)
        if chosen.source == "kpi":
            current = [self.result(p) for p in self.pay_periods(period)]
            previous = [self.result(p) for p in self.previous_pay_periods(period)]
            names = self._group_names(subject)
            return kpi_rating(
                subject, period, current, previous, names=names, no_group=NO_DEPARTMENT
            )
        now, overall = self._scores(subject, chosen, period)
        before, _ = self._scores(subject, chosen, period.previous())
        return value_rating(
            subject,
            chosen.code,
            period,
            now,
            before,
            lower_is_better=chosen.lower_is_better,
            overall=overall,
        )

    def _group_names(self, subject: Subject) -> list[str]:
        company = self.service.company()
        if subject is Subject.STORE:
            return [store.name for store in company.stores if not store.archived]
        if subject is Subject.DEPARTMENT:
            return [d.name for d in company.departments if not d.archived]
        return []

    def _employees(self, period: Period) -> list[Employee]:
        return [
            employee
            for employee in self.service.company().employees
            if not employee.archived and employee.works_in(period)
        ]

    def _rated_employees(self, measure: Measure, period: Period) -> list[Employee]:
        """Employees a measure applies to: for an indicator, those whose matrix in one of
        the range's pay periods has it; for a bare store metric, those with a store."""
        employees = self._employees(period)
        if measure.indicator is None:
            return [employee for employee in employees if employee.store is not None]
        matrices = self.service.company().matrices
        code = measure.indicator.code
        rated = []
        for employee in employees:
            for pay_period in self.pay_periods(period):
                matrix = matrix_in_force(matrices, employee.name, employee.position, pay_period)
                if matrix is not None and any(row.indicator == code for row in matrix.rows):
                    rated.append(employee)
                    break
        return rated

    def _scores(
        self, subject: Subject, measure: Measure, period: Period
    ) -> tuple[dict[str, Score], Score | None]:
        """Each subject's value of a (non-KPI) measure over a range, and the company's."""
        database = self.service.database
        if measure.source == "store":
            assert measure.metric is not None
            groups: dict[str, StoreSet] = {}
            if subject is Subject.STORE:
                groups = {name: frozenset({name}) for name in self._group_names(subject)}
            elif subject is Subject.DEPARTMENT:
                groups = self._department_stores(period)
            else:
                for employee in self._rated_employees(measure, period):
                    store = employee.store
                    groups[employee.name] = frozenset({store}) if store is not None else None
            groups_with_total: dict[str, StoreSet] = {**groups, "\0company": None}
            entries = database.daily_rows(period.previous().start, period.end)
            plans = database.plans(period)
            scores = store_scores(entries, groups_with_total, period, measure.metric, plans)
            overall = scores.pop("\0company")
            return scores, overall
        employees = self._rated_employees(measure, period)
        if measure.source == "seller":
            assert measure.metric is not None
            seller_days = database.seller_days(period.start, period.end)
            entries = database.daily_rows(period.start, period.end)
            values = seller_scores(
                seller_days, entries, [e.name for e in employees], period, measure.metric
            )
        else:
            assert measure.indicator is not None
            results = [self.result(p) for p in self.pay_periods(period)]
            found = fact_scores(results, measure.indicator.code)
            values = {e.name: found.get(e.name, Score(None)) for e in employees}
        everyone = group_means(values, dict.fromkeys(values, "*"))
        company_score = everyone.get("*")
        if subject is Subject.EMPLOYEE:
            return values, company_score
        if subject is Subject.STORE:
            group_of = {e.name: e.store for e in employees}
        else:
            group_of = {e.name: e.department for e in employees}
        means = group_means(values, group_of, self._group_names(subject))
        if subject is Subject.STORE:
            means.pop(None, None)
        return {
            (name if name is not None else NO_DEPARTMENT): score for name, score in means.items()
        }, company_score

    def _department_stores(self, period: Period) -> dict[str, StoreSet]:
        """Each department's stores: the stores of its employees (employees without a store
        add none, so a department without store staff has no store data)."""
        stores: dict[str | None, set[str]] = {
            name: set() for name in self._group_names(Subject.DEPARTMENT)
        }
        for employee in self._employees(period):
            found = stores.setdefault(employee.department, set())
            if employee.store is not None:
                found.add(employee.store)
        return {
            (name if name is not None else NO_DEPARTMENT): frozenset(found)
            for name, found in stores.items()
        }

    # --- dashboard ------------------------------------------------------------------------
    def dashboard(self, period: Period, today: date, store: str | None = None) -> Dashboard:
        """The dashboard of a pay period, optionally for one store.

        Args:
            period: the pay period the window shows.
            today: days from today on are not missing yet.
            store: only this store's line, employees and missing days (``None`` = all);
                the company KPI stays company-wide.
        """
        results = [self.result(p) for p in self.pay_periods(period)]
        company = company_kpi(results)
        rating = self.rating(Subject.EMPLOYEE, KPI, period)
        status = self.service.period_status(period, today, self.result(period))
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
        missing = self._missing(status, results, store, employees_of_store)
        return Dashboard(period, company, stores, top, bottom, rating, status, missing)

    def _missing(
        self,
        status: PeriodStatus,
        results: Sequence[PeriodResult],
        store: str | None,
        employees: set[str] | None,
    ) -> list[MissingItem]:
        items: list[MissingItem] = []
        for name, days in status.missing_days.items():
            if store is not None and name != store:
                continue
            items.append(
                MissingItem(
                    "days",
                    "month_grid",
                    {"store": name, "day": days[0]},
                    store=name,
                    days=tuple(days),
                )
            )
        with_fact: set[str] = set()
        for fact in status.missing_facts:
            if employees is not None and fact.employee not in employees:
                continue
            with_fact.add(fact.employee)
            items.append(
                MissingItem(
                    "fact",
                    "facts",
                    {"employee": fact.employee},
                    employee=fact.employee,
                    indicator=fact.indicator,
                )
            )
        reasons: dict[str, tuple[str, ...]] = {}
        for result in results:
            for employee in result.employees:
                if employee.pay is None:
                    reasons.setdefault(employee.employee.name, employee.missing)
        for name in status.incomplete:
            if name in with_fact or (employees is not None and name not in employees):
                continue
            items.append(
                MissingItem(
                    "matrix",
                    "matrix",
                    {"employee": name},
                    employee=name,
                    reason=reasons.get(name, ()),
                )
            )
        return items

    def store_rows(self, period: Period) -> list[StoreReportRow]:
        """Each store's metrics, then the company's (``CompanyService.store_report``)."""
        return self.service.store_report(period)

    # --- chart data -----------------------------------------------------------------------
    def daily_series(self, store: str | None, period: Period, freq: str = "D") -> Any:
        """A store's (``None``: all stores') daily data over a range for a chart.

        Args:
            store: the store, or ``None`` for every store together.
            period: the range of days.
            freq: ``"D"`` (by day), ``"W"`` (ISO weeks, labelled by their Monday) or
                ``"M"`` (calendar months, labelled by their first day).

        Returns:
            A ``pandas.DataFrame`` indexed by day (or bucket start) with float columns
            ``revenue``, ``receipts``, ``visitors``, ``plan`` (the revenue plan spread evenly
            over each plan period's days), ``conversion`` (% — Σ receipts / Σ visitors of
            the bucket, a ratio of sums) and, by day, a bool ``weekend``. Missing days are
            NaN, never 0; an empty frame when the range has no data and no plan.

        Raises:
            ValueError: an unknown ``freq``.
        """
        import numpy as np
        import pandas as pd

        if freq not in ("D", "W", "M"):
            raise ValueError(f"unknown aggregation {freq!r} (expected D, W or M)")
        database = self.service.database
        stores = [store] if store is not None else None
        entries = database.daily_rows(period.start, period.end, stores)
        index = pd.date_range(period.start, period.end, freq="D")
        frame = pd.DataFrame(
            np.nan, index=index, columns=["revenue", "receipts", "visitors", "plan"]
        )
        if entries:
            data = pd.DataFrame(
                {
                    "day": pd.to_datetime([entry.day for entry in entries]),
                    "revenue": [float(entry.revenue) for entry in entries],
                    "receipts": [float(entry.receipts) for entry in entries],
                    "visitors": [float(entry.visitors) for entry in entries],
                }
            )
            summed = data.groupby("day").sum()
            frame.loc[summed.index, ["revenue", "receipts", "visitors"]] = summed.to_numpy()
        plan = np.zeros(len(index))
        has_plan = np.zeros(len(index), dtype=bool)
        for item in database.plans(period):
            if store is not None and item.store != store:
                continue
            first = max(item.period.start, period.start)
            last = min(item.period.end, period.end)
            if last < first:
                continue
            lo = (first - period.start).days
            hi = (last - period.start).days + 1
            plan[lo:hi] += float(item.revenue) / item.period.length
            has_plan[lo:hi] = True
        frame["plan"] = np.where(has_plan, plan, np.nan)
        if not entries and not has_plan.any():
            return frame.iloc[0:0]
        if freq == "D":
            frame["conversion"] = frame["receipts"] / frame["visitors"].where(frame["visitors"] > 0)
            frame["conversion"] *= 100.0
            frame["weekend"] = frame.index.day_of_week >= 5
            return frame
        rule = "W-MON" if freq == "W" else "MS"
        if freq == "W":
            grouped = frame.resample(rule, label="left", closed="left")
        else:
            grouped = frame.resample(rule)
        result = grouped.sum(min_count=1)
        result["conversion"] = (
            result["receipts"] / result["visitors"].where(result["visitors"] > 0) * 100.0
        )
        return result

    def kpi_history(
        self, employee: str, period: Period, count: int = 12
    ) -> list[tuple[Period, Decimal | None]]:
        """An employee's KPI over the last ``count`` pay periods ending with ``period``
        (``None`` = incomplete or not working then), oldest first."""
        pay_period = self.pay_periods(period)[-1]
        history: list[tuple[Period, Decimal | None]] = []
        for step in range(count - 1, -1, -1):
            current = pay_period.shifted(-step)
            found = self.result(current).for_employee(employee)
            value = found.kpi if found is not None and found.pay is not None else None
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


def rating_rows_json(rating: Rating) -> list[dict[str, object]]:
    """The rating's rows as the command line writes them: decimal strings, ``None`` = null,
    ``complete`` as ``"n/m"``. A KPI has three decimals (``"1.137"``), other values two."""
    from kpidesk.core.money import plain

    places = 3 if rating.measure == KPI else 2
    return [
        {
            "rank": row.rank,
            "name": row.name,
            "value": plain(row.value, places) if row.value is not None else None,
            "previous": plain(row.previous, places) if row.previous is not None else None,
            "change": plain(row.change, places) if row.change is not None else None,
            "complete": row.complete_text,
        }
        for row in rating.rows
    ]

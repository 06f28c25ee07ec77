"""The values a non-KPI rating ranks by (SPEC §4.6): each rated subject's score of an
indicator or a store metric over a range, and the company's — the employees a measure
applies to, the stores a department's figures come from, and the means of the groups.
The figures come from ``core.ratings_values``; :class:`~kpidesk.services.analytics.Analytics`
supplies the cached pay periods and who the actor may see.

Must not: import Qt, format numbers for a screen, or write anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpidesk.core.matrix import matrix_in_force
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.ratings import Score, Subject
from kpidesk.core.ratings_values import (
    StoreSet,
    fact_scores,
    group_means,
    seller_scores,
    store_scores,
)
from kpidesk.core.visibility import sees_store
from kpidesk.services.analytics_measures import Measure

if TYPE_CHECKING:
    from kpidesk.services.analytics import Analytics

NO_DEPARTMENT = "Без отдела"  # employees without a department: one group (SPEC §2.9)


def rated_employees(analytics: Analytics, measure: Measure, period: Period) -> list[Employee]:
    """Employees a measure applies to: for an indicator, those whose matrix in one of
    the range's pay periods has it; for a bare store metric, those with a store."""
    employees = analytics._employees(period)
    if measure.indicator is None:
        return [employee for employee in employees if employee.store is not None]
    matrices = analytics.service.company().matrices
    code = measure.indicator.code
    rated = []
    for employee in employees:
        for pay_period in analytics.pay_periods(period):
            matrix = matrix_in_force(matrices, employee.name, employee.position, pay_period)
            if matrix is not None and any(row.indicator == code for row in matrix.rows):
                rated.append(employee)
                break
    return rated


def measure_scores(
    analytics: Analytics, subject: Subject, measure: Measure, period: Period
) -> tuple[dict[str, Score], Score | None]:
    """Each subject's value of a (non-KPI) measure over a range, and the company's."""
    database = analytics.service.database
    if measure.source == "store":
        assert measure.metric is not None
        groups: dict[str, StoreSet] = {}
        if subject is Subject.STORE:
            groups = {name: frozenset({name}) for name in analytics._group_names(subject)}
        elif subject is Subject.DEPARTMENT:
            groups = department_stores(analytics, period)
        else:
            for employee in rated_employees(analytics, measure, period):
                store = employee.store
                groups[employee.name] = frozenset({store}) if store is not None else None
        groups_with_total: dict[str, StoreSet] = {**groups, "\0company": None}
        entries = database.daily.daily_rows(period.previous().start, period.end)
        plans = database.daily.plans(period)
        scores = store_scores(entries, groups_with_total, period, measure.metric, plans)
        overall = scores.pop("\0company")
        return scores, overall if sees_store(analytics.service.actor, None) else None
    employees = rated_employees(analytics, measure, period)
    if measure.source == "seller":
        assert measure.metric is not None
        seller_days = database.daily.seller_days(period.start, period.end)
        entries = database.daily.daily_rows(period.start, period.end)
        values = seller_scores(
            seller_days, entries, [e.name for e in employees], period, measure.metric
        )
    else:
        assert measure.indicator is not None
        results = [analytics.result(p) for p in analytics.pay_periods(period)]
        found = fact_scores(results, measure.indicator.code)
        values = {e.name: found.get(e.name, Score(None)) for e in employees}
    everyone = group_means(values, dict.fromkeys(values, "*"))
    company_score = everyone.get("*") if sees_store(analytics.service.actor, None) else None
    if subject is Subject.EMPLOYEE:
        return values, company_score
    if subject is Subject.STORE:
        group_of = {e.name: e.store for e in employees}
    else:
        group_of = {e.name: e.department for e in employees}
    means = group_means(values, group_of, analytics._group_names(subject))
    if subject is Subject.STORE:
        means.pop(None, None)
    return {
        (name if name is not None else NO_DEPARTMENT): score for name, score in means.items()
    }, company_score


def department_stores(analytics: Analytics, period: Period) -> dict[str, StoreSet]:
    """Each department's stores: the stores of its employees (employees without a store
    add none, so a department without store staff has no store data)."""
    stores: dict[str | None, set[str]] = {
        name: set() for name in analytics._group_names(Subject.DEPARTMENT)
    }
    for employee in analytics._employees(period):
        found = stores.setdefault(employee.department, set())
        if employee.store is not None:
            found.add(employee.store)
    return {
        (name if name is not None else NO_DEPARTMENT): frozenset(found)
        for name, found in stores.items()
    }

"""KPI roll-ups over a range (SPEC §2.9): an employee's KPI as the mean of their complete
pay-period KPIs, a group's (store's, department's) KPI per pay period as the mean of its
members' and then over the periods, the company KPI as the mean of the departments', and
the KPI rating built from them. The rules are those of ``core.ratings``.

Must not: read storage, format text for a screen, or know about Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from kpidesk.core.compute import PeriodKpis
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.ratings import (
    KPI,
    KPI_PLACES,
    Entry,
    Rating,
    Score,
    Subject,
    mean_kpi,
    rank,
)
from kpidesk.core.results import PeriodResult, Status

GroupOf = Callable[[Employee], str | None]
# a pay period's full results, or only its KPIs (enough for the previous range of a rating)
KpiResults = PeriodResult | PeriodKpis


def employee_kpis(results: Sequence[KpiResults]) -> dict[str, Score]:
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
            if employee.status is Status.COMPLETE and employee.kpi is not None:
                bucket.append(employee.kpi)
    single: dict[Decimal, Decimal | None] = {}  # one period's mean: the KPI rounded, once
    scores: dict[str, Score] = {}
    for name, kpis in values.items():
        if len(kpis) == 1:  # the mean depends on the value only, not its exponent
            mean = single.get(kpis[0])
            if mean is None:
                mean = single[kpis[0]] = mean_kpi(kpis)
        else:
            mean = mean_kpi(kpis)
        scores[name] = Score(mean, len(kpis), worked[name])
    return scores


def group_kpis(results: Sequence[KpiResults], group_of: GroupOf) -> dict[str | None, Score]:
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
            if employee.status is Status.COMPLETE and employee.kpi is not None:
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


def company_kpi(results: Sequence[KpiResults], group_of: GroupOf | None = None) -> Score:
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
    current: Sequence[KpiResults],
    previous: Sequence[KpiResults],
    *,
    names: Sequence[str] = (),
    no_group: str = "—",
) -> Rating:
    """A KPI rating over a range.

    Args:
        subject: employees, stores or departments.
        period: the range (only recorded in the result).
        current: the results (or only the KPIs) of the pay periods of the range
            (:func:`pay_periods_in`).
        previous: the results (or only the KPIs) of the pay periods of the previous
            equal range.
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
        people = _people(current)
        entries = [
            Entry(
                name,
                score,
                before.get(name, Score(None)),
                people[name].position,
                people[name].store,
                people[name].department,
            )
            for name, score in now.items()
            if score.value is not None
        ]
        excluded = tuple(name for name, score in now.items() if score.value is None)
        ranked = rank(entries, places=KPI_PLACES)
        return Rating(subject, KPI, period, ranked, False, excluded, overall)
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
    return Rating(subject, KPI, period, rank(entries, places=KPI_PLACES), False, (), overall)


def _people(results: Sequence[KpiResults]) -> dict[str, Employee]:
    """Each employee as of the last pay period they appear in."""
    found: dict[str, Employee] = {}
    for result in results:
        for employee in result.employees:
            found[employee.employee.name] = employee.employee
    return found

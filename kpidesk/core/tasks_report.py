"""The personal period report of seed 002: for one employee, their duties and tasks open /
done / accepted, the tasks waiting for their acceptance, their overdue items, their KPI for
the period and the average over the last six periods, and what each item still open would
cost in the bonus if it stayed open.

The cost of an item is found by computing the employee's pay twice with ``core.compute``:
as things stand, and with that one item accepted on its due date (everything else
unchanged); the difference in the bonus is what closing it is worth. An employee whose
matrix has no ``tasks:`` row loses nothing (cost 0); one whose matrix is incomplete has no
cost (``None``).

Must not: read storage, know about Qt, or change tasks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_employee
from kpidesk.core.indicators import SourceKind
from kpidesk.core.money import ZERO, round_kpi
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.results import EmployeeResult, PeriodResult
from kpidesk.core.tasks import Task, TaskKind, TaskStatus, open_at_close_parts
from kpidesk.core.tasks_filters import assigned_to, overdue_items, waiting_for

AVERAGE_PERIODS = 6


@dataclass(frozen=True)
class ItemCost:
    """What an item still open costs in the bonus if it stays open (``None``: the bonus
    cannot be computed — an incomplete matrix)."""

    task: Task
    cost: Decimal | None


@dataclass(frozen=True)
class PersonalReport:
    """One employee's personal period report (seed 002).

    Attributes:
        employee: whose report.
        period: the period.
        as_of: the day overdue is counted on.
        items: every duty and task they do in the period.
        to_accept: done tasks waiting for their acceptance (as a controller).
        overdue: their open items past due on ``as_of``, most overdue first.
        kpi: their KPI for the period (``None`` when incomplete).
        bonus: their bonus for the period (``None`` when incomplete).
        average_kpi: the mean KPI of the last six periods with a KPI (rounded to 0.1 %).
        kpi_periods: how many of those six periods had a KPI.
        costs: for each item not yet accepted, its cost in the bonus.
    """

    employee: str
    period: Period
    as_of: date
    items: tuple[Task, ...]
    to_accept: tuple[Task, ...]
    overdue: tuple[Task, ...]
    kpi: Decimal | None
    bonus: Decimal | None
    average_kpi: Decimal | None
    kpi_periods: int
    costs: tuple[ItemCost, ...]

    def of(self, kind: TaskKind, status: TaskStatus) -> tuple[Task, ...]:
        """Their items of one kind in one status."""
        return tuple(t for t in self.items if t.kind is kind and t.status is status)

    def count(self, kind: TaskKind, status: TaskStatus) -> int:
        """How many of their items of one kind are in one status."""
        return len(self.of(kind, status))

    @property
    def left(self) -> tuple[Task, ...]:
        """Their items not yet accepted (open or done)."""
        return tuple(t for t in self.items if t.status is not TaskStatus.ACCEPTED)

    @property
    def open_at_close(self) -> tuple[int, int]:
        """``tasks:open_at_close`` of the period split: (still open, done and waiting for
        acceptance) at the period's end; their sum is the metric a matrix uses."""
        return open_at_close_parts(self.items, self.period)

    @property
    def total_cost(self) -> Decimal | None:
        """What all open items together cost, each counted alone (``None`` if unknown)."""
        if any(item.cost is None for item in self.costs):
            return None
        return sum((item.cost or ZERO for item in self.costs), ZERO)

    def cost_of(self, task: Task) -> Decimal | None:
        """The cost of one of the open items (``None`` when unknown or not open)."""
        for item in self.costs:
            if item.task.key == task.key:
                return item.cost
        return None


def average_kpi(results: Sequence[EmployeeResult | None]) -> tuple[Decimal | None, int]:
    """The mean of the KPIs that exist among ``results`` (rounded to 0.1 %) and how many
    there were; ``(None, 0)`` when none."""
    kpis = [r.kpi for r in results if r is not None and r.kpi is not None]
    if not kpis:
        return None, 0
    return round_kpi(sum(kpis, ZERO) / Decimal(len(kpis))), len(kpis)


def _bonus(result: EmployeeResult) -> Decimal | None:
    return result.pay.bonus if result.pay is not None else None


def item_costs(
    company: Company,
    employee: Employee,
    period: Period,
    inputs: PeriodInputs,
    current: EmployeeResult,
) -> tuple[ItemCost, ...]:
    """For each of ``employee``'s items in ``inputs.tasks`` not yet accepted, the bonus lost
    if it stays open: bonus with it accepted on its due date − bonus as things stand."""
    base = _bonus(current)
    uses_tasks = current.matrix is not None and any(
        row.indicator is not None and row.indicator.source.kind is SourceKind.TASKS
        for row in current.rows
    )
    costs: list[ItemCost] = []
    for index, task in enumerate(inputs.tasks):
        if task.assignee != employee.name or task.status is TaskStatus.ACCEPTED:
            continue
        if task.period != period:
            continue
        if base is None:
            costs.append(ItemCost(task, None))
            continue
        if not uses_tasks:
            costs.append(ItemCost(task, ZERO))
            continue
        accepted = replace(
            task,
            status=TaskStatus.ACCEPTED,
            done_on=task.done_on or min(task.due, period.end),
            accepted_on=min(task.due, period.end),
        )
        tasks = (*inputs.tasks[:index], accepted, *inputs.tasks[index + 1 :])
        closed = compute_employee(company, employee, period, replace(inputs, tasks=tasks))
        better = _bonus(closed)
        costs.append(ItemCost(task, None if better is None else max(better - base, ZERO)))
    return tuple(costs)


def personal_report(
    company: Company,
    employee: Employee,
    period: Period,
    inputs: PeriodInputs,
    history: Sequence[PeriodResult],
    as_of: date,
) -> PersonalReport:
    """Build one employee's personal period report.

    Args:
        company: directories and matrices (for the KPI and the costs).
        employee: whose report.
        period: the payroll period.
        inputs: the period's inputs, ``tasks`` holding every task of the period.
        history: ``compute_period`` results of the period and the ones before it; the
            last six periods up to ``period`` make the average KPI.
        as_of: the day overdue is counted on.
    """
    tasks = [t for t in inputs.tasks if t.period == period]
    mine = assigned_to(tasks, employee.name)
    current = compute_employee(company, employee, period, inputs)
    recent = sorted(
        (r for r in history if r.period.start <= period.start), key=lambda r: r.period.start
    )[-AVERAGE_PERIODS:]
    results: list[EmployeeResult | None] = [r.for_employee(employee.name) for r in recent]
    if not any(r.period == period for r in recent):
        results = [*results[-(AVERAGE_PERIODS - 1) :], current]
    average, count = average_kpi(results)
    return PersonalReport(
        employee=employee.name,
        period=period,
        as_of=as_of,
        items=tuple(sorted(mine, key=lambda t: (t.kind.value, t.due, t.title))),
        to_accept=tuple(waiting_for(tasks, employee.name)),
        overdue=tuple(overdue_items(mine, as_of)),
        kpi=current.kpi,
        bonus=_bonus(current),
        average_kpi=average,
        kpi_periods=count,
        costs=item_costs(company, employee, period, inputs, current),
    )

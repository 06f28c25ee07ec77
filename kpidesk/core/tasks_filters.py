"""The three filters of seed 002 over a period's duties and tasks: by assignee (my tasks:
total, done, left), by controller (waiting for my acceptance) and debtors (overdue, by
employee, with how many days), as count lines and as the lists behind each count.

Must not: change tasks, read storage or know about Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from kpidesk.core.periods import Period
from kpidesk.core.tasks import Task, TaskStatus


# --- filters --------------------------------------------------------------------------------
class Grouping(Enum):
    """The three filters of the seed."""

    ASSIGNEE = "assignee"
    CONTROLLER = "controller"
    DEBTORS = "debtors"


@dataclass(frozen=True)
class TaskCounts:
    """One employee's line of a filter.

    For ``assignee`` and ``debtors`` the counts are over the tasks they do; for
    ``controller`` over the tasks they control. ``to_accept`` is always the number of done
    tasks waiting for *their* acceptance; ``overdue`` and ``max_days_overdue`` are as of the
    filter's day.
    """

    employee: str
    total: int = 0
    open: int = 0
    done: int = 0
    accepted: int = 0
    overdue: int = 0
    max_days_overdue: int = 0
    to_accept: int = 0

    @property
    def left(self) -> int:
        """Not yet accepted (open + done): what is left to close."""
        return self.open + self.done


def default_as_of(period: Period, today: date) -> date:
    """The day overdue is counted on: today, or the period's end if it is earlier."""
    return min(today, period.end)


def assigned_to(tasks: Iterable[Task], employee: str) -> list[Task]:
    """The tasks ``employee`` does (filter 1: by assignee)."""
    return [task for task in tasks if task.assignee == employee]


def controlled_by(tasks: Iterable[Task], employee: str) -> list[Task]:
    """The tasks ``employee`` controls."""
    return [task for task in tasks if task.controller == employee]


def waiting_for(tasks: Iterable[Task], controller: str) -> list[Task]:
    """Done tasks waiting for ``controller``'s acceptance (filter 2: by controller)."""
    return [t for t in tasks if t.controller == controller and t.status is TaskStatus.DONE]


def overdue_items(tasks: Iterable[Task], as_of: date, employee: str | None = None) -> list[Task]:
    """Open tasks past due on ``as_of`` (filter 3: debtors), most overdue first; only
    ``employee``'s when given."""
    found = [
        t for t in tasks if t.is_overdue(as_of) and (employee is None or t.assignee == employee)
    ]
    return sorted(found, key=lambda t: (-t.days_overdue(as_of), t.assignee, t.title))


def _count(
    employee: str, items: Sequence[Task], all_tasks: Sequence[Task], as_of: date
) -> TaskCounts:
    days = [t.days_overdue(as_of) for t in items]
    return TaskCounts(
        employee=employee,
        total=len(items),
        open=sum(1 for t in items if t.status is TaskStatus.OPEN),
        done=sum(1 for t in items if t.status is TaskStatus.DONE),
        accepted=sum(1 for t in items if t.status is TaskStatus.ACCEPTED),
        overdue=sum(1 for d in days if d > 0),
        max_days_overdue=max(days, default=0),
        to_accept=len(waiting_for(all_tasks, employee)),
    )


def task_counts(tasks: Sequence[Task], grouping: Grouping, as_of: date) -> list[TaskCounts]:
    """The lines of one of the seed's three filters.

    ``assignee``: every assignee, in name order. ``controller``: every controller, most
    tasks waiting for acceptance first. ``debtors``: assignees with overdue tasks, the
    longest overdue first.
    """
    if grouping is Grouping.CONTROLLER:
        people = sorted({t.controller for t in tasks})
        rows = [_count(name, controlled_by(tasks, name), tasks, as_of) for name in people]
        return sorted(rows, key=lambda r: (-r.to_accept, r.employee))
    people = sorted({t.assignee for t in tasks})
    rows = [_count(name, assigned_to(tasks, name), tasks, as_of) for name in people]
    if grouping is Grouping.DEBTORS:
        debtors = [row for row in rows if row.overdue > 0]
        return sorted(debtors, key=lambda r: (-r.max_days_overdue, -r.overdue, r.employee))
    return rows

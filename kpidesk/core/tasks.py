"""Duties and tasks (SPEC §2.8, seed 002): the task record, duty lists, status transitions,
generating a period's duties and the two ``tasks:`` metrics (the seed's three filters are in
``tasks_filters``, the personal report in ``tasks_report``).

A task has an assignee who does it and a controller who accepts it. Its status moves
open → done (waiting for the controller) → accepted, or done → open again when the
controller returns it with a comment. A *duty* repeats every period: duty lists
(:class:`DutyTemplate`, per position or per employee) generate the period's duties, once —
a task is identified by (period, assignee, title), so generating twice adds nothing.

Every transition is a pure function returning the new :class:`Task` or a :class:`Problem`
saying why it is refused; the caller tells whether the period is locked.

An item is *overdue* on a day when it is still open (not even done) and its due date has
passed; "debtors" are employees with overdue items.

Must not: read storage, know about Qt, compute KPIs or pay (see ``tasks_report``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from kpidesk.core.money import HUNDRED
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem


class TaskKind(Enum):
    """A duty repeats every period (from a duty list); a task is one-off."""

    DUTY = "duty"
    TASK = "task"


class TaskStatus(Enum):
    """Open → done (waiting for acceptance) → accepted; a returned task is open again."""

    OPEN = "open"
    DONE = "done"
    ACCEPTED = "accepted"


_KIND_WORDS = {
    "duty": TaskKind.DUTY,
    "обязанность": TaskKind.DUTY,
    "должностная обязанность": TaskKind.DUTY,
    "task": TaskKind.TASK,
    "задача": TaskKind.TASK,
    "задание": TaskKind.TASK,
}
_STATUS_WORDS = {
    "open": TaskStatus.OPEN,
    "открыта": TaskStatus.OPEN,
    "открыто": TaskStatus.OPEN,
    "done": TaskStatus.DONE,
    "выполнена": TaskStatus.DONE,
    "выполнено": TaskStatus.DONE,
    "accepted": TaskStatus.ACCEPTED,
    "принята": TaskStatus.ACCEPTED,
    "принято": TaskStatus.ACCEPTED,
}
KIND_RU = {TaskKind.DUTY: "обязанность", TaskKind.TASK: "задача"}
STATUS_RU = {
    TaskStatus.OPEN: "открыта",
    TaskStatus.DONE: "выполнена",
    TaskStatus.ACCEPTED: "принята",
}


def parse_kind(text: str) -> TaskKind:
    """``duty``/``обязанность`` or ``task``/``задача`` (case-insensitive).

    Raises:
        ValueError: neither.
    """
    found = _KIND_WORDS.get(" ".join(text.split()).casefold())
    if found is None:
        raise ValueError(f"unknown kind {text!r} (expected duty / обязанность or task / задача)")
    return found


def parse_status(text: str) -> TaskStatus:
    """``open``/``открыта``, ``done``/``выполнена`` or ``accepted``/``принята``.

    Raises:
        ValueError: none of them.
    """
    found = _STATUS_WORDS.get(" ".join(text.split()).casefold().replace("ё", "е"))
    if found is None:
        raise ValueError(
            f"unknown status {text!r} (expected open / открыта, done / выполнена or "
            "accepted / принята)"
        )
    return found


@dataclass(frozen=True)
class Task:
    """A duty or a one-off task of one employee in one period.

    Attributes:
        title: what to do; unique per (period, assignee).
        assignee: who does it (an employee's name).
        controller: who accepts it (an employee's name).
        period: the payroll period it belongs to.
        due: the day it must be done by.
        kind: duty (from a duty list) or task (one-off).
        description: details.
        status: open, done or accepted.
        done_on: the day it was marked done.
        accepted_on: the day the controller accepted it.
        comment: the controller's comment when it was last returned.
    """

    title: str
    assignee: str
    controller: str
    period: Period
    due: date
    kind: TaskKind = TaskKind.TASK
    description: str = ""
    status: TaskStatus = TaskStatus.OPEN
    done_on: date | None = None
    accepted_on: date | None = None
    comment: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """(period code, assignee, title): a task's identity."""
        return (self.period.code, self.assignee, self.title)

    @property
    def label(self) -> str:
        """``2026-10 Иванова Анна: Инвентаризация`` for messages and the audit log."""
        return f"{self.period.code} {self.assignee}: {self.title}"

    def days_overdue(self, as_of: date) -> int:
        """How many days past due on ``as_of`` the task is while open (0 when it is not
        overdue: done, accepted, or not due yet)."""
        if self.status is not TaskStatus.OPEN or as_of <= self.due:
            return 0
        return (as_of - self.due).days

    def is_overdue(self, as_of: date) -> bool:
        """Whether the task is open and past its due date on ``as_of``."""
        return self.days_overdue(as_of) > 0

    def accepted_by(self, day: date) -> bool:
        """Whether it was accepted on or before ``day`` (accepted without a date counts)."""
        if self.status is not TaskStatus.ACCEPTED:
            return False
        return self.accepted_on is None or self.accepted_on <= day


@dataclass(frozen=True)
class DutyTemplate:
    """An entry of a duty list: a duty every employee of ``position`` (or the one
    ``employee``) gets every period.

    Attributes:
        title: the duty.
        controller: who accepts it — an employee's name, or a position's name meaning the
            employee holding it in the assignee's store (e.g. the store manager).
        position: the position whose list it is on (``None`` for an employee's list).
        employee: the employee whose own list it is on.
        description: details copied to each generated duty.
        due_day: the duty is due on this day of the period (1 = the first day; beyond the
            period's end means its end); ``None`` = the period's end.
    """

    title: str
    controller: str
    position: str | None = None
    employee: str | None = None
    description: str = ""
    due_day: int | None = None

    @property
    def owner(self) -> str:
        """The position or employee whose list it is on."""
        return self.employee if self.employee is not None else (self.position or "")

    def due_in(self, period: Period) -> date:
        """The due date in ``period``."""
        if self.due_day is None:
            return period.end
        return min(period.start + timedelta(days=max(self.due_day, 1) - 1), period.end)


# --- transitions --------------------------------------------------------------------------
def _refusal(code: str, message: str, task: Task, **params: str) -> Problem:
    return Problem(
        code=code,
        message=message,
        where=Location(entity="task", key=task.label, field="status"),
        value=task.status.value,
        params=(("task", task.title), ("assignee", task.assignee), *params.items()),
    )


def _locked(task: Task) -> Problem:
    return _refusal(
        "period_locked",
        f"Period {task.period.code} is locked; '{task.title}' cannot change until the owner "
        "reopens it.",
        task,
        period=task.period.code,
    )


def mark_done(task: Task, actor: str, on: date, *, locked: bool) -> Task | Problem:
    """The assignee (or the controller on their behalf) marks an open task done.

    Args:
        task: the task.
        actor: who does it (an employee's name).
        on: the day.
        locked: whether the task's period is locked.

    Returns:
        The task done on ``on`` (waiting for acceptance), or why not.
    """
    if locked:
        return _locked(task)
    if task.status is not TaskStatus.OPEN:
        return _refusal(
            "not_open", f"'{task.title}' is already {task.status.value}, not open.", task
        )
    if actor not in (task.assignee, task.controller):
        return _refusal(
            "not_assignee",
            f"Only {task.assignee} (the assignee) or {task.controller} (the controller) can "
            f"mark '{task.title}' done, not {actor}.",
            task,
            actor=actor,
        )
    return replace(task, status=TaskStatus.DONE, done_on=on, accepted_on=None)


def accept(task: Task, actor: str, on: date, *, locked: bool) -> Task | Problem:
    """The controller accepts a done task.

    Refused: in a locked period; when the task is not done; when the actor is the assignee
    but not the controller (nobody accepts their own work); when the actor is not the
    controller.
    """
    if locked:
        return _locked(task)
    if task.status is not TaskStatus.DONE:
        return _refusal(
            "not_done",
            f"'{task.title}' is {task.status.value}; only a done task can be accepted.",
            task,
        )
    if actor != task.controller:
        if actor == task.assignee:
            return _refusal(
                "own_task",
                f"{actor} cannot accept their own task '{task.title}'; its controller is "
                f"{task.controller}.",
                task,
                actor=actor,
            )
        return _refusal(
            "not_controller",
            f"Only {task.controller} (the controller) can accept '{task.title}', not {actor}.",
            task,
            actor=actor,
        )
    return replace(task, status=TaskStatus.ACCEPTED, accepted_on=on)


def return_task(task: Task, actor: str, comment: str, on: date, *, locked: bool) -> Task | Problem:
    """The controller returns a done (or accepted) task to open, saying why.

    ``on`` is recorded only through the audit log; the task's done and accepted days are
    cleared.
    """
    del on  # the day is the audit row's; kept in the signature for symmetry
    if locked:
        return _locked(task)
    if task.status is TaskStatus.OPEN:
        return _refusal("not_done", f"'{task.title}' is open; there is nothing to return.", task)
    if actor != task.controller:
        return _refusal(
            "not_controller",
            f"Only {task.controller} (the controller) can return '{task.title}', not {actor}.",
            task,
            actor=actor,
        )
    if not comment.strip():
        return _refusal(
            "comment_required", f"Say why '{task.title}' is returned (a comment).", task
        )
    return replace(
        task, status=TaskStatus.OPEN, done_on=None, accepted_on=None, comment=comment.strip()
    )


# --- duties ---------------------------------------------------------------------------------
def _controller_for(
    template: DutyTemplate, employee: Employee, employees: Sequence[Employee], period: Period
) -> str | None:
    names = {e.name for e in employees}
    if template.controller in names:
        return template.controller
    holders = [
        e
        for e in employees
        if e.position == template.controller
        and e.name != employee.name
        and not e.archived
        and e.works_in(period)
    ]
    same_store = [e for e in holders if employee.store is not None and e.store == employee.store]
    chosen = same_store or holders
    return chosen[0].name if chosen else None


def generate_duties(
    templates: Iterable[DutyTemplate],
    employees: Sequence[Employee],
    period: Period,
    existing: Iterable[Task],
) -> tuple[tuple[Task, ...], tuple[Problem, ...]]:
    """The period's duties from the duty lists that do not exist yet.

    Every non-archived employee working in the period gets the duties of their position's
    list and of their own list (their own entry wins over the position's of the same
    title). A duty whose key (period, assignee, title) already exists is skipped, so
    generating twice adds nothing.

    Returns:
        The new duties, and a problem for each duty whose controller cannot be found.
    """
    taken = {task.key for task in existing}
    by_position: dict[str, list[DutyTemplate]] = {}
    by_employee: dict[str, list[DutyTemplate]] = {}
    for template in templates:
        if template.employee is not None:
            by_employee.setdefault(template.employee, []).append(template)
        elif template.position is not None:
            by_position.setdefault(template.position, []).append(template)
    new: list[Task] = []
    problems: list[Problem] = []
    for employee in employees:
        if employee.archived or not employee.works_in(period):
            continue
        own = by_employee.get(employee.name, [])
        own_titles = {t.title for t in own}
        chosen = [t for t in by_position.get(employee.position, []) if t.title not in own_titles]
        for template in [*chosen, *own]:
            key = (period.code, employee.name, template.title)
            if key in taken:
                continue
            controller = _controller_for(template, employee, employees, period)
            if controller is None:
                problems.append(
                    Problem(
                        code="no_controller",
                        message=f"No controller '{template.controller}' for the duty "
                        f"'{template.title}' of {employee.name}.",
                        where=Location(entity="duty", key=template.owner, field="controller"),
                        value=template.controller,
                        params=(("duty", template.title), ("employee", employee.name)),
                    )
                )
                continue
            taken.add(key)
            new.append(
                Task(
                    template.title,
                    employee.name,
                    controller,
                    period,
                    template.due_in(period),
                    TaskKind.DUTY,
                    template.description,
                )
            )
    return tuple(new), tuple(problems)


# --- metrics --------------------------------------------------------------------------------
def open_at_close(tasks: Iterable[Task], period: Period) -> Decimal:
    """How many of the tasks were not accepted by the period's end (lower is better)."""
    return Decimal(sum(1 for t in tasks if not t.accepted_by(period.end)))


def open_at_close_parts(tasks: Iterable[Task], period: Period) -> tuple[int, int]:
    """:func:`open_at_close` split as the personal report shows it (SPEC §2.8): the items
    still open at the period's end, and those done by then but not yet accepted. The two
    add up to ``open_at_close``: "не закрыто: 3 (1 открыта, 2 ждут приёмки)"."""
    still_open = waiting = 0
    end = period.end
    for task in tasks:
        if task.accepted_by(end):
            continue
        done = task.status is not TaskStatus.OPEN and (task.done_on is None or task.done_on <= end)
        if done:
            waiting += 1
        else:
            still_open += 1
    return still_open, waiting


def on_time_percent(tasks: Iterable[Task]) -> Decimal | None:
    """Accepted by the due date / all × 100; ``None`` without tasks."""
    items = list(tasks)
    if not items:
        return None
    return Decimal(on_time_count(items)) / Decimal(len(items)) * HUNDRED


def on_time_count(tasks: Iterable[Task]) -> int:
    """How many of the tasks were accepted by their due date."""
    return sum(1 for t in tasks if t.accepted_by(t.due))


def task_metric(metric: str, tasks: Iterable[Task], period: Period) -> Decimal | None:
    """A ``tasks:<metric>`` fact from one employee's tasks of the period (``None`` for a
    metric this module does not know)."""
    if metric == "open_at_close":
        return open_at_close(tasks, period)
    if metric == "on_time_percent":
        return on_time_percent(tasks)
    return None

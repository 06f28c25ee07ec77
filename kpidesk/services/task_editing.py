"""One-off tasks given from the window (SPEC §2.8, seed 002 "give a task, accept it"):
create a task (title, description, assignee, controller, due date) in a period, edit it
while it is open, delete it while it is not accepted — each one operation through the
runner, which checks the right (``Right.ASSIGN_TASKS``: the owner for everyone, a store
manager for their store's people), the period's lock and writes the audit rows.

Every refusal is a coded problem (``task_title_empty``, ``task_exists``, ``task_not_open``,
``task_accepted``, ``controller_is_assignee``, ``task_due_before_period``,
``unknown_employee``), checked inside the write transaction against what is stored.

Must not: change a task's status (``services.tasks`` does, through ``core.tasks``), or know
about Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar

from kpidesk.core.company import Company
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem
from kpidesk.core.rights import Right
from kpidesk.core.tasks import Task, TaskKind, TaskStatus
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session, Target


def _problem(code: str, message: str, task: Task, field: str, **params: str) -> Problem:
    return Problem(
        code=code,
        message=message,
        where=Location(entity="task", key=task.label, field=field),
        params=(("task", task.title), ("assignee", task.assignee), *params.items()),
    )


def check_task(
    company: Company, task: Task, stored: list[Task], old: Task | None = None
) -> list[Problem]:
    """Why ``task`` cannot be created (``old`` is ``None``) or put in place of ``old``:
    no title, an unknown or archived person, the assignee controlling themselves, a due
    date before the period, a title the assignee already has in the period."""
    found: list[Problem] = []
    if not task.title.strip():
        found.append(_problem("task_title_empty", "A task needs a title.", task, "title"))
    for field, name in (("assignee", task.assignee), ("controller", task.controller)):
        person = company.employee(name)
        if person is None or person.archived:
            found.append(
                _problem("unknown_employee", f"no employee named {name!r}", task, field, name=name)
            )
    if task.assignee == task.controller:
        found.append(
            _problem(
                "controller_is_assignee",
                f"{task.assignee} cannot control their own task: choose another controller.",
                task,
                "controller",
            )
        )
    if task.due < task.period.start:
        found.append(
            _problem(
                "task_due_before_period",
                f"The due date {task.due:%d.%m.%Y} is before the period {task.period.code} "
                f"starts ({task.period.start:%d.%m.%Y}).",
                task,
                "due",
                due=f"{task.due:%d.%m.%Y}",
                start=f"{task.period.start:%d.%m.%Y}",
            )
        )
    if (old is None or old.key != task.key) and any(t.key == task.key for t in stored):
        found.append(
            _problem(
                "task_exists",
                f"{task.assignee} already has '{task.title}' in {task.period.code}.",
                task,
                "title",
                period=task.period.code,
            )
        )
    return found


def _stored(session: Session, task: Task) -> Task:
    """The task as stored now (its status may have changed meanwhile)."""
    for item in session.db.tasks.tasks(task.period):
        if item.key == task.key:
            return item
    raise UserError.of(
        "task_missing",
        f"task {task.label} does not exist (deleted meanwhile?)",
        task=task.title,
        assignee=task.assignee,
    )


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise UserError(problems[0].message, problems)


def _store_of(session: Session, *names: str) -> str | None:
    """The one store of these people (``None``: none, or several — then only a right over
    every store allows the write)."""
    company = session.company()
    stores = {e.store if (e := company.employee(name)) else None for name in names}
    return next(iter(stores)) if len(stores) == 1 else None


@dataclass
class CreateTask(Operation):
    """Give one one-off task (open, in its period)."""

    task: Task
    name: ClassVar[str] = "create_task"
    right: ClassVar[Right] = Right.ASSIGN_TASKS

    def target(self, session: Session) -> Target:
        return Target(store=_store_of(session, self.task.assignee))

    def apply(self, session: Session) -> Change:
        task = self.task
        _refuse(check_task(session.company(), task, session.db.tasks.tasks(task.period)))
        session.db.tasks.create_task(task)
        return Change(ChangeKind.TASK, task.period, None, task.assignee)


@dataclass
class EditTask(Operation):
    """Change an open task's title, assignee, controller, due date or description."""

    old: Task
    new: Task
    name: ClassVar[str] = "edit_task"
    right: ClassVar[Right] = Right.ASSIGN_TASKS

    def target(self, session: Session) -> Target:
        return Target(store=_store_of(session, self.old.assignee, self.new.assignee))

    def apply(self, session: Session) -> Change:
        stored = _stored(session, self.old)
        if stored.status is not TaskStatus.OPEN:
            _refuse(
                [
                    _problem(
                        "task_not_open",
                        f"'{stored.title}' is {stored.status.value}: only an open task can be "
                        "edited.",
                        stored,
                        "status",
                    )
                ]
            )
        new = replace(self.new, period=stored.period, kind=stored.kind, status=stored.status)
        tasks = session.db.tasks.tasks(stored.period)
        _refuse(check_task(session.company(), new, tasks, stored))
        session.db.tasks.edit_task(stored, new)
        return Change(ChangeKind.TASK, stored.period)


@dataclass
class DeleteTask(Operation):
    """Delete a task that is not accepted yet (an accepted one is part of the period's
    results)."""

    task: Task
    name: ClassVar[str] = "delete_task"
    right: ClassVar[Right] = Right.ASSIGN_TASKS

    def target(self, session: Session) -> Target:
        return Target(store=_store_of(session, self.task.assignee))

    def apply(self, session: Session) -> Change:
        stored = _stored(session, self.task)
        if stored.status is TaskStatus.ACCEPTED:
            _refuse(
                [
                    _problem(
                        "task_accepted",
                        f"'{stored.title}' is accepted already: it counts in the period's "
                        "results and cannot be deleted.",
                        stored,
                        "status",
                    )
                ]
            )
        session.db.tasks.delete_task(stored)
        return Change(ChangeKind.TASK, stored.period, None, stored.assignee)


def new_task(
    period: Period,
    title: str,
    assignee: str,
    controller: str,
    due: date,
    description: str = "",
) -> Task:
    """A one-off open task of ``period`` (titles and descriptions trimmed)."""
    return Task(
        title=" ".join(title.split()),
        assignee=assignee,
        controller=controller,
        period=period,
        due=due,
        kind=TaskKind.TASK,
        description=description.strip(),
    )


def create_task(service: CompanyService, task: Task) -> Change:
    """Give a one-off task (:class:`CreateTask`).

    Raises:
        UserError: no right, a locked period, or a problem of :func:`check_task`.
    """
    return service.run(CreateTask(task))


def edit_task(service: CompanyService, old: Task, new: Task) -> Change:
    """Change an open task (:class:`EditTask`); its period, kind and status stay.

    Raises:
        UserError: no right, a locked period, the task not open (or gone), or a problem
            of :func:`check_task`.
    """
    return service.run(EditTask(old, new))


def delete_task(service: CompanyService, task: Task) -> Change:
    """Delete a task that is not accepted (:class:`DeleteTask`), audited.

    Raises:
        UserError: no right, a locked period, the task accepted (or gone).
    """
    return service.run(DeleteTask(task))

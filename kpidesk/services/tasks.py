"""Duties and tasks use cases (SPEC §2.8, seed 002): read a period's tasks, generate its
duties from the duty lists, mark done / accept / return several tasks at once, the three
filters as count lines (also as JSON and CSV for ``kpidesk report tasks``), the personal
period report, and who "I" am (an employee of the company, remembered per company file).

Each status change is checked by ``core.tasks`` (refusals come back as problems, the rest
is written), written in one store transaction with its audit rows, and announced with one
``Change``. Store failures become a :class:`UserError`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem
from kpidesk.core.results import PeriodResult
from kpidesk.core.rights import Right, Role, Scope
from kpidesk.core.tasks import DutyTemplate, Task, accept, generate_duties, mark_done, return_task
from kpidesk.core.tasks_filters import Grouping, TaskCounts, task_counts
from kpidesk.core.tasks_report import AVERAGE_PERIODS, PersonalReport, personal_report
from kpidesk.core.visibility import sees_results_of
from kpidesk.services import locations
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session, Target
from kpidesk.services.periods import locked_refusal

ME_SETTING = "tasks.me"
COUNT_FIELDS = (
    "employee",
    "total",
    "open",
    "done",
    "accepted",
    "overdue",
    "max_days_overdue",
    "to_accept",
)


@dataclass(frozen=True)
class TasksOutcome:
    """What a task action did: the tasks as they are now, the refusals, and the change to
    announce (``None`` when nothing was written)."""

    changed: tuple[Task, ...] = ()
    refused: tuple[Problem, ...] = ()
    change: Change | None = None

    def describe(self) -> str:
        """One line per refusal, for the terminal and message boxes."""
        return "\n".join(problem.message for problem in self.refused)


# --- reading ------------------------------------------------------------------------------
def period_tasks(service: CompanyService, period: Period) -> list[Task]:
    """The period's duties and tasks the actor may see: everyone's for a role that sees
    every result, a manager's store's people's, an employee's own and those they
    control (SPEC §8.1)."""
    tasks = service.database.tasks.tasks(period)
    actor = service.actor
    if actor.scope(Right.SEE_RESULTS) is Scope.ALL:
        return tasks
    company = service.company()

    def visible(name: str) -> bool:
        person = company.employee(name)
        return person is not None and sees_results_of(actor, person)

    return [
        task
        for task in tasks
        if visible(task.assignee) or (actor.employee and task.controller == actor.employee)
    ]


def duty_lists(service: CompanyService) -> list[DutyTemplate]:
    """Every duty list entry (per position and per employee)."""
    return service.database.tasks.duty_templates()


def counts(
    service: CompanyService, period: Period, grouping: Grouping, as_of: date
) -> list[TaskCounts]:
    """The lines of one of the seed's three filters for the period, overdue as of ``as_of``."""
    return task_counts(period_tasks(service, period), grouping, as_of)


# --- writing ------------------------------------------------------------------------------
@dataclass
class ChangeTasks(Operation):
    """Move tasks to new statuses (done, accepted, returned), already checked by the core's
    transitions, as one write."""

    pairs: Sequence[tuple[Task, Task]]
    period: Period
    who: str | None = None  # the assignee or controller acting (their own tasks)
    name: ClassVar[str] = "change_tasks"
    right: ClassVar[Right] = Right.OWN_TASKS

    def target(self, session: Session) -> Target:
        return Target(employee=self.who)

    def apply(self, session: Session) -> Change:
        session.db.tasks.change_task_statuses(list(self.pairs))
        assignees = {old.assignee for old, _ in self.pairs}
        employee = next(iter(assignees)) if len(assignees) == 1 else None
        return Change(ChangeKind.TASK, self.period, None, employee)


@dataclass
class AddTasks(Operation):
    """Add new duties or tasks (generated from the duty lists, or assigned)."""

    tasks: Sequence[Task]
    period: Period
    name: ClassVar[str] = "add_tasks"
    right: ClassVar[Right] = Right.ASSIGN_TASKS

    def target(self, session: Session) -> Target:
        company = session.company()
        stores = {e.store if (e := company.employee(t.assignee)) else None for t in self.tasks}
        return Target(store=next(iter(stores)) if len(stores) == 1 else None)

    def apply(self, session: Session) -> Change:
        session.db.tasks.add_tasks(list(self.tasks))
        return Change(ChangeKind.TASK, self.period)


def _transition(
    service: CompanyService,
    tasks: Sequence[Task],
    step: Callable[[Task, bool], Task | Problem],
    who: str,
) -> TasksOutcome:
    if not tasks:
        return TasksOutcome()
    locked: dict[str, bool] = {}
    pairs: list[tuple[Task, Task]] = []
    refused: list[Problem] = []
    for task in tasks:
        code = task.period.code
        if code not in locked:
            locked[code] = service.is_locked(task.period)
        result = step(task, locked[code])
        if isinstance(result, Problem):
            refused.append(result)
        else:
            pairs.append((task, result))
    if not pairs:
        return TasksOutcome(refused=tuple(refused))
    change = service.run(ChangeTasks(pairs, tasks[0].period, who))
    return TasksOutcome(tuple(new for _, new in pairs), tuple(refused), change)


def _actor(service: CompanyService, actor: str | None) -> str:
    """Who acts on tasks: once logins are on, the logged-in user's linked employee
    (the owner may still act as anyone chosen)."""
    if service.actor.role is not None and service.actor.role is not Role.OWNER:
        actor = service.actor.employee
    if not actor:
        raise UserError.of("choose_person", "choose who you are first (an employee)")
    return actor


def mark_tasks_done(
    service: CompanyService, tasks: Sequence[Task], actor: str | None, on: date
) -> TasksOutcome:
    """Mark open tasks done (by their assignee or controller), in one transaction."""
    who = _actor(service, actor)
    return _transition(service, tasks, lambda t, locked: mark_done(t, who, on, locked=locked), who)


def accept_tasks(
    service: CompanyService, tasks: Sequence[Task], actor: str | None, on: date
) -> TasksOutcome:
    """Accept done tasks as their controller, in one transaction."""
    who = _actor(service, actor)
    return _transition(service, tasks, lambda t, locked: accept(t, who, on, locked=locked), who)


def return_tasks(
    service: CompanyService, tasks: Sequence[Task], actor: str | None, comment: str, on: date
) -> TasksOutcome:
    """Return done tasks to open with a comment, as their controller, in one transaction."""
    who = _actor(service, actor)
    return _transition(
        service, tasks, lambda t, locked: return_task(t, who, comment, on, locked=locked), who
    )


@dataclass(frozen=True)
class GenerateOutcome:
    """What generating a period's duties did."""

    added: tuple[Task, ...] = ()
    problems: tuple[Problem, ...] = ()
    change: Change | None = None


def generate_period_duties(service: CompanyService, period: Period) -> GenerateOutcome:
    """Create the period's duties from the duty lists; a duty that exists is not created
    again, so running it twice adds nothing.

    Raises:
        UserError: the period is locked.
    """
    if service.is_locked(period):
        raise locked_refusal(period, "its duties")
    company = service.company()
    new, problems = generate_duties(
        duty_lists(service), company.employees, period, period_tasks(service, period)
    )
    if not new:
        return GenerateOutcome(problems=problems)
    change = service.run(AddTasks(new, period))
    return GenerateOutcome(new, problems, change)


# --- the personal report -------------------------------------------------------------------
def personal_report_for(
    service: CompanyService, employee: str, period: Period, as_of: date
) -> PersonalReport:
    """One employee's personal period report (KPI averaged over the last six periods).

    Raises:
        UserError: no such employee.
    """
    company = service.company()
    person = company.employee(employee)
    if person is None:
        raise UserError.of("unknown_employee", f"no employee named {employee!r}", name=employee)
    service.require(Right.SEE_RESULTS, "see this report", store=person.store, employee=person.name)
    inputs = service.database.content.load_period_inputs(period)
    history: list[PeriodResult] = [
        service.compute_period(period.shifted(-steps)) for steps in range(AVERAGE_PERIODS)
    ]
    return personal_report(company, person, period, inputs, history, as_of)


# --- who am I ------------------------------------------------------------------------------
def _key(service: CompanyService) -> str:
    return service.location  # the resolved file, or the server's URL without a password


def chosen_person(service: CompanyService) -> str | None:
    """The employee who is "me": the logged-in user's linked employee once logins are on,
    else the one chosen for this company file, if they still exist."""
    if service.actor.role is not None:
        return service.actor.employee
    chosen = locations.get_setting(ME_SETTING)
    name = chosen.get(_key(service)) if isinstance(chosen, dict) else None
    if isinstance(name, str) and service.company().employee(name) is not None:
        return name
    return None


def choose_person(service: CompanyService, name: str | None) -> None:
    """Remember ``name`` as "me" for this company file (``None`` forgets)."""
    chosen = locations.get_setting(ME_SETTING)
    people = dict(chosen) if isinstance(chosen, dict) else {}
    if name is None:
        people.pop(_key(service), None)
    else:
        people[_key(service)] = name
    locations.set_setting(ME_SETTING, people or None)


# --- report tasks (CLI) ------------------------------------------------------------------
def _as_dict(row: TaskCounts) -> dict[str, object]:
    return {name: getattr(row, name) for name in COUNT_FIELDS}


@dataclass(frozen=True)
class TasksReport:
    """``kpidesk report tasks``: one filter's lines for a period."""

    period: Period
    grouping: Grouping
    as_of: date
    rows: list[TaskCounts] = field(default_factory=list)

    def as_json(self) -> str:
        """``{"period": P, "by": "...", "rows": [{"employee": …, "total": n, …}]}``."""
        from kpidesk.io.tables import to_json

        data = {
            "period": self.period.code,
            "by": self.grouping.value,
            "rows": [_as_dict(row) for row in self.rows],
        }
        return to_json(data)

    def as_csv(self) -> str:
        """The same lines as CSV (a header row, then one row per employee; a name Excel
        would run as a formula gets a leading apostrophe)."""
        from kpidesk.io.tables import to_csv

        return to_csv([_as_dict(row) for row in self.rows], columns=COUNT_FIELDS)


def tasks_report(
    service: CompanyService, period: Period, grouping: Grouping, as_of: date
) -> TasksReport:
    """One filter's lines of the period, overdue counted on ``as_of``."""
    return TasksReport(period, grouping, as_of, counts(service, period, grouping, as_of))

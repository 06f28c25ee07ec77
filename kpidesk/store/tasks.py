"""Duties and tasks (SPEC §2.8) and the duty lists they are generated from.

A task is keyed by (period code, assignee, title); a duty list entry by (position or
employee, title). Every status change is written in one transaction together with its audit
row (who, when, old → new status; a returned task's comment in a second row) and only if the
stored status is still the one the change started from. Nothing of a locked period changes:
adding, importing, editing, deleting or changing the status of its tasks raises
``LockedPeriodError`` (status changes, edits and deletions rely on the schema's lock
triggers; additions also check each task to name it). A task created, edited or deleted in
the window is audited field by field (``create_task`` / ``edit_task`` / ``delete_task``).

Must not: decide whether a transition is allowed (``core.tasks`` does) or compute metrics.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kpidesk.core.periods import Period
from kpidesk.core.tasks import DutyTemplate, Task, TaskKind, TaskStatus
from kpidesk.store.codec import opt_day, opt_day_text, to_day
from kpidesk.store.context import AuditRow, StoreContext
from kpidesk.store.errors import ContentError, StoreError
from kpidesk.store.merge import (
    AuditMode,
    ItemRow,
    KindSummary,
    Origin,
    PeriodLock,
    Table,
    ensure_named,
    known_id,
    merge,
    no_origin,
    read_locks,
)
from kpidesk.store.org import POSITIONS

TASKS = Table(
    "task",
    "tasks",
    ("period", "assignee_id", "title"),
    (
        "start_date",
        "end_date",
        "kind",
        "controller_id",
        "due_date",
        "description",
        "status",
        "done_date",
        "accepted_date",
        "comment",
    ),
    refs={"controller_id": "employees"},
)

_TASK_SELECT = (
    "SELECT t.period, a.name, t.title, t.kind, c.name, t.due_date, t.description, t.status,"
    " t.done_date, t.accepted_date, t.comment FROM tasks t"
    " JOIN employees a ON a.id = t.assignee_id JOIN employees c ON c.id = t.controller_id"
)
_DUTY_SELECT = (
    "SELECT d.id, d.position_id, d.employee_id, p.name, e.name, d.title, d.controller,"
    " d.description, d.due_day FROM duty_templates d"
    " LEFT JOIN positions p ON p.id = d.position_id"
    " LEFT JOIN employees e ON e.id = d.employee_id"
)


class TasksRepository:
    """Tasks, their status changes, and duty lists (``db.tasks``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    # --- reading ----------------------------------------------------------------------
    def _tasks(self, where: str, params: tuple[object, ...]) -> list[Task]:
        periods: dict[str, Period] = {}
        found = []
        for row in self._ctx.execute(f"{_TASK_SELECT}{where} ORDER BY t.id", params):
            code = str(row[0])
            period = periods.get(code) or periods.setdefault(code, Period.parse(code))
            found.append(
                Task(
                    title=str(row[2]),
                    assignee=str(row[1]),
                    controller=str(row[4]),
                    period=period,
                    due=to_day(str(row[5])),
                    kind=TaskKind(row[3]),
                    description=str(row[6]),
                    status=TaskStatus(row[7]),
                    done_on=opt_day(row[8]),
                    accepted_on=opt_day(row[9]),
                    comment=str(row[10]),
                )
            )
        return found

    def tasks(self, period: Period) -> list[Task]:
        """The duties and tasks of the period (by its code), in the order they were added."""
        return self._tasks(" WHERE t.period = ?", (period.code,))

    def all_tasks(self) -> list[Task]:
        """Every task of every period, in the order they were added."""
        return self._tasks("", ())

    def duty_templates(self) -> list[DutyTemplate]:
        """Every duty list entry, in the order they were added."""
        rows = self._ctx.execute(f"{_DUTY_SELECT} ORDER BY d.id").fetchall()
        return [
            DutyTemplate(
                title=str(title),
                controller=str(controller),
                position=None if employee is not None else position,
                employee=employee,
                description=str(description),
                due_day=None if due_day is None else int(due_day),
            )
            for _id, _p, _e, position, employee, title, controller, description, due_day in rows
        ]

    # --- merging ----------------------------------------------------------------------
    def _task_items(self, tasks: Iterable[Task], origin: Origin) -> list[ItemRow]:
        employees = self._ctx.ids("employees")
        items: list[ItemRow] = []
        for i, task in enumerate(tasks):
            assignee = employees.get(task.assignee)
            if assignee is None:
                raise ContentError(f"task: unknown employee {task.assignee!r}", origin(i))
            controller = employees.get(task.controller)
            if controller is None:
                raise ContentError(f"task: unknown controller {task.controller!r}", origin(i))
            period = task.period
            items.append(
                (
                    (period.code, assignee, task.title),
                    (
                        period.start.isoformat(),
                        period.end.isoformat(),
                        task.kind.value,
                        controller,
                        task.due.isoformat(),
                        task.description,
                        task.status.value,
                        opt_day_text(task.done_on),
                        opt_day_text(task.accepted_on),
                        task.comment,
                    ),
                    task.label,
                    period.code,
                    None,
                    task.assignee,
                    (period.start, period.end),
                )
            )
        return items

    def merge_tasks(
        self,
        tasks: Sequence[Task],
        locks: Sequence[PeriodLock],
        origin: Origin = no_origin,
        *,
        audit: AuditMode = AuditMode.SUMMARY,
    ) -> KindSummary:
        """Upsert tasks by (period, assignee, title).

        Raises:
            ContentError: unknown assignee or controller.
            LockedPeriodError: a changed task's period overlaps one of ``locks``.
        """
        return merge(self._ctx, TASKS, self._task_items(tasks, origin), locks, audit=audit)

    def merge_duty_templates(
        self, templates: Sequence[DutyTemplate], origin: Origin = no_origin
    ) -> KindSummary:
        """Upsert duty list entries by (position or employee, title); a missing position is
        created.

        Raises:
            ContentError: unknown employee, or an entry with neither owner.
        """
        if not templates:
            return KindSummary()
        ensure_named(self._ctx, POSITIONS, (t.position for t in templates))
        positions, employees = self._ctx.ids("positions"), self._ctx.ids("employees")
        existing: dict[tuple[int | None, int | None, str], tuple[int, tuple[object, ...]]] = {}
        for row in self._ctx.execute(_DUTY_SELECT).fetchall():
            existing[(row[1], row[2], str(row[5]))] = (int(row[0]), tuple(row[6:9]))
        added = changed = unchanged = 0
        audit: list[AuditRow] = []
        for i, template in enumerate(templates):
            position_id = employee_id = None
            if template.employee is not None:
                employee_id = known_id(
                    employees, template.employee, "duty: unknown employee", origin(i)
                )
            elif template.position is not None:
                position_id = positions[template.position]
            else:
                raise ContentError(
                    f"duty {template.title!r}: neither a position nor an employee", origin(i)
                )
            values = (template.controller, template.description, template.due_day)
            label = f"{template.owner}: {template.title}"
            found = existing.get((position_id, employee_id, template.title))
            if found is None:
                self._ctx.execute(
                    "INSERT INTO duty_templates (position_id, employee_id, title, controller,"
                    " description, due_day) VALUES (?, ?, ?, ?, ?, ?)",
                    (position_id, employee_id, template.title, *values),
                )
                existing[(position_id, employee_id, template.title)] = (-1, values)
                audit.append(("add", "duty", label, None, None, None, None, None, None))
                added += 1
                continue
            row_id, old = found
            if old == values:
                unchanged += 1
                continue
            self._ctx.execute(
                "UPDATE duty_templates SET controller = ?, description = ?, due_day = ?"
                " WHERE id = ?",
                (*values, row_id),
            )
            for name, before, after in zip(
                ("controller", "description", "due_day"), old, values, strict=True
            ):
                if before != after:
                    audit.append(
                        (
                            "change",
                            "duty",
                            label,
                            name,
                            None if before is None else str(before),
                            None if after is None else str(after),
                            None,
                            None,
                            template.employee,
                        )
                    )
            changed += 1
        self._ctx.audit(audit)
        return KindSummary(added=added, changed=changed, unchanged=unchanged)

    # --- writes -----------------------------------------------------------------------
    def add_tasks(self, tasks: Sequence[Task]) -> int:
        """Add tasks that do not exist yet (an existing key is left as it is), in one
        transaction; returns how many were added.

        Raises:
            LockedPeriodError: a task belongs to a locked period.
            ContentError: an unknown assignee or controller.
        """
        with self._ctx.write():
            stored = {
                (str(p), int(a), str(t))
                for p, a, t in self._ctx.execute("SELECT period, assignee_id, title FROM tasks")
            }
            items = [item for item in self._task_items(tasks, no_origin) if item[0] not in stored]
            locks = read_locks(self._ctx)
            return merge(self._ctx, TASKS, items, locks, audit=AuditMode.SUMMARY).added

    def change_task_statuses(self, changes: Sequence[tuple[Task, Task]]) -> int:
        """Write status changes (each an (old, new) pair of the same task) in one
        transaction, with an audit row each (who, when, old → new status); returns how many.

        Raises:
            LockedPeriodError: a task belongs to a locked period.
            StoreError: a task is missing, or its stored status is no longer the old one
                (someone else changed it meanwhile); nothing is written.
        """
        if not changes:
            return 0
        ctx = self._ctx
        with ctx.write():
            employees = ctx.ids("employees")
            audit: list[AuditRow] = []
            for old, new in changes:
                if old.key != new.key:
                    raise StoreError(f"task {old.label}: a status change cannot rename it")
                period = old.period
                row = ctx.execute(
                    "SELECT id, status FROM tasks WHERE period = ? AND assignee_id = ?"
                    " AND title = ?",
                    (period.code, employees.get(old.assignee, -1), old.title),
                ).fetchone()
                if row is None:
                    raise StoreError(f"task {old.label} does not exist")
                if row[1] != old.status.value:
                    raise StoreError(
                        f"task {old.label} is {row[1]} now, not {old.status.value} "
                        "(changed meanwhile); reload and try again"
                    )
                with ctx.naming_locks(f"task {old.label}", (period.start, period.end)):
                    ctx.execute(
                        "UPDATE tasks SET status = ?, done_date = ?, accepted_date = ?,"
                        " comment = ? WHERE id = ?",
                        (
                            new.status.value,
                            opt_day_text(new.done_on),
                            opt_day_text(new.accepted_on),
                            new.comment,
                            row[0],
                        ),
                    )
                code, who, label = period.code, old.assignee, old.label
                before, after = old.status.value, new.status.value
                audit.append(("change", "task", label, "status", before, after, code, None, who))
                if new.comment != old.comment:
                    text = (old.comment, new.comment)
                    audit.append(("change", "task", label, "comment", *text, code, None, who))
            ctx.audit(audit)
        return len(changes)

    def _task_id(self, task: Task) -> tuple[int, str] | None:
        """The row id and stored status of ``task`` (by its key), or ``None``."""
        employees = self._ctx.ids("employees")
        row = self._ctx.execute(
            "SELECT id, status FROM tasks WHERE period = ? AND assignee_id = ? AND title = ?",
            (task.period.code, employees.get(task.assignee, -1), task.title),
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def create_task(self, task: Task) -> None:
        """Add one task, audited ("add" with its assignee, controller and due date).

        Raises:
            StoreError: a task with the same period, assignee and title exists.
            ContentError: an unknown assignee or controller.
            LockedPeriodError: the task's period is locked.
        """
        with self._ctx.write():
            if self._task_id(task) is not None:
                raise StoreError(f"task {task.label} exists already")
            items = self._task_items([task], no_origin)
            merge(self._ctx, TASKS, items, read_locks(self._ctx), audit=AuditMode.EACH)

    def edit_task(self, old: Task, new: Task) -> None:
        """Change a task's title, assignee, controller, due date and description (its
        period, kind and status stay), with an audit row per changed field.

        Raises:
            StoreError: the task is missing, its status is no longer the one read (changed
                meanwhile), or the new title is taken by another task of the assignee.
            ContentError: an unknown assignee or controller.
            LockedPeriodError: the task's period is locked.
        """
        ctx = self._ctx
        with ctx.write():
            found = self._task_id(old)
            if found is None:
                raise StoreError(f"task {old.label} does not exist")
            row_id, status = found
            if status != old.status.value:
                raise StoreError(
                    f"task {old.label} is {status} now, not {old.status.value} "
                    "(changed meanwhile); reload and try again"
                )
            if new.key != old.key and self._task_id(new) is not None:
                raise StoreError(f"task {new.label} exists already")
            employees = ctx.ids("employees")
            for name in (new.assignee, new.controller):
                if name not in employees:
                    raise ContentError(f"task: unknown employee {name!r}", None)
            period = old.period
            with ctx.naming_locks(f"task {old.label}", (period.start, period.end)):
                ctx.execute(
                    "UPDATE tasks SET title = ?, assignee_id = ?, controller_id = ?,"
                    " due_date = ?, description = ? WHERE id = ?",
                    (
                        new.title,
                        employees[new.assignee],
                        employees[new.controller],
                        new.due.isoformat(),
                        new.description,
                        row_id,
                    ),
                )
            audit: list[AuditRow] = []
            for name, before, after in (
                ("title", old.title, new.title),
                ("assignee", old.assignee, new.assignee),
                ("controller", old.controller, new.controller),
                ("due_date", old.due.isoformat(), new.due.isoformat()),
                ("description", old.description, new.description),
            ):
                if before != after:
                    row = ("change", "task", new.label, name, before, after, period.code)
                    audit.append((*row, None, new.assignee))
            ctx.audit(audit)

    def delete_task(self, task: Task) -> None:
        """Delete one task, audited ("delete" with its status and who it was for).

        Raises:
            StoreError: the task is missing.
            LockedPeriodError: the task's period is locked.
        """
        ctx = self._ctx
        with ctx.write():
            found = self._task_id(task)
            if found is None:
                raise StoreError(f"task {task.label} does not exist")
            period = task.period
            with ctx.naming_locks(f"task {task.label}", (period.start, period.end)):
                ctx.execute("DELETE FROM tasks WHERE id = ?", (found[0],))
            what = f"{found[1]}; controller {task.controller}; due {task.due.isoformat()}"
            row = ("delete", "task", task.label, None, what, None, period.code)
            ctx.audit([(*row, None, task.assignee)])

    def task_history(self, task: Task) -> list[tuple[str, str, str | None, str | None]]:
        """The task's status changes: (when, who, old, new), oldest first."""
        rows = self._ctx.execute(
            "SELECT at, actor, old, new FROM audit WHERE entity = 'task' AND key = ?"
            " AND field = 'status' ORDER BY id",
            (task.label,),
        ).fetchall()
        return [(str(at), str(actor), old, new) for at, actor, old, new in rows]

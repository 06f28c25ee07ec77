"""The tasks section's tables: the read-only views of the filters' count tables and of the
task list as the section lays them out, the items of the period the logged-in user may see
in them, and the items that one count cell opens (a ``Task → bool`` filter).

Must not: hold a translated string (the section's ``tr()`` context stays ``TasksSection``),
read anything but the company for the user's rights, or change a task.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kpidesk.core.rights import Right, Scope
from kpidesk.core.tasks import Task, TaskStatus
from kpidesk.core.tasks_filters import Grouping
from kpidesk.gui.rights import sees_results
from kpidesk.gui.tasks.models import TaskCountsModel, TaskListModel
from kpidesk.gui.tasks.report_view import TaskFilter
from kpidesk.services.company import CompanyService


def counts_view(parent: QWidget, model: TaskCountsModel, grouping: Grouping) -> QTableView:
    """The read-only table of one filter's counts (a cell per count, the employee stretched)."""
    view = QTableView(parent)
    view.setObjectName(f"counts_{grouping.value}")
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(TaskCountsModel.EMPLOYEE, QHeaderView.ResizeMode.Stretch)
    return view


def task_list_view(parent: QWidget, model: TaskListModel) -> QTableView:
    """The read-only task list: whole rows, several at once, the cost column hidden."""
    view = QTableView(parent)
    view.setObjectName("task_list")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setColumnHidden(TaskListModel.COST, True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(TaskListModel.TITLE, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(TaskListModel.COMMENT, QHeaderView.ResizeMode.Stretch)
    view.setColumnWidth(TaskListModel.TITLE, 260)
    return view


def visible_tasks(service: CompanyService, tasks: list[Task]) -> list[Task]:
    """The items of people whose results the logged-in user may see (as assignee or as
    controller)."""
    actor = service.actor
    if actor.scope(Right.SEE_RESULTS) is Scope.ALL:
        return tasks
    company = service.company()

    def seen(name: str | None) -> bool:
        person = company.employee(name) if name else None
        return person is not None and sees_results(actor, person)

    return [task for task in tasks if seen(task.assignee) or seen(task.controller)]


def count_filter(grouping: Grouping, column: int, name: str, as_of: date) -> TaskFilter:
    """The items behind the count in ``column`` of ``name``'s line of a filter's table
    (overdue counted on ``as_of``)."""
    mine: Callable[[Task], bool]
    if grouping is Grouping.CONTROLLER:
        mine = lambda t: t.controller == name  # noqa: E731
    else:
        mine = lambda t: t.assignee == name  # noqa: E731
    status = {
        TaskCountsModel.OPEN: TaskStatus.OPEN,
        TaskCountsModel.DONE: TaskStatus.DONE,
        TaskCountsModel.ACCEPTED: TaskStatus.ACCEPTED,
    }
    keep: TaskFilter
    if column == TaskCountsModel.TO_ACCEPT:
        keep = lambda t: t.controller == name and t.status is TaskStatus.DONE  # noqa: E731
    elif column == TaskCountsModel.OVERDUE:
        keep = lambda t: mine(t) and t.is_overdue(as_of)  # noqa: E731
    elif column == TaskCountsModel.LEFT:
        keep = lambda t: mine(t) and t.status is not TaskStatus.ACCEPTED  # noqa: E731
    elif column in status:
        keep = lambda t: mine(t) and t.status is status[column]  # noqa: E731
    else:
        keep = mine
    return keep

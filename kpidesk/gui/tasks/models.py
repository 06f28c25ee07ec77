"""Table models of the tasks section: a list of duties and tasks (``TaskListModel``) and the
count lines of the seed's three filters (``TaskCountsModel``). Read-only; the raw ``Task``
or ``TaskCounts`` is under ``Qt.UserRole`` and each count cell's number under ``COUNT_ROLE``.
Numbers and dates are formatted here; every figure comes from ``core``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kpidesk.core.money import format_money
from kpidesk.core.tasks import Task, TaskKind, TaskStatus
from kpidesk.core.tasks_filters import TaskCounts
from kpidesk.gui.widgets.titled_table import TitledTableModel

Index = QModelIndex | QPersistentModelIndex
COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOR = QColor("#b00020")
WAITING_COLOR = QColor("#8a5a00")
DONE_COLOR = QColor("#1b5e20")


def kind_text(kind: TaskKind) -> str:
    """The kind in the interface language."""
    if kind is TaskKind.DUTY:
        return QCoreApplication.translate("TaskListModel", "duty")
    return QCoreApplication.translate("TaskListModel", "task")


def status_text(status: TaskStatus) -> str:
    """The status in the interface language."""
    if status is TaskStatus.OPEN:
        return QCoreApplication.translate("TaskListModel", "open")
    if status is TaskStatus.DONE:
        return QCoreApplication.translate("TaskListModel", "done, waiting")
    return QCoreApplication.translate("TaskListModel", "accepted")


def day_text(day: date | None) -> str:
    """``dd.MM.yyyy`` or empty."""
    return "" if day is None else day.strftime("%d.%m.%Y")


class TaskListModel(TitledTableModel):
    """Duties and tasks, one per row."""

    TITLE, KIND, ASSIGNEE, CONTROLLER, DUE, STATUS, DONE_ON, ACCEPTED_ON, OVERDUE, COST = range(10)
    COMMENT = 10
    COLUMNS = 11

    def __init__(self, lang: str = "ru", parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.lang = lang
        self._tasks: list[Task] = []
        self._as_of: date = date.today()
        self._costs: Mapping[tuple[str, str, str], Decimal | None] = {}

    # --- content ----------------------------------------------------------------------
    def set_tasks(
        self,
        tasks: Sequence[Task],
        as_of: date,
        costs: Mapping[tuple[str, str, str], Decimal | None] | None = None,
    ) -> None:
        """Show ``tasks`` (overdue counted on ``as_of``; ``costs`` by task key)."""
        self.beginResetModel()
        self._tasks = list(tasks)
        self._as_of = as_of
        self._costs = dict(costs or {})
        self.endResetModel()

    def task(self, row: int) -> Task:
        """The task of a row."""
        return self._tasks[row]

    def tasks(self) -> list[Task]:
        """Every task shown."""
        return list(self._tasks)

    # --- Qt ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._tasks)

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Assignee"),
            self.tr("Controller"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Done on"),
            self.tr("Accepted on"),
            self.tr("Days overdue"),
            self.tr("Costs if left open"),
            self.tr("Comment"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._tasks):
            return None
        task = self._tasks[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return task
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return task.description or None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COMMENT:
            return task.comment or None
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.STATUS, self.OVERDUE):
            if task.is_overdue(self._as_of):
                return QBrush(OVERDUE_COLOR)
            if task.status is TaskStatus.DONE:
                return QBrush(WAITING_COLOR)
            if task.status is TaskStatus.ACCEPTED:
                return QBrush(DONE_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.OVERDUE, self.COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, task: Task, column: int) -> str:
        if column == self.TITLE:
            return task.title
        if column == self.KIND:
            return kind_text(task.kind)
        if column == self.ASSIGNEE:
            return task.assignee
        if column == self.CONTROLLER:
            return task.controller
        if column == self.DUE:
            return day_text(task.due)
        if column == self.STATUS:
            return status_text(task.status)
        if column == self.DONE_ON:
            return day_text(task.done_on)
        if column == self.ACCEPTED_ON:
            return day_text(task.accepted_on)
        if column == self.OVERDUE:
            days = task.days_overdue(self._as_of)
            return str(days) if days else ""
        if column == self.COST:
            if task.key not in self._costs:
                return ""
            cost = self._costs[task.key]
            return "—" if cost is None else format_money(cost, lang=self.lang)
        if column == self.COMMENT:
            return task.comment
        return ""


class TaskCountsModel(TitledTableModel):
    """The count lines of one filter: each count cell opens the list behind it."""

    EMPLOYEE, TOTAL, OPEN, DONE, ACCEPTED, LEFT, OVERDUE, MAX_DAYS, TO_ACCEPT = range(9)
    COLUMNS = 9

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[TaskCounts] = []
        self._me: str | None = None

    def set_rows(self, rows: Sequence[TaskCounts], me: str | None = None) -> None:
        """Show these lines (``me``'s line in bold)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._me = me
        self.endResetModel()

    def counts(self, row: int) -> TaskCounts:
        """The line of a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Employee"),
            self.tr("In all"),
            self.tr("Open"),
            self.tr("Done"),
            self.tr("Accepted"),
            self.tr("Left"),
            self.tr("Overdue"),
            self.tr("Max days overdue"),
            self.tr("To accept"),
        )

    def value(self, row: TaskCounts, column: int) -> int:
        """The number in a count column."""
        return (
            0,
            row.total,
            row.open,
            row.done,
            row.accepted,
            row.left,
            row.overdue,
            row.max_days_overdue,
            row.to_accept,
        )[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.FontRole and row.employee == self._me:
            font = QFont()
            font.setBold(True)
            return font
        if column == self.EMPLOYEE:
            return row.employee if role == Qt.ItemDataRole.DisplayRole else None
        number = self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(number)
        if role == COUNT_ROLE:
            return number
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column != self.MAX_DAYS and number:
            return self.tr("Double-click to open the list")
        if role == Qt.ItemDataRole.ForegroundRole and number:
            if column in (self.OVERDUE, self.MAX_DAYS):
                return QBrush(OVERDUE_COLOR)
            if column == self.TO_ACCEPT:
                return QBrush(WAITING_COLOR)
        return None

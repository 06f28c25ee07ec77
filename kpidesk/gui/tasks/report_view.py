"""The personal period report on screen (seed 002): for one employee, the counts of their
duties and tasks (open / done / accepted), what waits for their acceptance, their overdue
items, their KPI, the average over six periods and the bonus, and the items still open with
what each costs in the bonus. Every number is a button that opens the list behind it (the
``openList(str, object)`` signal carries a caption and a ``Task → bool`` filter). Below the
open items, what waits for this person's acceptance; "Mark done" acts on the selected open
items, "Accept" and "Return…" on the selected waiting ones (``actOn(str, list)``: the
action — ``done``, ``accept`` or ``return`` — and the tasks; the section does it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.money import format_money, format_percent
from kpidesk.core.tasks import Task, TaskKind, TaskStatus
from kpidesk.core.tasks_report import PersonalReport
from kpidesk.gui.rights import WITHHELD
from kpidesk.gui.tasks.models import TaskListModel

TaskFilter = Callable[[Task], bool]

_NUMBER_STYLE = (
    "QPushButton { font-size: 18pt; font-weight: bold; padding: 4px 10px; text-align: left;"
    " border: 1px solid #c9c9c9; border-radius: 4px; background: #fafafa; }"
    " QPushButton:hover { background: #eef3fb; }"
)
_BAD_STYLE = _NUMBER_STYLE.replace("#fafafa", "#fdecee").replace(
    "font-weight", "color: #b00020; font-weight"
)


class PersonalReportView(QWidget):
    """One employee's personal report; numbers open their lists."""

    openList = Signal(str, object)
    actOn = Signal(str, object)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personal_report")
        self.lang = lang
        self.report: PersonalReport | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("report_heading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.subheading = QLabel(self)
        self.subheading.setStyleSheet("color: #555;")
        self.heading.setWordWrap(True)  # a long name and store must not widen the window
        self.subheading.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        top = QHBoxLayout()
        layout.addLayout(top)
        counts = QGroupBox(self.tr("My duties and tasks"), self)
        grid = QGridLayout(counts)
        self.buttons: dict[str, QPushButton] = {}
        statuses = (
            (TaskStatus.OPEN, self.tr("open")),
            (TaskStatus.DONE, self.tr("done, waiting")),
            (TaskStatus.ACCEPTED, self.tr("accepted")),
        )
        for column, (_status, label) in enumerate(statuses, start=1):
            title = QLabel(label, counts)
            title.setWordWrap(True)  # «выполнена, ждёт приёмки» on two lines, not wider
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(title, 0, column, Qt.AlignmentFlag.AlignCenter)
        for row, (kind, label) in enumerate(
            ((TaskKind.DUTY, self.tr("Duties")), (TaskKind.TASK, self.tr("Tasks"))), start=1
        ):
            grid.addWidget(QLabel(label, counts), row, 0)
            for column, (status, _label) in enumerate(statuses, start=1):
                grid.addWidget(self._button(f"{kind.value}_{status.value}"), row, column)
        top.addWidget(counts)
        attention = QGroupBox(self.tr("Needs attention"), self)
        side = QGridLayout(attention)
        for row, (key, label) in enumerate(
            (
                ("to_accept", self.tr("Waiting for my acceptance")),
                ("overdue", self.tr("My overdue items")),
                ("left", self.tr("Left to close")),
            )
        ):
            side.addWidget(QLabel(label, attention), row, 0)
            side.addWidget(self._button(key), row, 1)
        top.addWidget(attention)
        money = QGroupBox(self.tr("KPI and bonus"), self)
        figures = QGridLayout(money)
        self.kpi_label = QLabel(money)
        self.average_label = QLabel(money)
        self.bonus_label = QLabel(money)
        self.cost_label = QLabel(money)
        self.cost_label.setObjectName("cost_label")
        for row, (label, value) in enumerate(
            (
                (self.tr("My KPI for the period"), self.kpi_label),
                (self.tr("My average KPI (last six periods)"), self.average_label),
                (self.tr("My bonus for the period"), self.bonus_label),
                (self.tr("Open items cost in the bonus"), self.cost_label),
            )
        ):
            figures.addWidget(QLabel(label, money), row, 0)
            value.setStyleSheet("font-size: 12pt; font-weight: bold;")
            figures.addWidget(value, row, 1)
        for text in money.findChildren(QLabel):
            text.setWordWrap(True)  # the three boxes stay within a 1280-pixel window
        top.addWidget(money, 1)
        layout.addWidget(QLabel(self.tr("My duties and tasks still open"), self))
        self.model = TaskListModel(lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("report_items")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TaskListModel.TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TaskListModel.COMMENT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(TaskListModel.TITLE, 330)
        for column in (TaskListModel.ASSIGNEE, TaskListModel.ACCEPTED_ON):
            self.table.setColumnHidden(column, True)
        layout.addWidget(self.table, 2)
        self.accept_caption = QLabel(self.tr("Waiting for my acceptance"), self)
        layout.addWidget(self.accept_caption)
        self.accept_model = TaskListModel(lang, self)
        self.accept_table = QTableView(self)
        self.accept_table.setObjectName("report_to_accept")
        self.accept_table.setModel(self.accept_model)
        self.accept_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accept_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accept_table.verticalHeader().setVisible(False)
        columns = self.accept_table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(TaskListModel.TITLE, QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(TaskListModel.COMMENT, QHeaderView.ResizeMode.Stretch)
        self.accept_table.setColumnWidth(TaskListModel.TITLE, 330)
        # the controller is the report's person; what it costs is the assignee's
        for column in (TaskListModel.CONTROLLER, TaskListModel.COST, TaskListModel.ACCEPTED_ON):
            self.accept_table.setColumnHidden(column, True)
        layout.addWidget(self.accept_table, 1)
        actions = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Mark done"), self)
        self.done_button.setObjectName("report_done")
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("report_accept")
        self.return_button = QPushButton(self.tr("Return…"), self)
        self.return_button.setObjectName("report_return")
        self.done_button.clicked.connect(lambda: self._act("done", self.table, self.model))
        self.accept_button.clicked.connect(
            lambda: self._act("accept", self.accept_table, self.accept_model)
        )
        self.return_button.clicked.connect(
            lambda: self._act("return", self.accept_table, self.accept_model)
        )
        for button in (self.done_button, self.accept_button, self.return_button):
            actions.addWidget(button)
        self.message = QLabel(self)
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        actions.addWidget(self.message, 1)
        layout.addLayout(actions)

    def show_actions(self, shown: bool) -> None:
        """Offer the actions (the user acts on tasks as an employee) or not."""
        for button in (self.done_button, self.accept_button, self.return_button):
            button.setVisible(shown)

    def _act(self, action: str, table: QTableView, model: TaskListModel) -> None:
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        if not rows:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(self.tr("Select one or more items in the table first."))
            return
        self.actOn.emit(action, [model.task(row) for row in rows])

    def _button(self, key: str) -> QPushButton:
        button = QPushButton("0", self)
        button.setObjectName(f"count_{key}")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet(_NUMBER_STYLE)
        button.setMinimumWidth(70)
        button.setToolTip(self.tr("Open the list"))
        button.clicked.connect(lambda: self._open(key))
        self.buttons[key] = button
        return button

    # --- content ----------------------------------------------------------------------
    def show_report(self, report: PersonalReport, subtitle: str, *, money: bool = True) -> None:
        """Show ``report``; ``subtitle`` names the position, store, period and day;
        ``money=False``: the bonus and what open items cost in it are not the reader's to
        see (SPEC §8.1) and show as "—"."""
        self.report = report
        self.heading.setText(self.tr("Personal period report: %1").replace("%1", report.employee))
        self.subheading.setText(subtitle)
        for kind in TaskKind:
            for status in TaskStatus:
                self.buttons[f"{kind.value}_{status.value}"].setText(
                    str(report.count(kind, status))
                )
        numbers = {
            "to_accept": len(report.to_accept),
            "overdue": len(report.overdue),
            "left": len(report.left),
        }
        for key, number in numbers.items():
            button = self.buttons[key]
            button.setText(str(number))
            bad = number > 0 and key in ("to_accept", "overdue")
            button.setStyleSheet(_BAD_STYLE if bad else _NUMBER_STYLE)
        days = max((t.days_overdue(report.as_of) for t in report.overdue), default=0)
        if days:
            self.buttons["overdue"].setToolTip(
                self.tr("Up to %1 days overdue").replace("%1", str(days))
            )
        no_data = self.tr("no data")
        self.kpi_label.setText(
            format_percent(report.kpi, lang=self.lang) if report.kpi is not None else no_data
        )
        if report.average_kpi is None:
            self.average_label.setText(no_data)
        else:
            text = self.tr("%1 (over %2 periods)").replace(
                "%1", format_percent(report.average_kpi, lang=self.lang)
            )
            self.average_label.setText(text.replace("%2", str(report.kpi_periods)))
        self.bonus_label.setText(
            format_money(report.bonus, lang=self.lang) if report.bonus is not None else no_data
        )
        total = report.total_cost
        self.cost_label.setText(
            format_money(total, lang=self.lang) if total is not None else no_data
        )
        if not money:
            self.bonus_label.setText(WITHHELD)
            self.cost_label.setText(WITHHELD)
            total = None
        self.cost_label.setStyleSheet(
            "font-size: 12pt; font-weight: bold;" + (" color: #b00020;" if total else "")
        )
        costs = {item.task.key: (item.cost if money else None) for item in report.costs}
        self.model.set_tasks(report.left, report.as_of, costs)
        self.accept_model.set_tasks(report.to_accept, report.as_of)
        self.message.clear()

    # --- drill-down -------------------------------------------------------------------
    def list_for(self, key: str) -> tuple[str, TaskFilter]:
        """The caption and the filter of the list behind the number ``key``."""
        report = self.report
        name = report.employee if report is not None else ""
        as_of = report.as_of if report is not None else None
        if key == "to_accept":
            return (
                self.tr("Waiting for the acceptance of %1").replace("%1", name),
                lambda t: t.controller == name and t.status is TaskStatus.DONE,
            )
        if key == "overdue":
            return (
                self.tr("Overdue items of %1").replace("%1", name),
                lambda t: t.assignee == name and as_of is not None and t.is_overdue(as_of),
            )
        if key == "left":
            return (
                self.tr("Items of %1 left to close").replace("%1", name),
                lambda t: t.assignee == name and t.status is not TaskStatus.ACCEPTED,
            )
        kind_value, _, status_value = key.partition("_")
        kind, status = TaskKind(kind_value), TaskStatus(status_value)
        what = self.tr("Duties") if kind is TaskKind.DUTY else self.tr("Tasks")
        caption = self.tr("%1 of %2: %3").replace("%1", what).replace("%2", name)
        labels = {
            TaskStatus.OPEN: self.tr("open"),
            TaskStatus.DONE: self.tr("done, waiting"),
            TaskStatus.ACCEPTED: self.tr("accepted"),
        }
        return (
            caption.replace("%3", labels[status]),
            lambda t: t.assignee == name and t.kind is kind and t.status is status,
        )

    def _open(self, key: str) -> None:
        caption, keep = self.list_for(key)
        self.openList.emit(caption, keep)

"""The dialog of a one-off task (SPEC §2.8): title, description, assignee, controller and
due date — to give a new task in the period or to edit an open one. :func:`ask_task` shows
it modally (tests replace that function).

Must not: write anything or decide whether the task is acceptable
(``services.task_editing`` checks it when it is written).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.periods import Period
from kpidesk.core.tasks import Task


@dataclass(frozen=True)
class TaskForm:
    """What the dialog holds."""

    title: str
    description: str
    assignee: str
    controller: str
    due: date


class TaskDialog(QDialog):
    """Give or edit a one-off task."""

    def __init__(
        self,
        people: Sequence[str],
        period: Period,
        task: Task | None = None,
        *,
        assignee: str | None = None,
        controller: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("task_dialog")
        self.setWindowTitle(self.tr("Edit task") if task else self.tr("New task"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("task_title")
        self.title_edit.setPlaceholderText(self.tr("What to do"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setObjectName("task_description")
        self.description_edit.setFixedHeight(90)
        self.assignee_combo = QComboBox(self)
        self.assignee_combo.setObjectName("task_assignee")
        self.controller_combo = QComboBox(self)
        self.controller_combo.setObjectName("task_controller")
        for combo in (self.assignee_combo, self.controller_combo):
            for name in people:
                combo.addItem(name, name)
        self.due_edit = QDateEdit(self)
        self.due_edit.setObjectName("task_due")
        self.due_edit.setDisplayFormat("dd.MM.yyyy")
        self.due_edit.setCalendarPopup(True)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Description:"), self.description_edit)
        form.addRow(self.tr("Assignee (does it):"), self.assignee_combo)
        form.addRow(self.tr("Controller (accepts it):"), self.controller_combo)
        form.addRow(self.tr("Due date:"), self.due_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if task is not None:
            self.fill(
                TaskForm(task.title, task.description, task.assignee, task.controller, task.due)
            )
        else:
            self._choose(self.assignee_combo, assignee)
            self._choose(self.controller_combo, controller)
            self._put_due(period.end)

    @staticmethod
    def _choose(combo: QComboBox, name: str | None) -> None:
        index = combo.findData(name) if name else -1
        if index >= 0:
            combo.setCurrentIndex(index)

    def _put_due(self, day: date) -> None:
        self.due_edit.setDate(QDate(day.year, day.month, day.day))

    def fill(self, form: TaskForm) -> None:
        """Show ``form`` in the fields."""
        self.title_edit.setText(form.title)
        self.description_edit.setPlainText(form.description)
        self._choose(self.assignee_combo, form.assignee)
        self._choose(self.controller_combo, form.controller)
        self._put_due(form.due)

    def form(self) -> TaskForm:
        """What the fields hold."""
        due = self.due_edit.date()
        return TaskForm(
            self.title_edit.text(),
            self.description_edit.toPlainText(),
            str(self.assignee_combo.currentData() or ""),
            str(self.controller_combo.currentData() or ""),
            date(due.year(), due.month(), due.day()),
        )


def ask_task(
    parent: QWidget,
    people: Sequence[str],
    period: Period,
    task: Task | None = None,
    *,
    assignee: str | None = None,
    controller: str | None = None,
) -> TaskForm | None:
    """Show the dialog (filled from ``task`` when editing); the form, or ``None`` if
    cancelled."""
    dialog = TaskDialog(
        people, period, task, assignee=assignee, controller=controller, parent=parent
    )
    try:
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()

"""Giving, editing and deleting one-off tasks from the Tasks section (SPEC §2.8, §8.1): the
"New task…", "Edit…" and "Delete…" buttons of the list, for the roles that assign tasks (the
owner; a store manager for their store's people). The dialog is ``task_dialog``; every
write is an operation of ``services.task_editing`` run through ``AppContext.run``, and its
refusal is shown translated under the list.

Must not: check a task itself (the service does) or write other than through the context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from kpidesk.core.rights import Right, Scope
from kpidesk.core.tasks import Task
from kpidesk.gui.context import AppContext
from kpidesk.gui.tasks import task_dialog
from kpidesk.gui.tasks.report_view import TaskFilter
from kpidesk.reports.problem_text import error_text
from kpidesk.services import task_editing
from kpidesk.services.changes import Change
from kpidesk.services.errors import UserError


class TasksPage(Protocol):
    """What the buttons use of ``TasksSection`` (named here: the section imports this)."""

    context: AppContext
    person_combo: QComboBox
    message: QLabel

    @property
    def me(self) -> str | None: ...
    def selected_tasks(self) -> list[Task]: ...
    def refresh_now(self) -> None: ...
    def show_list(self, caption: str, keep: TaskFilter) -> None: ...


ERROR_STYLE, OK_STYLE = "color: #b00020;", "color: #1b5e20;"


class TaskEditing:
    """The New / Edit / Delete buttons of the task list and what they do."""

    def __init__(self, section: TasksPage, parent: QWidget) -> None:
        self.section = section
        self.parent = parent  # the dialogs' parent
        translate = QCoreApplication.translate
        self.new_button = QPushButton(translate("TasksSection", "New task…"), parent)
        self.new_button.setObjectName("new_task_button")
        self.edit_button = QPushButton(translate("TasksSection", "Edit…"), parent)
        self.edit_button.setObjectName("edit_task_button")
        self.delete_button = QPushButton(translate("TasksSection", "Delete…"), parent)
        self.delete_button.setObjectName("delete_task_button")
        self.new_button.clicked.connect(self.create)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)

    def add_to(self, layout: QHBoxLayout) -> None:
        """Put the buttons in a row of the list page."""
        for button in (self.new_button, self.edit_button, self.delete_button):
            layout.addWidget(button)

    def follow_rights(self) -> None:
        """Shown only to the roles that give tasks."""
        shown = self.section.context.service.actor.scope(Right.ASSIGN_TASKS) is not Scope.NONE
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(shown)

    # --- the writes -----------------------------------------------------------------------
    def _people(self) -> list[str]:
        combo = self.section.person_combo
        names = (combo.itemData(i) for i in range(combo.count()))
        return [name for name in names if isinstance(name, str)]

    def _write(self, write: Callable[[], Change], done: str) -> bool:
        section = self.section
        try:
            section.context.run(write, initiator=section)
        except UserError as error:
            section.message.setStyleSheet(ERROR_STYLE)
            section.message.setText(error_text(error))
            return False
        section.refresh_now()
        section.message.setStyleSheet(OK_STYLE)
        section.message.setText(done)
        return True

    def _one_selected(self) -> Task | None:
        chosen = self.section.selected_tasks()
        if len(chosen) != 1:
            self.section.message.setStyleSheet(ERROR_STYLE)
            self.section.message.setText(
                QCoreApplication.translate("TasksSection", "Select one item in the list first.")
            )
            return None
        return chosen[0]

    def create(self) -> bool:
        """Give a new one-off task in the period (asks for it). Returns whether it did."""
        section = self.section
        period = section.context.period
        person = section.person_combo.currentData()
        form = task_dialog.ask_task(
            self.parent,
            self._people(),
            period,
            assignee=person if isinstance(person, str) else None,
            controller=section.me,
        )
        if form is None:
            return False
        task = task_editing.new_task(
            period, form.title, form.assignee, form.controller, form.due, form.description
        )
        service = section.context.service
        done = QCoreApplication.translate("TasksSection", "Task given: %1 → %2.")
        done = done.replace("%1", task.title).replace("%2", task.assignee)
        if not self._write(lambda: task_editing.create_task(service, task), done):
            return False
        section.show_list(
            QCoreApplication.translate("TasksSection", "Tasks of %1").replace("%1", task.assignee),
            lambda t: t.assignee == task.assignee,
        )
        section.message.setStyleSheet(OK_STYLE)
        section.message.setText(done)
        return True

    def edit(self) -> bool:
        """Edit the selected open task (asks for its new values)."""
        section = self.section
        old = self._one_selected()
        if old is None:
            return False
        form = task_dialog.ask_task(self.parent, self._people(), old.period, old)
        if form is None:
            return False
        new = task_editing.new_task(
            old.period, form.title, form.assignee, form.controller, form.due, form.description
        )
        service = section.context.service
        done = QCoreApplication.translate("TasksSection", "Task changed: %1.").replace(
            "%1", new.title
        )
        return self._write(lambda: task_editing.edit_task(service, old, new), done)

    def delete(self) -> bool:
        """Delete the selected task after asking (audited)."""
        section = self.section
        task = self._one_selected()
        if task is None:
            return False
        answer = QMessageBox.question(
            self.parent,
            QCoreApplication.translate("TasksSection", "Delete task"),
            QCoreApplication.translate("TasksSection", "Delete '%1' of %2?")
            .replace("%1", task.title)
            .replace("%2", task.assignee),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        service = section.context.service
        done = QCoreApplication.translate("TasksSection", "Task deleted: %1.").replace(
            "%1", task.title
        )
        return self._write(lambda: task_editing.delete_task(service, task), done)

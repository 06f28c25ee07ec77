"""Tasks from the window (issue 15, item 4, seed 002 "give a task, accept it"): the owner
gives a one-off task from the list (title, description, assignee, controller, due date),
the assignee marks it done from their personal report, the controller accepts it from
theirs; an open task is edited and another deleted from the list; the dialog itself holds
what it is given; a role that does not give tasks sees no such buttons."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox, QTableView

from kpidesk.core.periods import Period
from kpidesk.core.tasks import TaskKind, TaskStatus
from kpidesk.gui.tasks import task_dialog
from kpidesk.gui.tasks.task_dialog import TaskDialog, TaskForm
from kpidesk.services import tasks as task_service

SMIRNOV = "Смирнов Сергей Петрович"  # the manager of «Центральный»
VOLKOV = "Волков Артём Андреевич"  # a seller there
OCT = Period.month(2026, 10)
DUE = date(2026, 10, 28)


@pytest.fixture
def section(main_window, russian):  # type: ignore[no-untyped-def]
    main_window.show_section("tasks")
    return main_window.section("tasks")


def given(section, title: str):  # type: ignore[no-untyped-def]
    found = [t for t in task_service.period_tasks(section.context.service, OCT) if t.title == title]
    return found[0] if found else None


def select(view: QTableView, title: str) -> None:
    model = view.model()
    rows = [row for row in range(model.rowCount()) if model.task(row).title == title]
    assert rows, f"{title!r} is not in {view.objectName()}"
    view.selectionModel().select(
        model.index(rows[0], 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def answer_dialog(monkeypatch, form: TaskForm, asked: list | None = None) -> None:  # type: ignore[no-untyped-def]
    def ask(parent, people, period, task=None, **defaults):  # type: ignore[no-untyped-def]
        if asked is not None:
            asked.append((task, defaults))
        return form

    monkeypatch.setattr(task_dialog, "ask_task", ask)


def test_a_task_is_given_done_and_accepted_from_the_window(section, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    section.set_me(SMIRNOV)
    asked: list = []
    form = TaskForm("Оформить витрину к акции", "фото в чат", VOLKOV, SMIRNOV, DUE)
    answer_dialog(monkeypatch, form, asked)
    with qtbot.waitSignal(section.context.changed):
        section.editing.new_button.click()
    assert asked[0][1]["controller"] == SMIRNOV  # "me" is offered as the controller
    task = given(section, "Оформить витрину к акции")
    assert task is not None and task.kind is TaskKind.TASK and task.status is TaskStatus.OPEN
    assert (task.assignee, task.controller, task.due, task.description) == (
        VOLKOV,
        SMIRNOV,
        DUE,
        "фото в чат",
    )
    assert "Задача поставлена" in section.message.text()
    assert task in section.list_model.tasks()
    # the assignee marks it done from their personal report
    section.set_me(VOLKOV)
    section.tabs.setCurrentIndex(section.REPORT)
    report = section.report_view
    select(report.table, task.title)
    with qtbot.waitSignal(section.context.changed):
        report.done_button.click()
    assert given(section, task.title).status is TaskStatus.DONE
    assert report.message.text() == "Отмечено выполненными: 1"
    # the controller accepts it from theirs
    section.set_me(SMIRNOV)
    select(report.accept_table, task.title)
    with qtbot.waitSignal(section.context.changed):
        report.accept_button.click()
    done = given(section, task.title)
    assert done.status is TaskStatus.ACCEPTED and done.accepted_on == section.context.today
    assert report.message.text() == "Принято: 1"


def test_edit_and_delete_from_the_list(section, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    section.set_me(SMIRNOV)
    answer_dialog(monkeypatch, TaskForm("Пересчитать кассу", "", VOLKOV, SMIRNOV, DUE))
    section.editing.create()
    asked: list = []
    answer_dialog(
        monkeypatch, TaskForm("Пересчитать кассу и сейф", "до 12:00", VOLKOV, SMIRNOV, DUE), asked
    )
    select(section.list_view, "Пересчитать кассу")
    assert section.editing.edit()
    assert asked[0][0].title == "Пересчитать кассу"  # the dialog got the task to edit
    assert given(section, "Пересчитать кассу") is None
    assert given(section, "Пересчитать кассу и сейф").description == "до 12:00"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    select(section.list_view, "Пересчитать кассу и сейф")
    assert section.editing.delete()
    assert given(section, "Пересчитать кассу и сейф") is None
    audit = section.context.service.database.audit.entries(entity="task", limit=10)
    assert audit[0].action == "delete"


def test_a_refused_task_says_why_in_russian(section, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answer_dialog(monkeypatch, TaskForm("Сам себе", "", VOLKOV, VOLKOV, DUE))
    assert not section.editing.create()
    assert "не может сам принимать свою задачу" in section.message.text()
    assert given(section, "Сам себе") is None


def test_the_dialog_holds_what_it_is_given(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = TaskDialog([SMIRNOV, VOLKOV], OCT, assignee=VOLKOV, controller=SMIRNOV)
    qtbot.addWidget(dialog)
    assert dialog.form() == TaskForm("", "", VOLKOV, SMIRNOV, OCT.end)
    dialog.title_edit.setText("Инвентаризация")
    dialog.description_edit.setPlainText("секция Б")
    assert dialog.form().title == "Инвентаризация" and dialog.form().description == "секция Б"


def test_roles_that_do_not_give_tasks_see_no_buttons(role_window) -> None:  # type: ignore[no-untyped-def]
    for role, shown in (("owner", True), ("manager", True), ("employee", False)):
        window = role_window(role)
        window.show_section("tasks")
        editing = window.section("tasks").editing
        assert (not editing.new_button.isHidden()) is shown, role

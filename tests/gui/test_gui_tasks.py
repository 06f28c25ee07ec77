"""The Tasks section over the demo company (October 2026, today 22.11.2026): models pass
the model tester; marking done, accepting several at once and returning with a comment go
through the list; the personal report's counts match the core and each number opens its
list; duties are created once; the report prints to a one-page PDF; a chosen person opens
the window on their report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QInputDialog

from kpidesk.core.periods import Period
from kpidesk.core.tasks import TaskKind, TaskStatus
from kpidesk.core.tasks_filters import Grouping
from kpidesk.gui.tasks.models import TaskCountsModel
from kpidesk.services import tasks as task_service

SMIRNOV = "Смирнов Сергей Петрович"
VOLKOV = "Волков Артём Андреевич"


@pytest.fixture
def section(main_window):  # type: ignore[no-untyped-def]
    main_window.show_section("tasks")
    found = main_window.section("tasks")
    assert found is not None and found.isVisible()
    return found


def select_all(section) -> None:  # type: ignore[no-untyped-def]
    view = section.list_view
    model = view.model()
    selection = view.selectionModel()
    selection.clearSelection()
    for row in range(model.rowCount()):
        selection.select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def stored(section, period: Period | None = None):  # type: ignore[no-untyped-def]
    service = section.context.service
    return {t.key: t for t in task_service.period_tasks(service, period or section.context.period)}


def test_models_pass_the_model_tester(section, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    section.set_me(SMIRNOV)
    section.show_list("all", lambda t: True)
    assert section.list_model.rowCount() > 50
    qtmodeltester.check(section.list_model)
    qtmodeltester.check(section.report_view.model)
    for model in section.count_models.values():
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_mark_done_from_the_list(section, qtbot) -> None:  # type: ignore[no-untyped-def]
    section.set_me(VOLKOV)
    section.report_view.buttons["overdue"].click()
    assert section.tabs.currentIndex() == section.LIST
    overdue = section.list_model.tasks()
    assert len(overdue) == 2 and all(t.assignee == VOLKOV for t in overdue)
    select_all(section)
    with qtbot.waitSignal(section.context.changed):
        section.done_button.click()
    now = stored(section)
    for task in overdue:
        assert now[task.key].status is TaskStatus.DONE
        assert now[task.key].done_on == section.context.today
    assert "2" in section.message.text()
    assert section.report_view.buttons["overdue"].text() == "0"


def test_accept_several_at_once(section, qtbot) -> None:  # type: ignore[no-untyped-def]
    november = Period.month(2026, 11)
    section.context.set_period(november)
    section.set_me(SMIRNOV)
    waiting = [t for t in stored(section, november).values() if t.controller == SMIRNOV
               and t.status is TaskStatus.DONE]  # fmt: skip
    assert len(waiting) >= 3
    assert section.report_view.buttons["to_accept"].text() == str(len(waiting))
    section.report_view.buttons["to_accept"].click()
    assert {t.key for t in section.list_model.tasks()} == {t.key for t in waiting}
    select_all(section)
    with qtbot.waitSignal(section.context.changed):
        section.accept_button.click()
    now = stored(section, november)
    assert all(now[t.key].status is TaskStatus.ACCEPTED for t in waiting)
    assert section.list_model.rowCount() == 0  # the list follows its filter
    entries = section.context.service.database.audit.entries(entity="task")
    assert sum(1 for e in entries if e.new == "accepted") == len(waiting)


def test_accepting_your_own_task_is_refused_in_place(section) -> None:  # type: ignore[no-untyped-def]
    section.set_me(SMIRNOV)
    section.report_view.buttons["left"].click()
    (own,) = section.list_model.tasks()
    assert own.status is TaskStatus.DONE and own.controller != SMIRNOV
    select_all(section)
    section.accept_button.click()
    assert "cannot accept their own task" in section.message.text()
    assert stored(section)[own.key].status is TaskStatus.DONE


def test_return_with_a_comment(section, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section.set_me(SMIRNOV)
    section.report_view.buttons["to_accept"].click()
    (item,) = section.list_model.tasks()
    select_all(section)
    asked = []
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        lambda *args, **kwargs: asked.append(args) or ("Нет фото секции Б", True),
    )
    with qtbot.waitSignal(section.context.changed):
        section.return_button.click()
    assert asked
    now = stored(section)[item.key]
    assert (now.status, now.comment, now.done_on) == (TaskStatus.OPEN, "Нет фото секции Б", None)


def test_personal_report_counts_and_drill_down(section) -> None:  # type: ignore[no-untyped-def]
    section.set_me(VOLKOV)
    expected = task_service.personal_report_for(
        section.context.service, VOLKOV, section.context.period, section.as_of
    )
    buttons = section.report_view.buttons
    for kind in TaskKind:
        for status in TaskStatus:
            key = f"{kind.value}_{status.value}"
            assert buttons[key].text() == str(expected.count(kind, status)), key
            buttons[key].click()
            shown = section.list_model.tasks()
            assert set(shown) == set(expected.of(kind, status)), key
    assert buttons["left"].text() == str(len(expected.left)) == "2"
    assert buttons["overdue"].text() == "2"
    assert VOLKOV in section.report_view.heading.text()
    assert section.report_view.model.rowCount() == len(expected.left)


def test_counts_open_their_lists(section) -> None:  # type: ignore[no-untyped-def]
    section.set_me(SMIRNOV)
    model = section.count_models[Grouping.DEBTORS]
    row = next(r for r in range(model.rowCount()) if model.counts(r).employee == VOLKOV)
    section.open_count(Grouping.DEBTORS, row, TaskCountsModel.OVERDUE)
    assert [t.assignee for t in section.list_model.tasks()] == [VOLKOV, VOLKOV]
    controllers = section.count_models[Grouping.CONTROLLER]
    row = next(r for r in range(controllers.rowCount()) if controllers.counts(r).to_accept)
    section.open_count(Grouping.CONTROLLER, row, TaskCountsModel.TO_ACCEPT)
    assert section.list_model.rowCount() == controllers.counts(row).to_accept


def test_create_duties_once(section) -> None:  # type: ignore[no-untyped-def]
    december = Period.month(2026, 12)
    section.context.set_period(december)
    section.generate_button.click()
    assert len(stored(section, december)) == 54
    assert "54" in section.message.text()
    section.generate_button.click()
    assert len(stored(section, december)) == 54


def test_report_prints_to_one_pdf_page(section, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    section.set_me(SMIRNOV)
    path = section.save_pdf(tmp_path / "report.pdf")
    assert path is not None
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1  # one A4 page
    html = section.report_html()
    assert html is not None and SMIRNOV in html and "625,00" in html


def test_window_opens_on_the_chosen_persons_report(demo_service, qtbot, today) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.app import build_main_window

    task_service.choose_person(demo_service, SMIRNOV)
    window = build_main_window(demo_service, lang="ru", period=Period.month(2026, 10), today=today)
    qtbot.addWidget(window)
    window.show()
    section = window.section("tasks")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is section)
    assert section.tabs.currentIndex() == section.REPORT
    assert SMIRNOV in section.report_view.heading.text()

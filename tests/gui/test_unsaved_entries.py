"""Nothing typed is lost (issue 15, item 1): leaving a day, a store, the period, the section
or the window with typing not saved in Ввод за день asks «Сохранить / Не сохранять /
Отмена» — Cancel keeps the user where they were with the typing, Don't save drops it, Save
saves it first; the month grid asks about days typed in part. The question is answered by
replacing ``section.ask_unsaved``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar

import pytest
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.gui import section as section_module
from kpidesk.services import daily_entry

MEGA = "ТЦ «Мега»"
DAY = date(2026, 10, 5)
Button = QMessageBox.StandardButton


@pytest.fixture
def answer(monkeypatch):  # type: ignore[no-untyped-def]
    """Answer the question with ``answer.button``; ``answer.asked`` holds the questions."""

    class Answer:
        button = Button.Cancel
        asked: ClassVar[list[str]] = []

    def ask(parent, text):  # type: ignore[no-untyped-def]
        Answer.asked.append(text)
        return Answer.button

    Answer.asked = []
    monkeypatch.setattr(section_module, "ask_unsaved", ask)
    return Answer


@pytest.fixture
def daily(main_window, russian):  # type: ignore[no-untyped-def]
    main_window.show_section("daily")
    found = main_window.section("daily")
    daily_entry.delete_day(found.context.service, MEGA, DAY)
    found.open_item(store=MEGA, day=DAY)
    return found


def type_day(section, revenue: str = "95 400,50") -> None:  # type: ignore[no-untyped-def]
    for name, text in (("revenue", revenue), ("receipts", "36"), ("visitors", "170")):
        section.fields[name].setText(text)


def test_typed_entries_survive_a_day_change_behind_a_question(daily, answer) -> None:  # type: ignore[no-untyped-def]
    type_day(daily)
    daily.set_day(date(2026, 10, 6))
    assert answer.asked == ["Данные за 05.10.2026 по ТЦ «Мега» не сохранены. Сохранить их?"]
    assert daily.day == DAY  # Cancel: the same day, the same typing
    assert daily.fields["revenue"].text() == "95 400,50"
    assert daily.has_unsaved()
    answer.button = Button.Discard
    daily.set_day(date(2026, 10, 6))
    assert daily.day == date(2026, 10, 6)
    assert daily_entry.saved_day(daily.context.service, MEGA, DAY) is None  # dropped


def test_save_saves_the_day_left(daily, answer) -> None:  # type: ignore[no-untyped-def]
    type_day(daily)
    answer.button = Button.Save
    daily.next_day.click()
    assert daily.day == date(2026, 10, 6)
    saved = daily_entry.saved_day(daily.context.service, MEGA, DAY)
    assert saved == DailyEntry(MEGA, DAY, Decimal("95400.50"), 36, 170)
    assert not daily.has_unsaved()


def test_a_refused_save_stays_on_the_day(daily, answer) -> None:  # type: ignore[no-untyped-def]
    type_day(daily, revenue="-500")
    answer.button = Button.Save
    daily.set_day(date(2026, 10, 6))
    assert daily.day == DAY and daily.fields["revenue"].text() == "-500"
    assert daily_entry.saved_day(daily.context.service, MEGA, DAY) is None


def test_the_store_the_period_the_section_and_the_window_ask(  # type: ignore[no-untyped-def]
    main_window, daily, answer
) -> None:
    type_day(daily)
    other = next(s for s in daily.context.service.company().stores if s.name != MEGA).name
    daily.stores.choose(other)
    assert daily.store == MEGA and len(answer.asked) == 1
    main_window.period_selector.set_period(Period.month(2026, 9))
    assert main_window.context.period == Period.month(2026, 10) and len(answer.asked) == 2
    assert main_window.period_selector.period == Period.month(2026, 10)
    assert not main_window.show_section("facts")
    assert main_window.current_section() is daily and len(answer.asked) == 3
    assert main_window.navigation.currentRow() == main_window.section_keys().index("daily")
    event = QCloseEvent()
    main_window.closeEvent(event)
    assert not event.isAccepted() and len(answer.asked) == 4
    assert daily.fields["revenue"].text() == "95 400,50"  # still there after all of it
    answer.button = Button.Discard
    main_window.show_section("facts")
    assert main_window.current_section() is main_window.section("facts")


def test_the_month_grid_asks_about_days_typed_in_part(main_window, answer) -> None:  # type: ignore[no-untyped-def]
    main_window.show_section("month_grid")
    grid = main_window.section("month_grid")
    grid.stores.choose(MEGA)
    model = grid.model
    daily_entry.delete_day(grid.context.service, MEGA, DAY)
    model.refresh()
    row = model.row_of(DAY)
    assert model.setData(model.index(row, model.REVENUE), "1000")
    assert model.is_draft(DAY) and grid.has_unsaved()
    main_window.show_section("facts")
    assert main_window.current_section() is grid
    assert "05.10" in answer.asked[0]
    answer.button = Button.Save  # a day typed in part cannot be saved: the grid stays
    main_window.show_section("facts")
    assert main_window.current_section() is grid
    assert "05.10.2026" in grid.message.text()
    answer.button = Button.Discard
    main_window.show_section("facts")
    assert main_window.current_section() is main_window.section("facts")
    assert not model.is_draft(DAY)


def test_facts_kept_for_a_lost_server_are_asked_about(main_window, russian, answer) -> None:  # type: ignore[no-untyped-def]
    main_window.show_section("facts")
    facts = main_window.section("facts")
    model = facts.model
    cell = next(
        model.cell_of(model.index(row, column))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if model.is_editable(model.cell_of(model.index(row, column)))
    )
    model._keep_unsaved({cell: Decimal(7)})  # what a save refused for a lost server keeps
    assert facts.has_unsaved()
    assert not main_window.show_section("daily")
    assert answer.asked == ["Не сохранено фактов: 1. Сохранить их?"]
    answer.button = Button.Discard
    assert main_window.show_section("daily")
    assert not model.pending

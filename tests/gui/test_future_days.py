"""Dates and honest live figures in Ввод за день (issue 15, items 2–3): a day after today is
refused in the form and in the month grid with a message naming the date; the calendar
marks the days without data; a refused value never feeds the side panel or the plan bar; a
paste with two kinds of error lists both with their dates and columns; warnings name their
date and go away on undo; a suspicious saved day is coloured with a tooltip saying why."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.gui.daily.calendar_marks import marked_missing
from kpidesk.gui.daily.month_grid_checks import SUSPICIOUS_BACKGROUND
from kpidesk.services import daily_entry

MEGA = "ТЦ «Мега»"
LATER = date(2026, 11, 25)  # the demo's today is 22.11.2026


@pytest.fixture
def daily(main_window, russian):  # type: ignore[no-untyped-def]
    main_window.show_section("daily")
    return main_window.section("daily")


@pytest.fixture
def grid(main_window, russian):  # type: ignore[no-untyped-def]
    main_window.show_section("month_grid")
    found = main_window.section("month_grid")
    found.stores.choose(MEGA)
    return found


def test_a_future_day_is_refused_in_the_form(daily) -> None:  # type: ignore[no-untyped-def]
    daily.open_item(store=MEGA, day=LATER)
    assert daily.day == LATER
    assert "25.11.2026" in daily.general_message.text()
    assert "позже сегодняшнего дня (22.11.2026)" in daily.general_message.text()
    assert not daily.save_button.isEnabled()
    assert all(edit.isReadOnly() for edit in daily.fields.values())
    assert daily.day_state.text() == "позже сегодняшнего дня"
    assert not daily.save()
    assert daily_entry.saved_day(daily.context.service, MEGA, LATER) is None
    daily.set_day(date(2026, 11, 22))
    assert not daily.next_day.isEnabled()  # ▶ stops at today


def test_the_calendar_marks_the_days_without_data(daily) -> None:  # type: ignore[no-untyped-def]
    service = daily.context.service
    daily_entry.delete_day(service, MEGA, date(2026, 10, 7))
    daily.open_item(store=MEGA, day=date(2026, 10, 8))
    calendar = daily.date_edit.calendarWidget()
    assert date(2026, 10, 7) in marked_missing(calendar, Period.month(2026, 10))
    assert date(2026, 10, 8) not in marked_missing(calendar, Period.month(2026, 10))


def test_a_refused_value_never_feeds_the_panel_or_the_plan(daily) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 10, 5)
    daily_entry.delete_day(daily.context.service, MEGA, day)
    daily.open_item(store=MEGA, day=day)
    daily.fields["revenue"].setText("")
    daily.recheck()
    plan_before = daily.plan_bar.format()
    for name, text in (("revenue", "-500"), ("receipts", "3"), ("visitors", "10")):
        daily.fields[name].setText(text)
    assert {label.text() for label in daily.figure_labels.values()} == {"—"}
    assert "−500" not in daily.plan_bar.format() and daily.plan_bar.format() == plan_before
    assert "отрицательн" in daily.field_messages["revenue"].text()
    daily.fields["revenue"].setText("600")
    assert daily.figure_labels["avg_check"].text() == "200,00\u00a0₽"
    daily.discard_unsaved()  # (closing the window would ask about the typed day)


def test_a_future_day_is_refused_in_the_grid(grid) -> None:  # type: ignore[no-untyped-def]
    grid.context.set_period(Period.month(2026, 11))
    model = grid.model
    row = model.row_of(LATER)
    assert not model.setData(model.index(row, model.REVENUE), "1000")
    assert "25.11.2026" in (model.last_error or "")
    refusal = model.paste_block(model.row_of(date(2026, 11, 21)), 0, [["1", "1", "1"]] * 5)
    assert refusal is not None and "23.11.2026" in refusal and "25.11.2026" in refusal
    assert daily_entry.saved_day(grid.context.service, MEGA, date(2026, 11, 23)) is None


def test_a_two_error_paste_lists_both_with_dates(grid) -> None:  # type: ignore[no-untyped-def]
    model = grid.model
    row = model.row_of(date(2026, 10, 5))
    before = daily_entry.saved_day(grid.context.service, MEGA, date(2026, 10, 5))
    refusal = model.paste_block(row, 0, [["-5", "3", "10"], ["abc", "3", "10"]])
    assert refusal is not None
    lines = refusal.split("\n")
    assert len(lines) == 2
    assert any(line.startswith("05.10.2026, выручка") for line in lines), lines
    assert any(line.startswith("06.10.2026, выручка") and "abc" in line for line in lines)
    grid._show_refusal(refusal)
    assert "05.10.2026" in grid.message.text() and "06.10.2026" in grid.message.text()
    assert daily_entry.saved_day(grid.context.service, MEGA, date(2026, 10, 5)) == before


def test_warnings_name_their_date_and_go_away_on_undo(grid, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = grid.model
    day = date(2026, 10, 14)
    row = model.row_of(day)
    with qtbot.waitSignal(model.warned):
        assert model.paste_block(row, 0, [["90000", "50", "30"]]) is None
    text = grid.message.text()
    assert "14.10.2026, посетители" in text and "конверсия" in text.lower()
    assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole).color().name() == (
        SUSPICIOUS_BACKGROUND
    )
    tooltip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "14.10.2026" in tooltip and "3" in tooltip
    grid.undo_stack.undo()
    assert grid.message.text() == ""
    assert not model.is_suspicious(day)
    saved = daily_entry.saved_day(grid.context.service, MEGA, day)
    assert saved is not None and saved != DailyEntry(MEGA, day, Decimal(90000), 50, 30)

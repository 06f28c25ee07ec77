"""The daily entry form: a whole day typed with the keyboard alone and saved with Ctrl+S,
every refusal and warning shown beside its field before saving, the saved day with its
audit trail, the plan progress, the sellers' tab, and a locked period read-only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.gui.context import AppContext
from kpidesk.gui.daily.entry import DailyEntrySection
from kpidesk.services import daily_entry
from kpidesk.services.company import CompanyService
from kpidesk.services.periods import lock_period

MEGA = "ТЦ «Мега»"
DAY = date(2026, 10, 5)


@pytest.fixture
def section(qtbot, demo_service: CompanyService, demo_period: Period, today: date):  # type: ignore[no-untyped-def]
    context = AppContext(demo_service, lang="ru", period=demo_period, today=today)
    widget = DailyEntrySection(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def test_opens_on_the_first_missing_day(qtbot, demo_service, demo_period, today) -> None:  # type: ignore[no-untyped-def]
    daily_entry.delete_day(demo_service, "Центральный", date(2026, 10, 12))
    context = AppContext(demo_service, lang="ru", period=demo_period, today=today)
    context.set_store("Центральный")
    widget = DailyEntrySection(context)
    qtbot.addWidget(widget)
    assert widget.store == "Центральный"
    assert widget.day == date(2026, 10, 12)
    assert widget.fields["revenue"].text() == ""
    assert widget.day_state.text() == "no data yet"


def test_a_whole_day_from_the_keyboard_and_ctrl_s(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    daily_entry.delete_day(demo_service, MEGA, DAY)
    section.open_item(store=MEGA, day=DAY)
    assert section.fields["revenue"].text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is section.fields["revenue"])
    for name, text in (
        ("revenue", "95 400,50"),
        ("receipts", "36"),
        ("visitors", "170"),
        ("units", "58"),
        ("returns", "1 200"),
    ):
        focused = QApplication.focusWidget()
        assert focused is section.fields[name]
        qtbot.keyClicks(focused, text)
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    # live figures from the typed values, Russian formatted
    assert section.figure_labels["conversion"].text() == "21,2%"
    assert section.figure_labels["avg_check"].text() == "2\u00a0650,01\u00a0₽"
    assert section.figure_labels["upt"].text() == "1,61"
    assert section.save_button.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = daily_entry.saved_day(demo_service, MEGA, DAY)
    assert saved == DailyEntry(MEGA, DAY, Decimal("95400.50"), 36, 170, 58, Decimal(1200))
    assert section.day == date(2026, 10, 6)  # offers the next day
    assert QApplication.focusWidget() is section.fields["revenue"]
    assert "05.10.2026" in section.general_message.text()


def test_refusals_and_warnings_before_saving(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    section.open_item(store=MEGA, day=DAY)
    before = daily_entry.saved_day(demo_service, MEGA, DAY)
    fields, messages = section.fields, section.field_messages

    def type_day(revenue: str, receipts: str, visitors: str) -> None:
        fields["revenue"].setText(revenue)
        fields["receipts"].setText(receipts)
        fields["visitors"].setText(visitors)

    type_day("-5", "34", "163")
    assert "Revenue cannot be negative" in messages["revenue"].text()
    assert not section.save_button.isEnabled()

    type_day("5 000", "0", "163")
    assert "with no receipts" in messages["receipts"].text()
    assert not section.save_button.isEnabled()

    type_day("88 000", "40", "30")
    assert "conversion is above 100%" in messages["visitors"].text()
    assert "⚠" in messages["visitors"].text()
    assert section.save_button.isEnabled()  # a warning does not refuse

    usual = daily_entry.usual_day(demo_service, MEGA, DAY)
    assert usual is not None
    type_day(str(usual.revenue * 4).replace(".", ","), str(usual.receipts), str(usual.visitors))
    assert "3 times off the store's usual day" in messages["revenue"].text()
    assert section.save_button.isEnabled()

    fields["units"].setText("1,5")
    assert "whole number" in messages["units"].text()
    assert not section.save_button.isEnabled()
    assert daily_entry.saved_day(demo_service, MEGA, DAY) == before  # nothing was saved


def test_existing_day_shows_what_was_there_and_its_trail(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    daily_entry.save_day(demo_service, DailyEntry(MEGA, DAY, Decimal("90000"), 35, 163, 55))
    section.open_item(store=MEGA, day=DAY)
    assert section.fields["revenue"].text() == "90000"
    assert "Saved:" in section.saved_label.text() and "90\u00a0000,00" in section.saved_label.text()
    model = section.trail_model
    assert model.rowCount() == 2  # revenue and receipts changed
    rows = {model.index(r, model.FIELD).data(): r for r in range(model.rowCount())}
    row = rows["revenue"]
    assert model.index(row, model.OLD).data() == "88224.22"
    assert model.index(row, model.NEW).data() == "90000"
    when = model.index(row, model.WHEN).data()
    assert len(when) == 16 and when[2] == "." and when[5] == "."


def test_plan_progress_counts_the_typed_revenue(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    section.open_item(store=MEGA, day=DAY)
    progress = daily_entry.plan_progress(demo_service, MEGA, DAY)
    assert progress.plan is not None
    assert section.plan_bar.format().endswith("%")
    assert " of 4\u00a0673\u00a0000,00\u00a0₽" in section.plan_bar.format()
    before = section.plan_bar.format()
    assert before.startswith("4\u00a0794\u00a0018,24\u00a0₽")  # October's revenue so far
    section.fields["revenue"].setText("1000000")  # this day's 88 224,22 becomes 1 000 000
    assert section.plan_bar.format().startswith("5\u00a0705\u00a0794,02\u00a0₽")
    assert section.plan_bar.value() == 1000  # over 100 %: the bar is full


def test_sellers_tab_checks_the_sum(qtbot, section, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    section.open_item(store=MEGA, day=DAY)
    panel = section.sellers
    assert section.tabs.isTabEnabled(1) and len(panel.model.sellers) == 3
    qtmodeltester.check(panel.model)
    assert "add up to the store's day" in panel.problems.text()
    assert not panel.save_button.isEnabled()
    model = panel.model
    assert model.setData(model.index(0, model.REVENUE), "30 000")
    assert "The sellers' revenue add up to" in panel.problems.text()
    assert panel.save_button.isEnabled()  # a warning only
    assert panel.save()
    assert panel.model.values(panel.model.sellers[0])["revenue"] == Decimal(30000)
    assert not model.setData(model.index(0, model.RECEIPTS), "abc")


def test_locked_period_makes_the_form_read_only(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    section.open_item(store=MEGA, day=DAY)
    section.context.run(lambda: lock_period(demo_service, Period.month(2026, 10)))
    assert not section.locked_note.isHidden()
    assert "2026-10 is locked" in section.locked_note.text()
    assert all(edit.isReadOnly() for edit in section.fields.values())
    assert not section.save_button.isEnabled() and not section.delete_button.isEnabled()
    assert section.sellers.model.read_only
    assert not section.save()

"""The month grid: the demo's October in the grid, its totals row equal to the core's store
metrics (ratios of sums), a 7×4 block pasted from Excel and undone in one step, a new day
typed cell by cell, refusals, drill-down, and a locked period read-only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import store_metrics
from kpidesk.gui.context import AppContext
from kpidesk.gui.daily.month_grid import MonthGridSection
from kpidesk.gui.daily.month_grid_model import MonthGridModel as M
from kpidesk.services import daily_entry
from kpidesk.services.company import CompanyService
from kpidesk.services.periods import lock_period

MEGA = "ТЦ «Мега»"


@pytest.fixture
def section(qtbot, demo_service: CompanyService, demo_period: Period, today: date):  # type: ignore[no-untyped-def]
    context = AppContext(demo_service, lang="ru", period=demo_period, today=today)
    widget = MonthGridSection(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.open_item(store=MEGA)
    return widget


def raw(model: M, row: int, column: int) -> object:
    return model.index(row, column).data(Qt.ItemDataRole.UserRole)


def test_demo_october_and_its_totals_are_the_core_metrics(
    section, demo_service, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    model = section.model
    qtmodeltester.check(model)
    assert model.rowCount() == 32 and model.columnCount() == 8
    assert model.headerData(0, Qt.Orientation.Vertical) == "01.10 чт"
    assert model.headerData(31, Qt.Orientation.Vertical) == "Total"
    october = Period.month(2026, 10)
    entries = demo_service.database.daily.daily_rows(date(2026, 9, 1), october.end)
    expected = store_metrics(entries, {MEGA}, october)
    total = model.totals_row
    assert raw(model, total, M.REVENUE) == expected.revenue
    assert raw(model, total, M.RECEIPTS) == expected.receipts
    assert raw(model, total, M.VISITORS) == expected.visitors
    assert raw(model, total, M.UNITS) == expected.units
    assert raw(model, total, M.CONVERSION) == expected.conversion
    assert raw(model, total, M.AVG_CHECK) == expected.avg_check
    assert raw(model, total, M.UPT) == expected.upt
    assert model.index(total, M.REVENUE).data() == "4\u00a0794\u00a0018,24\u00a0₽"
    assert model.index(total, M.CONVERSION).data() == "23,2%"
    assert not model.flags(model.index(total, M.REVENUE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, M.CONVERSION)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, M.REVENUE)) & Qt.ItemFlag.ItemIsEditable
    # the footer shows only the totals; the grid only the days
    assert section.view.isRowHidden(total) and not section.footer.isRowHidden(total)


def test_missing_days_and_weekends_are_marked(section, demo_service) -> None:  # type: ignore[no-untyped-def]
    daily_entry.delete_day(demo_service, MEGA, date(2026, 10, 7))
    section.model.refresh()
    model = section.model
    missing = model.index(6, M.REVENUE).data(Qt.ItemDataRole.BackgroundRole)
    weekend = model.index(2, M.REVENUE).data(Qt.ItemDataRole.BackgroundRole)  # Saturday 03.10
    weekday = model.index(1, M.REVENUE).data(Qt.ItemDataRole.BackgroundRole)
    assert missing is not None and weekend is not None and weekday is None
    assert missing.color() != weekend.color()
    assert model.missing_count() == 1


def test_paste_a_7x4_block_and_undo_it_in_one_step(section, demo_service) -> None:  # type: ignore[no-untyped-def]
    model, view = section.model, section.view
    days = [date(2026, 10, d) for d in range(12, 19)]
    before = [daily_entry.saved_day(demo_service, MEGA, day) for day in days]
    block = "".join(
        f"{150 + i} 000,{i}0\t{50 + i}\t{200 + i}\t{80 + i}\r\n" for i in range(len(days))
    )
    view.setCurrentIndex(model.index(11, M.REVENUE))
    assert view.paste(block)
    after = [daily_entry.saved_day(demo_service, MEGA, day) for day in days]
    assert after[0] == DailyEntry(MEGA, days[0], Decimal("150000.00"), 50, 200, 80)
    assert after[6] == DailyEntry(MEGA, days[6], Decimal("156000.60"), 56, 206, 86)
    assert section.undo_stack.count() == 1
    assert model.index(11, M.REVENUE).data() == "150\u00a0000,00\u00a0₽"
    section.undo_stack.undo()
    assert [daily_entry.saved_day(demo_service, MEGA, day) for day in days] == before
    section.undo_stack.redo()
    assert [daily_entry.saved_day(demo_service, MEGA, day) for day in days] == after


def test_a_refused_block_changes_nothing(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    model, view = section.model, section.view
    before = model.entries()
    view.setCurrentIndex(model.index(0, M.REVENUE))
    with qtbot.waitSignal(view.problem) as refused:
        assert not view.paste("100\t1\t10\r\n-5\t1\t10\r\n")
    assert "02.10.2026" in refused.args[0] and "negative" in refused.args[0]
    assert model.entries() == before and section.undo_stack.count() == 0
    view.setCurrentIndex(model.index(29, M.REVENUE))
    with qtbot.waitSignal(view.problem) as too_long:
        assert not view.paste("1\t1\t1\r\n" * 3)
    assert "only 2 days" in too_long.args[0]
    with qtbot.waitSignal(view.problem):
        assert not view.paste("abc")


def test_a_new_day_typed_cell_by_cell(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 10, 20)
    daily_entry.delete_day(demo_service, MEGA, day)
    section.model.refresh()
    model, view = section.model, section.view
    view.setCurrentIndex(model.index(19, M.REVENUE))
    for text in ("120 000", "44", "190"):
        qtbot.keyClick(view, text[0])
        (editor,) = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
        qtbot.keyClicks(editor, text[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        qtbot.waitUntil(
            lambda editor=editor: not shiboken6.isValid(editor) or not editor.isVisible()
        )
        if text != "190":
            assert model.is_draft(day)
            assert daily_entry.saved_day(demo_service, MEGA, day) is None
    assert not model.is_draft(day)
    assert daily_entry.saved_day(demo_service, MEGA, day) == DailyEntry(
        MEGA, day, Decimal(120000), 44, 190, 0
    )
    assert model.index(19, M.CONVERSION).data() == "23,2%"
    assert section.undo_stack.count() == 3
    section.undo_stack.undo()  # back to a draft: the day is deleted again
    assert model.is_draft(day) and daily_entry.saved_day(demo_service, MEGA, day) is None


def test_clearing_a_required_cell_of_a_saved_day_is_refused(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    model = section.model
    assert model.clear_cells([model.index(0, M.REVENUE)]) is not None
    row = [model.index(0, column) for column in M.EDITABLE]
    assert model.clear_cells(row) is None
    assert daily_entry.saved_day(demo_service, MEGA, date(2026, 10, 1)) is None
    section.undo_stack.undo()
    assert daily_entry.saved_day(demo_service, MEGA, date(2026, 10, 1)) is not None
    assert not model.setData(model.index(0, M.RECEIPTS), "abc")
    assert "not a number" in (model.last_error or "")


def test_open_item_selects_store_and_day(section) -> None:  # type: ignore[no-untyped-def]
    assert section.open_item(store="На Садовой", day=date(2026, 10, 15))
    assert section.store == "На Садовой"
    assert section.view.currentIndex().row() == 14
    assert section.open_item(day=date(2026, 9, 3))  # another month: the period follows
    assert section.context.period == Period.month(2026, 9)
    assert section.view.currentIndex().row() == 2


def test_locked_period_refuses_edits(qtbot, section, demo_service) -> None:  # type: ignore[no-untyped-def]
    section.context.run(lambda: lock_period(demo_service, Period.month(2026, 10)))
    model, view = section.model, section.view
    assert model.locked and not section.locked_note.isHidden()
    assert not model.flags(model.index(0, M.REVENUE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, M.REVENUE), "1")
    assert "locked" in (model.paste_block(0, 0, [["1", "1", "1"]]) or "")
    view.setCurrentIndex(model.index(0, M.REVENUE))
    assert not view.clear_selection()

"""The facts grid: what the matrices need is editable (missing highlighted, the rest greyed),
the missing count agrees with the status bar, paste and undo in one step, drill-down, and a
locked period read-only with the lock/reopen actions (reopening asks for a logged reason)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kpidesk.core.periods import Period
from kpidesk.gui.context import AppContext
from kpidesk.gui.facts.section import FactsSection
from kpidesk.services import facts
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE

OCT = Period.month(2026, 10)
MANAGER = "Кузнецова Елена Николаевна"


@pytest.fixture
def section(qtbot, demo_service: CompanyService, demo_period: Period, today: date):  # type: ignore[no-untyped-def]
    context = AppContext(demo_service, lang="ru", period=demo_period, today=today)
    widget = FactsSection(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cell(section: FactsSection, employee: str, code: str):  # type: ignore[no-untyped-def]
    sheet = section.model.sheet
    assert sheet is not None
    column = [i.code for i in sheet.indicators].index(code)
    return section.model.index(sheet.employees.index(employee), column)


def test_grid_of_needed_facts(section, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = section.model
    qtmodeltester.check(model)
    assert model.rowCount() == 15 and model.columnCount() == 4
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Лояльность покупателей (NPS), %"
    missing = cell(section, INCOMPLETE_EMPLOYEE, "nps")
    assert missing.data() == "" and missing.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.flags(missing) & Qt.ItemFlag.ItemIsEditable
    greyed = cell(section, MANAGER, "nps")
    assert not model.flags(greyed) & Qt.ItemFlag.ItemIsEditable
    assert greyed.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert section.missing_label.text() == "1 fact(s) still missing"


def test_typing_the_missing_fact_updates_the_count_and_the_status_bar(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.show_section("facts")
    section = main_window.section("facts")
    assert main_window.problems_label.text().endswith(": 1")
    assert section.open_item(employee=INCOMPLETE_EMPLOYEE, indicator="nps")
    index = section.view.currentIndex()
    assert index == cell(section, INCOMPLETE_EMPLOYEE, "nps")
    assert section.model.setData(index, "64,5")
    assert section.missing_label.text() == "every fact is in"
    assert main_window.problems_label.text().endswith(": 0")
    assert index.data() == "64,5"
    main_window.undo_action.trigger()  # the window's Edit menu follows the section's stack
    assert section.missing_label.text() == "1 fact(s) still missing"
    assert main_window.problems_label.text().endswith(": 1")


def test_paste_and_clear_in_one_step_each(section, demo_service) -> None:  # type: ignore[no-untyped-def]
    model, view = section.model, section.view
    view.setCurrentIndex(cell(section, "Соколова Анна Игоревна", "nps"))
    assert view.paste("61\t1\r\n62\t0\r\n")
    values = facts.facts_sheet(demo_service, OCT).values
    assert values[("Соколова Анна Игоревна", "nps")] == Decimal(61)
    assert values[("Павлов Денис Олегович", "standards")] == Decimal(0)
    assert section.undo_stack.count() == 1
    assert model.clear_cells([cell(section, "Павлов Денис Олегович", "nps")]) is None
    assert ("Павлов Денис Олегович", "nps") in facts.facts_sheet(demo_service, OCT).missing
    section.undo_stack.undo()
    section.undo_stack.undo()
    assert facts.facts_sheet(demo_service, OCT).missing == [(INCOMPLETE_EMPLOYEE, "nps")]
    # a block reaching a cell no matrix needs is refused as a whole
    view.setCurrentIndex(cell(section, MANAGER, "complaints"))
    assert "no nps" in (model.paste_block(0, 0, [["1", "5"]]) or "")
    assert model.paste_block(0, 0, [["x"]]) is not None


def test_lock_and_reopen_from_the_toolbar(qtbot, section, demo_service, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bar = section.lock_bar
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    assert bar.lock()
    assert demo_service.is_locked(OCT)
    assert bar.state_label.text() == "Period 2026-10: locked"
    assert not bar.lock_button.isEnabled() and bar.reopen_button.isEnabled()
    model = section.model
    target = cell(section, INCOMPLETE_EMPLOYEE, "nps")
    assert not model.flags(target) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(target, "50")
    assert "locked" in (model.paste_block(1, 1, [["50"]]) or "")
    assert not section.locked_note.isHidden()

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", True))
    assert not bar.reopen()
    assert warnings == ["A reason is required to reopen."]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("пересчёт NPS", True))
    assert bar.reopen()
    assert not demo_service.is_locked(OCT)
    (entry,) = demo_service.database.audit.entries(entity="period", limit=1)
    assert (entry.action, entry.field, entry.new) == ("reopen", "reason", "пересчёт NPS")
    assert model.flags(target) & Qt.ItemFlag.ItemIsEditable
    assert section.locked_note.isHidden()

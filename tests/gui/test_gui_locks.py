"""A lock or a reopen made in one section reaches every open view at once: the matrix
editor shown on the locked period turns read-only (cells, Save, delete, paste, copy from the
previous period, the locked note) and editable again after a reopen, and so do the facts
grid, the daily entry form with its sellers' tab and the month grid, without a reload."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kpidesk.core.periods import Period
from kpidesk.gui.daily.entry import DailyEntrySection
from kpidesk.gui.daily.month_grid import MonthGridSection
from kpidesk.gui.facts.section import FactsSection
from kpidesk.gui.matrix.rows import WEIGHT
from kpidesk.gui.matrix.section import MatrixSection
from kpidesk.services import periods

OCTOBER = Period.month(2026, 10)
PAVLOV = "Павлов Денис Олегович"
MEGA = "ТЦ «Мега»"
DAY = date(2026, 10, 5)


def _editable(model: QAbstractItemModel) -> int:
    """How many cells of ``model`` are editable."""
    return sum(
        bool(model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    )


def _matrix_actions_enabled(section: MatrixSection) -> list[bool]:
    return [
        action.isEnabled()
        for action in (
            section.save_action,
            section.copy_action,
            section.add_action,
            section.remove_action,
        )
    ]


Views = tuple[MatrixSection, FactsSection, DailyEntrySection, MonthGridSection]


def _open_views(main_window) -> Views:  # type: ignore[no-untyped-def]
    assert main_window.show_section("facts")
    assert main_window.show_section("daily", store=MEGA, day=DAY)
    assert main_window.show_section("month_grid", store=MEGA)
    assert main_window.show_section("matrix", employee=PAVLOV)
    sections = [main_window.section(key) for key in ("matrix", "facts", "daily", "month_grid")]
    matrix, facts, daily, grid = sections
    assert isinstance(matrix, MatrixSection) and isinstance(facts, FactsSection)
    assert isinstance(daily, DailyEntrySection) and isinstance(grid, MonthGridSection)
    return matrix, facts, daily, grid


def test_a_lock_made_elsewhere_turns_the_open_matrix_read_only(main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    service = context.service
    matrix, facts, _daily, _grid = _open_views(main_window)
    assert context.period == OCTOBER and matrix.model.rowCount()
    assert matrix.isVisible() and not facts.isVisible()
    assert _editable(matrix.model) and all(_matrix_actions_enabled(matrix))
    assert matrix.locked_note.isHidden()

    context.run(lambda: periods.lock_period(service, OCTOBER), initiator=facts)

    assert _editable(matrix.model) == 0
    assert not any(_matrix_actions_enabled(matrix))
    assert not matrix.save_button.isEnabled() and not matrix.delete_action.isEnabled()
    assert not matrix.locked_note.isHidden()
    assert "2026-10" in matrix.locked_note.text()
    assert not matrix.model.setData(matrix.model.index(0, WEIGHT), "10")
    assert matrix.model.paste_block(0, WEIGHT, [["10"]]) is not None
    assert not matrix.save()

    context.run(lambda: periods.reopen_period(service, OCTOBER, "ошибка"), initiator=facts)

    assert _editable(matrix.model)
    assert matrix.save_action.isEnabled() and matrix.copy_action.isEnabled()
    assert matrix.locked_note.isHidden()


def test_the_lock_bar_locks_and_reopens_every_open_view(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    matrix, facts, daily, grid = _open_views(main_window)
    views = (matrix.model, facts.model, daily.sellers.model, grid.model)
    assert all(_editable(model) for model in views)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("ошибка", True)))

    assert facts.lock_bar.lock()  # the facts section's button, while the matrix is shown

    assert [_editable(model) for model in views] == [0, 0, 0, 0]
    assert not matrix.save_action.isEnabled() and not matrix.locked_note.isHidden()
    assert not facts.locked_note.isHidden() and not grid.locked_note.isHidden()
    assert not daily.locked_note.isHidden() and not daily.save_button.isEnabled()
    assert all(edit.isReadOnly() for edit in daily.fields.values())

    assert facts.lock_bar.reopen()

    assert all(_editable(model) for model in views)
    assert matrix.save_action.isEnabled() and matrix.locked_note.isHidden()
    assert facts.locked_note.isHidden() and grid.locked_note.isHidden()
    assert daily.locked_note.isHidden()
    assert not any(edit.isReadOnly() for edit in daily.fields.values())

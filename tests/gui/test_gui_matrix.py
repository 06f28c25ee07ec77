"""The KPI matrix editor: live KPI and bonus, refused entries with their reason, Excel
paste as one undo step, the weights' sum, copy from the previous period, plan from history,
locked periods, drill-down, and the whole editor driven from the keyboard alone."""

from __future__ import annotations

from decimal import Decimal

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem
from kpidesk.gui.matrix.model import MatrixModel
from kpidesk.gui.matrix.rows import (
    BASE,
    FACT,
    INDEX,
    INDICATOR,
    NEED,
    NORM,
    TARGET,
    WEIGHT,
    WEIGHTED,
)
from kpidesk.gui.matrix.section import MatrixSection
from kpidesk.gui.matrix.widgets import PlanPreviewDialog
from kpidesk.reports.problem_text import problem_text
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE
from kpidesk.services.matrices import MatrixEditing

OCTOBER = Period.month(2026, 10)
SELLER, KEEPER = "Продавец-консультант", "Кладовщик"
PAVLOV = "Павлов Денис Олегович"
ERROR_RED = "#f8d7da"


def _section(main_window, **target) -> MatrixSection:  # type: ignore[no-untyped-def]
    assert main_window.show_section("matrix", **target)
    section = main_window.section("matrix")
    assert isinstance(section, MatrixSection)
    return section


def _row_of(model: MatrixModel, code: str) -> int:
    return next(i for i, row in enumerate(model.rows) if row.indicator == code)


def _editor(view):  # type: ignore[no-untyped-def]
    """The open cell editor (closed editors linger until deleted later)."""
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def _type(qtbot, view, text: str, end=Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Type into the current cell as a user does: the first key opens the editor."""
    qtbot.keyClick(view, text[0])
    editor = _editor(view)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, end)
    # the delegate commits and closes the editor through a queued call
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible())


def test_every_matrix_model_passes_the_model_tester(main_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, employee=PAVLOV)
    qtmodeltester.check(section.model)
    section.open_item(position=SELLER)
    qtmodeltester.check(section.model)


def test_editing_a_fact_updates_kpi_and_bonus(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, employee=INCOMPLETE_EMPLOYEE)
    model = section.model
    no_data = section.tr("no data")
    assert no_data in section.kpi_label.text()
    row = _row_of(model, "nps")
    assert model.flags(model.index(row, FACT)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(_row_of(model, "conversion"), FACT)) & (
        Qt.ItemFlag.ItemIsEditable
    )
    section.view.setCurrentIndex(model.index(row, FACT))
    with qtbot.waitSignal(main_window.context.changed) as published:
        _type(qtbot, section.view, "60")
    assert published.args[0].employee == INCOMPLETE_EMPLOYEE
    assert model.index(row, INDEX).data() == "100,0%"
    assert "%" in section.kpi_label.text() and no_data not in section.kpi_label.text()
    assert "₽" in section.bonus_label.text() and "₽" in section.total_label.text()
    result = model.result
    assert result is not None and result.pay is not None
    # the fact is saved, not part of the matrix's undo
    assert section.undo_stack.isClean()
    facts = section.editing.service.database.facts.facts(OCTOBER)
    assert any(f.employee == INCOMPLETE_EMPLOYEE and f.value == Decimal(60) for f in facts)
    # every computed cell explains itself
    assert "(" in model.index(row, INDEX).data(Qt.ItemDataRole.ToolTipRole)
    assert "×" in model.index(row, WEIGHTED).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, NEED).data(Qt.ItemDataRole.ToolTipRole)
    assert "+" in section.kpi_label.toolTip()
    assert "×" in section.bonus_label.toolTip()
    assert "store:conversion" in model.index(_row_of(model, "conversion"), FACT).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_an_invalid_entry_is_refused_with_its_reason(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, position=SELLER)
    model = section.model
    row = _row_of(model, "nps")
    section.view.setCurrentIndex(model.index(row, WEIGHT))
    with qtbot.waitSignal(section.view.problem) as refused:
        _type(qtbot, section.view, "-5")
    reason = problem_text(
        Problem("negative_weight", "", value="-0.05", params=(("indicator", "nps"),))
    )
    assert reason in refused.args[0]
    assert reason in section.message.text()
    assert model.rows[row].weight == Decimal("0.2")
    assert section.undo_stack.count() == 0
    # an unknown indicator is refused too
    assert not model.setData(model.index(row, INDICATOR), "нет такого")
    assert "нет такого" in (model.last_error or "")
    # a repeated indicator as well
    assert not model.setData(model.index(row, INDICATOR), "conversion")


def test_pasting_an_excel_block_fills_the_grid_and_undoes_in_one_step(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, position=SELLER)
    model = section.model
    before = model.rows
    text = (
        'personal_sales\t40%\t\t"1 200 000"\r\n'
        "conversion\t0,3\t17\t25\r\n"
        "Лояльность покупателей (NPS)\t20\t45\t62\r\n"
    )
    section.view.setCurrentIndex(model.index(0, INDICATOR))
    assert section.view.paste(text)
    assert model.rows[0].weight == Decimal("0.4")
    assert model.rows[0].norm == Decimal(1200000)
    assert model.rows[1].weight == Decimal("0.3") and model.rows[1].base == Decimal(17)
    assert model.rows[2].indicator == "nps" and model.rows[2].norm == Decimal(62)
    assert model.index(0, NORM).data() == "1\u00a0200\u00a0000"
    assert section.undo_stack.count() == 1
    assert section.saved_label.text() == section.tr("Unsaved changes")
    main_window.undo_action.trigger()
    assert model.rows == before
    assert section.undo_stack.isClean()
    # a block with one bad cell is refused as a whole, naming the cell
    section.view.setCurrentIndex(model.index(0, WEIGHT))
    with qtbot.waitSignal(section.view.problem) as refused:
        assert not section.view.paste("0,5\tабв\r\n")
    assert "абв" in refused.args[0]
    assert model.rows == before
    # rows beyond the last are added
    section.view.setCurrentIndex(model.index(3, INDICATOR))
    assert section.view.paste("standards\t10%\t\t1\r\ncomplaints\t0\t6\t2\r\n")
    assert model.rowCount() == 5 and model.rows[4].indicator == "complaints"


def test_weights_not_summing_to_100_percent_are_flagged_and_not_saved(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, position=KEEPER)
    model = section.model
    assert section.weights_label.property("ok") is True
    row = _row_of(model, "shortage")
    assert model.setData(model.index(row, WEIGHT), "30%")
    assert section.weights_label.property("ok") is False
    assert "#b00020" in section.weights_label.text()
    assert "90%" in section.weights_label.text()
    assert "90%" in section.message.text()
    assert not section.save()
    assert "Не сохранено" in section.message.text() or "Not saved" in section.message.text()
    assert section.editing.exact(OCTOBER, position=KEEPER) is None
    # a row problem is red in its cell with the reason in the tooltip
    assert model.setData(model.index(row, WEIGHT), "40%")
    assert model.setData(model.index(row, BASE), "5000")
    brush = model.index(row, NORM).data(Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color().name() == ERROR_RED
    assert model.index(row, NORM).data(Qt.ItemDataRole.ToolTipRole)
    assert not section.save()


def test_copy_from_the_previous_period(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, position=KEEPER)
    model = section.model
    # October gets its own keeper template first, with other weights
    assert model.setData(model.index(0, WEIGHT), "50%")
    assert model.setData(model.index(1, WEIGHT), "50%")
    assert section.save()
    assert section.undo_stack.isClean()
    assert section.delete_action.isEnabled()
    section.copy_previous()
    assert [row.weight for row in model.rows] == [Decimal("0.6"), Decimal("0.4")]
    assert "2026-09" in section.message.text()
    assert not section.undo_stack.isClean()
    qtbot.keyClick(section.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert section.undo_stack.isClean()
    saved = section.editing.exact(OCTOBER, position=KEEPER)
    assert saved is not None and [r.weight for r in saved.rows] == [Decimal("0.6"), Decimal("0.4")]


def test_plan_from_history_shows_a_preview_and_applies_on_ok(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    main_window.context.set_period(Period.month(2026, 11))
    section = _section(main_window, position=KEEPER)
    model = section.model
    row = _row_of(model, "shortage")
    section.view.setCurrentIndex(model.index(row, BASE))
    monkeypatch.setattr(PlanPreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    section.plan_row()
    dialog = section.plan_dialog
    assert "2026-08, 2026-09, 2026-10" in dialog.summary.text()
    assert dialog.table.item(1, 1).text()  # suggested norm
    assert "2026-10:" in dialog.history.text()
    assert section.undo_stack.count() == 0  # cancelled: nothing changed
    monkeypatch.setattr(PlanPreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    section.plan_row()
    base, norm, target = section.plan_dialog.values
    assert model.rows[row].base == base and model.rows[row].norm == norm
    assert model.rows[row].target == target
    assert base >= norm >= target  # shortage: lower is better
    assert section.undo_stack.count() == 1


def test_locked_period_is_read_only_with_a_note(main_window, demo_service) -> None:  # type: ignore[no-untyped-def]
    demo_service.database.locks.lock(OCTOBER)
    section = _section(main_window, employee=PAVLOV)
    section.reload()
    model = section.model
    assert model.read_only
    assert not section.locked_note.isHidden()
    assert "2026-10" in section.locked_note.text()
    assert not model.flags(model.index(0, WEIGHT)) & Qt.ItemFlag.ItemIsEditable
    assert not section.save_action.isEnabled()
    assert not model.setData(model.index(0, WEIGHT), "10%")
    assert model.paste_block(0, WEIGHT, [["10%"]])


def test_employee_selection_says_which_matrix_applies(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, employee=PAVLOV)
    assert SELLER in section.applies.text() and "2026-08" in section.applies.text()
    model = section.model
    assert model.setData(model.index(_row_of(model, "standards"), TARGET), "1")
    assert section.save(), section.message.text()
    overrides = [m for m in section.editing.company.matrices if m.employee == PAVLOV]
    assert overrides and overrides[0].period == OCTOBER
    assert "2026-10" in section.applies.text()
    # leaving with unsaved changes offers to save them
    assert model.setData(model.index(0, WEIGHT), "45%")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
    )
    section.open_item(position=SELLER)
    assert asked and section.undo_stack.isClean()


def test_template_mode_shows_a_chosen_employee(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, position=SELLER)
    assert section.live.isVisibleTo(section)
    assert section.live.count() == 9
    section.live.setCurrentIndex(section.live.findData(PAVLOV))
    assert section.model.target is not None and section.model.target.live == PAVLOV
    assert section.model.result is not None and section.model.result.employee.name == PAVLOV


def test_the_whole_editor_works_from_the_keyboard(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, position=KEEPER)
    view = section.view
    model = section.model
    view.setFocus()
    view.setCurrentIndex(model.index(0, INDICATOR))
    # arrows to the shortage weight, type 30 and Enter
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, WEIGHT)
    _type(qtbot, view, "30")
    assert model.rows[1].weight == Decimal("0.3")
    # a new row with Ctrl+Ins, its values typed with Tab between cells
    qtbot.keyClick(view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == 3
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, INDICATOR)
    _type(qtbot, view, "complaints", Qt.Key.Key_Tab)
    assert view.currentIndex().column() == WEIGHT
    _type(qtbot, view, "10", Qt.Key.Key_Tab)
    _type(qtbot, view, "6", Qt.Key.Key_Tab)
    _type(qtbot, view, "2", Qt.Key.Key_Tab)
    _type(qtbot, view, "0")
    assert model.rows[2].indicator == "complaints"
    assert model.rows[2].target == Decimal(0) and model.rows[2].norm == Decimal(2)
    # move it up with Ctrl+Up, and undo / redo the move with the window's Edit menu keys
    view.setCurrentIndex(model.index(2, WEIGHT))
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert model.rows[1].indicator == "complaints" and view.currentIndex().row() == 1
    main_window.undo_action.trigger()
    assert model.rows[2].indicator == "complaints"
    main_window.redo_action.trigger()
    # F2 edits the current cell; Delete clears a cell
    view.setCurrentIndex(model.index(1, TARGET))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert model.rows[1].target is None
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = _editor(view)
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible())
    assert model.rows[1].target == Decimal(1)
    assert section.weights_label.property("ok") is True
    # save with Ctrl+S
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert section.undo_stack.isClean(), section.message.text()
    saved = section.editing.exact(OCTOBER, position=KEEPER)
    assert saved is not None
    assert [row.indicator for row in saved.rows] == ["warehouse", "complaints", "shortage"]


def test_the_model_alone_with_a_service(demo_service, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack

    from kpidesk.gui.matrix.rows import MatrixTarget

    editing = MatrixEditing(demo_service)
    stack = QUndoStack()
    model = MatrixModel(editing, stack)
    model.load(
        MatrixTarget(OCTOBER, position=SELLER, live=PAVLOV),
        editing.template(SELLER, OCTOBER),
        False,
    )
    qtmodeltester.check(model)
    model.insert_row(1)
    model.remove_rows([1])
    model.move_row(0, 1)
    qtmodeltester.check(model)
    stack.undo()
    stack.undo()
    stack.undo()
    assert model.rowCount() == 4

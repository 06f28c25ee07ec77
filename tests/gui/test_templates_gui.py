"""Picking a KPI template in the matrix editor (issue 14 item 2): the dialog previews the
rows with their resolved values, picking fills the grid for review as one undo step with
nothing saved, and Save adds the new indicators with the matrix."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog

from kpidesk.gui.matrix.rows import NORM
from kpidesk.gui.matrix.template_picker import TemplatePickerDialog

STOREKEEPER = "Кладовщик"


def _editor(main_window, position: str):  # type: ignore[no-untyped-def]
    assert main_window.show_section("matrix", position=position)
    return main_window.section("matrix")


def test_the_dialog_previews_each_template(russian, main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(1280, 800)
    editor = _editor(main_window, STOREKEEPER)
    picker = editor.template_picker
    assert picker.button.isEnabled() and picker.button.isVisible()
    assert main_window.width() <= 1280  # the extra button keeps the editor on the screen
    dialog = TemplatePickerDialog(picker.fill, STOREKEEPER, "ru", editor)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 6
    assert dialog.choose("storekeeper")
    assert dialog.table.rowCount() == 5
    assert dialog.table.item(0, 0).text() == "Интегральный KPI склада"  # the demo's own
    assert "(новый)" in dialog.table.item(1, 0).text()
    assert [dialog.table.item(0, c).text() for c in (2, 3, 4, 5)] == ["35%", "90", "98", "100"]
    assert "Новых показателей: 3" in dialog.summary.text()
    assert dialog.choose("marketer") and dialog.table.rowCount() == 5


def test_picking_fills_for_review_and_save_adds_the_indicators(  # type: ignore[no-untyped-def]
    main_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(main_window, STOREKEEPER)
    service = main_window.context.service
    revision = service.database.revision()
    before = editor.model.rows

    def pick(dialog: TemplatePickerDialog) -> int:
        dialog.choose("storekeeper")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplatePickerDialog, "exec", pick)
    assert editor.template_picker.open_dialog()
    rows = editor.model.rows
    assert len(rows) == 5 and rows != before
    assert sum(row.weight for row in rows) == 1
    assert [row.indicator for row in rows][:1] == ["warehouse"]
    assert editor.model.errors() == []
    assert not editor.undo_stack.isClean()  # unsaved, and one undo step
    assert service.database.revision() == revision  # nothing written yet
    assert service.company().indicator("orders_fulfilment") is None
    editor.undo_stack.undo()
    assert editor.model.rows == before
    editor.undo_stack.redo()
    assert editor.model.rows == rows

    assert editor.save()
    company = service.company()
    assert company.indicator("orders_fulfilment") is not None
    assert company.indicator("lines_fulfilment") is not None
    saved = [m for m in company.matrices if m.position == STOREKEEPER and m.employee is None]
    latest = max(saved, key=lambda m: m.period.start)
    assert latest.period == main_window.context.period
    assert [r.norm for r in latest.rows] == [row.norm for row in rows]
    assert editor.undo_stack.isClean()


def test_rows_without_history_wait_for_their_norm(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(main_window, STOREKEEPER)

    def pick(dialog: TemplatePickerDialog) -> int:
        dialog.choose("sales_manager")  # the storekeeper has no sales history
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplatePickerDialog, "exec", pick)
    assert editor.template_picker.open_dialog()
    empty = [i for i, row in enumerate(editor.model.rows) if row.norm is None]
    assert empty  # to be typed in
    assert editor.model.errors()  # Save is refused until then
    assert not editor.save()
    assert main_window.context.service.company().indicator("sales_revenue") is None
    for row in empty:
        assert editor.model.setData(editor.model.index(row, NORM), "100")
    assert editor.model.rows[empty[0]].norm == Decimal(100)

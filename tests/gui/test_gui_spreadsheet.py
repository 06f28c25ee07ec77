"""The spreadsheet view and the TSV clipboard format: Excel-like keys, copy and paste of
rectangles (CRLF rows, quoted cells), Delete, and refusals reported with their reason."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from kpidesk.core.money import parse_number
from kpidesk.gui.widgets.numbers import NumberDelegate, edit_text
from kpidesk.gui.widgets.spreadsheet import SpreadsheetView
from kpidesk.gui.widgets.tsv import format_tsv, parse_tsv


def test_tsv_round_trip_with_quotes_tabs_and_line_breaks() -> None:
    rows = [["a", 'say "hi"', "x\ty"], ["line\r\nbreak", "", "12 345,5"]]
    text = format_tsv(rows)
    assert text.endswith("\r\n")
    assert '"say ""hi"""' in text
    assert parse_tsv(text) == rows


def test_tsv_as_excel_copies_it() -> None:
    assert parse_tsv("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_tsv("1\t2\n3\t4") == [["1", "2"], ["3", "4"]]
    assert parse_tsv("\t\r\n") == [["", ""]]
    assert parse_tsv("") == []


def test_edit_text_is_russian() -> None:
    assert edit_text(parse_number("12 345,50")) == "12345,5"
    assert edit_text(None) == ""


class _Grid(QAbstractTableModel):
    """A 4×3 grid of Decimals refusing negatives, with block paste and clear."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[list[object]] = [[None] * 3 for _ in range(4)]
        self.last_error: str | None = None
        self.pastes = 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self.cells[index.row()][index.column()]
            return None if value is None else edit_text(value)  # type: ignore[arg-type]
        return None

    def flags(self, index):  # type: ignore[no-untyped-def]
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def _parse(self, text: str) -> object:
        if not text.strip():
            return None
        value = parse_number(text)
        if value < 0:
            raise ValueError(f"negative: {text}")
        return value

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # type: ignore[no-untyped-def]
        try:
            self.cells[index.row()][index.column()] = self._parse(str(value))
        except ValueError as error:
            self.last_error = str(error)
            return False
        self.dataChanged.emit(index, index)
        return True

    def paste_block(self, row: int, column: int, values: list[list[str]]) -> str | None:
        try:
            parsed = [[self._parse(v) for v in line] for line in values]
        except ValueError as error:
            return str(error)
        for r, line in enumerate(parsed):
            for c, value in enumerate(line):
                self.cells[row + r][column + c] = value
        self.pastes += 1
        return None


def _type(qtbot, view: SpreadsheetView, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the current cell as a user does: the first key opens the editor."""
    qtbot.keyClick(view, text[0])
    editor = view.findChild(QLineEdit)
    assert editor is not None
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits and closes the editor through a queued call
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible())


def test_keyboard_moves_like_excel(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SpreadsheetView()
    qtbot.addWidget(view)
    model = _Grid()
    view.setModel(model)
    view.setItemDelegate(NumberDelegate(view))
    view.show()
    view.setCurrentIndex(model.index(0, 0))
    _type(qtbot, view, "12 345,5")
    assert str(model.cells[0][0]) == "12345.5"
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 1)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.currentIndex().column() == 0


def test_refused_entry_reports_its_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SpreadsheetView()
    qtbot.addWidget(view)
    model = _Grid()
    view.setModel(model)
    view.show()
    view.setCurrentIndex(model.index(0, 0))
    with qtbot.waitSignal(view.problem) as blocker:
        _type(qtbot, view, "-5")
    assert "negative" in blocker.args[0]
    assert model.cells[0][0] is None


def test_copy_and_paste_rectangles(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SpreadsheetView()
    qtbot.addWidget(view)
    model = _Grid()
    view.setModel(model)
    view.show()
    view.setCurrentIndex(model.index(1, 1))
    assert view.paste("1\t2\r\n3\t4\r\n")
    assert model.pastes == 1
    assert [str(v) for v in model.cells[2][1:]] == ["3", "4"]
    view.selectionModel().clearSelection()
    view.setCurrentIndex(model.index(1, 1))
    view.selectionModel().select(model.index(2, 2), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(1, 1), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(1, 2), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(2, 1), view.selectionModel().SelectionFlag.Select)
    assert view.copy_selection() == "1\t2\r\n3\t4\r\n"
    assert QGuiApplication.clipboard().text() == "1\t2\r\n3\t4\r\n"
    with qtbot.waitSignal(view.problem):
        assert not view.paste("5\t-6\r\n")
    assert str(model.cells[1][1]) == "1"  # refused as a whole


def test_delete_clears_selected_cells(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SpreadsheetView()
    qtbot.addWidget(view)
    model = _Grid()
    view.setModel(model)
    view.show()
    view.paste("7")
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert model.cells[0][0] is None

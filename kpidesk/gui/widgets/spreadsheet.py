"""``SpreadsheetView``: a table view that behaves like a spreadsheet — arrows move, Enter
commits and moves down, Tab / Shift+Tab move right / left, F2 or typing edits, Delete
clears, Ctrl+C copies the selected rectangle as Excel-style tab-separated text and Ctrl+V
pastes such a block at the current cell.

Models opt in to block operations (so that a paste or a clear is validated as a whole and
undone in one step) by implementing ``paste_block(row, column, values) -> str | None`` and
``clear_cells(indexes) -> str | None`` (``None`` = done, text = why refused). Without them the
view falls back to ``setData`` cell by cell. A refused edit's reason is emitted as
``problem(str)`` (models set ``last_error`` when ``setData`` returns False).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView, QWidget

from kpidesk.gui.widgets.tsv import format_tsv, parse_tsv


class SpreadsheetView(QTableView):
    """A QTableView with spreadsheet keyboard handling and TSV copy/paste."""

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)  # Tab is handled below, Excel-like
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(24)

    # --- editing and moving ---------------------------------------------------------------
    def _move(self, rows: int, columns: int) -> None:
        model = self.model()
        current = self.currentIndex()
        if model is None or not current.isValid():
            return
        row = min(max(current.row() + rows, 0), model.rowCount() - 1)
        column = min(max(current.column() + columns, 0), model.columnCount() - 1)
        target = model.index(row, column)
        self.setCurrentIndex(target)
        self.selectionModel().select(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter inside an editor commits and moves down; Tab moves right (like Excel).
        # The base class would itself move (and open an editor) on Tab, so the cell would
        # advance twice: let it only close the editor and move once below.
        moves = (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem,
        )
        super().closeEditor(
            editor, QAbstractItemDelegate.EndEditHint.NoHint if hint in moves else hint
        )
        model = self.model()
        last_error = getattr(model, "last_error", None)
        if last_error:
            self.problem.emit(str(last_error))
            model.last_error = None  # type: ignore[attr-defined]
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move(1, 0)
        elif hint == QAbstractItemDelegate.EndEditHint.EditNextItem:
            self._move(0, 1)
        elif hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem:
            self._move(0, -1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
                return
            if key == Qt.Key.Key_Tab:
                self._move(0, 1)
                return
            if key == Qt.Key.Key_Backtab:
                self._move(0, -1)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection()
                return
        super().keyPressEvent(event)

    # --- block operations -----------------------------------------------------------------
    def _selected_rectangle(self) -> tuple[int, int, int, int] | None:
        indexes = self.selectedIndexes() or (
            [self.currentIndex()] if self.currentIndex().isValid() else []
        )
        if not indexes:
            return None
        rows = [index.row() for index in indexes]
        columns = [index.column() for index in indexes]
        return min(rows), min(columns), max(rows), max(columns)

    def copy_selection(self) -> str:
        """Copy the selected rectangle as tab-separated text (raw edit values)."""
        model = self.model()
        rectangle = self._selected_rectangle()
        if model is None or rectangle is None:
            return ""
        top, left, bottom, right = rectangle
        rows = []
        for row in range(top, bottom + 1):
            cells = []
            for column in range(left, right + 1):
                index = model.index(row, column)
                value = index.data(Qt.ItemDataRole.EditRole)
                if value is None:
                    value = index.data(Qt.ItemDataRole.DisplayRole)
                cells.append("" if value is None else str(value))
            rows.append(cells)
        text = format_tsv(rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> bool:
        """Paste a tab-separated block at the current cell. Returns whether it applied."""
        model = self.model()
        current = self.currentIndex()
        if model is None or not current.isValid():
            return False
        block = parse_tsv(QGuiApplication.clipboard().text() if text is None else text)
        if not block:
            return False
        paste_block = getattr(model, "paste_block", None)
        if callable(paste_block):
            refusal = paste_block(current.row(), current.column(), block)
            if refusal:
                self.problem.emit(str(refusal))
                return False
            return True
        for r, values in enumerate(block):
            for c, value in enumerate(values):
                index = model.index(current.row() + r, current.column() + c)
                if index.isValid() and not model.setData(index, value, Qt.ItemDataRole.EditRole):
                    self.problem.emit(str(getattr(model, "last_error", "") or value))
                    return False
        return True

    def clear_selection(self) -> bool:
        """Clear the selected editable cells (one undo step where the model supports it)."""
        model = self.model()
        indexes = [
            index
            for index in (self.selectedIndexes() or [self.currentIndex()])
            if index.isValid() and model.flags(index) & Qt.ItemFlag.ItemIsEditable
        ]
        if model is None or not indexes:
            return False
        clear_cells = getattr(model, "clear_cells", None)
        if callable(clear_cells):
            refusal = clear_cells(indexes)
            if refusal:
                self.problem.emit(str(refusal))
                return False
            return True
        for index in indexes:
            if not model.setData(index, "", Qt.ItemDataRole.EditRole):
                self.problem.emit(str(getattr(model, "last_error", "") or ""))
                return False
        return True

    def current_model_index(self) -> QModelIndex:
        """The current cell."""
        return self.currentIndex()

"""Item delegates that the grids share: :class:`LineEditDelegate`, the base of a cell typed in
a line edit (the number cells of ``numbers``, the matrix's indicator cell), and the directory
grids' :class:`ChoiceDelegate` (a combo box of the cell's ``CHOICES_ROLE``) and
:class:`DateDelegate` (a date typed as ``dd.MM.yyyy``).

Must not: parse or validate what is typed; a delegate hands the text or the chosen value to
the model's ``setData``, which refuses bad input with a reason.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

AnyIndex = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1  # [(label, value)] for a choice cell's editor


class LineEditDelegate(QStyledItemDelegate):
    """A cell typed in a ``QLineEdit``: the editor opens on the cell's edit text, selected,
    and gives the typed text back to the model. Subclasses build the editor."""

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QLineEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of the model's (label, value) choices."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        for label, value in index.data(CHOICES_ROLE) or []:
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.UserRole))
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """Edits a date typed as ``dd.MM.yyyy`` (empty = none)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setPlaceholderText(self.tr("dd.mm.yyyy"))
        editor.setFrame(False)
        return editor

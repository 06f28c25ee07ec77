"""The indicators page's source picker (SPEC §4.9, issue 14 item 4): a combo box of every
fact source grouped by family — a bold, unselectable family heading, then its sources by
their names in the user's language with the code beside them (the workbook's word) and
the one-line description as the item's tooltip.

Must not: decide what a source means (``core.source_names``, ``reports.source_words``) or
write anything (the model's ``setData`` does).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kpidesk.core.indicators import Source
from kpidesk.reports.source_words import description_text, grouped, label_text

AnyIndex = QModelIndex | QPersistentModelIndex


def source_items() -> QStandardItemModel:
    """The grouped list: family headings (disabled) and their sources (data: the code)."""
    model = QStandardItemModel()
    bold = QFont()
    bold.setBold(True)
    for _kind, family, entries in grouped():
        heading = QStandardItem(family)
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        heading.setFont(bold)
        model.appendRow(heading)
        for entry in entries:
            source = Source.parse(entry.code)
            item = QStandardItem("    " + label_text(source))
            item.setData(entry.code, Qt.ItemDataRole.UserRole)
            item.setToolTip(description_text(source))
            model.appendRow(item)
    return model


class SourceDelegate(QStyledItemDelegate):
    """Edits an indicator's source with the grouped combo box."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("indicator_source_editor")
        items = source_items()
        items.setParent(editor)
        editor.setModel(items)
        editor.setMaxVisibleItems(20)
        view = editor.view()
        view.setMinimumWidth(max(view.sizeHintForColumn(0) + 24, 360))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.UserRole))
            editor.setCurrentIndex(max(found, 1))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox) and editor.currentData() is not None:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

"""Number cells: a delegate that edits with Russian input (``12 345,5``, non-breaking spaces,
a comma or a dot) and shows numbers right-aligned. The model parses the typed text with
``kpidesk.core.money.parse_number`` in ``setData`` and refuses bad text with a reason, so
that typing, pasting and undo all go through the same validation."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem, QWidget

from kpidesk.core.money import plain
from kpidesk.gui.widgets.cell_delegates import LineEditDelegate

# digits, spaces (ordinary, non-breaking, narrow), a decimal comma or dot, a minus, % or ₽
_SPACE = "[\\s\u00a0\u202f]"  # Python puts the real characters in: PCRE has no \\u escapes
NUMBER_PATTERN = QRegularExpression(
    f"^{_SPACE}*[-\u2212]?[\\d\\s\u00a0\u202f]*([.,]\\d*)?{_SPACE}*[%₽]?$"
)

AnyIndex = QModelIndex | QPersistentModelIndex


def edit_text(value: Decimal | None, lang: str = "ru") -> str:
    """A number as it appears in an editor: no thousands groups, a decimal comma in
    Russian (``12345,5``); empty for ``None``."""
    if value is None:
        return ""
    text = plain(value) or ""
    return text.replace(".", ",") if lang == "ru" else text


class NumberDelegate(LineEditDelegate):
    """Edits a cell as a number typed the Russian way; the model validates and parses."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setValidator(QRegularExpressionValidator(NUMBER_PATTERN, editor))
        editor.setFrame(False)
        return editor

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

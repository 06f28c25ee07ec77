"""The daily form's number fields: the grid of a field per daily value (its label, the
right-aligned field that takes only a number, the message label beside it), the numbers
typed in the fields (a problem per unreadable one), and moving on from one field to the
next on Enter.

Must not: check a value beyond reading it as a number (``services.daily_entry`` does), hold
a translated string (the section passes the labels and the "not a number" text, so their
``tr()`` context stays ``DailyEntrySection``), or save anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from kpidesk.core.money import parse_number
from kpidesk.core.problems import Location, Problem
from kpidesk.gui.widgets.numbers import NUMBER_PATTERN


def field_grid(
    form: QWidget, names: Sequence[str], labels: Mapping[str, str]
) -> tuple[QGridLayout, dict[str, QLineEdit], dict[str, QLabel]]:
    """A row per field of ``names`` (label, field, message); the grid, the fields and their
    message labels by name."""
    grid = QGridLayout()
    grid.setColumnStretch(2, 1)
    grid.setHorizontalSpacing(10)
    fields: dict[str, QLineEdit] = {}
    messages: dict[str, QLabel] = {}
    for row, name in enumerate(names):
        label = QLabel(labels[name], form)
        edit = QLineEdit(form)
        edit.setObjectName(f"daily_{name}")
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setValidator(QRegularExpressionValidator(NUMBER_PATTERN, edit))
        edit.setMinimumWidth(150)
        edit.setMaximumWidth(220)
        label.setBuddy(edit)
        message = QLabel(form)
        message.setObjectName(f"daily_{name}_message")
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(label, row, 0)
        grid.addWidget(edit, row, 1)
        grid.addWidget(message, row, 2)
        fields[name] = edit
        messages[name] = message
    return grid, fields, messages


def read_numbers(
    fields: Mapping[str, QLineEdit], not_a_number: Callable[[str], str]
) -> tuple[dict[str, Decimal | None], list[Problem]]:
    """The numbers in the fields (``None`` = empty) and a problem per unreadable one
    (``not_a_number(text)`` is its message)."""
    values: dict[str, Decimal | None] = {}
    found: list[Problem] = []
    for name, edit in fields.items():
        text = edit.text().strip()
        if not text:
            values[name] = None
            continue
        try:
            values[name] = parse_number(text)
        except ValueError:
            values[name] = None
            found.append(
                Problem(
                    "not_a_number",
                    not_a_number(text),
                    Location(entity="daily", field=name),
                    text,
                )
            )
    return values, found


def focus_next(
    fields: Mapping[str, QLineEdit], names: Sequence[str], name: str, save: QPushButton
) -> None:
    """Enter in field ``name``: on to the next field (its text selected), or to ``save``
    after the last one when it may save."""
    position = names.index(name)
    if position + 1 < len(names):
        following = fields[names[position + 1]]
        following.setFocus()
        following.selectAll()
    elif save.isEnabled():
        save.setFocus()

"""The month grid's undo: a day's typed values (:data:`Values`), whether they make an empty,
a draft or a complete day, and :class:`DaysCommand`, one edit of one or more days (their
states before and after) on the section's ``QUndoStack``; undo and redo write the states
back through the model, as a whole.

Must not: write anything itself (``MonthGridModel.apply_states`` does, through the service).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from kpidesk.services import daily_entry

if TYPE_CHECKING:
    from kpidesk.gui.month_grid_model import MonthGridModel

Values = dict[str, Decimal | None]


def empty_values() -> Values:
    """A day with nothing typed."""
    return dict.fromkeys(daily_entry.FIELDS)


def is_empty(values: Mapping[str, Decimal | None]) -> bool:
    """Whether every measure of the day is empty (the day is to be deleted)."""
    return all(values.get(name) is None for name in daily_entry.FIELDS)


def is_complete(values: Mapping[str, Decimal | None]) -> bool:
    """Whether revenue, receipts and visitors are typed (the day can be saved)."""
    return all(values.get(name) is not None for name in daily_entry.REQUIRED)


class DaysCommand(QUndoCommand):
    """One edit of one or more days: the states before and after, applied as a whole."""

    def __init__(
        self,
        model: MonthGridModel,
        before: dict[date, Values],
        after: dict[date, Values],
        text: str,
    ) -> None:
        super().__init__(text)
        self._model = model
        self._before = before
        self._after = after
        self._first = True  # the edit was applied before the command was pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._model.apply_states(self._after)

    def undo(self) -> None:
        self._model.apply_states(self._before)

"""The month grid's undo states: a day's typed values (:data:`Values`) and whether they make
an empty, a draft or a complete day. One edit of one or more days goes on the section's
``QUndoStack`` as an ``undo.AppliedEditCommand`` of their states before and after; undo and
redo write the states back through ``MonthGridModel.apply_states``, as a whole.

Must not: write anything itself (``MonthGridModel.apply_states`` does, through the service).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from kpidesk.services import daily_entry

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

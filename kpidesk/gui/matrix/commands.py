"""The KPI matrix editor's undo: :class:`RowsCommand`, one undoable change of the matrix's
rows (a cell typed, a paste, a row added, moved or removed, a plan or a copy put in), and
:func:`changed_span`, which tells the model exactly which rows came, went or changed so
that views keep their selection.

Every edit of the matrix goes on the section's ``QUndoStack`` as one command; its clean
state marks "saved". A manual fact is not part of the matrix and is never a command.

Must not: validate or parse what was typed (``matrix_rows``), or save anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from kpidesk.gui.matrix.rows import EditRow

ApplyRows = Callable[[tuple[EditRow, ...]], None]


class RowsCommand(QUndoCommand):
    """One undoable change of the matrix's rows (a cell, a paste, a row added, moved…).

    ``apply`` puts a tuple of rows into the model (``MatrixModel.apply_rows``); the command
    takes the callable rather than the model so that this module does not import the model
    (which imports it)."""

    def __init__(
        self,
        apply: ApplyRows,
        before: tuple[EditRow, ...],
        after: tuple[EditRow, ...],
        text: str,
    ) -> None:
        super().__init__(text)
        self.apply = apply
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.apply(self.after)

    def undo(self) -> None:
        self.apply(self.before)


def changed_span(before: Sequence[EditRow], after: Sequence[EditRow]) -> tuple[int, int, int]:
    """Where ``after`` differs from ``before``: ``(start, removed, added)`` — the first row
    that differs, how many rows of ``before`` go from there and how many of ``after`` come
    (the rows after them, as the rows before, are the same)."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    tail = 0
    while (
        tail < min(len(before), len(after)) - start
        and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]
    ):
        tail += 1
    return start, len(before) - start - tail, len(after) - start - tail

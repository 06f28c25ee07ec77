"""``AppliedEditCommand``: the undo step of an edit that a model has already written when the
command is pushed on its ``QUndoStack`` (the facts grid, the month grid). It keeps the state
before and after the edit and hands one or the other to the model's write function on undo
and redo; the first ``redo``, which ``QUndoStack.push`` calls, does nothing.

Must not: write, validate or refresh anything itself (the write function does), or serve an
edit that is applied by pushing its command (``matrix_commands.RowsCommand`` is one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand

State = TypeVar("State")


class AppliedEditCommand(QUndoCommand, Generic[State]):
    """One edit already applied: undo writes ``before`` back, redo writes ``after`` again."""

    def __init__(
        self, write: Callable[[State], None], before: State, after: State, text: str
    ) -> None:
        super().__init__(text)
        self._write = write
        self._before = before
        self._after = after
        self._first = True  # the edit was applied before the command was pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

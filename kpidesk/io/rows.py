"""One data row of a sheet, read cell by cell, with every bad cell recorded.

``RowCursor`` knows where each field's column is in the sheet and which header text the
file used for it. Reading a field converts the raw cell with a function from
:mod:`kpidesk.io.cells`; a failure records a :class:`Problem` (sheet, Excel row number,
header text, the value, why) and returns a placeholder so the rest of the row is still
checked — a row is used only when ``ok`` is still true at its end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from kpidesk.core.problems import Location, Problem
from kpidesk.io.cells import RawCell, is_blank, show

T = TypeVar("T")
_ABSENT = 1 << 30  # the position of a column the sheet does not have: beyond any row


class RowCursor:
    """Reads fields of the current row of one sheet."""

    def __init__(
        self,
        sheet: str,
        columns: dict[str, tuple[int, str]],
        problems: list[Problem],
    ) -> None:
        """Args:
        sheet: the sheet name as written in the file.
        columns: field → (0-based position in the row list, header text in the file).
        problems: where bad cells are recorded.
        """
        self.sheet = sheet
        self.columns = columns
        self.positions = {field: position for field, (position, _) in columns.items()}
        self.problems = problems
        self.row = 0
        self.cells: Sequence[RawCell] = ()
        self.ok = True

    def start(self, row: int, cells: Sequence[RawCell]) -> None:
        """Move to Excel row ``row`` (1-based) holding ``cells``."""
        self.row = row
        self.cells = cells
        self.ok = True

    @property
    def location(self) -> Location:
        """The sheet and row (no column): the origin of an item read from this row."""
        return Location(sheet=self.sheet, row=self.row)

    def has(self, field: str) -> bool:
        """Whether the sheet has a column for ``field``."""
        return field in self.columns

    def raw(self, field: str) -> RawCell:
        """The raw cell of ``field`` (``""`` when the column or the cell is absent)."""
        position = self.positions.get(field, _ABSENT)
        cells = self.cells
        return cells[position] if position < len(cells) else ""

    def blank(self, field: str) -> bool:
        """Whether ``field``'s cell is empty."""
        return is_blank(self.raw(field))

    def required(self, field: str, convert: Callable[[RawCell], T], placeholder: T) -> T:
        """The converted cell; an empty or bad cell is a problem (``placeholder`` returned)."""
        # inlined raw()/is_blank(): this runs for every cell of every row
        position = self.positions.get(field, _ABSENT)
        cells = self.cells
        raw = cells[position] if position < len(cells) else ""
        if type(raw) is str and not raw.strip():
            self.fail(field, "a value is required here", code="missing_value")
            return placeholder
        try:
            return convert(raw)
        except ValueError as error:
            self.fail(field, str(error))
            return placeholder

    def optional(self, field: str, convert: Callable[[RawCell], T]) -> T | None:
        """The converted cell, ``None`` when empty; a bad cell is a problem."""
        raw = self.raw(field)
        if is_blank(raw):
            return None
        try:
            return convert(raw)
        except ValueError as error:
            self.fail(field, str(error))
            return None

    def fail(self, field: str, message: str, *, code: str = "bad_value") -> None:
        """Record a problem in ``field``'s cell of the current row; the row is not used."""
        self.ok = False
        column = self.columns[field][1] if field in self.columns else None
        raw = self.raw(field)
        value = None if is_blank(raw) else show(raw)
        self.problems.append(
            Problem(
                code=code,
                message=message,
                where=Location(sheet=self.sheet, row=self.row, column=column, field=field),
                value=value,
                params=(
                    ("sheet", self.sheet),
                    ("row", str(self.row)),
                    ("column", column or ""),
                    ("value", value or ""),
                ),
            )
        )

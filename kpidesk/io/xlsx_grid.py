"""A sheet of ``io.xlsx_stream`` written in any order, for the bonus workbook (SPEC §9: 200
sheets with formulas ≤ 1 s): cells are kept by (row, column) with the few things the
bonus sheets set — a value, a font, a number format, text kept as text with the quote
prefix — and turned into SpreadsheetML rows once, when the workbook is saved. The names
follow openpyxl's (``ws.cell(row, column, value)``, ``ws["B7"]``, ``cell.number_format``,
``cell.font``, ``cell.data_type = "s"``, ``ws.column_dimensions["A"].width``,
``ws.freeze_panes``), so the sheet code reads as before.

A text value starting with ``=`` is a formula (written without a cached result, so Excel
and LibreOffice compute it on opening, as openpyxl's files), unless ``data_type`` is set
to ``"s"``.

Must not: import openpyxl, or evaluate a formula.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from kpidesk.io.xlsx_stream import Style, Styles, cell_xml, letters, worksheet_xml

_REFERENCE = re.compile(r"\$?([A-Z]{1,3})\$?([1-9][0-9]*)")  # B7, $B$7


@dataclass(frozen=True)
class Font:
    """A cell's font: bold and size (as much of openpyxl's ``Font`` as the sheets use)."""

    bold: bool = False
    size: int = 11


class GridCell:
    """One cell: ``value``, ``font``, ``number_format``, ``data_type``, ``quotePrefix``."""

    __slots__ = ("_value", "data_type", "font", "number_format", "quotePrefix")

    def __init__(self) -> None:
        self._value: object = None
        self.data_type = "n"
        self.font = Font()
        self.number_format = "General"
        self.quotePrefix = False

    @property
    def value(self) -> object:
        return self._value

    @value.setter
    def value(self, value: object) -> None:
        self._value = value
        self.data_type = "f" if isinstance(value, str) and value.startswith("=") else "n"

    def style(self) -> Style:
        number_format = None if self.number_format == "General" else self.number_format
        return Style(self.font.bold, number_format, self.quotePrefix, self.font.size)


class _Width:
    __slots__ = ("width",)

    def __init__(self) -> None:
        self.width: float | None = None


def column_number(name: str) -> int:
    """A → 1, AA → 27."""
    number = 0
    for letter in name:
        number = number * 26 + ord(letter) - 64
    return number


def split_reference(reference: str) -> tuple[int, int]:
    """``"B7"`` or ``"$B$7"`` → (row 7, column 2).

    Raises:
        ValueError: not a plain cell reference.
    """
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        raise ValueError(f"not a cell reference: {reference!r}")
    return int(match.group(2)), column_number(match.group(1))


class GridSheet:
    """A worksheet whose cells may be set in any order."""

    def __init__(self, title: str, styles: Styles) -> None:
        self.title = title
        self.freeze_panes: str | None = None
        self.column_dimensions: defaultdict[str, _Width] = defaultdict(_Width)
        self._styles = styles
        self._cells: dict[tuple[int, int], GridCell] = {}

    def cell(self, row: int, column: int, value: object = None) -> GridCell:
        """The cell at (row, column), 1-based; ``value`` is set when not ``None``."""
        found = self._cells.get((row, column))
        if found is None:
            found = self._cells[(row, column)] = GridCell()
        if value is not None:
            found.value = value
        return found

    def __getitem__(self, reference: str) -> GridCell:
        return self.cell(*split_reference(reference))

    def __setitem__(self, reference: str, value: object) -> None:
        self.cell(*split_reference(reference)).value = value

    def xml(self) -> str:
        """The sheet's SpreadsheetML.

        Raises:
            ValueError: a text holds a control character, or a value of another type.
        """
        rows: dict[int, list[str]] = defaultdict(list)
        styles = self._styles
        for (row, column), cell in sorted(self._cells.items()):
            reference = f"{letters(column)}{row}"
            style = styles.of(cell.style())
            value = cell.value
            if cell.data_type == "f" and isinstance(value, str):
                at = f'r="{reference}" s="{style}"' if style else f'r="{reference}"'
                rows[row].append(f"<c {at}><f>{escape(value[1:])}</f><v></v></c>")
            elif value is not None or style:
                if isinstance(value, date) and not style:
                    raise ValueError("a date needs a number format")
                rows[row].append(cell_xml(reference, value, style))
        data = "".join(f'<row r="{row}">{"".join(cells)}</row>' for row, cells in rows.items())
        widths = {
            column_number(name): dimension.width
            for name, dimension in self.column_dimensions.items()
            if dimension.width is not None
        }
        return worksheet_xml(data, widths, self.freeze_panes)

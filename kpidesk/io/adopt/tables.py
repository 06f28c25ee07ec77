"""Finding tables on an owner's sheet by their header row, and the labelled values written
around them (SPEC §6.1).

A row is a matrix header when its cells name (in any wording of :mod:`.vocabulary`, any
order, from any column) at least an indicator, a weight, a norm and a fact; a daily log's
when they name a date and revenue. Titles above (merged cells or not) are ordinary text
and are passed over. A label is a cell such as "ФИО:" or "Оклад" whose value is in the
next filled cell to its right, or in the same cell after a colon ("ФИО: Иванова А.").

Must not: read rows of a table (``matrix_sheets``, ``daily_logs`` do).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from kpidesk.io.adopt.grid import Cell, SheetGrid
from kpidesk.io.adopt.model import HeaderCell, SheetKind, Table
from kpidesk.io.adopt.vocabulary import (
    DAILY_NEEDS,
    DAILY_WORDS,
    LABEL_WORDS,
    MATRIX_NEEDS,
    MATRIX_WORDS,
    key,
)
from kpidesk.io.cells import show

MATRIX_FIELD_NAMES = (
    "indicator",
    "unit",
    "weight",
    "base",
    "norm",
    "target",
    "fact",
    "index",
    "weighted",
)
DAILY_FIELD_NAMES = ("date", "store", "revenue", "receipts", "visitors", "units")


def cell_text(value: Cell) -> str:
    """A cell as text ('' when empty or not text-like)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, datetime | date | bool):
        return ""
    if isinstance(value, Decimal):
        return str(value)
    return show(value)


def signature(cells: list[tuple[int, str]]) -> str:
    """The header's shape: its words in their columns, hashed."""
    text = "|".join(f"{column}:{key(words)}" for column, words in cells)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _header(row_cells: tuple[Cell, ...]) -> tuple[SheetKind, list[HeaderCell]] | None:
    texts = [(c, value.strip()) for c, value in enumerate(row_cells) if isinstance(value, str)]
    texts = [(c, text) for c, text in texts if text]
    for kind, words, needs in (
        (SheetKind.MATRIX, MATRIX_WORDS, MATRIX_NEEDS),
        (SheetKind.DAILY, DAILY_WORDS, DAILY_NEEDS),
    ):
        cells: list[HeaderCell] = []
        seen: set[str] = set()
        for column, text in texts:
            found = words.get(key(text))
            if found is None and " " in key(text):
                found = words.get(key(text).split(" ")[0])
            if found in seen:
                found = None
            if found is not None:
                seen.add(found)
            cells.append(HeaderCell(column, text, found))
        if all(need in seen for need in needs):
            return kind, cells
    return None


def find_tables(grid: SheetGrid, columns: Mapping[str, Mapping[int, str]]) -> list[Table]:
    """Every header row of the sheet, top to bottom, with its mapping (corrected where the
    user corrected a header of the same signature)."""
    tables: list[Table] = []
    for r, row_cells in enumerate(grid.rows):
        found = _header(row_cells)
        if found is None:
            continue
        kind, cells = found
        shape = signature([(cell.column, cell.text) for cell in cells])
        corrected = columns.get(shape)
        if corrected:
            cells = [
                HeaderCell(cell.column, cell.text, corrected.get(cell.column, cell.field) or None)
                for cell in cells
            ]
        tables.append(Table(r + 1, kind, tuple(cells), shape))
    return tables


@dataclass(frozen=True)
class Label:
    """A labelled value: the field, its value and its 1-based row."""

    field: str
    value: Cell
    row: int


def labels(grid: SheetGrid, first: int, last: int) -> list[Label]:
    """The labelled values in 0-based rows ``first`` to ``last`` (exclusive)."""
    found: list[Label] = []
    for r in range(max(first, 0), min(last, len(grid.rows))):
        row_cells = grid.rows[r]
        for c, value in enumerate(row_cells):
            if not isinstance(value, str) or not value.strip():
                continue
            head, colon, rest = value.partition(":")
            name = LABEL_WORDS.get(key(head))
            if name is None:
                continue
            if colon and rest.strip():
                found.append(Label(name, rest.strip(), r + 1))
                continue
            beside = next(
                (v for v in row_cells[c + 1 :] if not (isinstance(v, str) and not v.strip())),
                None,
            )
            if beside is not None:
                found.append(Label(name, beside, r + 1))
    return found

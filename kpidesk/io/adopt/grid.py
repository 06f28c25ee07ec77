"""An owner's workbook as grids of cell values, one per sheet (SPEC §6.1).

python-calamine reads the values — for a formula, the value the spreadsheet program last
computed and saved with the file, which is what the owner saw (a broken formula keeps its
wrong value, and the comparison with kpidesk's own KPI shows it). A workbook written by a
program that saves formulas without computing them (openpyxl, some exporters) has no such
values; for those cells alone openpyxl reads the formula and :mod:`.formulas` computes it
(arithmetic, SUM, SUMPRODUCT, ROUND, MIN, MAX, ABS), leaving a cell it cannot compute empty.

The file is vetted by :mod:`kpidesk.io.safety` first, like any workbook the app reads.
Must not: interpret the values (``tables`` and the sheet readers do).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kpidesk.io import safety
from kpidesk.io.adopt.formulas import evaluate_formulas
from kpidesk.io.cells import RawCell

Cell = RawCell | Decimal
MAX_ROWS = 20_000  # an owner's sheet, not a data dump: beyond it the rest is not read
MAX_COLUMNS = 60


@dataclass(frozen=True)
class SheetGrid:
    """One sheet: ``rows[r][c]`` is the value of Excel row ``r + 1``, column ``c + 1``
    (``""`` for an empty cell); ``computed`` the cells whose value kpidesk computed from
    the formula because the file carried none."""

    name: str
    rows: tuple[tuple[Cell, ...], ...]
    computed: frozenset[tuple[int, int]] = frozenset()

    def cell(self, row: int, column: int) -> Cell:
        """The value at 0-based (row, column), ``""`` outside the grid."""
        if 0 <= row < len(self.rows) and 0 <= column < len(self.rows[row]):
            return self.rows[row][column]
        return ""


class UnreadableWorkbookError(Exception):
    """The file is not a workbook kpidesk can read; ``code`` is the problem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def load_grids(path: Path) -> list[SheetGrid]:
    """Every sheet of ``path`` as a grid, in the workbook's order.

    Raises:
        UnreadableWorkbookError: refused by the safety checks or unreadable.
    """
    try:
        archive = safety.open_checked(path)
        try:
            safety.check_sheets(archive, lambda name: True)
        finally:
            archive.close()
    except safety.UnsafeFileError as error:
        raise UnreadableWorkbookError(error.code, str(error)) from None
    from python_calamine import CalamineWorkbook

    grids: list[list[list[Cell]]] = []
    names: list[str] = []
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        try:
            for name in workbook.sheet_names:
                sheet = workbook.get_sheet_by_name(name)
                offset = sheet.start[1] if sheet.start else 0
                rows: list[list[Cell]] = []
                for number, values in enumerate(sheet.iter_rows()):
                    if number >= MAX_ROWS:
                        break
                    padded: list[Cell] = [""] * offset
                    padded.extend(values)
                    rows.append(padded[:MAX_COLUMNS])
                grids.append(rows)
                names.append(name)
        finally:
            workbook.close()
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as error:  # calamine's own errors, and a Rust panic
        raise UnreadableWorkbookError(
            "unreadable", f"the workbook cannot be read: {error}"
        ) from None
    computed = evaluate_formulas(path, names, grids)  # type: ignore[arg-type]
    return [
        SheetGrid(name, tuple(tuple(row) for row in rows), frozenset(computed.get(name, ())))
        for name, rows in zip(names, grids, strict=True)
    ]

"""Reading a KPI matrix table of an owner's sheet (SPEC §6.1): its indicator rows, its
"Итого" / "KPI" row (the sheet's own KPI), and per row the index method of SPEC §2.4 that
reproduces the sheet's own index column.

Weights may be written as 0,3, 30 or 30 %: a "%" in the cell, or weights that add up to
about 100, mean percent. The index method: the first of scale, ratio, binary (ratio,
scale, binary when no base is given) whose index equals the sheet's to 0.1 %; with no
index column, scale when a base is given and ratio when only a plan is. A row whose index
no method reproduces keeps that default and is reported (usually a broken formula).

Must not: decide whose matrix it is or its period (``recognise`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.kpi import index_for
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.problems import Location, Problem
from kpidesk.io.adopt.grid import Cell, SheetGrid
from kpidesk.io.adopt.model import MatrixLine, Table
from kpidesk.io.adopt.vocabulary import is_total
from kpidesk.io.cells import decimal, show

_TOLERANCE = Decimal("0.001")
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class MatrixRead:
    """The rows of one table: lines, the sheet's KPI and its row, the row after the table,
    and the problems (bad cells are errors)."""

    lines: tuple[MatrixLine, ...]
    sheet_kpi: Decimal | None
    total_row: int | None
    end: int  # 0-based row after the table
    problems: tuple[Problem, ...]


def _blank(value: Cell) -> bool:
    return isinstance(value, str) and not value.strip()


def _number(value: Cell) -> Decimal:
    if isinstance(value, Decimal):
        return value
    return decimal(value)


def _percent_text(value: Cell) -> bool:
    return isinstance(value, str) and "%" in value


def _ratio(value: Cell) -> Decimal:
    """An index or a KPI as a ratio: "113,7%" → 1.137, 113.7 → 1.137, 1.137 → 1.137 (a
    plain number above 20 — 2 000 % — is taken as written in percent)."""
    number = _number(value)
    if _percent_text(value) or abs(number) > 20:
        return number / _HUNDRED
    return number


def read_matrix(grid: SheetGrid, table: Table, stop: int) -> MatrixRead:
    """The table's rows from below its header up to a blank row, the next table (0-based
    row ``stop``), or its total row (included)."""
    sheet = grid.name
    problems: list[Problem] = []
    raw: list[tuple[int, dict[str, Cell]]] = []
    sheet_kpi: Decimal | None = None
    total_row: int | None = None
    r = table.row  # 0-based row after the header
    columns = {cell.field: cell for cell in table.headers if cell.field}
    indicator_column = columns["indicator"].column if "indicator" in columns else None
    while r < min(stop, len(grid.rows)):
        cells = grid.rows[r]
        if all(_blank(v) for v in cells):
            if raw:
                break
            r += 1
            continue
        values = {name: grid.cell(r, cell.column) for name, cell in columns.items()}
        texts = [v for v in cells if isinstance(v, str) and v.strip()]
        name = values.get("indicator", "")
        if any(is_total(t) for t in texts) and (
            _blank(name) or (isinstance(name, str) and is_total(name))
        ):
            sheet_kpi = _total_value(grid, r, table, indicator_column)
            total_row = r + 1
            r += 1
            break
        if indicator_column is None or _blank(name):
            if raw:
                break  # labels of the next block, or notes under the table
            r += 1
            continue
        raw.append((r + 1, values))
        r += 1
    lines = _lines(sheet, table, raw, problems)
    return MatrixRead(tuple(lines), sheet_kpi, total_row, r, tuple(problems))


def _total_value(grid: SheetGrid, r: int, table: Table, skip: int | None) -> Decimal | None:
    for name in ("index", "weighted"):
        cell = table.column(name)
        if cell is not None:
            try:
                return _ratio(grid.cell(r, cell.column))
            except ValueError:
                continue
    numbers = []
    for c, value in enumerate(grid.rows[r]):
        if c == skip or _blank(value):
            continue
        try:
            numbers.append(_ratio(value))
        except ValueError:
            continue
    return numbers[-1] if numbers else None


def _lines(
    sheet: str, table: Table, raw: list[tuple[int, dict[str, Cell]]], problems: list[Problem]
) -> list[MatrixLine]:
    def bad(row: int, name: str, value: Cell, why: str, code: str = "bad_value") -> None:
        header = table.column(name)
        problems.append(
            Problem(
                code=code,
                message=why,
                where=Location(
                    sheet=sheet, row=row, column=header.text if header else None, field=name
                ),
                value=show(value) if not isinstance(value, Decimal) else str(value),
            )
        )

    def number(row: int, values: dict[str, Cell], name: str, required: bool) -> Decimal | None:
        value = values.get(name, "")
        if _blank(value):
            if required:
                bad(row, name, value, "a value is required here", "missing_value")
            return None
        try:
            return _number(value)
        except ValueError as error:
            bad(row, name, value, str(error))
            return None

    weights: list[Decimal | None] = []
    for row, values in raw:
        weight = number(row, values, "weight", True)
        if weight is not None and _percent_text(values.get("weight", "")):
            weight /= _HUNDRED
        weights.append(weight)
    known = [w for w in weights if w is not None]
    if known and sum(known) > Decimal("1.5"):  # written as 30, 20, 50
        weights = [None if w is None else w / _HUNDRED for w in weights]
    lines: list[MatrixLine] = []
    for (row, values), weight in zip(raw, weights, strict=True):
        norm = number(row, values, "norm", True)
        base = number(row, values, "base", False)
        target = number(row, values, "target", False)
        fact = number(row, values, "fact", False)
        sheet_index: Decimal | None = None
        index_cell = values.get("index", "")
        if not _blank(index_cell):
            try:
                sheet_index = _ratio(index_cell)
            except ValueError:
                sheet_index = None  # a "#DIV/0!" or a note: no index to reproduce
        if weight is None or norm is None:
            continue
        unit = values.get("unit", "")
        line_row = MatrixRow("", weight, base, norm, target)
        method, reproduces = index_method(line_row, fact, sheet_index)
        lines.append(
            MatrixLine(
                row=row,
                indicator=str(values["indicator"]).strip(),
                unit=unit.strip() if isinstance(unit, str) else "",
                weight=weight,
                base=base,
                norm=norm,
                target=target,
                fact=fact,
                sheet_index=sheet_index,
                method=method,
                method_reproduces=reproduces,
            )
        )
    return lines


def index_method(
    row: MatrixRow, fact: Decimal | None, sheet_index: Decimal | None
) -> tuple[IndexMethod, bool]:
    """The method reproducing ``sheet_index`` for ``fact``, and whether one did."""
    order = (
        (IndexMethod.SCALE, IndexMethod.RATIO, IndexMethod.BINARY)
        if row.base is not None
        else (IndexMethod.RATIO, IndexMethod.SCALE, IndexMethod.BINARY)
    )
    if fact is None or sheet_index is None:
        return order[0], True
    for method in order:
        index = index_for(row, fact, method)
        # an index written in percent without the sign (150 for 150 %) matches too
        if index is not None and (
            abs(index - sheet_index) <= _TOLERANCE
            or abs(index * _HUNDRED - sheet_index) <= _TOLERANCE
        ):
            return method, True
    return order[0], False

"""Reading a daily log of an owner's sheet (SPEC §6.1): one row per day with a date,
revenue, receipts and visitors (units optional), for the sheet's store or for the store
named in a store column. Subtotal and total rows ("Итого за неделю", "Всего") are
recognised and skipped; a row that is neither a day nor a total is reported.

Must not: decide whose log it is (``recognise`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from kpidesk.core.periods import parse_date
from kpidesk.core.problems import Location, Problem, Severity
from kpidesk.io.adopt.grid import Cell, SheetGrid
from kpidesk.io.adopt.model import DayLine, HeaderCell, Table
from kpidesk.io.adopt.vocabulary import is_total
from kpidesk.io.cells import decimal, show


@dataclass(frozen=True)
class LogRead:
    """The days of one log, the rows skipped as subtotals, the row after it, problems."""

    days: tuple[DayLine, ...]
    skipped: tuple[int, ...]
    end: int
    problems: tuple[Problem, ...]


def _blank(value: Cell) -> bool:
    return isinstance(value, str) and not value.strip()


def _day(value: Cell) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            return None
    return None


def read_log(grid: SheetGrid, table: Table, store: str | None, stop: int) -> LogRead:
    """The log's rows below its header up to 0-based row ``stop`` (the next table)."""
    sheet = grid.name
    problems: list[Problem] = []
    days: list[DayLine] = []
    skipped: list[int] = []
    columns = {cell.field: cell for cell in table.headers if cell.field}
    date_column = columns["date"].column
    r = table.row
    end = min(stop, len(grid.rows))
    while r < end:
        cells = grid.rows[r]
        number = r + 1
        r += 1
        if all(_blank(v) for v in cells):
            continue
        texts = [v for v in cells if isinstance(v, str) and v.strip()]
        raw_day = grid.cell(number - 1, date_column)
        day = _day(raw_day)
        if day is None:
            if any(is_total(text) for text in texts) or _blank(raw_day):
                skipped.append(number)
                continue
            problems.append(
                Problem(
                    code="adopt_not_a_day",
                    message="the row is neither a day nor a total; it was left out",
                    where=Location(sheet=sheet, row=number, column=columns["date"].text),
                    value=show(raw_day) if not isinstance(raw_day, Decimal) else str(raw_day),
                    severity=Severity.WARNING,
                )
            )
            continue
        line = _line(grid, number, day, columns, store, problems)
        if line is not None:
            days.append(line)
    return LogRead(tuple(days), tuple(skipped), end, tuple(problems))


def _line(
    grid: SheetGrid,
    number: int,
    day: date,
    columns: dict[str, HeaderCell],
    store: str | None,
    problems: list[Problem],
) -> DayLine | None:
    def fail(name: str, value: Cell, why: str, code: str = "bad_value") -> None:
        header = columns.get(name)
        text = show(value) if not isinstance(value, Decimal) else str(value)
        problems.append(
            Problem(
                code=code,
                message=why,
                where=Location(
                    sheet=grid.name,
                    row=number,
                    column=header.text if header is not None else None,
                    field=name,
                ),
                value=text,
                params=(("field", name), ("value", text)),
            )
        )

    def value(name: str) -> Cell:
        header = columns.get(name)
        return grid.cell(number - 1, header.column) if header is not None else ""

    def amount(name: str, whole: bool) -> Decimal | None:
        cell = value(name)
        if _blank(cell):
            if name in ("revenue", "receipts", "visitors") and name in columns:
                fail(name, cell, "a value is required here", "missing_value")
                return None
            return Decimal(0)
        try:
            result = cell if isinstance(cell, Decimal) else decimal(cell)
        except ValueError as error:
            fail(name, cell, str(error))
            return None
        if result < 0:
            fail(name, cell, "a negative number is not allowed here", "negative_value")
            return None
        if whole and result != result.to_integral_value():
            fail(name, cell, "a whole number is expected here", "not_whole")
            return None
        return result

    if store is None:
        named = value("store")
        store = named.strip() if isinstance(named, str) else ""
        if not store:
            fail("store", named, "a value is required here", "missing_value")
            return None
    revenue = amount("revenue", False)
    receipts = amount("receipts", True)
    visitors = amount("visitors", True)
    units = amount("units", True)
    if revenue is None or receipts is None or visitors is None or units is None:
        return None
    return DayLine(number, store, day, revenue, int(receipts), int(visitors), int(units))

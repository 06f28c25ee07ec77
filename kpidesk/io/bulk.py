"""The bulk path of the two large sheets (daily rows, facts; SPEC §9: a 3-year workbook
imported in ≤ 0.6 s): a chunk of rows is checked and converted in one pass with the plain
cell types python-calamine hands over (text, a float number, a date), without a
``RowCursor`` per row. A row this path is not sure of — any other cell type, an empty or
bad cell, a blank row — comes back as ``None`` and goes through the careful path
(``builders.read_row``), which reads what it can and locates every bad cell; so the items
and the problems are exactly those of the careful path, only the good rows are faster.

Must not: report problems itself (the careful path does), or import anything heavy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from kpidesk.core.daily import DailyEntry, Fact
from kpidesk.core.periods import Period
from kpidesk.io import cells
from kpidesk.io.cells import RawCell

Rows = Sequence[Sequence[RawCell]]
_ZERO = Decimal(0)


def _dict_setter(cls: type) -> Callable[[object, dict[str, object]], None]:
    """What sets the ``__dict__`` of an instance of ``cls`` to a given dict (the C
    descriptor ``vars(cls)["__dict__"]``): an item made by ``object.__new__`` then holds
    the dict of its fields as it is, where ``item.__dict__.update(fields)`` copied it into
    a second one (issue 17: 22 000 daily rows, ≈ 2–4 ms)."""
    setter: Callable[[object, dict[str, object]], None] = vars(cls)["__dict__"].__set__
    return setter


_DAILY_FIELDS, _FACT_FIELDS = _dict_setter(DailyEntry), _dict_setter(Fact)
_ABSENT = 1 << 30  # a position past any row: the cell reads as "" (as ``RowCursor.raw``)


def _number(value: RawCell) -> Decimal:
    """``cells.decimal`` for a float cell, inline; anything else through it."""
    if type(value) is float and value - value == 0 and -1e12 <= value <= 1e12:
        return Decimal(repr(value)) if value else _ZERO
    return cells.decimal(value)


def _count(value: RawCell) -> int:
    """``cells.whole`` for a whole float cell, inline; anything else through it."""
    if type(value) is float and value.is_integer() and -1e9 <= value <= 1e9:
        return int(value)
    return cells.whole(value)


def daily_rows(rows: Rows, at: Mapping[str, int]) -> list[DailyEntry | None]:
    """Each row as the daily entry the careful path would read, or ``None`` to send it
    there (``at``: field → column position, as ``RowCursor.positions``)."""
    store_at, day_at = at["store"], at["day"]
    revenue_at, receipts_at, visitors_at = at["revenue"], at["receipts"], at["visitors"]
    units_at, returns_at = at.get("units", _ABSENT), at.get("returns", _ABSENT)
    blank, number, count, to_day = object.__new__, _number, _count, cells.day
    fill = _DAILY_FIELDS
    out: list[DailyEntry | None] = []
    append = out.append
    for row in rows:
        try:
            store = row[store_at]
            if type(store) is not str or not (store := store.strip()):
                append(None)
                continue
            day = row[day_at]
            if type(day) is not date:
                day = to_day(day)
            size = len(row)
            units = row[units_at] if units_at < size else ""
            returns = row[returns_at] if returns_at < size else ""
            revenue = row[revenue_at]  # a float cell inline (the common case), else
            receipts = row[receipts_at]  # through ``cells`` like the careful path
            visitors = row[visitors_at]
            fields = {
                "store": store,
                "day": day,
                "revenue": (
                    (Decimal(repr(revenue)) if revenue else _ZERO)
                    if type(revenue) is float and -1e12 <= revenue <= 1e12
                    else number(revenue)
                ),
                "receipts": (
                    int(receipts)
                    if type(receipts) is float and receipts.is_integer() and -1e9 <= receipts <= 1e9
                    else count(receipts)
                ),
                "visitors": (
                    int(visitors)
                    if type(visitors) is float and visitors.is_integer() and -1e9 <= visitors <= 1e9
                    else count(visitors)
                ),
                "units": 0 if units == "" else count(units),
                "returns": None if returns == "" else number(returns),
            }
            # the frozen dataclass without its generated ``__init__``: its fields' dict set
            # whole, not an ``object.__setattr__`` per field (the values are checked above)
            item = blank(DailyEntry)
            fill(item, fields)
            append(item)
        except (ValueError, IndexError):
            append(None)
    return out


def fact_rows(rows: Rows, at: Mapping[str, int]) -> list[Fact | None]:
    """Each row as the fact the careful path would read, or ``None`` to send it there."""
    period_at, employee_at = at["period"], at["employee"]
    indicator_at, value_at = at["indicator"], at["value"]
    periods: dict[tuple[type, RawCell], Period] = {}  # a sheet repeats a few periods
    # and a few dozen values (scores, counts): each float's Decimal made once a chunk,
    # the same as ``_number`` makes it (equal floats have one repr; 0.0 and -0.0 both
    # read as zero; a NaN never equals a key, so it always goes through ``_number``)
    decimals: dict[float, Decimal] = {}
    blank, number, to_period, fill = object.__new__, _number, cells.period, _FACT_FIELDS
    out: list[Fact | None] = []
    append = out.append
    for row in rows:
        try:
            employee, indicator = row[employee_at], row[indicator_at]
            if type(employee) is not str or type(indicator) is not str:
                append(None)
                continue
            employee, indicator = employee.strip(), indicator.strip()
            if not employee or not indicator:
                append(None)
                continue
            raw = row[period_at]
            key = (type(raw), raw)
            period = periods.get(key)
            if period is None:
                period = periods[key] = to_period(raw)
            value = row[value_at]
            if type(value) is float:
                found = decimals.get(value)
                if found is None:
                    found = decimals[value] = number(value)
            else:
                found = number(value)
            fields = {
                "period": period,
                "employee": employee,
                "indicator": indicator,
                "value": found,
            }
            item = blank(Fact)  # as a daily entry is made
            fill(item, fields)
            append(item)
        except (ValueError, IndexError, TypeError):
            append(None)
    return out


BULK: dict[str, Callable[[Rows, Mapping[str, int]], Sequence[object | None]]] = {
    "daily": daily_rows,
    "facts": fact_rows,
}

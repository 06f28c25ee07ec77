"""Turning raw spreadsheet cells into domain values.

python-calamine hands over ``str`` (``""`` for an empty cell), ``int``/``float`` for
numbers, ``bool``, and ``date``/``datetime``/``time``/``timedelta`` for date-formatted
cells. Each converter here accepts every one of those, returns a typed value, and raises
``ValueError`` with an English sentence saying why a cell is not acceptable. Standard
library and ``kpidesk.core`` only: this sits on the fast reading path.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from kpidesk.core.money import HUNDRED, parse_number
from kpidesk.core.payout import PayoutKind
from kpidesk.core.periods import Period, PeriodKind, parse_date

RawCell = str | int | float | bool | date | datetime | time | timedelta

_MONTH_YEAR = re.compile(r"^(\d{1,2})\.(\d{4})$")  # "10.2026", as Russian users type a month
_YES = {"yes", "y", "true", "1", "да", "д", "x", "х", "+", "истина"}
_NO = {"no", "n", "false", "0", "нет", "н", "-", "ложь", ""}
_PAY_PERIODS = {
    "month": PeriodKind.MONTH,
    "monthly": PeriodKind.MONTH,
    "месяц": PeriodKind.MONTH,
    "half": PeriodKind.HALF,
    "half-month": PeriodKind.HALF,
    "half month": PeriodKind.HALF,
    "полмесяца": PeriodKind.HALF,
    "пол месяца": PeriodKind.HALF,
    "полумесяц": PeriodKind.HALF,
}
_PAYOUT_KINDS = {
    "linear": PayoutKind.LINEAR,
    "линейная": PayoutKind.LINEAR,
    "линейный": PayoutKind.LINEAR,
    "steps": PayoutKind.STEPS,
    "step": PayoutKind.STEPS,
    "ступени": PayoutKind.STEPS,
    "ступенчатая": PayoutKind.STEPS,
}


def is_blank(value: RawCell) -> bool:
    """Whether a cell is empty or holds only whitespace."""
    return type(value) is str and not value.strip()


def is_blank_row(cells: Sequence[RawCell]) -> bool:
    """Whether every cell of a row is empty or whitespace."""
    return all(type(value) is str and not value.strip() for value in cells)


def show(value: RawCell) -> str:
    """The cell's value as text for a problem report (what the user sees in Excel)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def text(value: RawCell) -> str:
    """A name or code: trimmed text; a number cell gives its digits (``12.0`` → ``"12"``)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | date | time | timedelta):
        raise ValueError("expected text, found a date or a yes/no value")
    return show(value)


MAX_AMOUNT = Decimal(10) ** 12  # money (₽) and any other number: beyond it is a typo or an attack
MAX_COUNT = 10**9  # receipts, visitors, units
_MAX_INT = 10**12
_ZERO = Decimal(0)
_TOO_LARGE = "the number is too large (at most 1 000 000 000 000 in absolute value)"


def decimal(value: RawCell) -> Decimal:
    """An exact number from a number cell or from text such as ``12 345,50``.

    NaN, infinities and numbers beyond ±10¹² are refused; ``-0`` becomes ``0``.
    """
    kind = type(value)
    if kind is float:  # the common case first: this runs for every number of every row
        if value - value == 0:  # type: ignore[operator]  # finite (inf - inf is nan)
            if -1e12 <= value <= 1e12:  # type: ignore[operator]
                return Decimal(repr(value)) if value else _ZERO
            raise ValueError(_TOO_LARGE)
        raise ValueError("not a number (NaN or infinity)")
    if kind is int:
        if -_MAX_INT <= value <= _MAX_INT:  # type: ignore[operator]
            return Decimal(value)  # type: ignore[arg-type]
        raise ValueError(_TOO_LARGE)
    if kind is str:
        try:
            number = parse_number(value)  # type: ignore[arg-type]
        except ValueError:
            pass
        else:
            return _in_range(number)
    elif kind is bool or isinstance(value, date | time | timedelta):
        raise ValueError("expected a number, found a date or a yes/no value")
    raise ValueError("not a number (expected e.g. 12345.50 or 12 345,50)")


def _in_range(number: Decimal) -> Decimal:
    if not number.is_finite():
        raise ValueError("not a number (NaN or infinity)")
    if abs(number) > MAX_AMOUNT:
        raise ValueError(_TOO_LARGE)
    if number.is_zero():
        return abs(number)  # -0 and -0.00 become 0 and 0.00
    return number


def ratio(value: RawCell) -> Decimal:
    """A share: ``0,3``, ``0.3``, text ``30%`` (→ 0.3); a percent-formatted number cell
    already arrives as 0.3."""
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            return _in_range(parse_number(value.strip()[:-1]) / HUNDRED)
        except ValueError:
            raise ValueError("not a share (expected e.g. 0,3 or 30%)") from None
    try:
        return decimal(value)
    except ValueError as error:
        if str(error) == _TOO_LARGE:
            raise
        raise ValueError("not a share (expected e.g. 0,3 or 30%)") from None


def whole(value: RawCell) -> int:
    """A whole number (receipts, visitors, units), at most 10⁹ in absolute value."""
    number: int
    if type(value) is float and value.is_integer():
        number = int(value)
    elif type(value) is int:
        number = value
    else:
        exact = decimal(value)
        if exact != exact.to_integral_value():
            raise ValueError("expected a whole number")
        number = int(exact)
    if -MAX_COUNT <= number <= MAX_COUNT:
        return number
    raise ValueError("the count is too large (at most 1 000 000 000)")


def day(value: RawCell) -> date:
    """A date from a date cell or ``dd.mm.yyyy`` / ``yyyy-mm-dd`` text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            pass
    raise ValueError("not a date (expected dd.mm.yyyy, yyyy-mm-dd or an Excel date)")


def period(value: RawCell) -> Period:
    """A payroll period: ``2026-10``, ``2026-10-H1``, ``10.2026``; a date cell (Excel turns
    ``2026-10`` into 1 October 2026) or a day gives that day's month."""
    if isinstance(value, date):
        day_value = value.date() if isinstance(value, datetime) else value
        return Period.month(day_value.year, day_value.month)
    if isinstance(value, str):
        return _period_text(value)
    raise ValueError("not a period (expected e.g. 2026-10 or 2026-10-H1)")


@functools.lru_cache(maxsize=4096)
def _period_text(value: str) -> Period:
    """A period typed as text (cached: a facts sheet repeats a few periods many times)."""
    cleaned = value.strip()
    match = _MONTH_YEAR.match(cleaned)
    if match and 1 <= int(match[1]) <= 12:
        return Period.month(int(match[2]), int(match[1]))
    try:
        parsed = Period.parse(cleaned)
    except ValueError:
        parsed = None
    if parsed is not None:
        if parsed.kind in (PeriodKind.MONTH, PeriodKind.HALF):
            return parsed
        if parsed.kind is PeriodKind.DAY:
            return Period.month(parsed.start.year, parsed.start.month)
        raise ValueError("a payroll period is a month or a half-month (e.g. 2026-10-H1)")
    raise ValueError("not a period (expected e.g. 2026-10 or 2026-10-H1)")


def yes_no(value: RawCell) -> bool:
    """``yes``/``да``/``1``/TRUE → True; ``no``/``нет``/``0``/FALSE/empty → False."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
    elif isinstance(value, str):
        key = value.strip().casefold()
        if key in _YES:
            return True
        if key in _NO:
            return False
    raise ValueError("expected yes or no (да / нет, 1 / 0)")


def pay_period(value: RawCell) -> PeriodKind:
    """``month``/``месяц`` or ``half``/``полмесяца``."""
    key = text(value).casefold()
    if key in _PAY_PERIODS:
        return _PAY_PERIODS[key]
    raise ValueError("expected month / месяц or half / полмесяца")


def payout_kind(value: RawCell) -> PayoutKind:
    """``linear``/``линейная`` or ``steps``/``ступени``."""
    key = text(value).casefold()
    if key in _PAYOUT_KINDS:
        return _PAYOUT_KINDS[key]
    raise ValueError("expected linear / линейная or steps / ступени")


UNITS = {  # common spellings of a unit → the canonical one
    "₽": "₽",
    "руб": "₽",
    "руб.": "₽",
    "р.": "₽",
    "rub": "₽",
    "%": "%",
    "шт": "шт.",
    "шт.": "шт.",
    "pcs": "шт.",
    "дн": "дн.",
    "дн.": "дн.",
    "days": "дн.",
}


def unit(value: RawCell) -> str:
    """An indicator unit; common spellings (``руб``, ``шт``) become the canonical ones."""
    cleaned = text(value)
    return UNITS.get(cleaned.casefold(), cleaned)

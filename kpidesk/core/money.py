"""Exact numbers: Decimal conversion, rounding, Russian number parsing and formatting.

Money is ``Decimal`` rounded to kopecks with ROUND_HALF_UP only at the end of each amount.
Russian text such as ``12 345,5`` (ordinary, non-breaking or narrow no-break spaces as
thousands separators, a decimal comma or dot) parses exactly. Nothing here knows about Qt.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

KOPECK = Decimal("0.01")
KPI_STEP = Decimal("0.001")  # KPI is rounded to 0.1 % before it is used for pay
INDEX_STEP = Decimal("0.0001")
ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
_SPACES = (" ", NBSP, NARROW_NBSP, "\u2009", "\t")
_MINUSES = ("\u2212", "\u2013")  # a typographic minus or an en dash typed for a minus


def unsigned_zero(value: Decimal) -> Decimal:
    """``value`` with the sign of a zero dropped: −0.00 → 0.00 (SPEC §2.7: never "−0")."""
    return value if value else value.copy_abs()


def round_money(value: Decimal) -> Decimal:
    """Round an amount to kopecks, half up (a zero unsigned)."""
    return unsigned_zero(value.quantize(KOPECK, rounding=ROUND_HALF_UP))


def round_kpi(value: Decimal) -> Decimal:
    """Round a KPI (a ratio, 1 = 100 %) to 0.1 %, half up (a zero unsigned)."""
    return unsigned_zero(value.quantize(KPI_STEP, rounding=ROUND_HALF_UP))


def round_to(value: Decimal, step: Decimal) -> Decimal:
    """Round ``value`` to the exponent of ``step`` (e.g. ``Decimal('0.0001')``), half up;
    a result of zero is unsigned (−0,004 → 0,00, never "−0")."""
    return unsigned_zero(value.quantize(step, rounding=ROUND_HALF_UP))


def to_decimal(value: object) -> Decimal:
    """Convert an int, Decimal, str (Russian or plain) or float to Decimal exactly.

    Floats (as read from a spreadsheet cell) go through ``repr`` so that ``0.3`` is
    ``Decimal('0.3')`` and not its binary expansion.

    Raises:
        ValueError: the value is not a number.
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        return value
    if isinstance(value, bool):
        raise ValueError("a yes/no value is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"not a finite number: {value}")
        return Decimal(repr(value))
    if isinstance(value, str):
        return parse_number(value)
    raise ValueError(f"not a number: {value!r}")


def parse_number(text: str) -> Decimal:
    """Parse a number typed the Russian way or the English way.

    Accepts ``12 345,5``, ``12\u00a0345,50``, ``12345.5``, ``-3``, ``1 234 ₽``, ``15%``
    (the percent sign is dropped, the number is kept as typed: ``15%`` → 15).

    Raises:
        ValueError: the text is empty or not a number.
    """
    cleaned = text.strip()
    for unit in ("₽", "руб.", "руб", "р.", "%"):
        if cleaned.endswith(unit):
            cleaned = cleaned[: -len(unit)].strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    for minus in _MINUSES:
        cleaned = cleaned.replace(minus, "-")
    if not cleaned:
        raise ValueError("empty")
    if "," in cleaned and "." in cleaned:
        # "1,234.5" (English thousands) or "1.234,5" (German-style): the last one is decimal
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        if cleaned.count(",") > 1:
            raise ValueError(f"not a number: {text!r}")
        cleaned = cleaned.replace(",", ".")
    if cleaned.lower() in {"nan", "inf", "-inf", "infinity", "-infinity", "+inf", "snan"}:
        raise ValueError(f"not a number: {text!r}")
    try:
        result = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a number: {text!r}")
    return unsigned_zero(result)


def _group(digits: str, separator: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return separator.join(reversed(groups))


def format_number(value: Decimal, places: int | None = 2, *, lang: str = "ru") -> str:
    """Format a number with thousands groups: ``1 234 567,89`` (ru) or ``1,234,567.89`` (en).

    ``places=None`` keeps the value's own digits (trailing zeros dropped). Russian groups
    are separated by a non-breaking space so a number never wraps across lines.
    """
    if places is not None:
        value = round_to(value, Decimal(1).scaleb(-places))
    else:
        value = value.normalize() if value != 0 else Decimal(0)
        if value == value.to_integral_value():
            value = value.quantize(ONE)
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, fraction = text.partition(".")
    group_sep, decimal_sep = (NBSP, ",") if lang == "ru" else (",", ".")
    result = _group(whole, group_sep)
    if fraction:
        result += decimal_sep + fraction
    if sign and any(ch not in "0,." for ch in result.replace(NBSP, "")):
        result = "\u2212" + result if lang == "ru" else "-" + result
    return result


def format_money(value: Decimal, *, lang: str = "ru", symbol: bool = True) -> str:
    """Format an amount in rubles: ``1 234 567,89 ₽``."""
    text = format_number(round_money(value), 2, lang=lang)
    return f"{text}{NBSP}₽" if symbol else text


def format_percent(ratio: Decimal, places: int = 1, *, lang: str = "ru") -> str:
    """Format a ratio (1 = 100 %) as a percentage: ``Decimal('1.137')`` → ``113,7%``."""
    return format_number(ratio * HUNDRED, places, lang=lang) + "%"


def plain(value: Decimal | None, places: int | None = None) -> str | None:
    """Decimal to a plain machine string (``"18533.10"``) for JSON and CSV; ``None`` stays.

    A zero is never signed: ``Decimal("-0.00001")`` to four places is ``"0.0000"``."""
    if value is None:
        return None
    if places is not None:
        value = round_to(value, Decimal(1).scaleb(-places))
    value = unsigned_zero(value)  # never "-0" (SPEC §2.7): (3 − 3)/(0 − 3) is 0
    if places is not None:
        return format(value, "f")
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return format(normal.quantize(ONE), "f")
    return format(normal, "f")


def safe_div(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """``numerator / denominator``, or ``None`` ("no data") when the denominator is zero."""
    if denominator == 0:
        return None
    return numerator / denominator


def parse_ratio(text: str) -> Decimal:
    """Parse a share or a KPI: ``80%`` / ``80 %`` → 0.8; ``0,8`` → 0.8 (no sign: as typed).

    Raises:
        ValueError: not a number.
    """
    stripped = text.strip()
    if stripped.endswith("%"):
        return parse_number(stripped[:-1]) / HUNDRED
    return parse_number(stripped)

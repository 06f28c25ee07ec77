"""Conversions between domain values and their stored text: exact decimals, ISO dates,
flags, UTC timestamps. Decimals are written in plain positional form (``format(x, "f")``),
never as binary floats and never in exponent form. No SQL and no table knowledge here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import cast


def dec_text(value: Decimal) -> str:
    """A Decimal as stored text: ``Decimal('39700.00')`` → ``"39700.00"``, never in
    exponent form (``Decimal('1E+3')`` → ``"1000"``)."""
    text = str(value)
    return format(value, "f") if "E" in text else text


def dec_texts(values: Iterable[Decimal]) -> list[str]:
    """:func:`dec_text` of each value, in C calls rather than a Python call per value (a
    first import's 22 000 revenues, issue 17)."""
    texts = list(map(str, values))
    if "E" in "".join(texts):  # ``str`` of a Decimal has an "E" only in exponent form
        return [format(Decimal(text), "f") if "E" in text else text for text in texts]
    return texts


def iso_days(days: Sequence[date]) -> list[str]:
    """Each day as ISO text, each distinct day formatted once: a first import's 22 000
    daily rows hold 1 096 days (issue 17: 7 → 1.4 ms)."""
    texts = {day: day.isoformat() for day in set(days)}
    return list(map(texts.__getitem__, days))


def opt_dec_texts(values: Sequence[Decimal | None]) -> list[str | None]:
    """:func:`opt_dec_text` of each value (:func:`dec_texts` when none is ``None``)."""
    if None not in values:
        texts: list[str | None] = []
        texts.extend(dec_texts(cast("Sequence[Decimal]", values)))
        return texts
    return [None if value is None else dec_text(value) for value in values]


def opt_dec_text(value: Decimal | None) -> str | None:
    """:func:`dec_text`, keeping ``None``."""
    return None if value is None else dec_text(value)


def to_dec(text: str) -> Decimal:
    """Stored text back to a Decimal."""
    return Decimal(text)


def opt_dec(text: str | None) -> Decimal | None:
    """:func:`to_dec`, keeping ``None``."""
    return None if text is None else Decimal(text)


def day_text(value: date) -> str:
    """A date as stored text (ISO ``yyyy-mm-dd``)."""
    return value.isoformat()


def opt_day_text(value: date | None) -> str | None:
    """:func:`day_text`, keeping ``None``."""
    return None if value is None else value.isoformat()


def to_day(text: str) -> date:
    """Stored ISO text back to a date."""
    return date.fromisoformat(text)


def opt_day(text: str | None) -> date | None:
    """:func:`to_day`, keeping ``None``."""
    return None if text is None else date.fromisoformat(text)


def utc_now() -> str:
    """The current UTC time as ISO text with seconds, e.g. ``2026-10-27T09:15:02+00:00``."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def same_number(old: object, new: object) -> bool:
    """Whether two stored decimal texts (or ``None``) are the same number:
    ``"39700.0"`` equals ``"39700.00"``."""
    if old == new:
        return True
    if old is None or new is None:
        return False
    try:
        return Decimal(str(old)) == Decimal(str(new))
    except ArithmeticError:
        return False

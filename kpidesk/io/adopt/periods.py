"""Finding a pay period in a cell's text or a sheet's name (SPEC §6.1): "окт 2026",
"10.2026", "Октябрь 2026", "октября 2026 г.", "2026-10", "October 2026", and a month
without a year ("Октябрь") when the year is known from elsewhere.

Must not: guess a year that nothing gave.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from kpidesk.core.periods import Period

_MONTHS = {
    "январ": 1,
    "янв": 1,
    "феврал": 2,
    "фев": 2,
    "март": 3,
    "мар": 3,
    "апрел": 4,
    "апр": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "авг": 8,
    "сентябр": 9,
    "сен": 9,
    "сент": 9,
    "октябр": 10,
    "окт": 10,
    "ноябр": 11,
    "ноя": 11,
    "нояб": 11,
    "декабр": 12,
    "дек": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_CODE = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(H[12]))?(?![\d-])", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{4})(?!\d)")
_WORD = re.compile(r"([a-zа-яё]+)\.?(?:\s+(\d{4}))?", re.IGNORECASE)


def _month_of(word: str) -> int | None:
    word = word.casefold().replace("ё", "е")
    if word in ("май", "мая", "мае"):
        return 5
    if len(word) < 3:
        return None
    for stem in sorted(_MONTHS, key=len, reverse=True):
        if len(stem) >= 3 and word.startswith(stem):
            # "марта"/"март" but not "маркетинг": a short stem must be the whole word
            # or the word a declension of the full month name
            if len(stem) == 3 and len(word) > 4 and not _is_full_month(word):
                continue
            return _MONTHS[stem]
    return None


_FULL = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _is_full_month(word: str) -> bool:
    return any(word.startswith(stem) and len(word) - len(stem) <= 3 for stem in _FULL)


def period_in(value: object, year: int | None = None) -> Period | None:
    """The month (or half-month code) a cell or a sheet name names, else ``None``.

    Args:
        value: a cell value (text, or a date: its month) or a sheet name.
        year: the year for a month written without one ("Октябрь").
    """
    if isinstance(value, datetime | date):
        return Period.month(value.year, value.month)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _CODE.search(text)
    if match and 1 <= int(match[2]) <= 12:
        if match[3]:
            return Period.parse(f"{match[1]}-{match[2]}-{match[3].upper()}")
        return Period.month(int(match[1]), int(match[2]))
    match = _NUMERIC.search(text)
    if match and 1 <= int(match[1]) <= 12:
        return Period.month(int(match[2]), int(match[1]))
    for word in _WORD.finditer(text):
        month = _month_of(word[1])
        if month is None:
            continue
        if word[2]:
            return Period.month(int(word[2]), month)
        found_year = re.search(r"(?<!\d)(20\d{2})(?!\d)", text)
        if found_year:
            return Period.month(int(found_year[1]), month)
        if year is not None:
            return Period.month(year, month)
    return None

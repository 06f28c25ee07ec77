"""Periods: payroll periods (month, half-month) and analytic ranges (day, ISO week, quarter,
year, custom dates), their text codes, and the previous equal period.

Codes: ``2026-10`` (month), ``2026-10-H1`` / ``2026-10-H2`` (days 1–15 / 16–end),
``2026-W43`` (ISO week), ``2026-Q4``, ``2026`` (year), ``2026-10-27`` (a day),
``2026-10-01..2026-10-20`` (custom, both ends inclusive). Standard library only.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum


class PeriodKind(Enum):
    """What kind of range a period is."""

    DAY = "day"
    WEEK = "week"
    HALF = "half"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_HALF = re.compile(r"^(\d{4})-(\d{2})-H([12])$", re.IGNORECASE)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RU_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_date(text: str) -> date:
    """Parse ``yyyy-mm-dd`` or ``dd.mm.yyyy``.

    Raises:
        ValueError: not a date in either form.
    """
    text = text.strip()
    match = _DAY.match(text)
    if match:
        return date(int(match[1]), int(match[2]), int(match[3]))
    match = _RU_DAY.match(text)
    if match:
        return date(int(match[3]), int(match[2]), int(match[1]))
    raise ValueError(f"not a date (expected dd.mm.yyyy or yyyy-mm-dd): {text!r}")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class Period:
    """An inclusive range of days with a kind. Order is by start, then end."""

    start: date
    end: date
    kind: PeriodKind = PeriodKind.CUSTOM

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    def __hash__(self) -> int:
        """The hash the dataclass would generate, ``hash((start, end, kind))``, kept after
        the first call: an import hashes the same few periods 40 000 times (its duplicate
        check of the facts), and the enum's hash is a Python call each time (issue 17)."""
        try:
            return self.__dict__["_hash"]  # type: ignore[no-any-return]
        except KeyError:
            value = hash((self.start, self.end, self.kind))
            object.__setattr__(self, "_hash", value)
            return value

    def __getstate__(self) -> dict[str, object]:
        """The fields only: a kept hash is of this process (strings hash differently in
        another), so a pickled or copied period computes its own."""
        return {name: value for name, value in self.__dict__.items() if name != "_hash"}

    # --- constructors -------------------------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The calendar month."""
        return cls(date(year, month, 1), _month_end(year, month), PeriodKind.MONTH)

    @classmethod
    def half(cls, year: int, month: int, half: int) -> Period:
        """Days 1–15 (half 1) or 16–end (half 2) of a month."""
        if half == 1:
            return cls(date(year, month, 1), date(year, month, 15), PeriodKind.HALF)
        if half == 2:
            return cls(date(year, month, 16), _month_end(year, month), PeriodKind.HALF)
        raise ValueError(f"a half-month is 1 or 2, not {half}")

    @classmethod
    def iso_week(cls, year: int, week: int) -> Period:
        """The ISO week (Monday to Sunday)."""
        start = date.fromisocalendar(year, week, 1)
        return cls(start, start + timedelta(days=6), PeriodKind.WEEK)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """The calendar quarter."""
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 2), PeriodKind.QUARTER)

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year."""
        return cls(date(year, 1, 1), date(year, 12, 31), PeriodKind.YEAR)

    @classmethod
    def day(cls, day: date) -> Period:
        """One day."""
        return cls(day, day, PeriodKind.DAY)

    @classmethod
    def custom(cls, start: date, end: date) -> Period:
        """Any inclusive range of days."""
        return cls(start, end, PeriodKind.CUSTOM)

    @classmethod
    def containing(cls, day: date, kind: PeriodKind) -> Period:
        """The period of ``kind`` that contains ``day`` (not for CUSTOM)."""
        if kind is PeriodKind.MONTH:
            return cls.month(day.year, day.month)
        if kind is PeriodKind.HALF:
            return cls.half(day.year, day.month, 1 if day.day <= 15 else 2)
        if kind is PeriodKind.WEEK:
            iso = day.isocalendar()
            return cls.iso_week(iso.year, iso.week)
        if kind is PeriodKind.QUARTER:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind is PeriodKind.YEAR:
            return cls.year(day.year)
        if kind is PeriodKind.DAY:
            return cls.day(day)
        raise ValueError("a custom period is not defined by one day")

    @classmethod
    def parse(cls, code: str) -> Period:
        """Parse a period code (see the module docstring).

        Raises:
            ValueError: the code is not a period.
        """
        text = code.strip()
        try:
            if ".." in text:
                first, _, last = text.partition("..")
                return cls.custom(parse_date(first), parse_date(last))
            if match := _HALF.match(text):
                return cls.half(int(match[1]), int(match[2]), int(match[3]))
            if match := _MONTH.match(text):
                return cls.month(int(match[1]), int(match[2]))
            if match := _WEEK.match(text):
                return cls.iso_week(int(match[1]), int(match[2]))
            if match := _QUARTER.match(text):
                return cls.quarter(int(match[1]), int(match[2]))
            if match := _YEAR.match(text):
                return cls.year(int(match[1]))
            if _DAY.match(text) or _RU_DAY.match(text):
                return cls.day(parse_date(text))
        except ValueError:
            pass
        raise ValueError(
            f"not a period: {code!r} (expected e.g. 2026-10, 2026-10-H1, 2026-W43, 2026-Q4, "
            "2026, 2026-10-27 or 2026-10-01..2026-10-20)"
        )

    # --- properties ---------------------------------------------------------------------
    @property
    def code(self) -> str:
        """The text code that :meth:`parse` reads back."""
        s = self.start
        if self.kind is PeriodKind.MONTH:
            return f"{s.year:04d}-{s.month:02d}"
        if self.kind is PeriodKind.HALF:
            return f"{s.year:04d}-{s.month:02d}-H{1 if s.day == 1 else 2}"
        if self.kind is PeriodKind.WEEK:
            iso = s.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.YEAR:
            return f"{s.year:04d}"
        if self.kind is PeriodKind.DAY:
            return s.isoformat()
        return f"{s.isoformat()}..{self.end.isoformat()}"

    def __str__(self) -> str:
        return self.code

    @property
    def length(self) -> int:
        """Number of days."""
        return (self.end - self.start).days + 1

    def days(self) -> Iterator[date]:
        """Every day of the period in order."""
        for offset in range(self.length):
            yield self.start + timedelta(days=offset)

    def contains(self, day: date) -> bool:
        """Whether ``day`` lies in the period."""
        return self.start <= day <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    # --- navigation ---------------------------------------------------------------------
    def previous(self) -> Period:
        """The previous equal period: the previous month, half, week, quarter or year; for
        a day or a custom range, the same number of days ending the day before."""
        if self.kind in (PeriodKind.CUSTOM, PeriodKind.DAY):
            end = self.start - timedelta(days=1)
            return Period(end - timedelta(days=self.length - 1), end, self.kind)
        return Period.containing(self.start - timedelta(days=1), self.kind)

    def next(self) -> Period:
        """The following equal period."""
        if self.kind in (PeriodKind.CUSTOM, PeriodKind.DAY):
            start = self.end + timedelta(days=1)
            return Period(start, start + timedelta(days=self.length - 1), self.kind)
        return Period.containing(self.end + timedelta(days=1), self.kind)

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` periods later (negative: earlier)."""
        period = self
        for _ in range(abs(steps)):
            period = period.next() if steps > 0 else period.previous()
        return period

"""The daily form's calendar marks (SPEC §4.3): in the month the calendar shows, the days up
to yesterday without the store's data have the "no data" background, and the days after
today are greyed (they cannot have data yet).

Must not: decide which days are missing (``services.daily_entry.missing_days`` does) or
write anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget

from kpidesk.core.periods import Period
from kpidesk.gui.widgets.daily_entry_text import MISSING_BACKGROUND

FUTURE_COLOR = "#b0b0b0"


def shown_month(calendar: QCalendarWidget) -> Period:
    """The month the calendar's page shows."""
    return Period.month(calendar.yearShown(), calendar.monthShown())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def mark_days(
    calendar: QCalendarWidget, month: Period, missing: Iterable[date], today: date
) -> None:
    """Mark ``month`` on ``calendar``: the ``missing`` days with the "no data" background,
    the days after ``today`` greyed; every other day as the calendar draws it."""
    calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears every mark
    absent = QTextCharFormat()
    absent.setBackground(QBrush(QColor(MISSING_BACKGROUND)))
    absent.setFontWeight(700)
    for day in missing:
        calendar.setDateTextFormat(_qdate(day), absent)
    later = QTextCharFormat()
    later.setForeground(QBrush(QColor(FUTURE_COLOR)))
    day = max(month.start, today + timedelta(days=1))
    while day <= month.end:
        calendar.setDateTextFormat(_qdate(day), later)
        day += timedelta(days=1)


def marked_missing(calendar: QCalendarWidget, month: Period) -> list[date]:
    """The days of ``month`` marked as without data (what a test or a tooltip reads)."""
    color = QColor(MISSING_BACKGROUND)
    return [
        day
        for day in month.days()
        if calendar.dateTextFormat(_qdate(day)).background().color() == color
    ]

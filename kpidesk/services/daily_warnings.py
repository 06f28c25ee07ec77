"""The store's usual day and the suspicious days of a month (SPEC §2.6): a day whose
conversion is above 100 % or whose revenue, receipts or visitors are more than 3× away from
the store's usual day (the median of its last 28 days with data before it) is saved, but
marked in the month grid with the warnings that say why.

A month's warnings cost one read of the store's rows (the month and the 120 days before
it), however many days it has.

Must not: refuse anything (the warnings never stop a save), or know about Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from statistics import median_low

from kpidesk.core.daily import DailyEntry
from kpidesk.core.item_validation import validate_daily_entry
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem
from kpidesk.services.company import CompanyService

USUAL_DAYS = 28  # the usual day is the median of the store's last 28 days with data
USUAL_MIN_DAYS = 3  # fewer days with data than this: no usual day, no 3× warning
USUAL_LOOKBACK = 120  # calendar days searched for those 28 days


def usual_from(rows: Sequence[DailyEntry], store: str, day: date) -> DailyEntry | None:
    """The usual day before ``day`` from the store's ``rows`` (in day order): the median
    (low) of each measure over the last 28 rows before ``day`` within 120 days; ``None``
    with fewer than 3 such rows."""
    start = day - timedelta(days=USUAL_LOOKBACK)
    recent = [row for row in rows if start <= row.day < day][-USUAL_DAYS:]
    if len(recent) < USUAL_MIN_DAYS:
        return None
    return DailyEntry(
        store,
        day,
        median_low(row.revenue for row in recent),
        median_low(row.receipts for row in recent),
        median_low(row.visitors for row in recent),
        median_low(row.units for row in recent),
    )


def day_warnings(
    service: CompanyService, store: str, period: Period
) -> dict[date, tuple[Problem, ...]]:
    """The warnings of each saved day of ``period`` that has any (conversion above 100 %,
    3× away from the usual day), by day."""
    start = period.start - timedelta(days=USUAL_LOOKBACK)
    rows = service.database.daily.daily_rows(start, period.end, [store])
    found: dict[date, tuple[Problem, ...]] = {}
    for row in rows:
        if not period.contains(row.day):
            continue
        where = Location(entity="daily", key=f"{store} {row.day:%d.%m.%Y}")
        usual = usual_from(rows, store, row.day)
        warnings = tuple(p for p in validate_daily_entry(row, usual, where) if not p.is_error)
        if warnings:
            found[row.day] = warnings
    return found

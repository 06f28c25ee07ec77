"""How the month grid looks (``MonthGridModel``): the order of its columns, how a cell's
value is written, a day's colour and tooltip, and the titles of the columns and rows.
The texts keep the translation context of ``MonthGridModel``.

Must not: read or write data (the model holds the days).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kpidesk.core.problems import Problem
from kpidesk.gui.daily.month_grid_checks import SUSPICIOUS_BACKGROUND, warnings_tooltip
from kpidesk.gui.widgets.daily_entry_text import (
    DRAFT_BACKGROUND,
    LOCKED_BACKGROUND,
    MISSING_BACKGROUND,
    WEEKEND_BACKGROUND,
    count_text,
    money_text,
    percent_text,
    ratio_text,
)

# the columns in order (``MonthGridModel.REVENUE`` … ``UPT`` are these)
COLUMN_ORDER = tuple(range(8))
REVENUE, RECEIPTS, VISITORS, UNITS, RETURNS, CONVERSION, AVG_CHECK, UPT = COLUMN_ORDER


def bold_font() -> QFont:
    """The font of the totals."""
    font = QFont()
    font.setBold(True)
    return font


def cell_text(column: int, value: Decimal | None, lang: str) -> str:
    """A cell's value as shown: money, percent, a ratio or a count ("" for none)."""
    if value is None:
        return ""
    if column in (REVENUE, RETURNS, AVG_CHECK):
        return money_text(value, lang)
    if column == CONVERSION:
        return percent_text(value, lang)
    if column == UPT:
        return ratio_text(value, lang)
    return count_text(value, lang)


class DayState(NamedTuple):
    """What a day's row shows: in a locked period, a draft, missing, and the warnings of a
    suspicious saved day (``None``: not suspicious)."""

    locked: bool
    draft: bool
    missing: bool
    warnings: tuple[Problem, ...] | None


def day_background(day: date, state: DayState) -> str | None:
    """A day's row colour: locked, a draft, missing, suspicious, a weekend, or none."""
    if state.locked:
        return LOCKED_BACKGROUND
    if state.draft:
        return DRAFT_BACKGROUND
    if state.missing:
        return MISSING_BACKGROUND
    if state.warnings is not None:
        return SUSPICIOUS_BACKGROUND
    if day.weekday() >= 5:
        return WEEKEND_BACKGROUND
    return None


def day_tooltip(day: date, state: DayState, today: date, lang: str) -> str | None:
    """Why a day's row looks as it does (a suspicious day: its warnings)."""
    if state.locked:
        return QCoreApplication.translate(
            "MonthGridModel", "The period is locked: this day cannot change."
        )
    if state.draft:
        return QCoreApplication.translate(
            "MonthGridModel", "Not saved yet: enter revenue, receipts and visitors."
        )
    if state.missing:
        return QCoreApplication.translate("MonthGridModel", "No data for this day yet.")
    if state.warnings is not None:
        return warnings_tooltip(day, state.warnings, lang)
    if day > today:
        return QCoreApplication.translate(
            "MonthGridModel", "This day has not come yet: it cannot have data."
        )
    return None


def column_titles() -> tuple[str, ...]:
    """The titles of the columns, in order."""
    return (
        QCoreApplication.translate("MonthGridModel", "Revenue, ₽"),
        QCoreApplication.translate("MonthGridModel", "Receipts"),
        QCoreApplication.translate("MonthGridModel", "Visitors"),
        QCoreApplication.translate("MonthGridModel", "Units"),
        QCoreApplication.translate("MonthGridModel", "Returns, ₽"),
        QCoreApplication.translate("MonthGridModel", "Conversion"),
        QCoreApplication.translate("MonthGridModel", "Avg. check, ₽"),
        QCoreApplication.translate("MonthGridModel", "UPT"),
    )


def totals_header(role: int) -> object:
    """The header of the totals row for ``role``."""
    if role == Qt.ItemDataRole.DisplayRole:
        return QCoreApplication.translate("MonthGridModel", "Total")
    if role == Qt.ItemDataRole.FontRole:
        return bold_font()
    return None


def day_header(day: date, role: int, locale: QLocale) -> object:
    """The header of a day's row for ``role``: the date and weekday, weekends in red."""
    if role == Qt.ItemDataRole.DisplayRole:
        weekday = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
        return f"{day:%d.%m} {weekday}"
    if role == Qt.ItemDataRole.ForegroundRole and day.weekday() >= 5:
        return QBrush(QColor("#8e2430"))
    return None

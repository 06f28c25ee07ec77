"""Drawing the analytics charts on a matplotlib ``Figure`` (SPEC §4.7): a store's revenue
and conversion by day (week, month) with the plan line and weekends marked; plan vs fact
for each row of an employee's matrix as bullets with base/norm/target bands; the KPI
rating; an employee's KPI history; a store comparison.

Every function clears the figure it is given and draws on it again — the canvas and the
figure live as long as the Charts section (no new ``Figure`` per redraw, and never
``pyplot``, whose global figure list would leak). Labels are translated, numbers use the
Russian format (``1 234 567 ₽``) through ``core.money``; the font is DejaVu Sans (it has
Cyrillic). Imported only by the Charts section when it first draws: matplotlib is heavy.

This module holds what every chart shares (colours, the rc style, axis formatters and
locators, fixed margins, "no data", the toolbar); the charts themselves are drawn by
``charts_store`` (a store by day, stores side by side) and ``charts_people`` (plan vs fact,
the KPI rating, an employee's KPI history).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import matplotlib
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import format_number
from kpidesk.core.periods import Period

FONT: Any = {"font.family": "DejaVu Sans", "font.size": 9.0, "axes.titlesize": 11.0}
REVENUE = "#1f77b4"
PLAN = "#2e7d32"
CONVERSION = "#ef6c00"
WEEKEND = "#eceff1"
GOOD = "#43a047"
BAD = "#e53935"
NEUTRAL = "#90a4ae"
RU_MONTHS = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_RATING_BARS = 40


def style() -> Any:
    """The rc context every chart is drawn (and rendered) in."""
    return matplotlib.rc_context(FONT)


def decimal_of(value: float, places: int) -> Decimal:
    """A float (numpy's too) as a Decimal rounded to ``places`` for display."""
    return Decimal(f"{float(value):.{places}f}")


def rubles(lang: str) -> FuncFormatter:
    """Axis ticks as ``1 234 567 ₽``."""

    def label(value: float, position: int | None = None) -> str:
        if not math.isfinite(value):
            return ""
        return format_number(decimal_of(value, 0), 0, lang=lang) + "\u00a0₽"

    return FuncFormatter(label)


def percents(lang: str, places: int = 0) -> FuncFormatter:
    """Axis ticks as ``23%`` (values already in percent)."""

    def label(value: float, position: int | None = None) -> str:
        if not math.isfinite(value):
            return ""
        return format_number(decimal_of(value, places), places, lang=lang) + "%"

    return FuncFormatter(label)


def date_formatter(lang: str, span_days: int) -> FuncFormatter:
    """Dates as ``05.10`` over short spans and ``окт 2026`` over long ones."""
    months = RU_MONTHS if lang == "ru" else EN_MONTHS

    def label(value: float, position: int | None = None) -> str:
        day = mdates.num2date(value).date()  # type: ignore[no-untyped-call]
        if span_days <= 100:
            return f"{day:%d.%m}"
        return f"{months[day.month - 1]} {day.year}"

    return FuncFormatter(label)


def start(
    figure: Figure,
    *,
    left: float = 0.1,
    bottom: float = 0.12,
    right: float = 0.97,
    top: float = 0.92,
) -> Any:
    """Clear the figure and give it one axes with fixed margins (fractions of the figure).

    Fixed margins rather than a layout engine: constrained layout measures every tick
    label several times and costs more than the drawing itself (SPEC §9: a chart ≤ 200 ms).
    """
    figure.clear()
    figure.subplots_adjust(left=left, bottom=bottom, right=right, top=top)
    return figure.add_subplot(1, 1, 1)


def left_margin(figure: Figure, labels: Sequence[str], minimum: float = 0.08) -> float:
    """A left margin wide enough for the longest of ``labels`` (at about 7.6 px a letter)."""
    width = figure.get_figwidth() * figure.dpi
    longest = max((len(label) for label in labels), default=0)
    return min(0.45, max(minimum, (longest * 7.6 + 30) / width))


def date_locator(span_days: int) -> Any:
    """Ticks at days, weeks or months, about 6–12 of them (cheaper than AutoDateLocator)."""
    if span_days <= 16:
        return mdates.DayLocator()  # type: ignore[no-untyped-call]
    if span_days <= 100:
        days = (1, 5, 9, 13, 17, 21, 25, 29) if span_days <= 40 else (1, 15)
        return mdates.DayLocator(bymonthday=days)  # type: ignore[no-untyped-call]
    months = span_days / 30.4
    step = next(n for n in (1, 2, 3, 4, 6, 12, 24) if months / n <= 12)
    months_shown = range(1, 13, step) if step <= 12 else (1,)
    return mdates.MonthLocator(bymonth=months_shown)  # type: ignore[no-untyped-call]


def no_data(figure: Figure, title: str | None = None) -> None:
    """A figure that says there is nothing to draw."""
    axes = start(figure)
    axes.set_axis_off()
    if title:
        axes.set_title(title)
    axes.text(
        0.5,
        0.5,
        QCoreApplication.translate("Charts", "no data"),
        ha="center",
        va="center",
        fontsize=16,
        color="#757575",
        transform=axes.transAxes,
    )


def dates_text(period: Period) -> str:
    return f"{period.start:%d.%m.%Y} — {period.end:%d.%m.%Y}"


def make_toolbar(canvas: Any, parent: Any) -> Any:
    """matplotlib's navigation toolbar with plain PNG icons.

    matplotlib 3.11's own icon engine asks Qt for a deprecated attribute
    (``AA_UseHighDpiPixmaps``) every time it paints an icon, which floods the log with
    DeprecationWarnings; the bundled ``*_large.png`` icons look the same.
    """
    from pathlib import Path

    from matplotlib import cbook
    from matplotlib.backends.backend_qt import NavigationToolbar2QT
    from PySide6.QtGui import QIcon

    class ChartToolbar(NavigationToolbar2QT):
        def _icon(self, name: str) -> QIcon:
            path = Path(cbook._get_data_path("images", name))
            large = path.with_name(path.stem + "_large" + path.suffix)
            return QIcon(str(large if large.exists() else path))

    return ChartToolbar(canvas, parent)  # type: ignore[no-untyped-call]

"""Drawing the analytics charts on a matplotlib ``Figure`` (SPEC §4.7): a store's revenue
and conversion by day (week, month) with the plan line and weekends marked; plan vs fact
for each row of an employee's matrix as bullets with base/norm/target bands; the KPI
rating; an employee's KPI history; a store comparison.

Every function clears the figure it is given and draws on it again — the canvas and the
figure live as long as the Charts section (no new ``Figure`` per redraw, and never
``pyplot``, whose global figure list would leak). Labels are translated, numbers use the
Russian format (``1 234 567 ₽``) through ``core.money``; the font is DejaVu Sans (it has
Cyrillic). Imported only by the Charts section when it first draws: matplotlib is heavy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import matplotlib
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import format_number
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.ratings import Rating
from kpidesk.core.results import EmployeeResult
from kpidesk.services.reporting import StoreReportRow

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


def _decimal(value: float, places: int) -> Decimal:
    """A float (numpy's too) as a Decimal rounded to ``places`` for display."""
    return Decimal(f"{float(value):.{places}f}")


def rubles(lang: str) -> FuncFormatter:
    """Axis ticks as ``1 234 567 ₽``."""

    def label(value: float, position: int | None = None) -> str:
        if not math.isfinite(value):
            return ""
        return format_number(_decimal(value, 0), 0, lang=lang) + "\u00a0₽"

    return FuncFormatter(label)


def percents(lang: str, places: int = 0) -> FuncFormatter:
    """Axis ticks as ``23%`` (values already in percent)."""

    def label(value: float, position: int | None = None) -> str:
        if not math.isfinite(value):
            return ""
        return format_number(_decimal(value, places), places, lang=lang) + "%"

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


def _date_locator(span_days: int) -> Any:
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


def _dates_text(period: Period) -> str:
    return f"{period.start:%d.%m.%Y} — {period.end:%d.%m.%Y}"


# --- a store by day -----------------------------------------------------------------------
def draw_store_days(
    figure: Figure, frame: Any, store: str | None, period: Period, freq: str, lang: str
) -> bool:
    """Revenue (bars or a line), the plan line and conversion (right axis) by day, week or
    month; weekends shaded (by day, up to ~3 months) or marked.

    Args:
        figure: the figure to draw on (cleared first).
        frame: ``Analytics.daily_series`` output.
        store: the store's name (``None`` = every store).
        period: the range.
        freq: ``"D"``, ``"W"`` or ``"M"``.
        lang: number language.

    Returns:
        Whether there was anything to draw.
    """
    where = store if store is not None else QCoreApplication.translate("Charts", "all stores")
    title = QCoreApplication.translate("Charts", "Revenue and conversion: %1, %2").replace(
        "%1", where
    )
    title = title.replace("%2", _dates_text(period))
    if frame is None or len(frame) == 0 or frame["revenue"].notna().sum() == 0:
        no_data(figure, title)
        return False
    axes = start(figure, left=0.1, right=0.91, bottom=0.17, top=0.93)
    x = [stamp.to_pydatetime() for stamp in frame.index]
    revenue = frame["revenue"].to_numpy(dtype=float)
    plan = frame["plan"].to_numpy(dtype=float)
    conversion = frame["conversion"].to_numpy(dtype=float)
    bucket = {"D": 1.0, "W": 7.0, "M": 30.0}[freq]
    bars = len(x) <= 62
    if bars:
        axes.bar(
            x,
            revenue,
            width=bucket * 0.8,
            color=REVENUE,
            alpha=0.85,
            label=QCoreApplication.translate("Charts", "Revenue"),
        )
    else:
        axes.plot(
            x,
            revenue,
            color=REVENUE,
            linewidth=1.0,
            label=QCoreApplication.translate("Charts", "Revenue"),
        )
    axes.step(
        x,
        plan,
        where="mid",
        color=PLAN,
        linewidth=1.8,
        linestyle="--",
        label=QCoreApplication.translate("Charts", "Plan"),
    )
    if freq == "D":
        weekend = frame["weekend"].to_numpy(dtype=bool)
        if len(x) <= 100:
            _shade_weekends(axes, [d.date() for d in x], weekend)
        else:
            marked = [d for d, flag in zip(x, weekend, strict=True) if flag]
            values = [v for v, flag in zip(revenue, weekend, strict=True) if flag]
            axes.plot(
                marked,
                values,
                linestyle="none",
                marker=".",
                markersize=3,
                color="#c62828",
                zorder=3,
                label=QCoreApplication.translate("Charts", "Weekends"),
            )
    axes.set_ylabel(QCoreApplication.translate("Charts", "Revenue, ₽"))
    axes.yaxis.set_major_formatter(rubles(lang))
    axes.set_ylim(bottom=0)
    right = axes.twinx()
    right.plot(
        x,
        conversion,
        color=CONVERSION,
        linewidth=1.4,
        marker="o" if bars else None,
        markersize=3,
        label=QCoreApplication.translate("Charts", "Conversion"),
    )
    right.set_ylabel(QCoreApplication.translate("Charts", "Conversion, %"))
    right.yaxis.set_major_formatter(percents(lang))
    right.set_ylim(bottom=0, top=max(50.0, _finite_max(conversion) * 1.3))
    span = (period.end - period.start).days + 1
    axes.xaxis.set_major_locator(_date_locator(span))
    axes.xaxis.set_major_formatter(date_formatter(lang, span))
    present = frame["revenue"].notna().to_numpy() | frame["plan"].notna().to_numpy()
    first = x[int(present.argmax())] if present.any() else x[0]
    axes.set_xlim(
        max(first, datetime.combine(period.start, datetime.min.time())) - _half(bucket),
        datetime.combine(period.end, datetime.min.time()) + _half(bucket),
    )
    axes.set_title(title)
    axes.grid(axis="y", color="#e0e0e0")
    axes.set_axisbelow(True)
    handles, labels = axes.get_legend_handles_labels()
    more_handles, more_labels = right.get_legend_handles_labels()
    if freq == "D" and len(x) <= 100:
        from matplotlib.patches import Patch

        handles.append(Patch(color=WEEKEND))
        labels.append(QCoreApplication.translate("Charts", "Weekends"))
    figure.legend(
        handles + more_handles, labels + more_labels, loc="lower center", ncols=4, frameon=False
    )
    return True


def _half(days: float) -> Any:
    from datetime import timedelta

    return timedelta(days=days / 2)


def _finite_max(values: Any) -> float:
    finite = [float(v) for v in values if math.isfinite(float(v))]
    return max(finite) if finite else 0.0


def _shade_weekends(axes: Any, days: Sequence[date], weekend: Sequence[bool]) -> None:
    """One grey span per run of weekend days."""
    from datetime import timedelta

    start: date | None = None
    for day, flag in zip([*days, None], [*weekend, False], strict=True):
        if flag and start is None:
            start = day
        elif not flag and start is not None:
            last = day if day is not None else days[-1] + timedelta(days=1)
            axes.axvspan(
                datetime.combine(start, datetime.min.time()) - timedelta(hours=12),
                datetime.combine(last, datetime.min.time()) - timedelta(hours=12),
                color=WEEKEND,
                zorder=0,
                linewidth=0,
            )
            start = None


# --- plan vs fact -------------------------------------------------------------------------
def _position(value: Decimal, norm: Decimal, lower: bool) -> float:
    """Where a value sits on the norm-normalised axis (norm = 1; better to the right; a
    lower-is-better value mirrored around the norm; never left of 0)."""
    if norm == 0:
        return 0.0
    ratio = float(value / norm)
    return max(0.0, 2.0 - ratio if lower else ratio)


def draw_plan_fact(
    figure: Figure, result: EmployeeResult | None, employee: str, period: Period, lang: str
) -> bool:
    """A bullet per matrix row: bands up to base (poor), base → norm, norm → target (good),
    the fact as a bar, the norm at 1.0 (= 100 % of the norm). For a lower-is-better row the
    axis is mirrored around the norm so that better is always to the right."""
    title = (
        QCoreApplication.translate("Charts", "Plan and fact: %1, %2")
        .replace("%1", employee)
        .replace("%2", period.code)
    )
    if result is None or not result.rows:
        no_data(figure, title)
        return False
    rows = list(result.rows)
    names = [r.indicator.name if r.indicator is not None else r.row.indicator for r in rows]
    axes = start(figure, left=left_margin(figure, names), bottom=0.2, top=0.93)
    labels: list[str] = []
    right_edge = 1.5
    for number, row in enumerate(rows):
        y = len(rows) - 1 - number
        matrix_row = row.row
        norm = matrix_row.norm
        lower = matrix_row.lower_is_better
        base_x = _position(matrix_row.base, norm, lower) if matrix_row.base is not None else 0.0
        target_x = (
            _position(matrix_row.target, norm, lower) if matrix_row.target is not None else None
        )
        left = min(0.0, base_x)
        axes.barh(y, base_x - left, left=left, height=0.8, color="#ffcdd2", zorder=1)
        axes.barh(y, 1.0 - base_x, left=base_x, height=0.8, color="#fff9c4", zorder=1)
        if target_x is not None and target_x > 1.0:
            axes.barh(y, target_x - 1.0, left=1.0, height=0.8, color="#c8e6c9", zorder=1)
            right_edge = max(right_edge, target_x)
        name = row.indicator.name if row.indicator is not None else matrix_row.indicator
        unit = row.indicator.unit if row.indicator is not None else ""
        labels.append(name)
        if row.fact is None:
            axes.text(
                0.02,
                y,
                QCoreApplication.translate("Charts", "no fact"),
                va="center",
                color="#b00020",
                zorder=3,
            )
            continue
        fact_x = _position(row.fact, norm, lower)
        color = GOOD if fact_x >= 1.0 else (BAD if fact_x <= base_x else "#fb8c00")
        axes.barh(
            y, fact_x - left if fact_x > left else 0, left=left, height=0.3, color=color, zorder=2
        )
        right_edge = max(right_edge, fact_x)
        text = QCoreApplication.translate("Charts", "fact %1 (norm %2)")
        text = text.replace("%1", _value_text(row.fact, unit, lang))
        text = text.replace("%2", _value_text(norm, unit, lang))
        axes.text(max(fact_x, 0.0) + 0.02, y + 0.28, text, va="center", fontsize=8, zorder=3)
    axes.axvline(1.0, color="#424242", linewidth=1.5, zorder=3)
    axes.set_yticks(range(len(rows)))
    axes.set_yticklabels(list(reversed(labels)))
    axes.set_xlim(min(0.0, axes.get_xlim()[0]), right_edge * 1.25)
    axes.xaxis.set_major_formatter(_norm_percent(lang))
    axes.set_xlabel(
        QCoreApplication.translate("Charts", "share of the norm (norm = 100%; better to the right)")
    )
    kpi = result.kpi
    if kpi is not None:
        title += " — KPI " + format_number(kpi * 100, 1, lang=lang) + "%"
    axes.set_title(title)
    from matplotlib.patches import Patch

    figure.legend(
        [
            Patch(color="#ffcdd2"),
            Patch(color="#fff9c4"),
            Patch(color="#c8e6c9"),
        ],
        [
            QCoreApplication.translate("Charts", "below base"),
            QCoreApplication.translate("Charts", "base → norm"),
            QCoreApplication.translate("Charts", "norm → target"),
        ],
        loc="lower center",
        ncols=3,
        frameon=False,
    )
    return True


def _norm_percent(lang: str) -> FuncFormatter:
    def label(value: float, position: int | None = None) -> str:
        return format_number(_decimal(value * 100, 0), 0, lang=lang) + "%"

    return FuncFormatter(label)


def _value_text(value: Decimal, unit: str, lang: str) -> str:
    places = 0 if value == value.to_integral_value() else 2
    text = format_number(value, places, lang=lang)
    if unit == "%":
        return text + "%"
    return f"{text}\u00a0{unit}" if unit else text


# --- KPI rating ---------------------------------------------------------------------------
def draw_rating(figure: Figure, rating: Rating | None, where: str, lang: str) -> bool:
    """Horizontal KPI bars, best on top, the 100 % line; when there are more than
    ``MAX_RATING_BARS`` employees, the best and the worst halves of that."""
    title = QCoreApplication.translate("Charts", "KPI rating: %1, %2").replace("%1", where)
    title = title.replace("%2", rating.period.code if rating is not None else "")
    ranked = [row for row in rating.rows if row.value is not None] if rating else []
    if not ranked:
        no_data(figure, title)
        return False
    note = ""
    if len(ranked) > MAX_RATING_BARS:
        half = MAX_RATING_BARS // 2
        note = QCoreApplication.translate("Charts", "best %1 and worst %1 of %2").replace(
            "%1", str(half)
        )
        note = note.replace("%2", str(len(ranked)))
        ranked = ranked[:half] + ranked[-half:]
    values = [float(row.value) * 100 for row in ranked if row.value is not None]
    names = [f"{row.rank}. {_short_name(row.name)}" for row in ranked]
    axes = start(figure, left=left_margin(figure, names), bottom=0.1, top=0.93)
    y = list(range(len(ranked) - 1, -1, -1))
    colors = [GOOD if v >= 100 else (BAD if v < 80 else "#fb8c00") for v in values]
    axes.barh(y, values, color=colors, height=0.7)
    for position, value in zip(y, values, strict=True):
        axes.text(
            value + 1,
            position,
            format_number(_decimal(value, 1), 1, lang=lang) + "%",
            va="center",
            fontsize=8,
        )
    axes.axvline(100, color="#424242", linewidth=1.2)
    axes.set_yticks(y)
    axes.set_yticklabels(names, fontsize=8 if len(ranked) > 20 else 9)
    axes.xaxis.set_major_formatter(percents(lang))
    axes.set_xlim(0, max(values) * 1.15 + 5)
    axes.set_xlabel("KPI")
    axes.set_title(title + (f" ({note})" if note else ""))
    axes.grid(axis="x", color="#e0e0e0")
    axes.set_axisbelow(True)
    return True


def _short_name(name: str) -> str:
    """``Иванова Анна Сергеевна`` → ``Иванова А. С.`` (other names unchanged)."""
    parts = name.split()
    if len(parts) == 3 and all(part[:1].isalpha() for part in parts):
        return f"{parts[0]} {parts[1][0]}. {parts[2][0]}."
    return name


# --- KPI history --------------------------------------------------------------------------
def draw_history(
    figure: Figure,
    history: Sequence[tuple[Period, Decimal | None]],
    employee: str,
    lang: str,
) -> bool:
    """An employee's KPI over the last periods (gaps where incomplete), the 100 % line."""
    title = QCoreApplication.translate("Charts", "KPI history: %1").replace("%1", employee)
    if not history or all(value is None for _, value in history):
        no_data(figure, title)
        return False
    axes = start(figure, left=0.08, bottom=0.14, top=0.93)
    labels = [_period_label(period, lang) for period, _ in history]
    values = [float(value) * 100 if value is not None else math.nan for _, value in history]
    x = list(range(len(history)))
    axes.plot(x, values, marker="o", color=REVENUE, linewidth=1.8)
    for position, value in zip(x, values, strict=True):
        if math.isfinite(value):
            axes.annotate(
                format_number(_decimal(value, 1), 1, lang=lang) + "%",
                (position, value),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
            )
        else:
            axes.text(position, 0, "—", ha="center", va="bottom", color="#9e9e9e")
    axes.axhline(100, color="#424242", linewidth=1.0, linestyle="--")
    axes.set_xticks(x)
    axes.set_xticklabels(
        labels, rotation=30 if len(x) > 8 else 0, ha="right" if len(x) > 8 else "center"
    )
    axes.set_xlim(-0.6, len(x) - 0.4)
    axes.yaxis.set_major_formatter(percents(lang))
    finite = [v for v in values if math.isfinite(v)]
    axes.set_ylim(0, max([*finite, 100.0]) * 1.2)
    axes.set_ylabel("KPI")
    axes.set_title(title)
    axes.grid(axis="y", color="#e0e0e0")
    return True


def _period_label(period: Period, lang: str) -> str:
    """``окт 2026`` for a month, ``окт 2026 (1)`` for a half-month, else the code."""
    months = RU_MONTHS if lang == "ru" else EN_MONTHS
    text = f"{months[period.start.month - 1]} {period.start.year}"
    if period.kind is PeriodKind.MONTH:
        return text
    if period.kind is PeriodKind.HALF:
        return f"{text} ({1 if period.start.day == 1 else 2})"
    return period.code


# --- stores side by side ------------------------------------------------------------------
def draw_store_comparison(
    figure: Figure, rows: Sequence[StoreReportRow], period: Period, lang: str
) -> bool:
    """Revenue and plan per store side by side, with plan completion above each pair."""
    title = QCoreApplication.translate("Charts", "Stores: revenue and plan, %1").replace(
        "%1", _dates_text(period)
    )
    shown = [row for row in rows if row.metrics.revenue is not None or row.plan is not None]
    if not shown:
        no_data(figure, title)
        return False
    rotate = len(shown) > 6
    longest = max(len(row.store or "") for row in shown)
    axes = start(figure, left=0.11, bottom=min(0.4, 0.08 + longest * 0.009) if rotate else 0.08)
    x = list(range(len(shown)))
    revenue = [float(row.metrics.revenue or 0) for row in shown]
    plan = [float(row.plan) if row.plan is not None else math.nan for row in shown]
    width = 0.38
    axes.bar(
        [p - width / 2 for p in x],
        revenue,
        width,
        color=REVENUE,
        label=QCoreApplication.translate("Charts", "Revenue"),
    )
    axes.bar(
        [p + width / 2 for p in x],
        plan,
        width,
        color="#a5d6a7",
        label=QCoreApplication.translate("Charts", "Plan"),
    )
    for position, row, value in zip(x, shown, revenue, strict=True):
        completion = row.metrics.plan_completion
        if completion is not None:
            axes.annotate(
                format_number(completion, 1, lang=lang) + "%",
                (position, max(value, plan[position] if math.isfinite(plan[position]) else 0)),
                textcoords="offset points",
                xytext=(0, 4),
                ha="center",
                fontsize=9,
                color="#1b5e20" if completion >= 100 else "#b00020",
            )
    axes.set_xticks(x)
    axes.set_xticklabels(
        [row.store or "" for row in shown],
        rotation=30 if len(shown) > 6 else 0,
        ha="right" if len(shown) > 6 else "center",
    )
    axes.yaxis.set_major_formatter(rubles(lang))
    axes.yaxis.set_major_locator(MaxNLocator(6))
    axes.set_ylim(0, max([*revenue, *[p for p in plan if math.isfinite(p)]]) * 1.15)
    axes.set_title(title)
    axes.grid(axis="y", color="#e0e0e0")
    axes.set_axisbelow(True)
    axes.legend(loc="upper right")
    return True


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

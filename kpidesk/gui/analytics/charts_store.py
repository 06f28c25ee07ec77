"""The store charts (SPEC §4.7): a store's revenue and conversion by day, week or month
with the plan line and weekends marked, and the stores side by side. Drawn on a figure the
Charts section owns, with the shared pieces of ``charts_draw``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import format_number
from kpidesk.core.periods import Period
from kpidesk.gui.analytics.charts_draw import (
    CONVERSION,
    PLAN,
    REVENUE,
    WEEKEND,
    date_formatter,
    date_locator,
    dates_text,
    no_data,
    percents,
    rubles,
    start,
)
from kpidesk.services.reporting import StoreReportRow


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
    title = title.replace("%2", dates_text(period))
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
    axes.xaxis.set_major_locator(date_locator(span))
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

    return timedelta(days=days / 2)


def _finite_max(values: Any) -> float:
    finite = [float(v) for v in values if math.isfinite(float(v))]
    return max(finite) if finite else 0.0


def _shade_weekends(axes: Any, days: Sequence[date], weekend: Sequence[bool]) -> None:
    """One grey span per run of weekend days."""

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


# --- stores side by side ------------------------------------------------------------------
def draw_store_comparison(
    figure: Figure, rows: Sequence[StoreReportRow], period: Period, lang: str
) -> bool:
    """Revenue and plan per store side by side, with plan completion above each pair."""
    title = QCoreApplication.translate("Charts", "Stores: revenue and plan, %1").replace(
        "%1", dates_text(period)
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

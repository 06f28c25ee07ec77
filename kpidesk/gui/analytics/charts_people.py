"""The people charts (SPEC §4.7): plan vs fact for each row of an employee's matrix as
bullets with base/norm/target bands, the KPI rating, and an employee's KPI history. Drawn on
a figure the Charts section owns, with the shared pieces of ``charts_draw``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from PySide6.QtCore import QCoreApplication

from kpidesk.core.matrix import MatrixRow
from kpidesk.core.money import format_number
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.ratings import Rating
from kpidesk.core.results import EmployeeResult
from kpidesk.gui.analytics.charts_draw import (
    BAD,
    EN_MONTHS,
    GOOD,
    MAX_RATING_BARS,
    REVENUE,
    RU_MONTHS,
    decimal_of,
    left_margin,
    no_data,
    percents,
    start,
)

# --- plan vs fact -------------------------------------------------------------------------
MIN_BAR = 0.02  # a fact at the left edge still shows as a sliver


def _position(value: Decimal, row: MatrixRow) -> float:
    """Where a value sits on the norm-normalised axis (norm = 1; better to the right; a
    lower-is-better value mirrored around the norm; never left of 0).

    A norm of 0 (no complaints, no open tasks) cannot be a unit: the axis is then the
    scale from the base (0) to the norm (1), and without a base a value at the norm sits
    at 1, a worse one at 0 and a better one at 2."""
    norm, lower = row.norm, row.lower_is_better
    if norm == 0:
        base = row.base
        if base is not None and base != 0:
            return max(0.0, float((value - base) / (norm - base)))
        if value == 0:
            return 1.0
        better = value < 0 if lower else value > 0
        return 2.0 if better else 0.0
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
        base_x = _position(matrix_row.base, matrix_row) if matrix_row.base is not None else 0.0
        target_x = (
            _position(matrix_row.target, matrix_row) if matrix_row.target is not None else None
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
        fact_x = _position(row.fact, matrix_row)
        color = GOOD if fact_x >= 1.0 else (BAD if fact_x <= base_x else "#fb8c00")
        width = max(fact_x - left, MIN_BAR)
        axes.barh(y, width, left=left, height=0.3, color=color, zorder=2)
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
        return format_number(decimal_of(value * 100, 0), 0, lang=lang) + "%"

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
            format_number(decimal_of(value, 1), 1, lang=lang) + "%",
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
                format_number(decimal_of(value, 1), 1, lang=lang) + "%",
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

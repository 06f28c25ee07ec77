"""The cells of a rating's table (SPEC §4.6): a ranked row with its position and store,
the change with a tooltip of the printed values it is the difference of (SPEC §2.9), the
company entry that closes a department rating, and the summary line above the table.
Numbers are formatted with ``core.money`` through ``ratings_model``; nothing is computed
here. The texts keep the translation context of ``RatingsSection``.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpidesk.core.ratings import KPI, Rating, RatingRow, Subject
from kpidesk.gui.analytics.ratings_model import (
    Cell,
    change_color,
    format_change,
    format_kpi,
    format_value,
    sort_value,
)
from kpidesk.services.analytics import NO_DEPARTMENT
from kpidesk.services.analytics_measures import Measure

COMPANY_SORT = "\uffff"  # the company entry sorts after every name


def group_name(name: str) -> str:
    """A rated group's name as shown: the employees without a department in the window's
    language (SPEC §2.9: «Без отдела»)."""
    if name == NO_DEPARTMENT:
        return QCoreApplication.translate("RatingsSection", "No department")
    return name


def value_text(value: Decimal | None, measure: Measure, lang: str) -> str:
    """A rated value as printed: a KPI with 0,1 %, other values in their unit."""
    if measure.code == KPI:
        return format_kpi(value, lang)
    return format_value(value, measure.unit, lang)


def _complete(complete: int, total: int) -> Cell:
    text = QCoreApplication.translate("RatingsSection", "%1 of %2")
    text = text.replace("%1", str(complete)).replace("%2", str(total))
    return Cell(text, complete / total if total else None)


def row_cells(row: RatingRow, measure: Measure, lower_is_better: bool, lang: str) -> list[Cell]:
    """Rank, name, position, store, value, previous, change, complete."""
    value = value_text(row.value, measure, lang)
    before = value_text(row.previous, measure, lang) if row.previous is not None else "—"
    change = format_change(row.change, measure.unit, lang, kpi=measure.code == KPI)
    # the change is the printed value minus the printed previous: the tooltip says so
    tooltip = f"{value} \u2212 {before} = {change}" if row.change is not None else None
    name = group_name(row.name)
    position, store = row.position or "", row.store or ""
    return [
        Cell(str(row.rank) if row.rank is not None else "—", row.rank),
        Cell(name, name.casefold(), tooltip=name),
        Cell(position, position.casefold(), tooltip=row.position),
        Cell(store or "—", store.casefold(), tooltip=row.store),
        Cell(value, sort_value(row.value)),
        Cell(before, sort_value(row.previous)),
        Cell(change, sort_value(row.change), change_color(row.change, lower_is_better), tooltip),
        _complete(row.complete, row.total),
    ]


def company_cells(rating: Rating, measure: Measure, lang: str) -> list[Cell] | None:
    """The company entry of a department rating: the company KPI (the mean of the groups'
    KPIs) and its complete matrices; ``None`` for other ratings or without a figure."""
    overall = rating.overall
    if rating.subject is not Subject.DEPARTMENT or overall is None:
        return None
    return [
        Cell("—", None),
        Cell(QCoreApplication.translate("RatingsSection", "Company"), COMPANY_SORT),
        Cell("", ""),
        Cell("", ""),
        Cell(value_text(overall.value, measure, lang), sort_value(overall.value)),
        Cell("—", None),
        Cell("—", None),
        _complete(overall.complete, overall.total),
    ]


def summary_text(
    rating: Rating, measure: Measure, title: str, lang: str, plan_days: int | None
) -> str:
    """The line above the table: the measure (named ``title``) and the range, whether lower
    is better, the company's figure, the days the plans cover (``plan_days``, when they
    cover the range in part), who is not rated, and that there is no data."""
    parts = [
        QCoreApplication.translate("RatingsSection", "%1 — %2 to %3")
        .replace("%1", title)
        .replace("%2", rating.period.start.strftime("%d.%m.%Y"))
        .replace("%3", rating.period.end.strftime("%d.%m.%Y"))
    ]
    if rating.lower_is_better:
        parts.append(QCoreApplication.translate("RatingsSection", "lower is better"))
    if rating.overall is not None:
        overall = rating.overall
        if measure.code == KPI:
            parts.append(
                QCoreApplication.translate(
                    "RatingsSection", "company KPI %1, complete matrices: %2 of %3"
                )
                .replace("%1", format_kpi(overall.value, lang))
                .replace("%2", str(overall.complete))
                .replace("%3", str(overall.total))
            )
        else:
            parts.append(
                QCoreApplication.translate("RatingsSection", "company: %1").replace(
                    "%1", format_value(overall.value, measure.unit, lang)
                )
            )
    if plan_days is not None:
        parts.append(
            QCoreApplication.translate(
                "RatingsSection",
                "the plans cover %1 of the %2 days; plan completion is of those days",
            )
            .replace("%1", str(plan_days))
            .replace("%2", str(rating.period.length))
        )
    text = "; ".join(parts)
    if rating.excluded:
        text += "\n" + QCoreApplication.translate(
            "RatingsSection", "Not rated (incomplete matrices): %1 — %2"
        ).replace("%1", str(len(rating.excluded))).replace("%2", ", ".join(rating.excluded))
    if not rating.rows:
        text += "\n" + QCoreApplication.translate("RatingsSection", "No data for this range.")
    return text

"""The KPI matrix editor's words: column headers and their tooltips, how a cell reads (its
raw value, its display and editor text), a cell's tooltip (the indicator and its source,
how a fact is got, the explanation of an index, what is needed for 100 % and for the next
payout step, the cell's problems) and a refused cell's reason.

The strings keep the translation context ``MatrixModel``: they are the grid model's texts.

Must not: compute anything (the results come from ``core`` through the model) or hold state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpidesk.core.indicators import Indicator
from kpidesk.core.money import format_number, format_percent
from kpidesk.core.needs import RowNeeds
from kpidesk.core.problems import Problem
from kpidesk.core.results import RowResult
from kpidesk.gui.matrix.rows import (
    BASE,
    FACT,
    FIELDS,
    INDEX,
    INDICATOR,
    MATRIX_COLUMNS,
    NEED,
    NORM,
    TARGET,
    WEIGHT,
    WEIGHTED,
    EditRow,
    indicator_name,
    weight_text,
)
from kpidesk.gui.widgets.numbers import edit_text
from kpidesk.reports.fact_breakdown_text import fact_line
from kpidesk.reports.need_text import need_cell, need_lines
from kpidesk.reports.problem_text import explanation_text, problem_text
from kpidesk.reports.source_words import description_text, label_text


def header_text(section: int) -> str:
    """The title of a column."""
    return (
        QCoreApplication.translate("MatrixModel", "Indicator"),
        QCoreApplication.translate("MatrixModel", "Weight"),
        QCoreApplication.translate("MatrixModel", "Base"),
        QCoreApplication.translate("MatrixModel", "Norm"),
        QCoreApplication.translate("MatrixModel", "Target"),
        QCoreApplication.translate("MatrixModel", "Fact"),
        QCoreApplication.translate("MatrixModel", "Index"),
        QCoreApplication.translate("MatrixModel", "Weighted"),
        QCoreApplication.translate("MatrixModel", "What is needed"),
    )[section]


def header_tip(section: int) -> str:
    """What a column means."""
    return (
        QCoreApplication.translate("MatrixModel", "The indicator measured (type its code or name)"),
        QCoreApplication.translate(
            "MatrixModel", "Importance of the row; the weights must sum to 100%"
        ),
        QCoreApplication.translate("MatrixModel", "At or below the base the row counts as nothing"),
        QCoreApplication.translate("MatrixModel", "Reaching the norm gives index 100%"),
        QCoreApplication.translate(
            "MatrixModel", "The stretch goal: the index stops growing there"
        ),
        QCoreApplication.translate("MatrixModel", "What was achieved in the period"),
        QCoreApplication.translate("MatrixModel", "How far the fact got from base toward norm"),
        QCoreApplication.translate("MatrixModel", "Weight × index"),
        QCoreApplication.translate(
            "MatrixModel",
            "The fact for index 100%, for the payout threshold and for the next payout step",
        ),
    )[section]


def number_text(value: Decimal | None, lang: str) -> str | None:
    """A number as shown in the grid (``None`` stays empty)."""
    return None if value is None else format_number(value, None, lang=lang)


def need_text(needs: RowNeeds | None, unit: str, short: bool, lang: str) -> str | None:
    """'What is needed' (SPEC §2.5): ``short`` for the cell (the nearest aim not reached),
    else the three sentences — index 100 %, the payout threshold, the next step — for its
    tooltip and the panel under the grid."""
    if needs is None:
        return None
    if short:
        return need_cell(needs, unit, lang) or None
    return "\n".join(need_lines(needs, unit, lang))


def cell_value(
    edit: EditRow, found: RowResult | None, column: int, needs: RowNeeds | None = None
) -> object:
    """A cell's raw value (``Qt.UserRole``): the typed value or the computed one."""
    if column == INDICATOR:
        return edit.indicator
    if column in MATRIX_COLUMNS:
        return getattr(edit, FIELDS[column])
    if found is None:
        return None
    if column == FACT:
        return found.fact
    if column == INDEX:
        return found.index
    if column == WEIGHTED:
        return found.weighted
    return needs


def cell_display(
    edit: EditRow,
    found: RowResult | None,
    column: int,
    indicators: Mapping[str, Indicator],
    lang: str,
    needs: RowNeeds | None = None,
) -> str | None:
    """A cell as shown: the indicator's name, the weight in percent, numbers, results."""
    if column == INDICATOR:
        return indicator_name(edit.indicator, indicators) if edit.indicator else None
    if column == WEIGHT:
        return None if edit.weight is None else weight_text(edit.weight, lang)
    if column in (BASE, NORM, TARGET):
        return number_text(getattr(edit, FIELDS[column]), lang)
    if found is None:
        return None
    if column == FACT:
        indicator = indicators.get(edit.indicator)
        if found.fact is not None and indicator is not None and not indicator.source.is_manual:
            # a computed fact with its two decimals (SPEC §2.4): "2,00", not "2"
            return format_number(found.fact, 2, lang=lang)
        return number_text(found.fact, lang)
    if column == INDEX:
        return None if found.index is None else format_percent(found.index, 1, lang=lang)
    if column == WEIGHTED:
        if found.weighted is None:
            return None
        return format_percent(found.weighted, 1, lang=lang)
    indicator = indicators.get(edit.indicator)
    return need_text(needs, indicator.unit if indicator else "", short=True, lang=lang)


def cell_edit_text(
    edit: EditRow,
    found: RowResult | None,
    column: int,
    indicators: Mapping[str, Indicator],
    lang: str,
) -> str | None:
    """A cell's text in its editor and in a copy (Excel's TSV): the indicator's name —
    ``name (code)`` when another indicator has the same name, so that a paste finds it
    again — and numbers without grouping."""
    if column == INDICATOR:
        return indicator_copy_text(edit.indicator, indicators)
    if column == WEIGHT:
        return "" if edit.weight is None else weight_text(edit.weight, lang)
    if column in (BASE, NORM, TARGET):
        return edit_text(getattr(edit, FIELDS[column]), lang)
    if column == FACT:
        return edit_text(found.fact if found else None, lang)
    return cell_display(edit, found, column, indicators, lang)


def indicator_copy_text(code: str, indicators: Mapping[str, Indicator]) -> str:
    """An indicator as copied: its name, or ``name (code)`` when the name is not unique;
    the code itself when the indicator is unknown."""
    indicator = indicators.get(code)
    if indicator is None:
        return code
    name = indicator.name.casefold()
    twins = sum(1 for other in indicators.values() if other.name.casefold() == name)
    return indicator.name if twins == 1 else f"{indicator.name} ({code})"


def cell_tooltip(
    column: int,
    indicator: Indicator | None,
    found: RowResult | None,
    problems: Sequence[Problem],
    lang: str,
    needs: RowNeeds | None = None,
) -> str | None:
    """The tooltip of a cell of ``column`` in a row of ``indicator`` with result ``found``."""
    parts: list[str] = []
    if column == INDICATOR and indicator is not None:
        parts.append(
            f"{indicator.name} ({indicator.code})"
            + (f", {indicator.unit}" if indicator.unit else "")
        )
        parts.append(
            QCoreApplication.translate("MatrixModel", "Source: %1").replace(
                "%1", source_text(indicator)
            )
        )
    elif column == FACT and indicator is not None:
        if indicator.source.is_manual:
            parts.append(
                QCoreApplication.translate(
                    "MatrixModel", "Typed in; saved at once for the employee shown."
                )
            )
        else:
            parts.append(
                QCoreApplication.translate("MatrixModel", "Computed from %1.").replace(
                    "%1", source_text(indicator)
                )
            )
        if found is not None and found.fact is None:
            parts.append(QCoreApplication.translate("MatrixModel", "No data for this period yet."))
        elif found is not None and found.fact_breakdown is not None:
            parts.append(fact_line(indicator.name, found.fact_breakdown, lang))
    elif column == INDEX and found is not None:
        if found.fact_breakdown is not None:
            name = indicator.name if indicator is not None else found.row.indicator
            parts.append(fact_line(name, found.fact_breakdown, lang))
        parts.append(
            explanation_text(found.index_explanation)
            or QCoreApplication.translate("MatrixModel", "No fact yet.")
        )
    elif column == WEIGHTED and found is not None:
        parts.append(
            explanation_text(found.weighted_explanation)
            or QCoreApplication.translate("MatrixModel", "No fact yet.")
        )
    elif column == NEED and found is not None:
        unit = indicator.unit if indicator is not None else ""
        parts.append(need_text(needs, unit, short=False, lang=lang) or "")
    for found_problem in problems:
        parts.append(problem_text(found_problem, lang))
    return "\n".join(part for part in parts if part) or None


def cell_reason(row: int, column: int, reason: str) -> str:
    """Why a cell was refused, naming the row and the column."""
    header = (
        QCoreApplication.translate("MatrixModel", "Indicator"),
        QCoreApplication.translate("MatrixModel", "Weight"),
        QCoreApplication.translate("MatrixModel", "Base"),
        QCoreApplication.translate("MatrixModel", "Norm"),
        QCoreApplication.translate("MatrixModel", "Target"),
        QCoreApplication.translate("MatrixModel", "Fact"),
    )[min(column, FACT)]
    return (
        QCoreApplication.translate("MatrixModel", "Row %1, %2: %3")
        .replace("%1", str(row + 1))
        .replace("%2", header)
        .replace("%3", reason)
    )


def source_text(indicator: Indicator) -> str:
    """Where an indicator's fact comes from, in words: its name, code and description
    (``Конверсия магазина (store:conversion) — Чеки / посетители × 100.``)."""
    source = indicator.source
    if source.is_manual:
        return QCoreApplication.translate("MatrixModel", "typed in by hand")
    description = description_text(source)
    label = label_text(source)
    return f"{label} — {description}" if description else label

"""The month grid's checks of an edit (SPEC §2.6, §4.3): every day of an edit, a paste or a
clear is checked before anything is written, and every problem is listed — each with its
date and column ("05.10.2026, выручка: …") — not only the first. A day after today, a
locked day, a saved day left half-cleared and the core's refusals refuse the whole edit;
conversion over 100 % and a day 3× off the usual day are warnings that name their day.

Must not: decide what is a problem (``services.daily_entry`` and ``core`` do) or write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import parse_number
from kpidesk.core.problems import Problem
from kpidesk.gui.daily.month_grid_commands import Values, is_complete, is_empty
from kpidesk.gui.widgets.daily_entry_text import (
    ERROR_COLOR,
    WARNING_COLOR,
    field_label,
    problem_text,
)
from kpidesk.services import daily_entry
from kpidesk.services.company import CompanyService

SUSPICIOUS_BACKGROUND = "#ffe0b2"  # a saved day that looks wrong (a warning of the core)


def parse_cell(text: object, day: date, column: int) -> Decimal | None:
    """A typed or pasted cell as a number (``None``: empty).

    Raises:
        ValueError: not a number; the message names the date and the column.
    """
    cleaned = "" if text is None else str(text).strip()
    if not cleaned:
        return None
    try:
        return parse_number(cleaned)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("MonthGridModel", "%1, %2: not a number: %3")
            .replace("%1", f"{day:%d.%m.%Y}")
            .replace("%2", field_label(daily_entry.FIELDS[column]))
            .replace("%3", cleaned)
        ) from None


def block_refusal(values: list[list[str]], rows_left: int, columns_left: int) -> str | None:
    """Why a pasted block does not fit from the chosen cell (``None``: it fits)."""
    width = max(len(line) for line in values)
    if len(values) > rows_left:
        return (
            QCoreApplication.translate(
                "MonthGridModel", "The block has %1 rows but only %2 days are left in the month."
            )
            .replace("%1", str(len(values)))
            .replace("%2", str(max(rows_left, 0)))
        )
    if width > columns_left:
        return (
            QCoreApplication.translate(
                "MonthGridModel",
                "The block has %1 columns but only %2 editable columns are left from here.",
            )
            .replace("%1", str(width))
            .replace("%2", str(max(columns_left, 0)))
        )
    return None


def located_text(day: date, problem: Problem, lang: str = "ru") -> str:
    """``05.10.2026, выручка: …`` — the problem with its date and column."""
    name = dict(problem.params).get("field") or problem.where.field or ""
    head = f"{day:%d.%m.%Y}"
    if name in daily_entry.FIELDS:
        head += ", " + field_label(name)
    return f"{head}: {problem_text(problem, lang)}"


@dataclass
class EditCheck:
    """What an edit of the month grid ran into: the refusals (each a located line) and the
    warnings (each a located line)."""

    refusals: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_edit(
    service: CompanyService,
    store: str,
    states: Mapping[date, Values],
    *,
    saved: Mapping[date, object],
    locked: frozenset[date],
    today: date,
    lang: str = "ru",
) -> EditCheck:
    """Check the new states of the edited days, every day, in date order.

    A complete day is checked as the form would (against the store's usual day); a draft
    (a required value still missing) for the values it has; an emptied day is a deletion
    and only needs an unlocked day."""
    found = EditCheck()
    for day in sorted(states):
        state = states[day]
        stamp = f"{day:%d.%m.%Y}"
        if day in locked:
            found.refusals.append(
                QCoreApplication.translate(
                    "MonthGridModel", "%1: the period is locked, the day cannot change."
                ).replace("%1", stamp)
            )
            continue
        if is_empty(state):
            continue
        if day in saved and not is_complete(state):
            found.refusals.append(
                QCoreApplication.translate(
                    "MonthGridModel",
                    "%1: revenue, receipts and visitors are required; clear the whole day to "
                    "delete it.",
                ).replace("%1", stamp)
            )
            continue
        if is_complete(state):
            checked = daily_entry.check_day(service, store, day, state, today=today)
        else:
            checked = daily_entry.check_values(store, day, state, today=today)
        errors = [p for p in checked.errors if p.code != "required"]
        found.refusals += [located_text(day, p, lang) for p in errors]
        if not errors:
            found.warnings += [located_text(day, p, lang) for p in checked.warnings]
    return found


def lines_html(lines: list[str], *, error: bool) -> str:
    """Located lines as rich text, one per line: refusals red with ✖, warnings amber ⚠."""
    color, mark = (ERROR_COLOR, "✖") if error else (WARNING_COLOR, "⚠")
    safe = (line.replace("&", "&amp;").replace("<", "&lt;") for line in lines)
    return "<br>".join(f'<span style="color:{color}">{mark} {line}</span>' for line in safe)


def warnings_tooltip(day: date, warnings: tuple[Problem, ...], lang: str = "ru") -> str:
    """The tooltip of a suspicious saved day: why it looks wrong."""
    head = QCoreApplication.translate("MonthGridModel", "This day looks wrong; check it:")
    return "\n".join([head, *(located_text(day, p, lang) for p in warnings)])

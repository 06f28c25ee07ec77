"""Problems and explanations in the user's language.

``core`` validation and the services describe a problem with a stable ``code`` and its
``params`` (English ``message`` for logs and the CLI); this module turns them into a
translated sentence with the values in, numbers the Russian way. Any section can use it:
:func:`problem_text` for one problem, :func:`error_text` for a service's ``UserError``,
:func:`explanation_text` for a calculation's explanation (its English note translated).
A code not listed here falls back to the problem's English message, so a new code never
shows a blank.

Must not: decide whether something is a problem (``core`` does) or hold state.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import format_number
from kpidesk.core.problems import Problem
from kpidesk.core.results import Explanation
from kpidesk.services.errors import UserError

# Params holding a ratio (1 = 100 %), shown as a percentage; other numbers as numbers.
_RATIOS: dict[str, frozenset[str]] = {
    "weights_sum": frozenset({"sum", "value"}),
    "negative_weight": frozenset({"value"}),
    "weight_too_large": frozenset({"value"}),
    "cap_below_threshold": frozenset({"value", "threshold"}),
    "duplicate_threshold": frozenset({"value", "threshold"}),
    "steps_not_increasing": frozenset({"value", "threshold"}),
}
_NUMBERS = frozenset({"sum", "threshold", "cap", "value", "norm", "revenue", "usual"})


def _templates() -> dict[str, str]:
    """Code → translated sentence with ``{param}`` placeholders (built per call so that a
    language switch takes effect at once)."""
    return {
        # matrices
        "weights_sum": QCoreApplication.translate(
            "ProblemText", "The weights add up to {sum}, not 100%."
        ),
        "base_equals_norm": QCoreApplication.translate(
            "ProblemText",
            "The base of '{indicator}' equals its norm: the index cannot be computed.",
        ),
        "zero_norm": QCoreApplication.translate(
            "ProblemText", "The norm of '{indicator}' is 0: a fact/norm index cannot be computed."
        ),
        "negative_weight": QCoreApplication.translate(
            "ProblemText", "The weight of '{indicator}' cannot be negative ({value})."
        ),
        "unknown_indicator": QCoreApplication.translate(
            "ProblemText", "Unknown indicator '{indicator}'."
        ),
        "duplicate_row": QCoreApplication.translate(
            "ProblemText", "Indicator '{indicator}' appears more than once in the matrix."
        ),
        "matrix_owner": QCoreApplication.translate(
            "ProblemText", "A matrix must belong to either a position or an employee."
        ),
        "target_wrong_side": QCoreApplication.translate(
            "ProblemText",
            "The target of '{indicator}' ({value}) is on the wrong side of its norm ({norm}).",
        ),
        "weight_too_large": QCoreApplication.translate(
            "ProblemText", "A weight is at most 100% (typed: {value})."
        ),
        "norm_required": QCoreApplication.translate("ProblemText", "Row {row}: enter the norm."),
        "indicator_required": QCoreApplication.translate(
            "ProblemText", "Row {row}: choose an indicator."
        ),
        "no_previous_matrix": QCoreApplication.translate(
            "ProblemText", "No matrix applied to '{owner}' in {period}."
        ),
        "fact_computed": QCoreApplication.translate(
            "ProblemText",
            "The fact of '{indicator}' is computed from {source}; it cannot be typed in.",
        ),
        "period_locked": QCoreApplication.translate(
            "ProblemText",
            "Period {period} is locked: its data cannot be changed (reopen the period first).",
        ),
        "not_a_number": QCoreApplication.translate("ProblemText", "'{value}' is not a number."),
        "paste_outside": QCoreApplication.translate(
            "ProblemText", "The pasted block does not fit: {reason}"
        ),
        # daily data and values
        "negative_value": QCoreApplication.translate(
            "ProblemText", "{field} cannot be negative ({value})."
        ),
        "revenue_without_receipts": QCoreApplication.translate(
            "ProblemText", "Revenue {revenue} with 0 receipts: enter the number of receipts."
        ),
        "receipts_over_visitors": QCoreApplication.translate(
            "ProblemText",
            "{receipts} receipts but only {visitors} visitors: conversion is above 100%.",
        ),
        "unusual_value": QCoreApplication.translate(
            "ProblemText", "{field} {value} is more than 3 times away from the usual {usual}."
        ),
        # directories
        "end_before_start": QCoreApplication.translate(
            "ProblemText", "The end date {value} is before the start date {start}."
        ),
        "name_empty": QCoreApplication.translate("ProblemText", "The name cannot be empty."),
        "name_taken": QCoreApplication.translate("ProblemText", "'{name}' already exists."),
        "unknown_item": QCoreApplication.translate("ProblemText", "'{name}' no longer exists."),
        "code_spaces": QCoreApplication.translate(
            "ProblemText", "The code '{name}' contains spaces; use letters, digits and '_'."
        ),
        "position_required": QCoreApplication.translate(
            "ProblemText", "'{name}' needs a position."
        ),
        "unknown_position": QCoreApplication.translate("ProblemText", "Unknown position '{name}'."),
        "unknown_store": QCoreApplication.translate("ProblemText", "Unknown store '{name}'."),
        "unknown_department": QCoreApplication.translate(
            "ProblemText", "Unknown department '{name}'."
        ),
        "unknown_employee": QCoreApplication.translate("ProblemText", "Unknown employee '{name}'."),
        "not_a_date": QCoreApplication.translate(
            "ProblemText", "'{value}' is not a date (expected dd.mm.yyyy)."
        ),
        "duplicate_key": QCoreApplication.translate(
            "ProblemText", "{value} appears twice (first at {first})."
        ),
        # payout schedules
        "steps_not_increasing": QCoreApplication.translate(
            "ProblemText",
            "The coefficient from {threshold} is lower than a lower step's: a higher KPI "
            "must not pay less.",
        ),
        "duplicate_threshold": QCoreApplication.translate(
            "ProblemText", "Threshold {threshold} appears more than once."
        ),
        "no_steps": QCoreApplication.translate(
            "ProblemText", "A steps schedule needs at least one step."
        ),
        "cap_below_threshold": QCoreApplication.translate(
            "ProblemText", "The cap {value} is below the threshold {threshold}."
        ),
    }


def field_name(field: str) -> str:
    """A field's name for a message: ``fixed_pay`` → "Fixed pay" (translated)."""
    names = {
        "weight": QCoreApplication.translate("ProblemText", "Weight"),
        "base": QCoreApplication.translate("ProblemText", "Base"),
        "norm": QCoreApplication.translate("ProblemText", "Norm"),
        "target": QCoreApplication.translate("ProblemText", "Target"),
        "fact": QCoreApplication.translate("ProblemText", "Fact"),
        "indicator": QCoreApplication.translate("ProblemText", "Indicator"),
        "fixed_pay": QCoreApplication.translate("ProblemText", "Fixed pay"),
        "target_bonus": QCoreApplication.translate("ProblemText", "Target bonus"),
        "threshold": QCoreApplication.translate("ProblemText", "Threshold"),
        "cap": QCoreApplication.translate("ProblemText", "Cap"),
        "coefficient": QCoreApplication.translate("ProblemText", "Coefficient"),
        "revenue": QCoreApplication.translate("ProblemText", "Revenue"),
        "receipts": QCoreApplication.translate("ProblemText", "Receipts"),
        "visitors": QCoreApplication.translate("ProblemText", "Visitors"),
        "units": QCoreApplication.translate("ProblemText", "Units"),
        "returns": QCoreApplication.translate("ProblemText", "Returns"),
        "name": QCoreApplication.translate("ProblemText", "Name"),
        "code": QCoreApplication.translate("ProblemText", "Code"),
        "position": QCoreApplication.translate("ProblemText", "Position"),
        "store": QCoreApplication.translate("ProblemText", "Store"),
        "department": QCoreApplication.translate("ProblemText", "Department"),
        "start": QCoreApplication.translate("ProblemText", "Start"),
        "end": QCoreApplication.translate("ProblemText", "End"),
    }
    return names.get(field, field.replace("_", " ").capitalize())


def _number(text: str, ratio: bool, lang: str) -> str:
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return text
    if not value.is_finite():
        return text
    if ratio:
        return format_number(value * 100, None, lang=lang) + "%"
    return format_number(value, None, lang=lang)


def problem_text(problem: Problem, lang: str = "ru") -> str:
    """The problem as one translated sentence with its values put in.

    Args:
        problem: a problem from ``core`` validation or a service refusal.
        lang: ``"ru"`` or ``"en"`` (number format).
    """
    template = _templates().get(problem.code)
    if template is None:
        return problem.message
    ratios = _RATIOS.get(problem.code, frozenset())
    values: dict[str, str] = {}
    raw = dict(problem.params)
    if problem.value is not None:
        raw.setdefault("value", problem.value)
    for key, text in raw.items():
        if key == "field":
            values[key] = field_name(text)
        elif key in _NUMBERS:
            values[key] = _number(text, key in ratios, lang)
        else:
            values[key] = text
    try:
        return template.format_map(_Missing(values))
    except (ValueError, IndexError):
        return problem.message


class _Missing(dict[str, str]):
    """Leaves an unknown placeholder visible rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def problems_text(problems: list[Problem] | tuple[Problem, ...], lang: str = "ru") -> str:
    """Several problems, one per line (the errors first)."""
    ordered = sorted(problems, key=lambda p: not p.is_error)
    return "\n".join(dict.fromkeys(problem_text(p, lang) for p in ordered))


def error_text(error: UserError, lang: str = "ru") -> str:
    """What a service refused, translated when it carries coded problems."""
    if error.problems:
        return problems_text(error.problems, lang)
    return error.message


def note_text(note: str) -> str:
    """An explanation's English note (``core.kpi``/``core.pay``) translated."""
    notes = {
        "clamped at the target": QCoreApplication.translate("ProblemText", "clamped at the target"),
        "clamped at 0": QCoreApplication.translate("ProblemText", "clamped at 0"),
        "division by zero: no data": QCoreApplication.translate(
            "ProblemText", "division by zero: no data"
        ),
        "base equals norm: invalid row": QCoreApplication.translate(
            "ProblemText", "base equals norm: invalid row"
        ),
        "capped at the maximum": QCoreApplication.translate("ProblemText", "capped at the maximum"),
        "per-indicator payout": QCoreApplication.translate("ProblemText", "per-indicator payout"),
        "no payout steps": QCoreApplication.translate("ProblemText", "no payout steps"),
    }
    return notes.get(note, note)


def explanation_text(explanation: Explanation | None) -> str:
    """The formula with its note translated; empty for ``None``."""
    if explanation is None:
        return ""
    note = explanation.note
    formula = explanation.formula
    return f"{formula} ({note_text(note)})" if note else formula

"""Problems and explanations in the user's language, for the window and the command line.

``core`` validation, the io reader and the services describe a problem with a stable
``code`` and its ``params`` (an English ``message`` for logs only); this module turns them
into a translated sentence with the values in, numbers the Russian way (the templates are in
``problem_templates``). :func:`problem_text` for one problem, :func:`error_text` for a
service's ``UserError``, :func:`problem_line` for one line of the terminal (where + what),
:func:`explanation_text` for a calculation's explanation (its English note translated).
A code without a template falls back to a translated "could not be done" sentence naming
the code — never to the English message.

Lives in ``reports`` (QtCore only) so that the CLI can use it without the GUI.

Must not: decide whether something is a problem (``core`` does) or hold state.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import format_number
from kpidesk.core.problems import Location, Problem
from kpidesk.core.results import Explanation
from kpidesk.reports.problem_templates import templates
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
_NUMBERS = frozenset(
    {"sum", "threshold", "cap", "value", "norm", "revenue", "usual", "limit", "sellers"}
    | {"receipts", "visitors"}
)
# Params that are numbers for one code only (``store`` is a name everywhere else).
_CODE_NUMBERS: dict[str, frozenset[str]] = {"sellers_differ": frozenset({"store"})}
# A placeholder missing from the params is taken from the first of these that is present
# (``unknown_indicator`` is raised with ``name`` by imports and with ``indicator`` elsewhere).
_ALIASES: dict[str, tuple[str, ...]] = {
    "indicator": ("name", "value"),
    "name": ("value",),
    "file": ("value",),
}


def right_name(right: str) -> str:
    """A right of SPEC §8.1 as words (``daily`` → "enter the stores' daily data")."""
    translate = QCoreApplication.translate
    names = {
        "directories": translate("ProblemText", "edit the directories, matrices and users"),
        "daily": translate("ProblemText", "enter the daily data of this store"),
        "facts": translate("ProblemText", "enter the facts of these employees"),
        "assign_tasks": translate("ProblemText", "create and assign tasks here"),
        "own_tasks": translate("ProblemText", "change these tasks"),
        "see_results": translate("ProblemText", "see these results"),
        "see_money": translate("ProblemText", "see these people's pay"),
        "bonus_sheets": translate("ProblemText", "print these bonus sheets"),
        "check_paylist": translate("ProblemText", "mark a pay list checked"),
        "approve_paylist": translate("ProblemText", "approve a pay list"),
        "lock_period": translate("ProblemText", "lock a period"),
        "reopen_period": translate("ProblemText", "reopen a period or take a pay list back"),
        "import": translate("ProblemText", "import, restore or replace the whole company"),
        "export": translate("ProblemText", "export the whole company"),
        "backup": translate("ProblemText", "back up the company"),
        "audit": translate("ProblemText", "read this audit log"),
    }
    return names.get(right, right)


def step_name(step: str) -> str:
    """A pay list's step as a word ("черновик", "проверен", …)."""
    translate = QCoreApplication.translate
    names = {
        "draft": translate("ProblemText", "a draft"),
        "checked": translate("ProblemText", "checked"),
        "approved": translate("ProblemText", "approved"),
        "closed": translate("ProblemText", "closed"),
    }
    return names.get(step, step)


def field_name(field: str) -> str:
    """A field's name for a message: ``fixed_pay`` → "Fixed pay" (translated)."""
    translate = QCoreApplication.translate
    names = {
        "weight": translate("ProblemText", "Weight"),
        "base": translate("ProblemText", "Base"),
        "norm": translate("ProblemText", "Norm"),
        "target": translate("ProblemText", "Target"),
        "fact": translate("ProblemText", "Fact"),
        "value": translate("ProblemText", "Value"),
        "indicator": translate("ProblemText", "Indicator"),
        "fixed_pay": translate("ProblemText", "Fixed pay"),
        "target_bonus": translate("ProblemText", "Target bonus"),
        "personnel_number": translate("ProblemText", "Personnel number"),
        "threshold": translate("ProblemText", "Threshold"),
        "cap": translate("ProblemText", "Cap"),
        "coefficient": translate("ProblemText", "Coefficient"),
        "per_indicator": translate("ProblemText", "Per indicator"),
        "revenue": translate("ProblemText", "Revenue"),
        "receipts": translate("ProblemText", "Receipts"),
        "visitors": translate("ProblemText", "Visitors"),
        "units": translate("ProblemText", "Units"),
        "returns": translate("ProblemText", "Returns"),
        "name": translate("ProblemText", "Name"),
        "code": translate("ProblemText", "Code"),
        "unit": translate("ProblemText", "Unit"),
        "source": translate("ProblemText", "Source"),
        "method": translate("ProblemText", "Method"),
        "archived": translate("ProblemText", "Archived"),
        "pay_period": translate("ProblemText", "Pay period"),
        "period": translate("ProblemText", "Period"),
        "from": translate("ProblemText", "From"),
        "day": translate("ProblemText", "Date"),
        "position": translate("ProblemText", "Position"),
        "store": translate("ProblemText", "Store"),
        "department": translate("ProblemText", "Department"),
        "employee": translate("ProblemText", "Employee"),
        "start": translate("ProblemText", "Start"),
        "end": translate("ProblemText", "End"),
        "kind": translate("ProblemText", "Kind"),
        "title": translate("ProblemText", "Title"),
        "description": translate("ProblemText", "Description"),
        "assignee": translate("ProblemText", "Assignee"),
        "controller": translate("ProblemText", "Controller"),
        "status": translate("ProblemText", "Status"),
        "due": translate("ProblemText", "Due"),
        "due_day": translate("ProblemText", "Due day"),
        "done_on": translate("ProblemText", "Done on"),
        "accepted_on": translate("ProblemText", "Accepted on"),
        "comment": translate("ProblemText", "Comment"),
    }
    return names.get(field, field.replace("_", " ").capitalize())


def kind_name(kind: str) -> str:
    """A kind of content (a ``CompanyContent`` attribute, one sheet of the interchange
    workbook) for a message: ``daily`` → "Daily" (translated)."""
    translate = QCoreApplication.translate
    names = {
        "company": translate("ProblemText", "Company"),
        "stores": translate("ProblemText", "Stores"),
        "departments": translate("ProblemText", "Departments"),
        "positions": translate("ProblemText", "Positions"),
        "employees": translate("ProblemText", "Employees"),
        "indicators": translate("ProblemText", "Indicators"),
        "schedules": translate("ProblemText", "Payout"),
        "matrices": translate("ProblemText", "Matrix"),
        "daily": translate("ProblemText", "Daily"),
        "seller_days": translate("ProblemText", "Sales by seller"),
        "plans": translate("ProblemText", "Plans"),
        "facts": translate("ProblemText", "Facts"),
        "inputs": translate("ProblemText", "Inputs"),
        "duty_templates": translate("ProblemText", "Duties"),
        "tasks": translate("ProblemText", "Tasks"),
    }
    return names.get(kind, kind)


def entity_name(entity: str) -> str:
    """What a location's ``entity`` is, for a message (``seller day`` → "seller day")."""
    translate = QCoreApplication.translate
    names = {
        "daily": translate("ProblemText", "store day"),
        "seller day": translate("ProblemText", "seller day"),
        "duty": translate("ProblemText", "duty"),
        "task": translate("ProblemText", "task"),
        "employee": translate("ProblemText", "employee"),
        "fact": translate("ProblemText", "fact"),
        "indicator": translate("ProblemText", "indicator"),
        "matrix": translate("ProblemText", "matrix"),
        "matrix row": translate("ProblemText", "matrix row"),
        "payout": translate("ProblemText", "payout schedule"),
        "store": translate("ProblemText", "store"),
        "department": translate("ProblemText", "department"),
        "position": translate("ProblemText", "position"),
    }
    return names.get(entity, translate("ProblemText", "item"))


def location_text(where: Location) -> str:
    """Where a problem is, translated: ``лист «Ежедневно», строка 5, столбец «Выручка»``.
    Sheet, column and item names are data and stay as they are; the field is named only
    when no column is."""
    translate = QCoreApplication.translate
    parts: list[str] = []
    if where.sheet is not None:
        parts.append(translate("ProblemText", "sheet '{sheet}'").format(sheet=where.sheet))
    if where.row is not None:
        parts.append(translate("ProblemText", "row {row}").format(row=where.row))
    if where.column is not None:
        parts.append(translate("ProblemText", "column '{column}'").format(column=where.column))
    if where.entity is not None:
        entity = entity_name(where.entity)
        if where.key:
            entity = translate("ProblemText", "{entity} '{key}'").format(
                entity=entity, key=where.key
            )
        parts.append(entity)
    if where.field is not None and where.column is None:
        parts.append(
            translate("ProblemText", "field '{field}'").format(field=field_name(where.field))
        )
    return ", ".join(parts)


_DESCRIBED = re.compile(r"sheet '(?P<sheet>[^']*)'|row (?P<row>\d+)|column '(?P<column>[^']*)'")


def _described_location(text: str) -> str:
    """A location that reached the params as ``Location.describe()`` English (``first`` of
    ``duplicate_key``), translated; anything else unchanged."""
    if text == "earlier":
        return QCoreApplication.translate("ProblemText", "earlier")
    found: dict[str, str] = {}
    for match in _DESCRIBED.finditer(text):
        found.update({key: value for key, value in match.groupdict().items() if value})
    if not found:
        return text
    row = found.get("row")
    return location_text(
        Location(
            sheet=found.get("sheet"),
            row=int(row) if row is not None else None,
            column=found.get("column"),
        )
    )


def _number(text: str, ratio: bool, lang: str) -> str:
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return text
    if not value.is_finite():
        return text
    try:
        if ratio:
            return format_number(value * 100, None, lang=lang) + "%"
        return format_number(value, None, lang=lang)
    except ArithmeticError:  # beyond the decimal context (a refused 1e30): as typed
        return text


def _param_text(code: str, key: str, text: str, lang: str) -> str:
    if key == "field":
        return field_name(text)
    if key == "fields":
        return ", ".join(field_name(name.strip()).lower() for name in text.split(",") if name)
    if key == "kind":
        return kind_name(text)
    if key == "entity":
        return entity_name(text)
    if key == "first":
        return _described_location(text)
    if key == "right":
        return right_name(text)
    if key in ("step", "wanted"):
        return step_name(text)
    if key in _NUMBERS or key in _CODE_NUMBERS.get(code, frozenset()):
        return _number(text, key in _RATIOS.get(code, frozenset()), lang)
    return text


def fallback_text(problem: Problem) -> str:
    """The sentence of a code without a template (never the English message)."""
    return QCoreApplication.translate(
        "ProblemText", "The action could not be completed ({code})."
    ).format(code=problem.code)


def problem_text(problem: Problem, lang: str = "ru") -> str:
    """The problem as one translated sentence with its values put in.

    Args:
        problem: a problem from ``core`` validation, the reader or a service refusal.
        lang: ``"ru"`` or ``"en"`` (number format).
    """
    template = templates().get(problem.code)
    if template is None:
        return fallback_text(problem)
    raw = dict(problem.params)
    if problem.value is not None:
        raw.setdefault("value", problem.value)
    for key, sources in _ALIASES.items():
        if key not in raw:
            present = next((raw[source] for source in sources if source in raw), None)
            if present is not None:
                raw[key] = present
    values = {key: _param_text(problem.code, key, text, lang) for key, text in raw.items()}
    try:
        return template.format_map(_Missing(values))
    except (ValueError, IndexError):
        return fallback_text(problem)


class _Missing(dict[str, str]):
    """Leaves an unknown placeholder empty rather than failing (the template still reads)."""

    def __missing__(self, key: str) -> str:
        return ""


def problems_text(problems: list[Problem] | tuple[Problem, ...], lang: str = "ru") -> str:
    """Several problems, one per line (the errors first)."""
    ordered = sorted(problems, key=lambda p: not p.is_error)
    return "\n".join(dict.fromkeys(problem_text(p, lang) for p in ordered))


def error_text(error: UserError, lang: str = "ru") -> str:
    """What a service refused, translated (a ``UserError`` always carries coded problems)."""
    return problems_text(error.problems, lang)


def problem_line(problem: Problem, lang: str = "ru") -> str:
    """One line for the terminal: where (translated; names stay as they are) and what,
    ``warning:`` in front of a warning."""
    text = problem_text(problem, lang)
    where = location_text(problem.where)
    line = f"{where}: {text}" if where else text
    if not problem.is_error:
        line = QCoreApplication.translate("ProblemText", "warning: {text}").format(text=line)
    return line


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
        "a fact of 0 is the best result: the cap": QCoreApplication.translate(
            "ProblemText", "a fact of 0 is the best result: the cap"
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

"""The daily form's messages as rich text: each problem beside its field or under the form
(red ✖ refusals, amber ⚠ warnings, grey "required" hints), and a refusal of the save.

Must not: check a value (``services.daily_entry`` does) or touch a widget.
"""

from __future__ import annotations

from collections.abc import Sequence

from kpidesk.core.problems import Problem
from kpidesk.gui.widgets.daily_entry_text import ERROR_COLOR, WARNING_COLOR, problem_text
from kpidesk.services.errors import UserError


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def problem_lines(
    problems: Sequence[Problem], fields: Sequence[str], lang: str
) -> tuple[dict[str, list[str]], list[str]]:
    """The problems as lines per field (those naming one of ``fields``) and the rest."""
    per_field: dict[str, list[str]] = {name: [] for name in fields}
    general: list[str] = []
    for item in problems:
        text = _escaped(problem_text(item, lang))
        if item.code == "required":
            general.append(f'<span style="color:#666">{text}</span>')
            continue
        color = ERROR_COLOR if item.is_error else WARNING_COLOR
        mark = "✖" if item.is_error else "⚠"
        line = f'<span style="color:{color}">{mark} {text}</span>'
        field = item.where.field
        if field in per_field:
            per_field[field].append(line)
        else:
            general.append(line)
    return per_field, general


def has_error(lines: Sequence[str]) -> bool:
    """Whether any of a field's lines is a refusal."""
    return any(ERROR_COLOR in line for line in lines)


def refusal_html(error: UserError, lang: str) -> str:
    """A refused save, one ✖ line per problem."""
    lines = [problem_text(p, lang) for p in error.problems] or [error.message]
    text = "<br>".join(f"✖ {line}".replace("<", "&lt;") for line in lines)
    return f'<span style="color:{ERROR_COLOR}">{text}</span>'

"""Texts shared by the store manager's screens: translated field names, the core's daily
problems rendered in the user's language with Russian numbers (the core gives a stable
code and params; SPEC §2.6), and the small number formatters of the form and the grids.

Must not: decide anything — which problem refuses a change is the core's business.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import format_money, format_number
from kpidesk.core.problems import Problem
from kpidesk.reports.problem_text import problem_text as general_problem_text

ERROR_COLOR = "#b00020"
WARNING_COLOR = "#9a5b00"
OK_COLOR = "#1b5e20"
MISSING_BACKGROUND = "#fde2e1"
WEEKEND_BACKGROUND = "#e3e8ef"
DRAFT_BACKGROUND = "#fff4cc"
LOCKED_BACKGROUND = "#ececec"


def field_label(name: str) -> str:
    """The translated name of a measure (``revenue`` → "выручка")."""
    labels = {
        "revenue": QCoreApplication.translate("DailyText", "revenue"),
        "receipts": QCoreApplication.translate("DailyText", "receipts"),
        "visitors": QCoreApplication.translate("DailyText", "visitors"),
        "units": QCoreApplication.translate("DailyText", "units"),
        "returns": QCoreApplication.translate("DailyText", "returns"),
    }
    return labels.get(name, name)


def _number(text: str | None, lang: str, places: int | None = None) -> str:
    if text is None:
        return ""
    try:
        return format_number(Decimal(text), places, lang=lang)
    except ArithmeticError:
        return text


def problem_text(problem: Problem, lang: str = "ru") -> str:
    """The problem as a sentence in the user's language, numbers formatted."""
    params = dict(problem.params)
    field = params.get("field") or problem.where.field or ""
    value = _number(problem.value, lang)
    code = problem.code
    if code == "negative_value":
        text = QCoreApplication.translate("DailyText", "%1 cannot be negative (%2).")
        return text.replace("%1", field_label(field).capitalize()).replace("%2", value)
    if code == "revenue_without_receipts":
        revenue = _number(params.get("revenue"), lang)
        return QCoreApplication.translate(
            "DailyText", "Revenue %1 with no receipts: enter the number of receipts."
        ).replace("%1", revenue)
    if code == "receipts_over_visitors":
        text = QCoreApplication.translate(
            "DailyText", "%1 receipts but only %2 visitors: conversion is above 100%."
        )
        text = text.replace("%1", _number(params.get("receipts"), lang))
        return text.replace("%2", _number(params.get("visitors"), lang))
    if code == "unusual_value":
        text = QCoreApplication.translate(
            "DailyText", "%1 %2 is more than 3 times off the store's usual day (%3)."
        )
        text = text.replace("%1", field_label(field).capitalize()).replace("%2", value)
        return text.replace("%3", _number(params.get("usual"), lang))
    if code == "required":
        fields = params.get("fields", "")
        names = ", ".join(field_label(name.strip()) for name in fields.split(",") if name)
        return QCoreApplication.translate("DailyText", "Enter %1.").replace("%1", names)
    if code == "not_whole":
        text = QCoreApplication.translate("DailyText", "%1 must be a whole number (%2).")
        return text.replace("%1", field_label(field).capitalize()).replace("%2", value)
    if code == "no_store_day":
        return QCoreApplication.translate(
            "DailyText", "The store has no data for this day: the sellers' sales cannot be checked."
        )
    if code == "sellers_differ":
        text = QCoreApplication.translate(
            "DailyText", "The sellers' %1 add up to %2, the store's day has %3."
        )
        text = text.replace("%1", field_label(field))
        text = text.replace("%2", _number(params.get("sellers"), lang))
        return text.replace("%3", _number(params.get("store"), lang))
    return general_problem_text(problem, lang)


def problem_html(problems: list[Problem], lang: str = "ru") -> str:
    """Refusals in red and warnings in amber, one per line, as rich text."""
    lines = []
    for problem in problems:
        color = ERROR_COLOR if problem.is_error else WARNING_COLOR
        mark = "✖" if problem.is_error else "⚠"
        text = problem_text(problem, lang).replace("&", "&amp;").replace("<", "&lt;")
        lines.append(f'<span style="color:{color}">{mark} {text}</span>')
    return "<br>".join(lines)


def money_text(value: Decimal | None, lang: str = "ru") -> str:
    """``1 234,50 ₽``, or an em dash for "no data"."""
    return "—" if value is None else format_money(value, lang=lang)


def count_text(value: Decimal | int | None, lang: str = "ru") -> str:
    """A count with thousands groups, or an em dash."""
    return "—" if value is None else format_number(Decimal(value), 0, lang=lang)


def percent_text(value: Decimal | None, lang: str = "ru", places: int = 1) -> str:
    """A percentage already in percent (conversion 26.67 → ``26,7%``), or an em dash."""
    return "—" if value is None else format_number(value, places, lang=lang) + "%"


def ratio_text(value: Decimal | None, lang: str = "ru", places: int = 2) -> str:
    """A plain ratio such as UPT (``1,61``), or an em dash."""
    return "—" if value is None else format_number(value, places, lang=lang)

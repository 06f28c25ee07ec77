"""Words of the bonus sheet and the pay list: the payout rule in words, a period's title, an
employee's status ("нет факта: NPS" / locked), the explanations' notes, and numbers in the
Russian (or English) format from ``core.money``. Translatable through
``QCoreApplication.translate`` (context ``BonusSheet``), English source, Russian by default.

Must not: compute a number (every figure comes from ``core``'s results).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import HUNDRED, format_money, format_number, format_percent, round_to
from kpidesk.core.payout import PayoutKind, PayoutSchedule
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.results import EmployeeResult, Explanation


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``; called as ``translate("BonusSheet", "…")`` with
    literal strings so that lupdate finds them."""
    return QCoreApplication.translate(context, text)


def _months() -> tuple[str, ...]:
    return (
        translate("BonusSheet", "January"),
        translate("BonusSheet", "February"),
        translate("BonusSheet", "March"),
        translate("BonusSheet", "April"),
        translate("BonusSheet", "May"),
        translate("BonusSheet", "June"),
        translate("BonusSheet", "July"),
        translate("BonusSheet", "August"),
        translate("BonusSheet", "September"),
        translate("BonusSheet", "October"),
        translate("BonusSheet", "November"),
        translate("BonusSheet", "December"),
    )


def period_title(period: Period) -> str:
    """``October 2026`` / ``October 2026, 1–15`` / ``01.10.2026 – 07.10.2026``."""
    if period.kind in (PeriodKind.MONTH, PeriodKind.HALF):
        month = _months()[period.start.month - 1]
        title = f"{month} {period.start.year}"
        if period.kind is PeriodKind.HALF:
            title += f", {period.start.day}–{period.end.day}"
        return title
    return f"{period.start:%d.%m.%Y} – {period.end:%d.%m.%Y}"


def quantity(value: Decimal | None, lang: str = "ru") -> str:
    """A base, norm, target or fact: its own digits, at most two decimals; ``—`` if none."""
    if value is None:
        return "—"
    if value == round_to(value, Decimal("0.01")):
        return format_number(value, None, lang=lang)
    return format_number(value, 2, lang=lang)


def share(value: Decimal, lang: str = "ru") -> str:
    """A weight, threshold or cap as a percentage with only the digits it needs: ``30%``,
    ``12,5%``."""
    return format_number(value * HUNDRED, None, lang=lang) + "%"


def percent(value: Decimal | None, lang: str = "ru") -> str:
    """An index or a KPI with one decimal: ``113,7%``; ``—`` if none."""
    return "—" if value is None else format_percent(value, 1, lang=lang)


def money(value: Decimal | None, lang: str = "ru") -> str:
    """An amount: ``18 533,10 ₽``; "no data" if none."""
    return translate("BonusSheet", "no data") if value is None else format_money(value, lang=lang)


def coefficient(value: Decimal, lang: str = "ru") -> str:
    """A payout coefficient with three decimals: ``1,137``."""
    return format_number(value, 3, lang=lang)


def note_text(note: str) -> str:
    """A core explanation's English note, translated."""
    notes = {
        "clamped at the target": translate("BonusSheet", "clamped at the target"),
        "clamped at 0": translate("BonusSheet", "clamped at 0"),
        "division by zero: no data": translate("BonusSheet", "division by zero: no data"),
        "base equals norm: invalid row": translate("BonusSheet", "base equals norm: invalid row"),
        "capped at the maximum": translate("BonusSheet", "capped at the maximum"),
        "per-indicator payout": translate("BonusSheet", "per-indicator payout"),
        "no payout steps": translate("BonusSheet", "no payout steps"),
    }
    return notes.get(note, note)


def explanation_text(explanation: Explanation | None) -> str:
    """The formula and the translated note in one line (``—`` when there is none)."""
    if explanation is None:
        return "—"
    if explanation.note:
        return f"{explanation.formula} ({note_text(explanation.note)})"
    return explanation.formula


def payout_rule(schedule: PayoutSchedule, lang: str = "ru") -> str:
    """The payout schedule in words, e.g. "below 80% — no bonus; from 80% the bonus is the
    target bonus × KPI, at most 150%"."""
    if schedule.kind is PayoutKind.STEPS:
        steps = sorted(schedule.steps)
        if not steps:
            rule = translate("BonusSheet", "no payout steps are set: no bonus")
        else:
            parts = [
                translate("BonusSheet", "below %1 — no bonus").replace(
                    "%1", share(steps[0].threshold, lang)
                )
            ]
            for step in steps:
                parts.append(
                    translate("BonusSheet", "from %1 — the target bonus × %2")
                    .replace("%1", share(step.threshold, lang))
                    .replace("%2", format_number(step.coefficient, None, lang=lang))
                )
            rule = translate("BonusSheet", "Steps: %1").replace("%1", "; ".join(parts))
    else:
        threshold = share(schedule.threshold, lang)
        if schedule.cap is not None:
            rule = (
                translate(
                    "BonusSheet",
                    "below %1 — no bonus; from %1 the bonus is the target bonus × KPI, at most %2",
                )
                .replace("%1", threshold)
                .replace("%2", share(schedule.cap, lang))
            )
        else:
            rule = translate(
                "BonusSheet",
                "below %1 — no bonus; from %1 the bonus is the target bonus × KPI, no upper limit",
            ).replace("%1", threshold)
        rule = rule[:1].upper() + rule[1:]
    if schedule.per_indicator:
        rule = (
            translate(
                "BonusSheet",
                "Per-indicator payout: each indicator pays its share of the target bonus "
                "(target bonus × weight) by its own index, and the bonus is the sum of the "
                "shares. For each index: %1",
            ).replace("%1", rule[:1].lower() + rule[1:])
        ).replace("KPI", translate("BonusSheet", "index"))
    return rule + "."


def missing_text(result: EmployeeResult) -> str:
    """What keeps the matrix incomplete: ``no fact: NPS`` / ``no KPI matrix`` /
    ``errors in the matrix``."""
    if result.missing == ("matrix",):
        return translate("BonusSheet", "no KPI matrix")
    if result.missing:
        names = []
        for code in result.missing:
            row = next((r for r in result.rows if r.row.indicator == code), None)
            names.append(row.indicator.name if row and row.indicator else code)
        return translate("BonusSheet", "no fact: %1").replace("%1", ", ".join(names))
    return translate("BonusSheet", "errors in the matrix")


def status_text(result: EmployeeResult, locked: bool) -> str:
    """``complete`` / ``no fact: NPS`` and ``, period locked`` when it is."""
    text = translate("BonusSheet", "complete") if result.pay is not None else missing_text(result)
    return text + (translate("BonusSheet", ", period locked") if locked else "")

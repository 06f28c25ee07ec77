"""Words of the bonus sheet and the pay list: the payout rule in words, a period's title, an
employee's status ("нет факта: NPS" / locked), the explanations' notes, and numbers in the
Russian (or English) format from ``core.money``. Translatable through
``QCoreApplication.translate`` (context ``BonusSheet``), English source, Russian by default.

Must not: compute a number (every figure comes from ``core``'s results).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpidesk.core.money import HUNDRED, format_money, format_number, format_percent, round_to
from kpidesk.core.payout import PayoutKind, PayoutSchedule
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.results import EmployeeResult, Explanation, Status
from kpidesk.core.signoff import PaylistState, PaylistStep


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


def computed_fact(value: Decimal, lang: str = "ru") -> str:
    """A computed fact with its two decimals (``2,00``), so its rounding to 0,01 shows."""
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
    """A payout coefficient with three decimals, ``1,137`` — or with all of its own when it
    has more (a step's ``0,8333``), so that share × coefficient can be redone by hand."""
    exponent = value.normalize().as_tuple().exponent
    places = max(3, -exponent) if isinstance(exponent, int) else 3
    return format_number(value, places, lang=lang)


def incomplete_note(count: int, lang: str = "ru") -> str:
    """What the pay list's bonus and total leave out (SPEC §2.5): ``без 1 неполного
    расчёта`` / ``без 3 неполных расчётов``; empty when every sheet is complete.

    After «без» Russian puts the noun in the genitive: singular for 1, 21, 31, … (not 11),
    plural otherwise; English: singular for 1 only. ``lang`` picks the rule (the words
    follow the installed translator).
    """
    if count <= 0:
        return ""
    if lang == "ru":
        singular = count % 10 == 1 and count % 100 != 11
    else:
        singular = count == 1
    if singular:
        text = translate("BonusSheet", "without %1 incomplete sheet")
    else:
        text = translate("BonusSheet", "without %1 incomplete sheets")
    return text.replace("%1", str(count))


def computed_facts_rule() -> str:
    """The rule of SPEC §2.4 printed on the appendix."""
    return translate(
        "BonusSheet",
        "a computed fact (from daily data, tasks or period inputs) is rounded half up to "
        "0.01 of its unit before the index; a typed-in fact is used as typed",
    )


def note_text(note: str) -> str:
    """A core explanation's English note, translated."""
    notes = {
        "clamped at the target": translate("BonusSheet", "clamped at the target"),
        "clamped at 0": translate("BonusSheet", "clamped at 0"),
        "division by zero: no data": translate("BonusSheet", "division by zero: no data"),
        "base equals norm: invalid row": translate("BonusSheet", "base equals norm: invalid row"),
        "a fact of 0 is the best result: the cap": translate(
            "BonusSheet", "a fact of 0 is the best result: the cap"
        ),
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
                "rows' amounts. For each index: %1",
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
    complete = result.status is Status.COMPLETE
    text = translate("BonusSheet", "complete") if complete else missing_text(result)
    return text + (translate("BonusSheet", ", period locked") if locked else "")


def _day(stamp: str | None) -> str:
    """A stored UTC time as the local day, ``dd.mm.yyyy`` ("" when unknown)."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d.%m.%Y")
    except ValueError:
        return ""


def signoff_text(state: PaylistState) -> str:
    """Where the pay list stands and who signed it: "Ведомость: утверждена (проверил(а)
    Бух 02.12.2026; утвердил(а) Хозяин 02.12.2026)" (SPEC §7)."""
    steps = {
        PaylistStep.DRAFT: translate("BonusSheet", "draft"),
        PaylistStep.CHECKED: translate("BonusSheet", "checked"),
        PaylistStep.APPROVED: translate("BonusSheet", "approved"),
        PaylistStep.CLOSED: translate("BonusSheet", "closed"),
    }
    signed = []
    if state.checked_by and state.step is not PaylistStep.DRAFT:
        signed.append(
            translate("BonusSheet", "checked by %1 %2")
            .replace("%1", state.checked_by)
            .replace("%2", _day(state.checked_at))
            .strip()
        )
    if state.approved_by and state.step in (PaylistStep.APPROVED, PaylistStep.CLOSED):
        signed.append(
            translate("BonusSheet", "approved by %1 %2")
            .replace("%1", state.approved_by)
            .replace("%2", _day(state.approved_at))
            .strip()
        )
    text = translate("BonusSheet", "Pay list: %1").replace("%1", steps[state.step])
    if state.changed:
        text += " " + translate("BonusSheet", "(the results changed after it was signed)")
    if signed:
        text += " (" + "; ".join(signed) + ")"
    return text

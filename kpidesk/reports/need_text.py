"""'Что нужно' in words (SPEC §2.5): a row's needs from ``core.needs`` as sentences in the
indicator's unit — "До порога премии (KPI 80,0 %): ещё 12 400 ₽, факт 112 400 ₽" — for the
matrix editor (its cell, tooltip and panel) and the personal report, so both say the same.

The strings keep the translation context ``Needs``.

Must not: compute a need (``core.needs`` does) or use widgets.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kpidesk.core.money import NBSP, format_number, format_percent
from kpidesk.core.needs import FactNeed, NeedState, RowNeeds

# Every text of this module, marked for lupdate (``_t`` translates at run time).
_WORDS = (
    QT_TRANSLATE_NOOP("Needs", "%1 less"),
    QT_TRANSLATE_NOOP("Needs", "%1 more"),
    QT_TRANSLATE_NOOP("Needs", "a fact of %1"),
    QT_TRANSLATE_NOOP("Needs", "%1, a fact of %2"),
    QT_TRANSLATE_NOOP("Needs", "For index 100%: reached"),
    QT_TRANSLATE_NOOP("Needs", "For index 100%: %1"),
    QT_TRANSLATE_NOOP("Needs", "For index 100%: no fact gives it"),
    QT_TRANSLATE_NOOP("Needs", "to the threshold: %1"),
    QT_TRANSLATE_NOOP("Needs", "to KPI %2: %1"),
    QT_TRANSLATE_NOOP("Needs", "to 100%: %1"),
    QT_TRANSLATE_NOOP("Needs", "out of reach"),
    QT_TRANSLATE_NOOP("Needs", "all reached"),
    QT_TRANSLATE_NOOP("Needs", "To the payout threshold (KPI %1): %2"),
    QT_TRANSLATE_NOOP("Needs", "The payout threshold (KPI %1) is reached"),
    QT_TRANSLATE_NOOP("Needs", "The payout threshold (KPI %1) cannot be reached by this row alone"),
    QT_TRANSLATE_NOOP("Needs", "The payout threshold (KPI %1): known once every row has a fact"),
    QT_TRANSLATE_NOOP("Needs", "To the next payout step (KPI %1): %2"),
    QT_TRANSLATE_NOOP("Needs", "The next payout step (KPI %1) is reached"),
    QT_TRANSLATE_NOOP("Needs", "The next payout step (KPI %1) cannot be reached by this row alone"),
    QT_TRANSLATE_NOOP("Needs", "The next payout step (KPI %1): known once every row has a fact"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Needs", text)


def amount_text(value: Decimal, unit: str, lang: str) -> str:
    """A fact in the indicator's unit: ``12 400 ₽``, ``15,5%``, ``3 шт.``."""
    text = format_number(value, None, lang=lang)
    if unit == "%":  # as ``format_percent`` writes it: 24,5%
        return text + unit
    return f"{text}{NBSP}{unit}" if unit else text


def gap_text(need: FactNeed, unit: str, lang: str) -> str:
    """How far the needed fact is: ``ещё 12 400 ₽`` or ``на 2,4 меньше``."""
    gap = need.gap
    if gap is None:
        return ""
    if gap < 0:
        return _t("%1 less").replace("%1", amount_text(-gap, unit, lang))
    return _t("%1 more").replace("%1", amount_text(gap, unit, lang))


def _fact_part(need: FactNeed, unit: str, lang: str) -> str:
    assert need.fact is not None
    fact = amount_text(need.fact, unit, lang)
    if need.gap is None:
        return _t("a fact of %1").replace("%1", fact)
    return _t("%1, a fact of %2").replace("%1", gap_text(need, unit, lang)).replace("%2", fact)


def _aim_line(need: FactNeed, what: str, unit: str, lang: str) -> str:
    """One line about the threshold (``what`` = "threshold") or the next step."""
    kpi = format_percent(need.aim, 1, lang=lang)
    texts = {
        ("threshold", NeedState.NEEDED): "To the payout threshold (KPI %1): %2",
        ("threshold", NeedState.REACHED): "The payout threshold (KPI %1) is reached",
        (
            "threshold",
            NeedState.OUT_OF_REACH,
        ): "The payout threshold (KPI %1) cannot be reached by this row alone",
        (
            "threshold",
            NeedState.UNKNOWN,
        ): "The payout threshold (KPI %1): known once every row has a fact",
        ("step", NeedState.NEEDED): "To the next payout step (KPI %1): %2",
        ("step", NeedState.REACHED): "The next payout step (KPI %1) is reached",
        (
            "step",
            NeedState.OUT_OF_REACH,
        ): "The next payout step (KPI %1) cannot be reached by this row alone",
        (
            "step",
            NeedState.UNKNOWN,
        ): "The next payout step (KPI %1): known once every row has a fact",
    }
    line = _t(texts[(what, need.state)]).replace("%1", kpi)
    if need.state is NeedState.NEEDED:
        line = line.replace("%2", _fact_part(need, unit, lang))
    return line


def need_lines(needs: RowNeeds, unit: str, lang: str = "ru") -> list[str]:
    """The row's three needs, one sentence each (the step only when there is one)."""
    full = needs.full
    if full.state is NeedState.REACHED:
        lines = [_t("For index 100%: reached")]
    elif full.state is NeedState.NEEDED:
        lines = [_t("For index 100%: %1").replace("%1", _fact_part(full, unit, lang))]
    else:
        lines = [_t("For index 100%: no fact gives it")]
    if needs.threshold is not None:
        lines.append(_aim_line(needs.threshold, "threshold", unit, lang))
    if needs.step is not None:
        lines.append(_aim_line(needs.step, "step", unit, lang))
    return lines


def need_cell(needs: RowNeeds, unit: str, lang: str = "ru") -> str:
    """The grid cell: the nearest aim not yet reached — the threshold, else the next step,
    else index 100 % — with what it takes (``до порога: ещё 12 400 ₽``)."""
    for need, label in (
        (needs.threshold, _t("to the threshold: %1")),
        (needs.step, _t("to KPI %2: %1")),
        (needs.full, _t("to 100%: %1")),
    ):
        if need is None or need.state in (NeedState.REACHED, NeedState.UNKNOWN):
            continue
        label = label.replace("%2", format_percent(need.aim, 0, lang=lang))
        if need.state is NeedState.NEEDED and need.fact is not None:
            what = gap_text(need, unit, lang) if need.gap is not None else None
            return label.replace("%1", what or amount_text(need.fact, unit, lang))
        return label.replace("%1", _t("out of reach"))
    if needs.threshold is not None and needs.threshold.state is NeedState.UNKNOWN:
        return ""
    return _t("all reached")

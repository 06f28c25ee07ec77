"""A computed fact's breakdown (``core.fact_breakdown``) in words, for the matrix editor's
tooltip and the bonus sheet's appendix: «80 чеков / 300 посетителей = 26,67%»,
«3 (открыто 1, ждут приёмки 2)», «(97,62% + 95,90% + 97,11% + 95,34%) / 4 = 96,49%».

Operands print exactly as the core holds them (their own digits: counts, kopecks, typed
inputs), the fact with its two decimals, so the printed operands give the printed fact by
hand. Words are translatable (context ``Explain``, English source); a counted noun is one
translatable string of three forms ``"%1 receipt|%1 receipts|%1 receipts"`` (one | few |
many; Russian «%1 чек|%1 чека|%1 чеков»), picked by the language's plural rule.

Must not: compute a number (every figure comes from the breakdown).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpidesk.core.fact_breakdown import FactBreakdown, Operand, Operation, Quantity
from kpidesk.core.money import NBSP, format_number

MINUS = "\u2212"


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``, called with literal strings so lupdate finds them."""
    return QCoreApplication.translate(context, text)


def _nouns() -> dict[str, str]:
    """Operand name → its words with ``%1`` for the number (three forms for a count)."""
    return {
        "receipts": translate("Explain", "%1 receipt|%1 receipts|%1 receipts"),
        "visitors": translate("Explain", "%1 visitor|%1 visitors|%1 visitors"),
        "units": translate("Explain", "%1 unit sold|%1 units sold|%1 units sold"),
        "open": translate("Explain", "open %1"),
        "waiting": translate("Explain", "waiting for acceptance %1"),
        "on_time": translate(
            "Explain", "%1 accepted on time|%1 accepted on time|%1 accepted on time"
        ),
        "tasks": translate("Explain", "%1 task|%1 tasks|%1 tasks"),
        "impressions": translate("Explain", "%1 impression|%1 impressions|%1 impressions"),
        "clicks": translate("Explain", "%1 click|%1 clicks|%1 clicks"),
        "visits": translate("Explain", "%1 visit|%1 visits|%1 visits"),
        "conversions": translate("Explain", "%1 conversion|%1 conversions|%1 conversions"),
        "leads": translate("Explain", "%1 lead|%1 leads|%1 leads"),
        "orders": translate("Explain", "%1 order|%1 orders|%1 orders"),
        "customers": translate("Explain", "%1 customer|%1 customers|%1 customers"),
        "bounces": translate("Explain", "%1 bounce|%1 bounces|%1 bounces"),
        "deals": translate("Explain", "%1 deal|%1 deals|%1 deals"),
        "actual_clients": translate(
            "Explain", "%1 client who bought|%1 clients who bought|%1 clients who bought"
        ),
        "potential_clients": translate(
            "Explain", "%1 potential client|%1 potential clients|%1 potential clients"
        ),
        "orders_shipped": translate(
            "Explain", "%1 order shipped|%1 orders shipped|%1 orders shipped"
        ),
        "orders_declared": translate(
            "Explain", "%1 order declared|%1 orders declared|%1 orders declared"
        ),
        "lines_shipped": translate("Explain", "%1 line shipped|%1 lines shipped|%1 lines shipped"),
        "lines_declared": translate(
            "Explain", "%1 line declared|%1 lines declared|%1 lines declared"
        ),
        "units_shipped": translate("Explain", "%1 unit shipped|%1 units shipped|%1 units shipped"),
        "units_declared": translate(
            "Explain", "%1 unit declared|%1 units declared|%1 units declared"
        ),
        "money_shipped": translate("Explain", "shipped for %1"),
        "money_declared": translate("Explain", "declared for %1"),
        "days": translate("Explain", "%1 day|%1 days|%1 days"),
    }


def plural_form(value: Decimal, forms: str, lang: str) -> str:
    """The form of ``forms`` (``one|few|many``) that goes with ``value``: Russian 1, 21 →
    one; 2–4, 22–24 → few; 5–20, 11–14 → many; a fraction → few (2,5 чека); English: 1 →
    one, else many. A single form is used for every number."""
    parts = forms.split("|")
    if len(parts) < 3:
        return parts[0]
    if value != value.to_integral_value():
        return parts[1] if lang == "ru" else parts[2]
    n = abs(int(value))
    if lang != "ru":
        return parts[0] if n == 1 else parts[2]
    if n % 10 == 1 and n % 100 != 11:
        return parts[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return parts[1]
    return parts[2]


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _number(value: Decimal, lang: str) -> str:
    """A value with its own digits, or with two decimals when it has one or two (kopecks,
    a printed percentage: ``890 541,50``, ``95,90``)."""
    places = _places(value)
    if places == 0:
        return format_number(value, 0, lang=lang)
    return format_number(value, max(2, places), lang=lang)


def _signed(text: str) -> str:
    return f"({text})" if text.startswith(("-", MINUS)) else text


def _with_unit(text: str, value: Decimal, quantity: Quantity, lang: str) -> str:
    if quantity is Quantity.MONEY:
        return f"{text}{NBSP}₽"
    if quantity is Quantity.PERCENT:
        return f"{text}%"
    if quantity is Quantity.DAYS:
        return plural_form(value, _nouns()["days"], lang).replace("%1", text)
    return text


def operand_text(operand: Operand, lang: str = "ru") -> str:
    """One operand as printed: «80 чеков», «2 908 990 ₽», «95,90%», «отгружено на 5 000 ₽»."""
    number = _signed(_number(operand.value, lang))
    words = _nouns().get(operand.name)
    if operand.quantity is Quantity.COUNT and words is not None:
        return plural_form(operand.value, words, lang).replace("%1", number)
    shown = _with_unit(number, operand.value, operand.quantity, lang)
    if words is not None and "|" not in words:
        return words.replace("%1", shown)
    return shown


def fact_text(fact: Decimal, quantity: Quantity, lang: str = "ru") -> str:
    """The fact as the sheet prints a computed fact: two decimals (``26,67%``,
    ``2 908,99 ₽``); a count summed or counted with its own digits (``3``)."""
    if quantity is Quantity.COUNT:
        text = _number(fact, lang)
    else:
        text = format_number(fact, 2, lang=lang)
    return _with_unit(_signed(text), fact, quantity, lang)


def breakdown_text(found: FactBreakdown, lang: str = "ru") -> str:
    """The breakdown as one formula, e.g. «80 чеков / 300 посетителей = 26,67%»."""
    parts = [operand_text(operand, lang) for operand in found.operands]
    operation = found.operation
    if operation is Operation.TOTAL:
        if found.fact is None:
            return translate("Explain", "no data")
        note = (
            translate("Explain", "the sum of the period's daily rows")
            if found.operands[0].name == "daily_total"
            else translate("Explain", "as entered for the period")
        )
        return f"{fact_text(found.fact, found.quantity, lang)} ({note})"
    if operation is Operation.SUM:
        total = fact_text(found.fact, found.quantity, lang) if found.fact is not None else "—"
        return f"{total} ({', '.join(parts)})"
    if operation is Operation.MEAN:
        formula = f"({' + '.join(parts)}) / {len(parts)}"
    elif operation is Operation.MARGIN:
        formula = f"({parts[0]} {MINUS} {parts[1]}) / {parts[1]}"
    elif operation is Operation.DIFFERENCE:
        formula = f"{parts[0]} {MINUS} {parts[1]}"
    else:
        formula = f"{parts[0]} / {parts[1]}"
    if found.fact is None:
        return translate("Explain", "%1: division by zero, no data").replace("%1", formula)
    text = f"{formula} = {fact_text(found.fact, found.quantity, lang)}"
    if found.partial and found.days is not None and found.range_days is not None:
        text += " " + (
            translate("Explain", "(a plan covers %1 of the %2 days of the range)")
            .replace("%1", str(found.days))
            .replace("%2", str(found.range_days))
        )
    return text


def fact_line(name: str, found: FactBreakdown, lang: str = "ru") -> str:
    """«Конверсия: 80 чеков / 300 посетителей = 26,67%»."""
    return f"{name}: {breakdown_text(found, lang)}"

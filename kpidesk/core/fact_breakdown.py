"""What a computed fact was computed from, as data (issue 18; SPEC §2.5 "every computed
number can be explained"): the operands as printed and the operation that joins them, so
that an explanation reads «Конверсия: 80 чеков / 300 посетителей = 26,67%» and a person
with a calculator gets the printed fact.

The rule that holds every breakdown: **the printed operands, joined by the operation and
rounded half up to 0,01 (the step of a computed fact, SPEC §2.4), give the printed fact.**
An operand is printed exactly when it has at most two decimals (counts, kopecks, typed
inputs — nearly every case); one with more (a month's plan prorated to 4 of its 31 days)
is printed to 0,01 and, should that change the result, with as many more digits as it
takes for the quotient to give the fact again (:func:`breakdown`).

Rendering to words is the reports' business (``reports.fact_breakdown_text``); this
module only says which quantity each operand is (its ``name``, e.g. ``"receipts"``) and
what kind of number it is (:class:`Quantity`).

Must not: read storage, know about Qt, or use floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from kpidesk.core.money import HUNDRED, round_to, safe_div, unsigned_zero

FACT_STEP = Decimal("0.01")  # a computed fact's step (SPEC §2.4), as ``sources.COMPUTED_FACT_STEP``
_MAX_PLACES = 30  # past this an operand prints with all of its digits


class Operation(Enum):
    """How the operands give the fact."""

    QUOTIENT = "quotient"  # a / b
    PERCENT = "percent"  # a / b × 100
    MARGIN = "margin"  # (a − b) / b × 100 (ROMI)
    DIFFERENCE = "difference"  # a − b (NPS)
    MEAN = "mean"  # (a + b + …) / n (the integrated warehouse KPI)
    SUM = "sum"  # a + b + … (open at close: open + waiting for acceptance)
    TOTAL = "total"  # a single Σ of the range's rows, or an input as entered


class Quantity(Enum):
    """What kind of number an operand or a fact is, for printing."""

    COUNT = "count"  # receipts, visitors, tasks: a noun with the number
    MONEY = "money"  # rubles
    PERCENT = "percent"  # already in percent (26.67 = 26,67 %)
    DAYS = "days"
    NUMBER = "number"  # a plain ratio (units per receipt)


@dataclass(frozen=True)
class Operand:
    """One value a fact was computed from, as printed.

    Attributes:
        name: what it is (``"receipts"``, ``"visitors"``, ``"revenue"``, ``"plan"``,
            ``"open"``, an input's name such as ``"clicks"``); the reports word it.
        value: the value as printed — exact unless it had more than two decimals.
        quantity: how it prints (a counted noun, rubles, percent, …).
    """

    name: str
    value: Decimal
    quantity: Quantity


@dataclass(frozen=True)
class FactBreakdown:
    """A computed fact and the operands it came from.

    Attributes:
        operation: how the operands give the fact.
        operands: the operands as printed, in formula order.
        fact: the fact as used (rounded to 0,01), or ``None`` when the operation divides
            by zero ("no data").
        quantity: the fact's kind (money, percent, a count, …).
        days: the days the fact covers when the reader must know (plan completion over
            a range a plan covers in part: the covered days), else ``None``.
        range_days: the days of the range, with ``days``.
    """

    operation: Operation
    operands: tuple[Operand, ...]
    fact: Decimal | None
    quantity: Quantity
    days: int | None = None
    range_days: int | None = None

    @property
    def partial(self) -> bool:
        """Whether ``days`` covers only part of the range."""
        return self.days is not None and self.range_days is not None and self.days < self.range_days


def evaluate(operation: Operation, values: Sequence[Decimal]) -> Decimal | None:
    """The operation on ``values``, exact (``None``: a division by zero).

    The order of the arithmetic is the metric modules' own (a ratio first, then × 100), so
    that the exact operands give exactly the metric those modules compute."""
    if operation is Operation.TOTAL:
        return values[0]
    if operation is Operation.SUM:
        return sum(values, Decimal(0))
    if operation is Operation.MEAN:
        return sum(values, Decimal(0)) / len(values) if values else None
    top, bottom = values[0], values[1]
    if operation is Operation.DIFFERENCE:
        return top - bottom
    if operation is Operation.MARGIN:
        ratio = safe_div(top - bottom, bottom)
        return ratio * HUNDRED if ratio is not None else None
    ratio = safe_div(top, bottom)
    if ratio is None:
        return None
    return ratio * HUNDRED if operation is Operation.PERCENT else ratio


def printed_fact(operation: Operation, values: Sequence[Decimal]) -> Decimal | None:
    """What a calculator gives from the printed ``values``, rounded to 0,01 half up."""
    exact = evaluate(operation, values)
    return None if exact is None else round_to(exact, FACT_STEP)


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _long(value: Decimal) -> bool:
    """Whether ``value`` has more than two decimals (:func:`_places` > 2); most operands
    (counts, kopecks) are told by their exponent alone, without normalizing."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return False  # normalizing only removes decimals
    return _places(value) > 2


def breakdown(
    operation: Operation,
    operands: Sequence[tuple[str, Decimal, Quantity]],
    quantity: Quantity,
    *,
    days: int | None = None,
    range_days: int | None = None,
) -> FactBreakdown:
    """The breakdown of a fact computed by ``operation`` from exact ``operands``.

    The fact is the exact result rounded to 0,01. An operand with more than two decimals is
    printed to 0,01, then with one more digit at a time until the printed operands give
    the fact again (past thirty decimals it prints with all of its digits).

    Args:
        operation: how the operands give the fact.
        operands: ``(name, exact value, quantity)`` in formula order.
        quantity: the fact's kind.
        days: the covered days (plan completion), if the reader must know.
        range_days: the days of the range, with ``days``.
    """
    exact_values = [value for _, value, _ in operands]
    exact = evaluate(operation, exact_values)
    fact = None if exact is None else round_to(exact, FACT_STEP)
    shown = list(exact_values)
    long = [i for i, value in enumerate(exact_values) if _long(value)]
    places = 2
    while long:
        if places > _MAX_PLACES:
            shown = list(exact_values)  # all of their digits: the exact quotient
            break
        for i in long:
            shown[i] = round_to(exact_values[i], Decimal(1).scaleb(-places))
        if printed_fact(operation, shown) == fact:
            break
        places += 1
    return FactBreakdown(
        operation,
        tuple(
            Operand(name, unsigned_zero(value), kind)
            for (name, _, kind), value in zip(operands, shown, strict=True)
        ),
        fact,
        quantity,
        days,
        range_days,
    )


def recomputed(fact_breakdown: FactBreakdown) -> Decimal | None:
    """The fact recomputed from the printed operands (what a person with a calculator
    gets); equals ``fact_breakdown.fact`` for every breakdown :func:`breakdown` builds."""
    return printed_fact(
        fact_breakdown.operation, [operand.value for operand in fact_breakdown.operands]
    )

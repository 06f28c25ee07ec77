"""A matrix row's index and the KPI, with explanations (SPEC §2.4).

Holds the three index methods (``scale``, ``ratio``, ``binary``), their clamps, the weighted
index, the exact and rounded KPI, and the formula strings that explain each number. An index
is kept unrounded (Decimal, default context precision); the KPI is rounded to 0.1 % with
:func:`money.round_kpi` before it is used for pay.

**How the KPI's explanation adds up** (issue 18; SPEC §2.5 "every explanation shows the
amounts exactly as they are rounded and summed"): the KPI is the exact Σ weight × index,
printed to 0,1 %. Its explanation prints each term (weight × index) to 0,01 % and then
their sum and the KPI: «13,99% + 30,00% + 12,00% + 20,00% = 75,99% → 76,0%». The terms are
each rounded down or up to 0,01 % by the largest-remainder method (:func:`kpi_terms`), so
that they add up exactly to the printed sum, and that sum is the exact KPI rounded half up
to 0,01 % — or, where that would round to a different 0,1 % than the KPI (an exact
75,9496… is 75,95 → 76,0 but the KPI is 75,9), rounded down to 0,01 %. So the printed
terms sum to the printed sum, and the printed sum rounds half up to the printed KPI.

Must not: read facts, know about employees or pay, raise on a division by zero (that is
``None``, "no data"), or use floats.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from functools import lru_cache

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.money import (
    KPI_STEP,
    ONE,
    ZERO,
    format_number,
    format_percent,
    round_kpi,
    round_to,
)
from kpidesk.core.results import Explanation

MINUS = "\u2212"
TIMES = "\u00d7"
NOTE_TARGET = "clamped at the target"
NOTE_ZERO = "clamped at 0"
NOTE_NO_DATA = "division by zero: no data"
NOTE_INVALID = "base equals norm: invalid row"
NOTE_BEST = "a fact of 0 is the best result: the cap"


@lru_cache(maxsize=4096)
def number_text(value: Decimal) -> str:
    """A value as typed in a formula: Russian format, its own digits, negatives in brackets."""
    text = format_number(value, None)
    return f"({text})" if value < 0 else text


def fact_number_text(value: Decimal, places: int | None) -> str:
    """A fact as printed: :func:`number_text`, or with ``places`` decimals."""
    if places is None:
        return number_text(value)
    text = format_number(value, places)
    return f"({text})" if text.startswith(MINUS) else text


@lru_cache(maxsize=4096)
def percent_text(ratio: Decimal) -> str:
    """A ratio (1 = 100 %) as a percentage with one decimal: ``300,0%``."""
    return format_percent(ratio, 1)


class DeferredExplanation(Explanation):
    """An :class:`Explanation` whose text is built the first time it is read.

    A period's calculation explains thousands of numbers that are mostly never looked at;
    formatting them all would cost more than the calculation itself (SPEC §9: a period in
    ≤ 20 ms). It reads, compares, hashes and prints exactly like the plain explanation it
    stands for.
    """

    def __init__(
        self,
        formula: str | None = None,
        note: str | None = None,
        *,
        build: Callable[[], Explanation] | None = None,
    ) -> None:
        """Either ``build`` (called once, later) or ``formula``/``note`` (as the plain
        class; ``dataclasses.replace`` passes these)."""
        if build is None:
            plain = Explanation(formula or "", note)
            build = lambda: plain  # noqa: E731
        # Straight into the instance dictionary (the class is frozen): thousands per period.
        self.__dict__.update(_build=build, _built=None)

    def _explanation(self) -> Explanation:
        built: Explanation | None = self.__dict__["_built"]
        if built is None:
            built = self.__dict__["_build"]()
            object.__setattr__(self, "_built", built)
        return built

    @property
    def formula(self) -> str:
        """The formula with the values substituted."""
        return self._explanation().formula

    @property
    def note(self) -> str | None:
        """The optional remark."""
        return self._explanation().note

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Explanation):
            return NotImplemented
        return (self.formula, self.note) == (other.formula, other.note)

    def __hash__(self) -> int:
        return hash((self.formula, self.note))

    def __repr__(self) -> str:
        return f"Explanation(formula={self.formula!r}, note={self.note!r})"


_new_object = object.__new__
_set_attribute = object.__setattr__


def deferred(build: Callable[[], Explanation]) -> DeferredExplanation:
    """``DeferredExplanation(build=build)``, faster (the instance dictionary in one step:
    a period's calculation makes over a thousand of them)."""
    item = _new_object(DeferredExplanation)
    _set_attribute(item, "__dict__", {"_build": build, "_built": None})
    return item


@dataclass(frozen=True)
class IndexOutcome:
    """An index before and after clamping, and why it was clamped.

    Attributes:
        raw: the formula's value before clamping.
        index: the value after clamping (what the KPI uses).
        note: ``NOTE_TARGET`` / ``NOTE_ZERO`` when clamped, ``NOTE_BEST`` for a
            lower-is-better ratio row at fact 0 (the cap), else ``None``.
    """

    raw: Decimal
    index: Decimal
    note: str | None


def index_ceiling(row: MatrixRow, method: IndexMethod) -> Decimal | None:
    """The highest index the row can give (its target), or ``None`` when unbounded.

    Scale: ``(target − base)/(norm − base)``; ratio: ``target/norm`` (lower is better:
    ``norm/target``); binary: 1. ``None`` also when the ceiling would divide by zero.
    """
    if method is IndexMethod.BINARY:
        return ONE
    if row.target is None:
        return None
    if method is IndexMethod.SCALE:
        base = row.base if row.base is not None else ZERO
        if row.norm == base:
            return None
        return (row.target - base) / (row.norm - base)
    if row.lower_is_better:
        return row.norm / row.target if row.target > 0 else None
    return row.target / row.norm if row.norm != 0 else None


def _clamp(raw: Decimal, ceiling: Decimal | None) -> IndexOutcome:
    if ceiling is not None and raw > ceiling:
        return IndexOutcome(raw, max(ceiling, ZERO), NOTE_TARGET)
    if raw < 0:
        return IndexOutcome(raw, ZERO, NOTE_ZERO)
    return IndexOutcome(raw, raw, None)


def index_outcome(row: MatrixRow, fact: Decimal, method: IndexMethod) -> IndexOutcome | None:
    """The row's index for ``fact`` with its clamping, or ``None`` when it cannot be computed
    (base equals norm for ``scale``, a zero denominator for ``ratio``).

    A lower-is-better ``ratio`` row at fact 0 gets its cap ``norm / target`` (no complaints
    is the best result, SPEC §2.4); without a target it has no cap and gives ``None`` (such
    a row is refused by ``validate_matrix_row``)."""
    if method is IndexMethod.BINARY:
        reached = fact <= row.norm if row.lower_is_better else fact >= row.norm
        value = ONE if reached else ZERO
        return IndexOutcome(value, value, None)
    if method is IndexMethod.SCALE:
        base = row.base if row.base is not None else ZERO
        if row.norm == base:
            return None
        raw = (fact - base) / (row.norm - base)
    elif row.lower_is_better:
        if fact == 0:
            # the best possible result (SPEC §2.7): the cap; a row without a (positive)
            # target has no cap and is refused as invalid when saved or imported
            ceiling = index_ceiling(row, method)
            if ceiling is None:
                return None
            return IndexOutcome(ceiling, ceiling, NOTE_BEST)
        raw = row.norm / fact
    else:
        if row.norm == 0:
            return None
        raw = fact / row.norm
    return _clamp(raw, index_ceiling(row, method))


def index_for(row: MatrixRow, fact: Decimal, method: IndexMethod) -> Decimal | None:
    """The index of a matrix row for a fact (1 = the norm reached), unrounded.

    Args:
        row: the matrix row (weight, base, norm, target).
        fact: what was achieved in the period.
        method: the indicator's index method.

    Returns:
        The clamped index, or ``None`` when it cannot be computed (``scale`` with base equal
        to norm; ``ratio`` dividing by zero).
    """
    outcome = index_outcome(row, fact, method)
    return outcome.index if outcome is not None else None


def explain_index(row: MatrixRow, fact: Decimal, method: IndexMethod) -> Explanation:
    """The index formula with the values put in, e.g.
    ``(200 000 − 50 000) / (100 000 − 50 000) = 300,0%``.

    Args:
        row: the matrix row.
        fact: the fact.
        method: the index method.

    Returns:
        The explanation; its note says when the index was clamped or could not be computed.
    """
    return explain_outcome(row, fact, method, index_outcome(row, fact, method))


def explain_outcome(
    row: MatrixRow,
    fact: Decimal,
    method: IndexMethod,
    outcome: IndexOutcome | None,
    *,
    fact_places: int | None = None,
) -> Explanation:
    """:func:`explain_index` for an outcome already computed by :func:`index_outcome`.

    ``fact_places`` prints the fact with that many decimals (a computed fact: 2, so that
    its rounding to 0,01 shows: ``2,00``); ``None`` keeps the fact's own digits."""
    f, n = fact_number_text(fact, fact_places), number_text(row.norm)
    if method is IndexMethod.BINARY:
        value = outcome.index if outcome is not None else ZERO
        if row.lower_is_better:
            sign = "\u2264" if value == ONE else ">"
        else:
            sign = "\u2265" if value == ONE else "<"
        return Explanation(f"{f} {sign} {n} \u2192 {percent_text(value)}")
    if method is IndexMethod.SCALE:
        b = number_text(row.base if row.base is not None else ZERO)
        formula = f"({f} {MINUS} {b}) / ({n} {MINUS} {b})"
        missing_note = NOTE_INVALID
    else:
        formula = f"{n} / {f}" if row.lower_is_better else f"{f} / {n}"
        missing_note = NOTE_NO_DATA
    if outcome is None:
        return Explanation(formula, missing_note)
    if outcome.note == NOTE_BEST and row.target is not None:
        # fact 0: the cap, computed from the values the row holds (norm / target)
        cap = f"{n} / {number_text(row.target)} = {percent_text(outcome.index)}"
        return Explanation(f"{f} \u2192 {cap}", NOTE_BEST)
    if outcome.note is None:
        return Explanation(f"{formula} = {percent_text(outcome.index)}")
    shown = f"{formula} = {percent_text(outcome.raw)} \u2192 {percent_text(outcome.index)}"
    return Explanation(shown, outcome.note)


def weighted_index(row: MatrixRow, index: Decimal) -> Decimal:
    """``weight × index``, exact."""
    return row.weight * index


def explain_weighted(row: MatrixRow, index: Decimal) -> Explanation:
    """``0,3 × 300,0% = 90,0%``."""
    value = weighted_index(row, index)
    return Explanation(
        f"{number_text(row.weight)} {TIMES} {percent_text(index)} = {percent_text(value)}"
    )


def kpi_exact(weighted: Sequence[Decimal]) -> Decimal:
    """``Σ weight_i × index_i``, exact (not rounded)."""
    return sum(weighted, ZERO)


def kpi_rounded(weighted: Sequence[Decimal]) -> Decimal:
    """The KPI rounded to 0.1 % (0.001) half up: the number pay is computed from."""
    return round_kpi(kpi_exact(weighted))


TERM_STEP = Decimal("0.0001")  # a KPI term as its explanation prints it: 0,01 %


def kpi_terms(weighted: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """The weighted indices as the KPI's explanation prints them, to 0,01 %: each rounded
    down or up (largest remainder, ties to the earlier row) so that they add up exactly to
    the exact KPI rounded half up to 0,01 % — or down to 0,01 % where the half-up sum would
    round to another 0,1 % than the KPI. The printed terms then sum to a figure that
    rounds half up to the printed KPI (see the module docstring)."""
    if not weighted:
        return ()
    exact = kpi_exact(weighted)
    total = round_to(exact, TERM_STEP)
    if round_to(total, KPI_STEP) != round_kpi(exact):
        total = exact.quantize(TERM_STEP, rounding=ROUND_FLOOR)
    floors = [value.quantize(TERM_STEP, rounding=ROUND_FLOOR) for value in weighted]
    up = int((total - sum(floors, ZERO)) / TERM_STEP)
    order = sorted(range(len(weighted)), key=lambda i: (-(weighted[i] - floors[i]), i))
    raised = {i for i in order[:up] if weighted[i] != floors[i]}
    return tuple(floor + TERM_STEP if i in raised else floor for i, floor in enumerate(floors))


def explain_kpi(weighted: Sequence[Decimal]) -> Explanation:
    """``13,99% + 30,00% + 12,00% + 20,00% = 75,99% → 76,0%``: the terms of
    :func:`kpi_terms`, their sum and the KPI rounded to 0,1 %."""
    terms = kpi_terms(weighted)
    if not terms:
        return Explanation(f"{format_percent(ZERO, 2)} → {percent_text(ZERO)}")
    total = sum(terms, ZERO)
    shown = " + ".join(format_percent(term, 2) for term in terms)
    return Explanation(
        f"{shown} = {format_percent(total, 2)} → {percent_text(kpi_rounded(weighted))}"
    )

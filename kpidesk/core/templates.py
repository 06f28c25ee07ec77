"""KPI templates (issue 14, item 2): ready matrices for the typical positions of a small shop
or trading business, taken from the practice of the seeds (SPEC §2.3–§2.7, §2.10): 4–7
measurable indicators a position, weights summing to exactly 100 %, the main indicator the
heaviest, base/norm/target given as shares of the store's revenue plan or of the last six
periods (seed 001: "+20 % to the average"), or as the usual fixed levels where a share
makes no sense (plan completion 80/100/120 %, fulfilment 90/98/100 %).

A template is data, not a matrix: :func:`resolve_levels` turns one indicator's levels into
numbers for a given plan and history. Matching template indicators to the company's own,
reading the plan and the history, and saving belong to ``services.kpi_templates``.

The descriptions are in Russian on purpose: they become the company's indicator names and
the owner reads them in the template picker as they are (like the demo company's data).

The library itself, the six templates, is data in ``core.template_library``.

Must not: read storage, know about Qt, or compute an index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from kpidesk.core.indicators import IndexMethod, Source
from kpidesk.core.money import round_to


class Basis(Enum):
    """What a template indicator's levels are measured against."""

    FIXED = "fixed"  # the levels are the values themselves
    PLAN = "plan"  # shares of the store's revenue plan for the period
    HISTORY = "history"  # shares of the mean fact of the last six periods


@dataclass(frozen=True)
class Levels:
    """Base, norm and target: values (``FIXED``) or shares (``PLAN``, ``HISTORY``).

    ``fallback`` (fixed values) is used when there is no plan or history; without it the
    owner types the numbers in. A base above the norm means lower is better.
    """

    basis: Basis
    base: Decimal | None
    norm: Decimal
    target: Decimal | None
    fallback: tuple[Decimal | None, Decimal, Decimal | None] | None = None


@dataclass(frozen=True)
class TemplateIndicator:
    """One row of a template: the indicator to use (or create) and its suggested values."""

    code: str  # the code given to the indicator when the company has none like it
    name: str
    description: str
    unit: str
    source: str  # a source text ``Source.parse`` reads (``manual``, ``store:conversion``)
    method: IndexMethod
    weight: Decimal
    levels: Levels

    @property
    def parsed_source(self) -> Source:
        """The source as the calculation reads it."""
        return Source.parse(self.source)


@dataclass(frozen=True)
class KpiTemplate:
    """A ready matrix for one position."""

    key: str
    position: str
    description: str
    indicators: tuple[TemplateIndicator, ...]

    @property
    def weight_sum(self) -> Decimal:
        """Σ weights (exactly 1 for every template in the library)."""
        return sum((i.weight for i in self.indicators), Decimal(0))


class Origin(Enum):
    """Where a resolved row's numbers came from."""

    FIXED = "fixed"
    PLAN = "plan"
    HISTORY = "history"
    TYPICAL = "typical"  # the template's usual values: no plan or history to go by
    NONE = "none"  # nothing to go by: the owner types them in


@dataclass(frozen=True)
class ResolvedLevels:
    """A template row's numbers for one owner and period (``norm`` ``None``: to type in)."""

    base: Decimal | None
    norm: Decimal | None
    target: Decimal | None
    origin: Origin
    reference: Decimal | None = None  # the plan or the mean the shares were taken of


D = Decimal


def _step(reference: Decimal) -> Decimal:
    """How finely a suggested value is rounded: whole units from a thousand (roubles),
    tenths from ten (percents), hundredths below (items per receipt)."""
    if reference >= 1000:
        return D(1)
    return D("0.1") if reference >= 10 else D("0.01")


def _times(share: Decimal | None, reference: Decimal) -> Decimal | None:
    return None if share is None else round_to(share * reference, _step(reference))


def resolve_levels(
    indicator: TemplateIndicator, plan: Decimal | None, history: Sequence[Decimal]
) -> ResolvedLevels:
    """The row's base, norm and target for a store plan and past facts.

    Args:
        indicator: the template row.
        plan: the store's revenue plan for the period (``None``: no plan).
        history: the indicator's facts over the last six periods, oldest first.

    Returns:
        The values and where they came from. A plan or history that would make base equal
        norm (a mean of 0) is not used: the fallback is.
    """
    levels = indicator.levels
    if levels.basis is Basis.FIXED:
        return ResolvedLevels(levels.base, levels.norm, levels.target, Origin.FIXED)
    reference: Decimal | None = None
    origin = Origin.PLAN
    if levels.basis is Basis.PLAN and plan is not None and plan > 0:
        reference = plan
    elif history:
        recent = list(history)[-6:]
        reference, origin = sum(recent, D(0)) / len(recent), Origin.HISTORY
    if reference is not None and reference > 0:
        base = _times(levels.base, reference)
        norm = _times(levels.norm, reference)
        if norm is not None and base != norm:
            target = _times(levels.target, reference)
            return ResolvedLevels(base, norm, target, origin, round_to(reference, D("0.01")))
    if levels.fallback is not None:
        base, norm, target = levels.fallback
        return ResolvedLevels(base, norm, target, Origin.TYPICAL)
    return ResolvedLevels(None, None, None, Origin.NONE)


def template(key: str) -> KpiTemplate | None:
    """The template with this key in the library (``core.template_library``), or ``None``."""
    from kpidesk.core.template_library import TEMPLATES

    for found in TEMPLATES:
        if found.key == key:
            return found
    return None

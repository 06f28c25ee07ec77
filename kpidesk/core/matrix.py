"""KPI matrices: rows of indicator, weight, base, norm, target (SPEC §2.4) and which matrix
is in force for an employee in a period.

A matrix belongs to a position (the template for everyone in it) or to one employee (an
override) and takes effect from its period: it stays in force for later periods until a
newer matrix for the same owner replaces it, so an owner does not re-type an unchanged
matrix every month. An employee's override wins over the position's template.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from kpidesk.core.periods import Period


@dataclass(frozen=True)
class MatrixRow:
    """One row of a matrix. ``base`` may be empty for the ratio and binary methods (then
    higher is better); ``target`` empty means no upper clamp."""

    indicator: str  # indicator code
    weight: Decimal
    base: Decimal | None
    norm: Decimal
    target: Decimal | None = None

    @property
    def lower_is_better(self) -> bool:
        """A base above the norm means the indicator improves as it falls."""
        return self.base is not None and self.base > self.norm


@dataclass(frozen=True)
class Matrix:
    """A matrix for a position (template) or an employee (override), from a period on."""

    period: Period
    rows: tuple[MatrixRow, ...] = field(default_factory=tuple)
    position: str | None = None
    employee: str | None = None

    @property
    def owner(self) -> str:
        """The position or employee the matrix belongs to."""
        return self.employee if self.employee is not None else (self.position or "")

    @property
    def weight_sum(self) -> Decimal:
        """Σ weights (must be exactly 1)."""
        return sum((row.weight for row in self.rows), Decimal(0))


def matrix_in_force(
    matrices: Iterable[Matrix], employee: str, position: str, period: Period
) -> Matrix | None:
    """The matrix that applies to ``employee`` (holding ``position``) in ``period``.

    The employee's own override with the latest start not after the period's start wins;
    otherwise the position's template chosen the same way; ``None`` when there is neither.
    """
    best_override: Matrix | None = None
    best_template: Matrix | None = None
    for matrix in matrices:
        if matrix.period.start > period.start:
            continue
        if matrix.employee == employee:
            if best_override is None or matrix.period.start > best_override.period.start:
                best_override = matrix
        elif matrix.employee is None and matrix.position == position:
            if best_template is None or matrix.period.start > best_template.period.start:
                best_template = matrix
    return best_override or best_template

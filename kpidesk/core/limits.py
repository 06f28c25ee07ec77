"""The sane range of every number kpidesk accepts (SPEC §8): money up to 10¹² ₽, counts up
to 10⁹, never NaN or an infinity; ``-0`` becomes ``0``. Each layer that takes a number from
outside (an import, the command line, a service) checks it here, so a value that the GUI's
parser would never produce is still refused by the service.

Must not: know where the number came from beyond the ``Location`` it is given.
"""

from __future__ import annotations

from decimal import Decimal

from kpidesk.core.problems import Location, Problem, Severity

MAX_AMOUNT = Decimal(10) ** 12  # money (₽) and any other amount or fact
MAX_COUNT = 10**9  # receipts, visitors, units


def amount_problem(value: Decimal, where: Location) -> Problem | None:
    """Why ``value`` is not an acceptable amount, or ``None`` when it is."""
    if not value.is_finite():
        return Problem("not_a_number", "not a finite number", where, str(value), Severity.ERROR)
    if abs(value) > MAX_AMOUNT:
        return Problem(
            "number_too_large",
            f"beyond {MAX_AMOUNT:,} in absolute value",
            where,
            str(value),
            Severity.ERROR,
            (("limit", str(MAX_AMOUNT)),),
        )
    return None


def count_problem(value: int, where: Location) -> Problem | None:
    """Why ``value`` is not an acceptable count, or ``None`` when it is."""
    if abs(value) > MAX_COUNT:
        return Problem(
            "number_too_large",
            f"beyond {MAX_COUNT:,}",
            where,
            str(value),
            Severity.ERROR,
            (("limit", str(MAX_COUNT)),),
        )
    return None


def normal(value: Decimal) -> Decimal:
    """``value`` with a negative zero made plain zero (never printed as "−0")."""
    return value.copy_abs() if value.is_zero() else value

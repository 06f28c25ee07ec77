"""The organisation: stores, departments, positions and employees (SPEC §2.1).

Plain frozen dataclasses. Entities refer to each other by name (names are unique within a
company); the store layer maps names to database keys. No calculation lives here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kpidesk.core.periods import Period


@dataclass(frozen=True)
class Store:
    """A store (branch)."""

    name: str
    archived: bool = False


@dataclass(frozen=True)
class Department:
    """A department."""

    name: str
    archived: bool = False


@dataclass(frozen=True)
class Position:
    """A position (job title); a matrix template and a payout schedule can belong to it."""

    name: str
    archived: bool = False


@dataclass(frozen=True)
class Employee:
    """An employee: fixed pay (оклад) plus a target bonus paid in full at KPI = 100 %."""

    name: str
    position: str
    store: str | None = None
    department: str | None = None
    fixed_pay: Decimal = Decimal(0)
    target_bonus: Decimal = Decimal(0)
    start: date | None = None
    end: date | None = None
    archived: bool = False

    def works_in(self, period: Period) -> bool:
        """Whether the employee worked at least one day of the period."""
        if self.start is not None and self.start > period.end:
            return False
        return not (self.end is not None and self.end < period.start)

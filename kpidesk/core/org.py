"""The organisation: stores, departments, positions and employees (SPEC §2.1).

Plain frozen dataclasses. Entities refer to each other by name (names are unique within a
company); the store layer maps names to database keys. An employee's fixed pay and target
bonus are effective-dated: the amounts on the employee apply from the start, each
:class:`PayRate` from its period on (``Employee.in_period`` picks the one in force). No
calculation lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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


@dataclass(frozen=True, order=True)
class PayRate:
    """Monthly fixed pay and target bonus in force from a pay period on (a raise)."""

    start: Period
    fixed_pay: Decimal
    target_bonus: Decimal


@dataclass(frozen=True)
class Employee:
    """An employee: fixed pay (оклад) plus a target bonus paid in full at KPI = 100 %.

    ``fixed_pay`` and ``target_bonus`` are the amounts from the start; ``rates`` the later
    changes, earliest first (see :meth:`in_period`).
    """

    name: str
    position: str
    store: str | None = None
    department: str | None = None
    fixed_pay: Decimal = Decimal(0)
    target_bonus: Decimal = Decimal(0)
    start: date | None = None
    end: date | None = None
    archived: bool = False
    rates: tuple[PayRate, ...] = ()
    personnel_number: str | None = None  # табельный номер: unique ignoring case, optional

    def rate_in(self, period: Period) -> PayRate | None:
        """The pay change in force in ``period`` (the latest starting not after it), or
        ``None`` when the amounts from the start apply."""
        found: PayRate | None = None
        for rate in self.rates:
            if rate.start.start <= period.start and (
                found is None or rate.start.start > found.start.start
            ):
                found = rate
        return found

    def in_period(self, period: Period) -> Employee:
        """This employee with the fixed pay and target bonus in force in ``period``."""
        rate = self.rate_in(period)
        if rate is None or (
            rate.fixed_pay == self.fixed_pay and rate.target_bonus == self.target_bonus
        ):
            return self
        return replace(self, fixed_pay=rate.fixed_pay, target_bonus=rate.target_bonus)

    def as_current(self) -> Employee:
        """This employee showing the latest pay as its amounts (as a directory shows it);
        :func:`with_pay` turns such an edited copy back into base amounts and rates."""
        fixed, bonus = self.current_pay
        return replace(self, fixed_pay=fixed, target_bonus=bonus)

    def with_pay(self, fixed_pay: Decimal, target_bonus: Decimal, start: Period | None) -> Employee:
        """This employee paid ``fixed_pay`` and ``target_bonus`` from ``start`` on (``None``:
        from the start, replacing the amounts and every later change)."""
        if start is None:
            return replace(self, fixed_pay=fixed_pay, target_bonus=target_bonus, rates=())
        kept = [rate for rate in self.rates if rate.start.start < start.start]
        return replace(self, rates=(*kept, PayRate(start, fixed_pay, target_bonus)))

    @property
    def current_pay(self) -> tuple[Decimal, Decimal]:
        """(fixed pay, target bonus) of the latest pay change, or those from the start."""
        if not self.rates:
            return self.fixed_pay, self.target_bonus
        latest = max(self.rates, key=lambda rate: rate.start.start)
        return latest.fixed_pay, latest.target_bonus

    def works_in(self, period: Period) -> bool:
        """Whether the employee worked at least one day of the period."""
        if self.start is not None and self.start > period.end:
            return False
        return not (self.end is not None and self.end < period.start)

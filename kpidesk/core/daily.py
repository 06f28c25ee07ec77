"""Period inputs: daily store rows, per-seller rows, store revenue plans, manual facts and
the raw warehouse / marketing / sales inputs (SPEC §2.3, §2.6, §2.7). Data only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kpidesk.core.periods import Period


@dataclass(frozen=True)
class DailyEntry:
    """One store's day: revenue (₽), receipts (чеки), visitors, units; returns optional."""

    store: str
    day: date
    revenue: Decimal
    receipts: int
    visitors: int
    units: int = 0
    returns: Decimal | None = None


@dataclass(frozen=True)
class SellerDay:
    """One seller's day in a store: revenue, receipts and units attributed to them."""

    store: str
    day: date
    employee: str
    revenue: Decimal
    receipts: int
    units: int = 0


@dataclass(frozen=True)
class StorePlan:
    """A store's revenue plan for a payroll period."""

    store: str
    period: Period
    revenue: Decimal


@dataclass(frozen=True)
class Fact:
    """A manual fact: what an employee achieved on an indicator in a period."""

    period: Period
    employee: str
    indicator: str  # indicator code
    value: Decimal


@dataclass(frozen=True)
class PeriodInput:
    """A raw input of a computed family for an employee and period, e.g.
    ``name="marketing:clicks"`` (see ``indicators.FAMILY_INPUTS``)."""

    period: Period
    employee: str
    name: str
    value: Decimal

"""Snapshots the calculation works on: the company's directories (``Company``) and what one
period needs from the period tables (``PeriodInputs``). Built by the store layer, read by
``compute``; immutable so that a worker thread can compute from one safely."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kpidesk.core.daily import DailyEntry, Fact, PeriodInput, SellerDay, StorePlan
from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import Matrix
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.periods import PeriodKind
from kpidesk.core.problems import Location
from kpidesk.core.store_sums import StoreSums
from kpidesk.core.tasks import DutyTemplate, Task


@dataclass(frozen=True)
class Company:
    """Everything that is not a period's data: directories, matrices and schedules."""

    name: str = ""
    pay_period: PeriodKind = PeriodKind.MONTH  # MONTH or HALF
    stores: tuple[Store, ...] = ()
    departments: tuple[Department, ...] = ()
    positions: tuple[Position, ...] = ()
    employees: tuple[Employee, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    matrices: tuple[Matrix, ...] = ()
    schedules: tuple[PayoutSchedule, ...] = ()

    def indicator(self, code: str) -> Indicator | None:
        """The indicator with this code, or ``None``."""
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        return None

    def employee(self, name: str) -> Employee | None:
        """The employee with this name, or ``None``."""
        for employee in self.employees:
            if employee.name == name:
                return employee
        return None


@dataclass(frozen=True)
class PeriodInputs:
    """The data one period's calculation reads.

    ``daily``/``seller_days`` must cover the period *and* its previous equal period (for
    sales dynamics); ``plans`` are the store plans overlapping the period.
    ``facts`` maps (employee, indicator code) → the manual fact for the period;
    ``inputs`` maps (employee, "<family>:<name>") → a raw warehouse/marketing/sales input.
    ``tasks`` are the period's duties and tasks (for the ``tasks:`` metrics).
    ``store_sums``, when given, replaces ``daily`` (which is then empty): each store's rows
    summed (``core.store_metrics.StoreSums``), all that the store and seller metrics need —
    for the calculations that show no daily row (a rating's KPIs, the dashboard); never
    posted in a snapshot.
    """

    facts: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)
    daily: tuple[DailyEntry, ...] = ()
    seller_days: tuple[SellerDay, ...] = ()
    plans: tuple[StorePlan, ...] = ()
    inputs: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)
    tasks: tuple[Task, ...] = ()
    store_sums: Mapping[str, StoreSums] | None = None


ContentKind = str  # "stores", "employees", "indicators", "matrices", "daily", "facts", …


@dataclass(frozen=True)
class CompanyContent:
    """A whole or partial company as the interchange workbook carries it (SPEC §6).

    The importer builds it from a workbook, the store applies it (upserting by key), and the
    exporter writes it back. ``origins`` tells where each item came from, keyed by
    (content kind — the attribute name, e.g. ``"daily"`` — and the item's index in that
    tuple), so that validation can name the sheet, row and column of a bad item.
    A matrix in ``matrices`` replaces that owner's rows for that period as a whole.
    """

    company_name: str | None = None
    pay_period: PeriodKind | None = None
    stores: tuple[Store, ...] = ()
    departments: tuple[Department, ...] = ()
    positions: tuple[Position, ...] = ()
    employees: tuple[Employee, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    matrices: tuple[Matrix, ...] = ()
    schedules: tuple[PayoutSchedule, ...] = ()
    daily: tuple[DailyEntry, ...] = ()
    seller_days: tuple[SellerDay, ...] = ()
    plans: tuple[StorePlan, ...] = ()
    facts: tuple[Fact, ...] = ()
    inputs: tuple[PeriodInput, ...] = ()
    tasks: tuple[Task, ...] = ()
    duty_templates: tuple[DutyTemplate, ...] = ()
    origins: Mapping[tuple[ContentKind, int], Location] = field(default_factory=dict)

    @classmethod
    def of_directories(cls, company: Company) -> CompanyContent:
        """The company's name, pay period, directories, matrices and schedules as content
        (no period data)."""
        return cls(
            company_name=company.name,
            pay_period=company.pay_period,
            stores=company.stores,
            departments=company.departments,
            positions=company.positions,
            employees=company.employees,
            indicators=company.indicators,
            matrices=company.matrices,
            schedules=company.schedules,
        )

    def origin(self, kind: ContentKind, index: int) -> Location:
        """Where item ``index`` of ``kind`` came from (an empty location if unknown)."""
        return self.origins.get((kind, index), Location())

    def matrix_row_origin(self, matrix: int, row: int) -> Location:
        """Where row ``row`` of ``matrices[matrix]`` came from.

        A reader records it under the kind ``"matrices/<matrix>"`` (e.g.
        ``origins[("matrices/0", 2)]``); without that, the matrix's own origin (its first
        row) is used.
        """
        found = self.origins.get((f"matrices/{matrix}", row))
        return found if found is not None else self.origin("matrices", matrix)

"""Manual facts of a period (SPEC §2.3, §4.4): which facts the period's matrices need (the
employees × manual indicators grid), what is typed in, what is still missing — counted
exactly as ``period_status`` counts it, so that the facts grid and the status bar agree —
and setting or clearing one or many facts in one transaction.

Must not: know about Qt, or compute anything the core computes (which rows need a fact
comes from the period's calculation).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.core.indicators import Indicator
from kpidesk.core.periods import Period
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.periods import refuse_locked_period, transaction

Cell = tuple[str, str]  # (employee, indicator code)


@dataclass(frozen=True)
class FactsSheet:
    """The period's manual facts.

    Attributes:
        employees: every employee working in the period, in directory order.
        indicators: the manual indicators the period's matrices use (plus any with a fact
            typed in), in directory order.
        values: the facts typed in, by (employee, indicator code).
        needed: the cells an employee's matrix in force needs.
        locked: whether the period is locked (the grid is read-only).
    """

    period: Period
    employees: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    values: dict[Cell, Decimal]
    needed: frozenset[Cell]
    locked: bool

    @property
    def missing(self) -> list[Cell]:
        """Needed cells without a fact, in grid order."""
        return [
            (employee, indicator.code)
            for employee in self.employees
            for indicator in self.indicators
            if (employee, indicator.code) in self.needed
            and (employee, indicator.code) not in self.values
        ]

    @property
    def missing_count(self) -> int:
        """How many needed facts are still missing."""
        return len(self.missing)


def facts_sheet(service: CompanyService, period: Period) -> FactsSheet:
    """The employees × manual indicators grid of ``period``."""
    company = service.company()
    result = service.compute_period(period)
    needed: set[Cell] = set()
    for employee in result.employees:
        for row in employee.rows:
            if row.indicator is not None and row.indicator.source.is_manual:
                needed.add((employee.employee.name, row.indicator.code))
    values = {(f.employee, f.indicator): f.value for f in service.database.facts(period)}
    used = {code for _, code in needed} | {code for _, code in values}
    indicators = tuple(i for i in company.indicators if i.source.is_manual and i.code in used)
    employees = tuple(result.employee.name for result in result.employees)
    shown = set(employees)
    extra = tuple(name for name, _ in values if name not in shown)
    return FactsSheet(
        period,
        employees + tuple(dict.fromkeys(extra)),
        indicators,
        values,
        frozenset(needed),
        service.is_locked(period),
    )


def missing_facts_count(service: CompanyService, period: Period) -> int:
    """How many facts the period's matrices still need."""
    return facts_sheet(service, period).missing_count


def set_facts(
    service: CompanyService, period: Period, changes: Mapping[Cell, Decimal | None]
) -> Change:
    """Set (``None``: clear) several facts of ``period`` in one transaction.

    Raises:
        UserError: an unknown employee or indicator, a computed (not manual) indicator, a
            non-finite value, or a locked period; nothing is written then.
    """
    if not changes:
        raise UserError("no facts to change")
    company = service.company()
    indicators = {i.code: i for i in company.indicators}
    names = {i.name: i.code for i in company.indicators}
    employees = {e.name for e in company.employees}
    resolved: dict[Cell, Decimal | None] = {}
    for (employee, indicator), value in changes.items():
        code = indicator if indicator in indicators else names.get(indicator)
        if employee not in employees:
            raise UserError(f"fact of {period.code}: unknown employee {employee!r}")
        if code is None:
            raise UserError(f"fact of {period.code}: unknown indicator {indicator!r}")
        if not indicators[code].source.is_manual:
            raise UserError(
                f"fact of {period.code}: {code} is computed from {indicators[code].source.text},"
                " not typed in"
            )
        if value is not None and not value.is_finite():
            raise UserError(f"fact of {period.code}, {employee}, {code}: not a number")
        resolved[(employee, code)] = value
    refuse_locked_period(service, period, "its facts")
    employees_touched = {employee for employee, _ in resolved}
    with transaction(service, f"saving the facts of {period.code}") as database:
        for (employee, code), value in resolved.items():
            database.set_fact(period, employee, code, value)
    only = next(iter(employees_touched)) if len(employees_touched) == 1 else None
    return Change(ChangeKind.FACT, period, None, only)


def set_fact(
    service: CompanyService,
    period: Period,
    employee: str,
    indicator: str,
    value: Decimal | None,
) -> Change:
    """Set (``None``: clear) one fact. See :func:`set_facts`."""
    return set_facts(service, period, {(employee, indicator): value})

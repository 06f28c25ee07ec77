"""Manual facts of a period (SPEC §2.3, §4.4): which facts the period's matrices need (the
employees × manual indicators grid), what is typed in, what is still missing — counted
exactly as ``period_status`` counts it, so that the facts grid and the status bar agree —
and :class:`SetFacts`, the one operation that sets or clears manual facts.

Must not: know about Qt, or compute anything the core computes (which rows need a fact
comes from the period's calculation).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from kpidesk.core.company import Company
from kpidesk.core.indicators import Indicator
from kpidesk.core.limits import amount_problem, normal
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem, Severity
from kpidesk.core.rights import Right
from kpidesk.core.visibility import sees_everything, sees_results_of
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session, Target

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
    """The employees × manual indicators grid of ``period`` (the people the actor may
    see)."""
    company = service.company()
    result = service.compute_period(period)
    needed: set[Cell] = set()
    for employee in result.employees:
        for row in employee.rows:
            if row.indicator is not None and row.indicator.source.is_manual:
                needed.add((employee.employee.name, row.indicator.code))
    values = {(f.employee, f.indicator): f.value for f in service.database.facts.facts(period)}
    if not sees_everything(service.actor):  # only the facts of people the actor may see
        people = {e.name for e in company.employees if sees_results_of(service.actor, e)}
        values = {cell: value for cell, value in values.items() if cell[0] in people}
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


@dataclass
class SetFacts(Operation):
    """Set (``None``: clear) manual facts of one period — the one road for a manual fact,
    used by the matrix editor and the facts grid alike, and by their undo."""

    period: Period
    changes: Mapping[Cell, Decimal | None]
    name: ClassVar[str] = "set_facts"
    right: ClassVar[Right] = Right.FACTS

    def target(self, session: Session) -> Target:
        company = session.company()
        stores = {e.store for name, _ in self.changes if (e := company.employee(name))}
        people = {employee for employee, _ in self.changes}
        return Target(
            next(iter(stores)) if len(stores) == 1 else None,
            next(iter(people)) if len(people) == 1 else None,
        )

    def apply(self, session: Session) -> Change:
        resolved = check_facts(session.company(), self.period, self.changes)
        facts = session.db.facts
        for (employee, code), value in resolved.items():
            facts.set_fact(self.period, employee, code, value)
        touched = {employee for employee, _ in resolved}
        only = next(iter(touched)) if len(touched) == 1 else None
        person = session.company().employee(only) if only else None
        return Change(ChangeKind.FACT, self.period, person.store if person else None, only)


def check_facts(
    company: Company, period: Period, changes: Mapping[Cell, Decimal | None]
) -> dict[Cell, Decimal | None]:
    """The changes with indicators resolved to codes and values normalised.

    Raises:
        UserError: nothing to change, an unknown employee or indicator, a computed (not
            manual) indicator, a value that is not finite or beyond 10¹²; all problems found.
    """
    if not changes:
        raise UserError.of("nothing_to_change", "no facts to change")
    indicators = {i.code: i for i in company.indicators}
    names = {i.name: i.code for i in company.indicators}
    employees = {e.name for e in company.employees}
    resolved: dict[Cell, Decimal | None] = {}
    problems: list[Problem] = []
    for (employee, indicator), value in changes.items():
        code = indicator if indicator in indicators else names.get(indicator)
        where = Location(entity="fact", key=f"{period.code} {employee} {indicator}")
        params: tuple[tuple[str, str], ...] = (
            ("period", period.code),
            ("employee", employee),
            ("indicator", indicator),
        )
        if employee not in employees:
            problems.append(
                Problem(
                    "unknown_employee",
                    f"unknown employee {employee!r}",
                    where,
                    employee,
                    Severity.ERROR,
                    (*params, ("name", employee)),
                )
            )
            continue
        if code is None:
            problems.append(
                Problem(
                    "unknown_indicator",
                    f"unknown indicator {indicator!r}",
                    where,
                    indicator,
                    Severity.ERROR,
                    params,
                )
            )
            continue
        source = indicators[code].source
        if not source.is_manual:
            problems.append(
                Problem(
                    "fact_computed",
                    f"{code} is computed from {source.text}",
                    where,
                    None,
                    Severity.ERROR,
                    (*params, ("source", source.text)),
                )
            )
            continue
        if value is not None:
            found = amount_problem(value, where)
            if found is not None:
                problems.append(found)
                continue
            value = normal(value)
        resolved[(employee, code)] = value
    if problems:
        raise UserError("; ".join(p.describe() for p in problems), problems)
    return resolved


def set_facts(
    service: CompanyService, period: Period, changes: Mapping[Cell, Decimal | None]
) -> Change:
    """Set (``None``: clear) several facts of ``period`` in one transaction
    (:class:`SetFacts` through the runner).

    Raises:
        UserError: see :func:`check_facts`, or the period is locked; nothing is written.
    """
    return service.run(SetFacts(period, dict(changes)))


def set_fact(
    service: CompanyService,
    period: Period,
    employee: str,
    indicator: str,
    value: Decimal | None,
) -> Change:
    """Set (``None``: clear) one fact. See :func:`set_facts`."""
    return set_facts(service, period, {(employee, indicator): value})

"""What is still missing for a period and whether it is locked: days without daily data
per store, manual facts not typed in, incomplete matrices (SPEC §2.2, §4.1).

Must not: read storage (``CompanyService.period_status`` gathers what it needs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from kpidesk.core.company import Company
from kpidesk.core.compute import EmployeeKpi, PeriodKpis
from kpidesk.core.periods import Period
from kpidesk.core.results import PeriodResult, Status


@dataclass(frozen=True)
class MissingFact:
    """A manual fact an employee's matrix needs and nobody typed in."""

    employee: str
    indicator: str  # indicator code


@dataclass(frozen=True)
class PeriodStatus:
    """The period's completeness."""

    period: Period
    locked: bool
    missing_days: dict[str, list[date]] = field(default_factory=dict)
    missing_facts: list[MissingFact] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)  # employees
    complete: int = 0
    employees: int = 0

    @property
    def problem_count(self) -> int:
        """Missing days + missing facts + incomplete matrices without a missing fact."""
        days = sum(len(days) for days in self.missing_days.values())
        with_missing_fact = {fact.employee for fact in self.missing_facts}
        others = [name for name in self.incomplete if name not in with_missing_fact]
        return days + len(self.missing_facts) + len(others)

    def describe(self) -> str:
        """A few lines for the terminal."""
        lines = [
            f"period {self.period.code}: {'LOCKED' if self.locked else 'open'}; "
            f"{self.complete} of {self.employees} matrices complete"
        ]
        for store, days in self.missing_days.items():
            shown = ", ".join(f"{day:%d.%m}" for day in days[:10])
            more = f" and {len(days) - 10} more" if len(days) > 10 else ""
            lines.append(f"  {store}: {len(days)} day(s) without data: {shown}{more}")
        for fact in self.missing_facts:
            lines.append(f"  missing fact: {fact.employee} — {fact.indicator}")
        missing_fact_people = {fact.employee for fact in self.missing_facts}
        for name in self.incomplete:
            if name not in missing_fact_people:
                lines.append(f"  incomplete matrix: {name}")
        return "\n".join(lines)


def build_status(
    period: Period,
    today: date,
    company: Company,
    result: PeriodResult | PeriodKpis,
    present: set[tuple[str, date]],
    locked: bool,
) -> PeriodStatus:
    """The status of ``period`` as of ``today`` (days after yesterday are not yet missing)
    from the period's results (or only its KPIs, ``core.compute.compute_kpis``: the same
    status) and the (store, day) pairs that have daily data."""
    last_day = last_counted_day(period, today)
    missing_days: dict[str, list[date]] = {}
    if last_day >= period.start:
        for store in company.stores:
            if store.archived:
                continue
            days = [
                day
                for day in Period.custom(period.start, last_day).days()
                if (store.name, day) not in present
            ]
            if days:
                missing_days[store.name] = days
    missing_facts: list[MissingFact] = []
    incomplete: list[str] = []
    for employee in result.employees:
        name = employee.employee.name
        if employee.status is Status.INCOMPLETE:
            incomplete.append(name)
        if isinstance(employee, EmployeeKpi):  # the KPI-only calculation names them
            missing_facts.extend(MissingFact(name, code) for code in employee.missing_facts)
            continue
        for row in employee.rows:
            indicator = row.indicator
            if indicator is not None and indicator.source.is_manual and row.fact is None:
                missing_facts.append(MissingFact(name, indicator.code))
    return PeriodStatus(
        period=period,
        locked=locked,
        missing_days=missing_days,
        missing_facts=missing_facts,
        incomplete=incomplete,
        complete=len(result.employees) - len(incomplete),
        employees=len(result.employees),
    )


def last_counted_day(period: Period, today: date) -> date:
    """The last day of ``period`` that can be missing as of ``today`` (yesterday at most)."""
    return min(period.end, today - timedelta(days=1))

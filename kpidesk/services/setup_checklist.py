"""The setup checklist of a new company (SPEC §4, issue 14 item 1): store → positions →
employees → indicators → matrix → payout → first facts, each step ticked off from the
company's own data and naming the place that does it (a section key and a drill-down
target for ``MainWindow.show_section``).

A step is done when:
- ``store``: there is an open store;
- ``positions``: there is an open position;
- ``employees``: someone works in the period;
- ``indicators``: there is an open indicator;
- ``matrix``: everyone working in the period has a matrix in force;
- ``payout``: a payout schedule is saved and everyone working has a target bonus;
- ``facts``: someone's KPI and bonus are complete in the period (or in the one before, so
  that a running company is not sent back to setup on the first day of a month).

Counts and the first thing still to do are given for each step, so that the dashboard can
say "2 of 5 employees have a matrix" and open the first one without one.

Must not: import Qt, write anything, or decide how a step is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kpidesk.core.matrix import matrix_in_force
from kpidesk.core.periods import Period
from kpidesk.services.company import CompanyService

STEPS = ("store", "positions", "employees", "indicators", "matrix", "payout", "facts")


@dataclass(frozen=True)
class SetupStep:
    """One step of the checklist.

    Attributes:
        key: one of :data:`STEPS`.
        done: whether the company's data already has it.
        count: how many of it there are (stores, employees with a matrix, …).
        total: out of how many, where that makes sense (employees working), else ``None``.
        section: the window section that does it.
        target: the drill-down target in that section (``tab``, ``position``, ``employee``).
    """

    key: str
    done: bool
    count: int
    total: int | None
    section: str
    target: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class SetupChecklist:
    """The seven steps for one period, in order."""

    period: Period
    steps: tuple[SetupStep, ...]

    @property
    def complete(self) -> bool:
        """Whether every step is done (the dashboard then shows the figures)."""
        return all(step.done for step in self.steps)

    @property
    def done_count(self) -> int:
        """How many steps are done."""
        return sum(1 for step in self.steps if step.done)

    @property
    def next_step(self) -> SetupStep | None:
        """The first step not done yet."""
        return next((step for step in self.steps if not step.done), None)

    def step(self, key: str) -> SetupStep:
        """The step called ``key``."""
        return next(step for step in self.steps if step.key == key)


def setup_checklist(service: CompanyService, period: Period, today: date) -> SetupChecklist:
    """The checklist of the open company for ``period`` (whole company, every store)."""
    company = service.full_company()
    stores = [s for s in company.stores if not s.archived]
    positions = [p for p in company.positions if not p.archived]
    working = [e for e in company.employees if not e.archived and e.works_in(period)]
    indicators = [i for i in company.indicators if not i.archived]
    directory = "directories"
    steps = [
        SetupStep("store", bool(stores), len(stores), None, directory, {"tab": "stores"}),
        SetupStep(
            "positions", bool(positions), len(positions), None, directory, {"tab": "positions"}
        ),
        SetupStep("employees", bool(working), len(working), None, directory, {"tab": "employees"}),
        SetupStep(
            "indicators",
            bool(indicators),
            len(indicators),
            None,
            directory,
            {"tab": "indicators"},
        ),
    ]
    without = [
        e for e in working if matrix_in_force(company.matrices, e.name, e.position, period) is None
    ]
    matrix_target: dict[str, object] = {}
    if without:
        matrix_target = {"position": without[0].position}
    elif positions:
        matrix_target = {"position": positions[0].name}
    steps.append(
        SetupStep(
            "matrix",
            bool(working) and not without,
            len(working) - len(without),
            len(working),
            "matrix",
            matrix_target,
        )
    )
    no_bonus = [e for e in working if e.in_period(period).target_bonus <= 0]
    payout_target: dict[str, object] = {"tab": "schedules"}
    if company.schedules and no_bonus:
        payout_target = {"tab": "employees", "name": no_bonus[0].name}
    steps.append(
        SetupStep(
            "payout",
            bool(company.schedules) and bool(working) and not no_bonus,
            len(working) - len(no_bonus),
            len(working),
            directory,
            payout_target,
        )
    )
    steps.append(_facts_step(service, period, today, bool(working) and not without))
    return SetupChecklist(period, tuple(steps))


def _facts_step(
    service: CompanyService, period: Period, today: date, has_matrices: bool
) -> SetupStep:
    if not has_matrices:
        return SetupStep("facts", False, 0, None, "facts")
    status = service.period_status(period, today)
    done = status.complete > 0
    if not done and not service.is_locked(period.previous()):
        done = service.period_status(period.previous(), today).complete > 0
    elif not done:
        done = True  # a locked earlier period was paid: the company is running
    target: dict[str, object] = {}
    section = "facts"
    if status.missing_facts:
        first = status.missing_facts[0]
        target = {"employee": first.employee, "indicator": first.indicator}
    elif status.missing_days:
        store, days = next(iter(status.missing_days.items()))
        section, target = "daily", {"store": store, "day": days[0]}
    return SetupStep("facts", done, status.complete, status.employees, section, target)

"""Matrix use cases for the KPI matrix editor (SPEC §2.4, §2.5, §2.10, §4.2): which matrix
applies, saving a matrix for a period, copying the previous period's, plans from history,
manual facts, and the live result of an edited (unsaved) matrix. Writes are the
:class:`SaveMatrix` and :class:`DeleteMatrix` operations and the facts' ``SetFacts``.

:class:`MatrixEditing` keeps one period's inputs in memory so that the editor recomputes a
row in a millisecond or two after every keystroke (SPEC §9: an edited fact reaches the
screen in ≤ 16 ms); the cache follows the service's generation, so any change through the
runner drops it and nobody has to clear it by hand.

Every refusal is a :class:`UserError` with coded :class:`Problem` records (validation
problems from ``core``, ``period_locked``, ``fact_computed``, …) that a GUI translates.

Must not: import Qt, write SQL, or compute an index itself (``core.compute`` does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_employee
from kpidesk.core.indicators import Indicator
from kpidesk.core.item_validation import problem, validate_matrix
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.plans import DEFAULT_UPLIFT, HISTORY_PERIODS, PlanSuggestion, plan_from_history
from kpidesk.core.problems import Location, Problem
from kpidesk.core.results import EmployeeResult
from kpidesk.core.sources import PeriodBook, fact_reader
from kpidesk.services.changes import Change
from kpidesk.services.company import CompanyService
from kpidesk.services.directories import refuse
from kpidesk.services.facts import SetFacts
from kpidesk.services.matrix_operations import (
    DeleteMatrix,
    ResetToTemplate,
    SaveMatrix,
    follows_template_unchanged,
    latest,
    matrix_problems,
)

__all__ = [
    "AppliedMatrix",
    "DeleteMatrix",
    "HistoryPlan",
    "MatrixEditing",
    "MatrixKind",
    "PositionFollowers",
    "ResetToTemplate",
    "SaveMatrix",
    "matrix_problems",
]


class MatrixKind(Enum):
    """Whose matrix applies to an employee."""

    OVERRIDE = "override"  # the employee's own matrix
    TEMPLATE = "template"  # the position's template


@dataclass(frozen=True)
class AppliedMatrix:
    """The matrix in force and where it comes from (``matrix`` None: none applies)."""

    matrix: Matrix | None
    kind: MatrixKind | None

    @property
    def since(self) -> Period | None:
        """The period the matrix took effect."""
        return None if self.matrix is None else self.matrix.period


@dataclass(frozen=True)
class HistoryPlan:
    """A plan from history for one row, with the past facts it was made from.

    Attributes:
        suggestion: base, norm and target (``None`` when there is no history).
        periods: the past periods that had a fact, oldest first.
        facts: the facts of those periods (for a template: the mean over the employees).
    """

    suggestion: PlanSuggestion | None
    periods: tuple[Period, ...]
    facts: tuple[Decimal, ...]


@dataclass(frozen=True)
class PositionFollowers:
    """Who of a position's employees (working in the period) follows its template and who
    has a matrix of their own (with the period it applies from)."""

    following: tuple[str, ...]
    own: tuple[tuple[str, Period], ...]


class MatrixEditing:
    """The matrix editor's use cases over one open company."""

    def __init__(self, service: CompanyService) -> None:
        self.service = service
        self._inputs: dict[Period, PeriodInputs] = {}
        self._generation = service.generation

    # --- reading -----------------------------------------------------------------------
    @property
    def company(self) -> Company:
        """The company's directories (cached by the service)."""
        return self.service.company()

    def inputs(self, period: Period) -> PeriodInputs:
        """The period's facts and data, cached until the company changes (any operation
        through the runner; see ``CompanyService.generation``)."""
        if self._generation != self.service.generation:
            self._inputs.clear()
            self._generation = self.service.generation
        found = self._inputs.get(period)
        if found is None:
            found = self.service.database.content.load_period_inputs(period)
            self._inputs[period] = found
        return found

    def is_locked(self, period: Period) -> bool:
        """Whether the period is locked (the editor is then read-only)."""
        return self.service.is_locked(period)

    def employee(self, name: str) -> Employee:
        """The employee called ``name``.

        Raises:
            UserError: no such employee.
        """
        found = self.company.employee(name)
        if found is None:
            raise refuse(
                [
                    problem(
                        "unknown_employee",
                        f"Unknown employee '{name}'.",
                        Location(entity="employee", key=name),
                        name=name,
                    )
                ]
            )
        return found

    def template(self, position: str, period: Period) -> Matrix | None:
        """The position's template in force in ``period`` (from that period or earlier)."""
        return latest(
            [m for m in self.company.matrices if m.employee is None and m.position == position],
            period,
        )

    def override(self, employee: str, period: Period) -> Matrix | None:
        """The employee's own matrix in force in ``period``."""
        return latest([m for m in self.company.matrices if m.employee == employee], period)

    def applied(self, employee: str, period: Period) -> AppliedMatrix:
        """The matrix that applies to an employee in a period: the override, else the
        position's template."""
        found = self.override(employee, period)
        if found is not None:
            return AppliedMatrix(found, MatrixKind.OVERRIDE)
        template = self.template(self.employee(employee).position, period)
        if template is not None:
            return AppliedMatrix(template, MatrixKind.TEMPLATE)
        return AppliedMatrix(None, None)

    def followers(self, position: str, period: Period) -> PositionFollowers:
        """The position's employees working in ``period``: who follows the template, who
        has their own matrix (and since when)."""
        following: list[str] = []
        own: list[tuple[str, Period]] = []
        for person in self.company.employees:
            if person.position != position or person.archived or not person.works_in(period):
                continue
            found = self.override(person.name, period)
            if found is None:
                following.append(person.name)
            else:
                own.append((person.name, found.period))
        return PositionFollowers(tuple(following), tuple(own))

    def follows_template_unchanged(self, matrix: Matrix) -> bool:
        """Whether saving ``matrix`` would store nothing: an employee's matrix equal to the
        position's template they already follow (see :class:`SaveMatrix`)."""
        return follows_template_unchanged(self.company, matrix)

    def reset_removes(self, employee: str, period: Period) -> tuple[Period, ...]:
        """The periods of the employee's own matrices that "return to the template" in
        ``period`` would remove (the one in force and every later one), oldest first."""
        owned = [m for m in self.company.matrices if m.employee == employee]
        in_force = latest(owned, period)
        if in_force is None:
            return ()
        chosen = [m.period for m in owned if m.period.start >= in_force.period.start]
        return tuple(sorted(chosen, key=lambda p: p.start))

    def reset_to_template(self, employee: str, period: Period) -> Change:
        """The employee follows the position's template again from the start of their own
        matrix in force in ``period`` (:class:`ResetToTemplate` through the runner; the
        periods it removes are :meth:`reset_removes`).

        Raises:
            UserError: no own matrix in force, an unknown employee, a locked period among
                the days the removed matrices governed (nothing is removed then).
        """
        return self.service.run(ResetToTemplate(employee, period))

    def exact(
        self, period: Period, *, position: str | None = None, employee: str | None = None
    ) -> Matrix | None:
        """The matrix stored for exactly this owner and period, or ``None``."""
        for matrix in self.company.matrices:
            if matrix.period == period and (
                (employee is not None and matrix.employee == employee)
                or (employee is None and matrix.employee is None and matrix.position == position)
            ):
                return matrix
        return None

    def previous(
        self, period: Period, *, position: str | None = None, employee: str | None = None
    ) -> Matrix | None:
        """The matrix that applied in the previous period, re-dated to ``period`` and given
        to the owner asked for (an employee without an override of their own gets a copy of
        their position's template). ``None`` when nothing applied then."""
        before = period.previous()
        if employee is not None:
            found = self.applied(employee, before).matrix
        else:
            found = self.template(position or "", before)
        if found is None:
            return None
        return Matrix(period, found.rows, None if employee else position, employee)

    # --- writing -----------------------------------------------------------------------
    def validate(self, matrix: Matrix) -> list[Problem]:
        """Every problem of the matrix, errors and warnings, with row locations
        (``Location.key`` is the row number, 1-based)."""
        indicators = {i.code: i for i in self.company.indicators}
        where = Location(entity="matrix", key=f"{matrix.owner} {matrix.period.code}")
        return validate_matrix(
            matrix,
            indicators,
            where,
            row_where=lambda i: Location(entity="matrix row", key=str(i + 1)),
        )

    def save(self, matrix: Matrix) -> Change:
        """Save the matrix for its owner from its period on (rows replaced as a whole;
        :class:`SaveMatrix` through the runner).

        Raises:
            UserError: validation errors (weights not summing to 100 %, base equal to norm,
                unknown or duplicate indicators, …), an unknown owner, a locked period.
        """
        return self.service.run(SaveMatrix(matrix))

    def delete(
        self, period: Period, *, position: str | None = None, employee: str | None = None
    ) -> Change:
        """Delete the owner's matrix of exactly this period (an employee then follows the
        template again, a position its earlier template).

        Raises:
            UserError: a locked period, an unknown owner.
        """
        return self.service.run(DeleteMatrix(period, position, employee))

    def copy_previous(
        self, period: Period, *, position: str | None = None, employee: str | None = None
    ) -> Change:
        """Save the previous period's matrix as this period's.

        Raises:
            UserError: nothing applied in the previous period, a locked period.
        """
        matrix = self.previous(period, position=position, employee=employee)
        if matrix is None:
            owner = employee or position or ""
            raise refuse(
                [
                    problem(
                        "no_previous_matrix",
                        f"No matrix applied to '{owner}' in {period.previous().code}.",
                        Location(entity="matrix", key=owner),
                        owner=owner,
                        period=period.previous().code,
                    )
                ]
            )
        return self.save(matrix)

    def set_fact(
        self, period: Period, employee: str, indicator: str, value: Decimal | None
    ) -> Change:
        """Type in (``None``: clear) a manual indicator's fact for an employee — the same
        operation as the facts grid's (:class:`facts.SetFacts`), with the same checks.

        Raises:
            UserError: unknown employee or indicator, a computed indicator, a value that is
                not finite or out of range, a locked period.
        """
        current = self._generation == self.service.generation
        change = self.service.run(SetFacts(period, {(employee, indicator): value}))
        cached = self._inputs.get(period) if current else None
        code = indicator if self.company.indicator(indicator) else None
        if cached is not None and code is not None:
            # this write's effect is known exactly: keep the cache (an edit reaches the
            # screen without re-reading the period, SPEC §9)
            facts = dict(cached.facts)
            if value is None:
                facts.pop((employee, code), None)
            else:
                facts[(employee, code)] = value
            self._inputs = {period: replace(cached, facts=facts)}
            self._generation = self.service.generation
        return change

    # --- calculating -------------------------------------------------------------------
    def live_result(self, matrix: Matrix, employee: str, period: Period) -> EmployeeResult:
        """The employee's result with ``matrix`` (edited, unsaved) in force for ``period``:
        facts, indices, KPI, payout coefficient, bonus and total, each explained."""
        person = self.employee(employee)
        if matrix.employee is None:
            # a template shown for one employee of the position
            person = replace(person, position=matrix.position or person.position)
        dated = Matrix(period, matrix.rows, matrix.position, matrix.employee)
        company = replace(self.company, matrices=(dated,))
        return compute_employee(company, person, period, self.inputs(period))

    def history(
        self,
        period: Period,
        indicator: str,
        *,
        employee: str | None = None,
        position: str | None = None,
    ) -> tuple[tuple[Period, ...], tuple[Decimal, ...]]:
        """The indicator's facts over the last six periods before ``period``, oldest first,
        for the employee (or the mean over the position's employees working then); periods
        without a fact are left out."""
        found = self.company.indicator(indicator)
        if found is None:
            return (), ()
        if employee is not None:
            people = [self.employee(employee)]
        else:
            people = [e for e in self.company.employees if e.position == position]
        periods: list[Period] = []
        facts: list[Decimal] = []
        for steps in range(HISTORY_PERIODS, 0, -1):
            past = period.shifted(-steps)
            value = self._past_fact(found, people, past)
            if value is not None:
                periods.append(past)
                facts.append(value)
        return tuple(periods), tuple(facts)

    def _past_fact(
        self, indicator: Indicator, people: Sequence[Employee], past: Period
    ) -> Decimal | None:
        working = [person for person in people if person.works_in(past)]
        if not working:
            return None
        if indicator.source.is_manual:
            wanted = {person.name for person in working}
            values = [
                fact.value
                for fact in self.service.database.facts.facts(past)
                if fact.indicator == indicator.code and fact.employee in wanted
            ]
        else:
            read = fact_reader(indicator, PeriodBook(self.inputs(past), past))
            values = [v for v in (read(person) for person in working) if v is not None]
        if not values:
            return None
        return sum(values, Decimal(0)) / len(values)

    def plan(
        self,
        period: Period,
        row: MatrixRow,
        *,
        employee: str | None = None,
        position: str | None = None,
        uplift: Decimal = DEFAULT_UPLIFT,
    ) -> HistoryPlan:
        """Suggest base, norm and target for ``row`` from the last six periods' facts
        (SPEC §2.10); a lower-is-better row (base above norm) gets the maximum as its base
        and a target below the mean."""
        periods, facts = self.history(period, row.indicator, employee=employee, position=position)
        suggestion = plan_from_history(facts, uplift, lower_is_better=row.lower_is_better)
        return HistoryPlan(suggestion, periods, facts)

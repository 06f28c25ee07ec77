"""A period's calculation: every employee's matrix, facts, indices, KPI and pay (SPEC §2).

For each row: the fact from its source, the index and weighted index with explanations and
'what do I need'. A matrix is *incomplete* — no KPI and no pay — when a row has no fact or
no index (listed in ``missing``), when there is no matrix (``missing == ("matrix",)``) or
when the matrix has validation errors (in ``problems``). Otherwise the KPI is rounded to
0.1 % and the pay follows the employee's payout schedule. The pay is that of the period:
in a half-month, half the monthly fixed pay and target bonus (``pay.amounts_for_period``).

The work for a whole period is shared (SPEC §9: a period of 200 employees × 8 rows in
≤ 20 ms): the daily rows are grouped once (``PeriodBook``); the matrix and schedule in force
are looked up once per position; each matrix is validated once; each (row, fact) — the same
for every employee of a store with the same template, since they share the store metrics —
is computed once, together with its :class:`RowResult` for the usual 'what do I need'
(index 1.0 only); and explanations are built only when read (``DeferredExplanation``).
Results are immutable, so employees with the same (row, fact) share one ``RowResult``; the
numbers are exactly those of a calculation of one employee alone (``compute_employee``),
which the tests check on the demo and on random data.

Must not: read storage, know about Qt, or round anything but the KPI and money amounts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.indicators import IndexMethod, Indicator
from kpidesk.core.item_validation import validate_matrix
from kpidesk.core.kpi import (
    DeferredExplanation,
    explain_kpi,
    explain_outcome,
    explain_weighted,
    index_outcome,
)
from kpidesk.core.matrix import Matrix, MatrixRow, matrix_in_force
from kpidesk.core.money import ONE, ZERO, round_kpi
from kpidesk.core.needs import fact_for_index, next_step_fact
from kpidesk.core.org import Employee
from kpidesk.core.pay import amounts_for_period, pay_for, per_indicator_payout
from kpidesk.core.payout import PayoutSchedule, next_step, schedule_for
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem, has_errors
from kpidesk.core.results import (
    EmployeeResult,
    HalfMonthPay,
    PeriodResult,
    RowNeed,
    RowPayout,
    RowResult,
)
from kpidesk.core.sources import FactReader, PeriodBook, fact_reader


@dataclass(frozen=True)
class _RowFigures:
    """A row's numbers for one fact: the same for everyone with that row and that fact.

    ``result`` is the row's result with the plain need (the fact for index 1.0) and no
    row bonus — what every employee above the payout threshold on a whole-matrix schedule
    gets; other cases build their own ``RowResult`` from the same figures.
    """

    index: Decimal | None
    weighted: Decimal | None
    result: RowResult


@dataclass(frozen=True)
class _RowPlan:
    """How to compute one matrix row, worked out once per matrix."""

    row: MatrixRow
    indicator: Indicator | None
    method: IndexMethod
    read: FactReader
    full_need: RowNeed  # the need with only the fact for index 1.0
    no_fact: RowResult  # the row's result without a fact
    figures: dict[Decimal, _RowFigures]  # by fact


@dataclass(frozen=True)
class _MatrixPlan:
    """A matrix's row plans and validation, worked out once per calculation."""

    rows: tuple[_RowPlan, ...]
    problems: tuple[Problem, ...]
    invalid: bool  # the problems include an error: no KPI


def _no_fact(employee: Employee) -> Decimal | None:
    return None


class _Calculation:
    """What one call shares between employees: indicators by code, matrices by owner, the
    period book, the matrix and schedule in force per position, and per matrix its
    validation and row plans (with each fact's figures)."""

    def __init__(self, company: Company, period: Period, inputs: PeriodInputs) -> None:
        self.company = company
        self.period = period
        self.book = PeriodBook(inputs, period)
        self.indicators = {indicator.code: indicator for indicator in company.indicators}
        self.overrides: dict[str, list[Matrix]] = defaultdict(list)
        self.templates: dict[str, list[Matrix]] = defaultdict(list)
        for matrix in company.matrices:
            if matrix.employee is not None:
                self.overrides[matrix.employee].append(matrix)
            elif matrix.position is not None:
                self.templates[matrix.position].append(matrix)
        self._plans: dict[int, _MatrixPlan] = {}
        self._by_position: dict[str, Matrix | None] = {}
        self._schedules: dict[str, PayoutSchedule] = {}

    def matrix_for(self, employee: Employee) -> Matrix | None:
        position = employee.position
        overrides = self.overrides.get(employee.name)
        if not overrides:
            # Without overrides of their own every holder of a position gets its template.
            if position in self._by_position:
                return self._by_position[position]
            found = matrix_in_force(
                self.templates.get(position, ()), employee.name, position, self.period
            )
            self._by_position[position] = found
            return found
        candidates = [*overrides, *self.templates.get(position, ())]
        return matrix_in_force(candidates, employee.name, position, self.period)

    def schedule_for(self, position: str) -> PayoutSchedule:
        found = self._schedules.get(position)
        if found is None:
            found = schedule_for(self.company.schedules, position)
            self._schedules[position] = found
        return found

    def plan_of(self, matrix: Matrix) -> _MatrixPlan:
        found = self._plans.get(id(matrix))
        if found is None:
            plans = []
            for row in matrix.rows:
                indicator = self.indicators.get(row.indicator)
                method = indicator.method if indicator is not None else IndexMethod.SCALE
                read = fact_reader(indicator, self.book) if indicator is not None else _no_fact
                full = RowNeed(fact_for_index(row, method, ONE), None, None)
                empty = RowResult(row, indicator, None, None, None, None, None, full, None)
                plans.append(_RowPlan(row, indicator, method, read, full, empty, {}))
            problems = tuple(validate_matrix(matrix, self.indicators))
            found = _MatrixPlan(tuple(plans), problems, has_errors(problems))
            self._plans[id(matrix)] = found
        return found

    def employee(self, employee: Employee) -> EmployeeResult:
        employee, half_month = amounts_for_period(employee, self.period)
        schedule = self.schedule_for(employee.position)
        matrix = self.matrix_for(employee)
        if matrix is None:
            return EmployeeResult(
                employee,
                self.period,
                None,
                schedule,
                (),
                None,
                None,
                None,
                None,
                ("matrix",),
                (),
                half_month=half_month,
            )
        plan = self.plan_of(matrix)
        facts: list[Decimal | None] = []
        figures: list[_RowFigures | None] = []
        missing: list[str] = []
        weighted: list[Decimal] = []
        for row_plan in plan.rows:
            fact = row_plan.read(employee)
            found = None
            if fact is not None:
                found = row_plan.figures.get(fact)
                if found is None:
                    found = _figures(row_plan, fact)
                    row_plan.figures[fact] = found
                if found.weighted is not None:
                    weighted.append(found.weighted)
            if found is None or found.index is None:
                missing.append(row_plan.row.indicator)
            facts.append(fact)
            figures.append(found)
        exact = None
        if not missing and not plan.invalid:
            exact = sum((value for value in weighted if value), ZERO)  # as ``kpi_exact``
        return self._result(
            employee, matrix, schedule, plan, facts, figures, missing, exact, weighted, half_month
        )

    def _result(
        self,
        employee: Employee,
        matrix: Matrix,
        schedule: PayoutSchedule,
        plan: _MatrixPlan,
        facts: list[Decimal | None],
        figures: list[_RowFigures | None],
        missing: list[str],
        exact: Decimal | None,
        weighted: list[Decimal],
        half_month: HalfMonthPay | None,
    ) -> EmployeeResult:
        plans = plan.rows
        rounded = round_kpi(exact) if exact is not None else None
        pay = None
        payouts: tuple[RowPayout, ...] | None = None
        if rounded is not None:
            if schedule.per_indicator:
                pairs = [
                    (row_plan.row.weight, found.index if found and found.index else Decimal(0))
                    for row_plan, found in zip(plans, figures, strict=True)
                ]
                pay, payouts = per_indicator_payout(employee, schedule, pairs)
            else:
                pay = pay_for(employee, schedule, rounded)
        # Whole-matrix payout: one next step for every row (none above the threshold).
        whole_step = (
            next_step(schedule, rounded)
            if rounded is not None and not schedule.per_indicator
            else None
        )
        if schedule.per_indicator or whole_step is not None:
            rows = self._own_rows(schedule, plans, facts, figures, payouts, exact)
        else:  # the usual case: the shared results of each (row, fact)
            rows = tuple(
                found.result if found is not None else row_plan.no_fact
                for row_plan, found in zip(plans, figures, strict=True)
            )
        return EmployeeResult(
            employee=employee,
            period=self.period,
            matrix=matrix,
            schedule=schedule,
            rows=rows,
            kpi=rounded,
            kpi_exact=exact,
            kpi_explanation=(
                DeferredExplanation(build=lambda: explain_kpi(weighted))
                if exact is not None
                else None
            ),
            pay=pay,
            missing=tuple(missing),
            problems=plan.problems,
            half_month=half_month,
        )

    @staticmethod
    def _own_rows(
        schedule: PayoutSchedule,
        plans: tuple[_RowPlan, ...],
        facts: list[Decimal | None],
        figures: list[_RowFigures | None],
        payouts: tuple[RowPayout, ...] | None,
        exact: Decimal | None,
    ) -> tuple[RowResult, ...]:
        """Rows with this employee's own next-step needs and per-indicator payouts."""
        row_payouts: tuple[RowPayout | None, ...] = (
            payouts if payouts is not None else (None,) * len(plans)
        )
        rows = []
        for row_plan, fact, found, payout in zip(plans, facts, figures, row_payouts, strict=True):
            bonus = payout.amount if payout is not None else None
            index = found.index if found is not None else None
            need = row_plan.full_need
            if index is not None:
                need_fact, step = next_step_fact(
                    row_plan.row, row_plan.method, index, exact, schedule
                )
                if step is not None:
                    need = RowNeed(need.fact_for_full_index, need_fact, step)
            if found is None:
                rows.append(
                    RowResult(
                        row_plan.row,
                        row_plan.indicator,
                        fact,
                        None,
                        None,
                        None,
                        None,
                        need,
                        bonus,
                        payout,
                    )
                )
                continue
            shared = found.result
            rows.append(
                RowResult(
                    row_plan.row,
                    row_plan.indicator,
                    fact,
                    index,
                    found.weighted,
                    shared.index_explanation,
                    shared.weighted_explanation,
                    need,
                    bonus,
                    payout,
                )
            )
        return tuple(rows)


def _figures(plan: _RowPlan, fact: Decimal) -> _RowFigures:
    outcome = index_outcome(plan.row, fact, plan.method)
    index = outcome.index if outcome is not None else None
    row, method = plan.row, plan.method
    weighted = row.weight * index if index is not None else None
    result = RowResult(
        row,
        plan.indicator,
        fact,
        index,
        weighted,
        DeferredExplanation(build=lambda: explain_outcome(row, fact, method, outcome)),
        None if index is None else DeferredExplanation(build=lambda: explain_weighted(row, index)),
        plan.full_need,
        None,
    )
    return _RowFigures(index, weighted, result)


def compute_employee(
    company: Company, employee: Employee, period: Period, inputs: PeriodInputs
) -> EmployeeResult:
    """One employee's matrix, KPI and pay for a period.

    Args:
        company: directories, matrices and payout schedules.
        employee: whose result (need not be in ``company.employees``).
        period: the payroll period.
        inputs: the period's facts, daily rows, plans and raw inputs.

    Returns:
        The result; ``kpi``/``pay`` are ``None`` when the matrix is incomplete or invalid.
    """
    return _Calculation(company, period, inputs).employee(employee.in_period(period))


def compute_period(company: Company, period: Period, inputs: PeriodInputs) -> PeriodResult:
    """Every non-archived employee working in the period, in the company's order, each
    with the fixed pay and target bonus in force in the period (``Employee.in_period``).

    Args:
        company: directories, matrices and payout schedules.
        period: the payroll period.
        inputs: the period's facts, daily rows (also of the previous equal period), plans
            and raw inputs.

    Returns:
        The period's results.
    """
    calculation = _Calculation(company, period, inputs)
    return PeriodResult(
        period,
        tuple(
            calculation.employee(employee.in_period(period))
            for employee in company.employees
            if not employee.archived and employee.works_in(period)
        ),
    )

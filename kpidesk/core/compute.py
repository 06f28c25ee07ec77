"""A period's calculation: every employee's matrix, facts, indices, KPI and pay (SPEC §2).

For each row: the fact from its source, the index and weighted index with explanations and
'what do I need'. A matrix is *incomplete* — no KPI and no pay — when a row has no fact or
no index (listed in ``missing``), when there is no matrix (``missing == ("matrix",)``) or
when the matrix has validation errors (in ``problems``). Otherwise the KPI is rounded to
0.1 % and the pay follows the employee's payout schedule.

The work for a whole period is shared: the daily rows are grouped once (``PeriodBook``),
the matrices are indexed by owner once, each matrix is validated once, each (row, fact)
is computed once, and explanations are built only when read (``DeferredExplanation``), so
that a whole period (200 employees × 8 rows) takes milliseconds (SPEC §9: ≤ 20 ms).

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
    kpi_exact,
)
from kpidesk.core.matrix import Matrix, MatrixRow, matrix_in_force
from kpidesk.core.money import ONE, round_kpi
from kpidesk.core.needs import fact_for_index, next_step_fact
from kpidesk.core.org import Employee
from kpidesk.core.pay import pay_for, per_indicator_pay
from kpidesk.core.payout import PayoutSchedule, next_step, schedule_for
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem, has_errors
from kpidesk.core.results import EmployeeResult, Explanation, PeriodResult, RowNeed, RowResult
from kpidesk.core.sources import FactReader, PeriodBook, fact_reader


@dataclass(frozen=True)
class _RowFigures:
    """A row's numbers for one fact: the same for everyone with that row and that fact."""

    index: Decimal | None
    weighted: Decimal | None
    index_explanation: Explanation
    weighted_explanation: Explanation | None


@dataclass(frozen=True)
class _RowPlan:
    """How to compute one matrix row, worked out once per matrix."""

    row: MatrixRow
    indicator: Indicator | None
    method: IndexMethod
    read: FactReader
    full_need: RowNeed  # the need with only the fact for index 1.0
    figures: dict[Decimal, _RowFigures]  # by fact


def _no_fact(employee: Employee) -> Decimal | None:
    return None


class _Calculation:
    """What one call shares between employees: indicators by code, matrices by owner, the
    period book, and per matrix its validation and row plans (with each fact's figures)."""

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
        self._plans: dict[int, tuple[tuple[_RowPlan, ...], tuple[Problem, ...]]] = {}

    def matrix_for(self, employee: Employee) -> Matrix | None:
        candidates = [
            *self.overrides.get(employee.name, ()),
            *self.templates.get(employee.position, ()),
        ]
        return matrix_in_force(candidates, employee.name, employee.position, self.period)

    def plan_of(self, matrix: Matrix) -> tuple[tuple[_RowPlan, ...], tuple[Problem, ...]]:
        found = self._plans.get(id(matrix))
        if found is None:
            plans = []
            for row in matrix.rows:
                indicator = self.indicators.get(row.indicator)
                method = indicator.method if indicator is not None else IndexMethod.SCALE
                read = fact_reader(indicator, self.book) if indicator is not None else _no_fact
                full = RowNeed(fact_for_index(row, method, ONE), None, None)
                plans.append(_RowPlan(row, indicator, method, read, full, {}))
            found = (tuple(plans), tuple(validate_matrix(matrix, self.indicators)))
            self._plans[id(matrix)] = found
        return found

    def employee(self, employee: Employee) -> EmployeeResult:
        schedule = schedule_for(self.company.schedules, employee.position)
        matrix = self.matrix_for(employee)
        if matrix is None:
            return EmployeeResult(
                employee, self.period, None, schedule, (), None, None, None, None, ("matrix",), ()
            )
        plans, problems = self.plan_of(matrix)
        facts: list[Decimal | None] = []
        figures: list[_RowFigures | None] = []
        missing: list[str] = []
        for plan in plans:
            fact = plan.read(employee)
            found = None
            if fact is not None:
                found = plan.figures.get(fact)
                if found is None:
                    found = _figures(plan, fact)
                    plan.figures[fact] = found
            if found is None or found.index is None:
                missing.append(plan.row.indicator)
            facts.append(fact)
            figures.append(found)
        exact = None
        if not missing and not has_errors(problems):
            exact = kpi_exact([f.weighted for f in figures if f is not None and f.weighted])
        return self._result(
            employee, matrix, schedule, plans, facts, figures, missing, problems, exact
        )

    def _result(
        self,
        employee: Employee,
        matrix: Matrix,
        schedule: PayoutSchedule,
        plans: tuple[_RowPlan, ...],
        facts: list[Decimal | None],
        figures: list[_RowFigures | None],
        missing: list[str],
        problems: tuple[Problem, ...],
        exact: Decimal | None,
    ) -> EmployeeResult:
        rounded = round_kpi(exact) if exact is not None else None
        pay = None
        bonuses: tuple[Decimal | None, ...] = (None,) * len(plans)
        if rounded is not None:
            if schedule.per_indicator:
                pairs = [
                    (plan.row.weight, found.index if found and found.index else Decimal(0))
                    for plan, found in zip(plans, figures, strict=True)
                ]
                pay, bonuses = per_indicator_pay(employee, schedule, pairs)
            else:
                pay = pay_for(employee, schedule, rounded)
        # Whole-matrix payout: one next step for every row (none above the threshold).
        whole_step = (
            next_step(schedule, rounded)
            if rounded is not None and not schedule.per_indicator
            else None
        )
        per_row = schedule.per_indicator or whole_step is not None
        rows = []
        weighted: list[Decimal] = []
        for plan, fact, found, bonus in zip(plans, facts, figures, bonuses, strict=True):
            index = found.index if found is not None else None
            need = plan.full_need
            if per_row and index is not None:
                need_fact, step = next_step_fact(plan.row, plan.method, index, exact, schedule)
                if step is not None:
                    need = RowNeed(need.fact_for_full_index, need_fact, step)
            if found is None:
                rows.append(
                    RowResult(plan.row, plan.indicator, fact, None, None, None, None, need, bonus)
                )
                continue
            if found.weighted is not None:
                weighted.append(found.weighted)
            rows.append(
                RowResult(
                    plan.row,
                    plan.indicator,
                    fact,
                    index,
                    found.weighted,
                    found.index_explanation,
                    found.weighted_explanation,
                    need,
                    bonus,
                )
            )
        return EmployeeResult(
            employee=employee,
            period=self.period,
            matrix=matrix,
            schedule=schedule,
            rows=tuple(rows),
            kpi=rounded,
            kpi_exact=exact,
            kpi_explanation=(
                DeferredExplanation(build=lambda: explain_kpi(weighted))
                if exact is not None
                else None
            ),
            pay=pay,
            missing=tuple(missing),
            problems=problems,
        )


def _figures(plan: _RowPlan, fact: Decimal) -> _RowFigures:
    outcome = index_outcome(plan.row, fact, plan.method)
    index = outcome.index if outcome is not None else None
    row, method = plan.row, plan.method
    return _RowFigures(
        index,
        row.weight * index if index is not None else None,
        DeferredExplanation(build=lambda: explain_outcome(row, fact, method, outcome)),
        None if index is None else DeferredExplanation(build=lambda: explain_weighted(row, index)),
    )


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
    return _Calculation(company, period, inputs).employee(employee)


def compute_period(company: Company, period: Period, inputs: PeriodInputs) -> PeriodResult:
    """Every non-archived employee working in the period, in the company's order.

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
            calculation.employee(employee)
            for employee in company.employees
            if not employee.archived and employee.works_in(period)
        ),
    )

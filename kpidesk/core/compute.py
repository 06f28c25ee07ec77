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

import gc
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.fact_breakdown import FactBreakdown
from kpidesk.core.indicators import IndexMethod, Indicator, SourceKind
from kpidesk.core.item_validation import validate_matrix
from kpidesk.core.kpi import deferred, explain_kpi
from kpidesk.core.matrix import Matrix, MatrixRow, matrix_in_force
from kpidesk.core.money import ONE, ZERO, round_kpi
from kpidesk.core.needs import fact_for_index, next_step_fact
from kpidesk.core.org import Employee
from kpidesk.core.pay import amounts_for_period, pay_for, per_indicator_payout
from kpidesk.core.payout import PayoutSchedule, next_step, schedule_for
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem, has_errors
from kpidesk.core.results import EmployeeKpi as EmployeeKpi  # the KPI-only results
from kpidesk.core.results import (
    EmployeeResult,
    HalfMonthPay,
    PeriodResult,
    RowNeed,
    RowPayout,
    RowResult,
    new_employee_result,
    new_row_result,
)
from kpidesk.core.results import PeriodKpis as PeriodKpis
from kpidesk.core.row_figures import RowFigures
from kpidesk.core.sources import (
    BreakdownReader,
    FactReader,
    PeriodBook,
    breakdown_reader,
    fact_reader,
    no_breakdown,
)


@dataclass(frozen=True)
class _RowPlan:
    """How to compute one matrix row, worked out once per matrix."""

    row: MatrixRow
    indicator: Indicator | None
    method: IndexMethod
    read: FactReader
    full_need: RowNeed  # the need with only the fact for index 1.0
    no_fact: RowResult  # the row's result without a fact
    # by fact, or by (fact, id of its breakdown): a breakdown is one shared object per
    # store or per distinct inputs, and the figures keep it alive
    figures: dict[Decimal | tuple[Decimal, int], RowFigures]
    explain: BreakdownReader  # what a computed fact was computed from

    def figures_for(self, employee: Employee, fact: Decimal, explain: bool = True) -> RowFigures:
        """The shared figures of ``fact`` — with the breakdown of the employee's fact
        attached unless ``explain`` is false (a KPI alone needs none)."""
        told = self.explain(employee) if explain else None
        key: Decimal | tuple[Decimal, int] = fact if told is None else (fact, id(told))
        found = self.figures.get(key)
        if found is None:
            found = self.figures[key] = _figures(self, fact, told)
        return found


@dataclass(frozen=True)
class _MatrixPlan:
    """A matrix's row plans and validation, worked out once per calculation."""

    rows: tuple[_RowPlan, ...]
    problems: tuple[Problem, ...]
    invalid: bool  # the problems include an error: no KPI
    # rows whose fact is the same for everyone of a store (store metrics, no indicator):
    # per (store, with breakdowns), each row's (fact, figures), ``None`` for the rows
    # read per employee
    shared: tuple[bool, ...]  # per row: whether it is such a row
    by_store: dict[tuple[str | None, bool], tuple[_Cell | None, ...]]


_Cell = tuple[Decimal | None, RowFigures | None]


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
            per_store: list[bool] = []
            for row in matrix.rows:
                indicator = self.indicators.get(row.indicator)
                method = indicator.method if indicator is not None else IndexMethod.SCALE
                read = fact_reader(indicator, self.book) if indicator is not None else _no_fact
                explain = (
                    breakdown_reader(indicator, self.book)
                    if indicator is not None
                    else no_breakdown
                )
                full = RowNeed(fact_for_index(row, method, ONE), None, None)
                empty = RowResult(row, indicator, None, None, None, None, None, full, None)
                plans.append(_RowPlan(row, indicator, method, read, full, empty, {}, explain))
                per_store.append(indicator is None or indicator.source.kind is SourceKind.STORE)
            problems = tuple(validate_matrix(matrix, self.indicators))
            found = _MatrixPlan(tuple(plans), problems, has_errors(problems), tuple(per_store), {})
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
        figures: list[RowFigures | None] = []
        missing: list[str] = []
        weighted: list[Decimal] = []
        exact = self._rows(plan, employee, facts, figures, missing, weighted)
        return self._result(
            employee, matrix, schedule, plan, facts, figures, missing, exact, weighted, half_month
        )

    def kpi(self, employee: Employee) -> EmployeeKpi:
        """Only the employee's rounded KPI (``None``: incomplete or invalid matrix), with
        the missing rows and the manual facts not typed in — the same as ``employee(...)``'s
        ``kpi``/``missing`` and its rows' manual facts, without pay or explanations."""
        matrix = self.matrix_for(employee)
        if matrix is None:
            return EmployeeKpi(employee, None, ("matrix",))
        plan = self.plan_of(matrix)
        cells = plan.by_store.get((employee.store, False)) or self._cells(plan, employee, False)
        exact = ZERO  # summed in the rows' order, exactly as ``employee``
        missing: list[str] = []
        typed: list[str] = []  # manual facts not typed in
        for row_plan, cell in zip(plan.rows, cells, strict=True):
            if cell is not None:
                fact, found = cell
            else:
                fact = row_plan.read(employee)
                found = None if fact is None else row_plan.figures_for(employee, fact, False)
            if found is None or found.index is None:
                missing.append(row_plan.row.indicator)
            elif found.weighted:
                exact += found.weighted
            indicator = row_plan.indicator
            if fact is None and indicator is not None and indicator.source.is_manual:
                typed.append(indicator.code)
        kpi = None if missing or plan.invalid else round_kpi(exact)
        return EmployeeKpi(employee, kpi, tuple(missing), tuple(typed))

    def _cells(
        self, plan: _MatrixPlan, employee: Employee, explain: bool = True
    ) -> tuple[_Cell | None, ...]:
        """The (fact, figures) of the rows shared by the employee's store (worked out for
        the first employee of each store); without the facts' breakdowns unless
        ``explain`` (a KPI alone needs none)."""
        key = (employee.store, explain)
        found = plan.by_store.get(key)
        if found is not None:
            return found
        cells: list[_Cell | None] = []
        for row_plan, shared in zip(plan.rows, plan.shared, strict=True):
            if not shared:
                cells.append(None)
                continue
            fact = row_plan.read(employee)
            figures = None
            if fact is not None:
                figures = row_plan.figures_for(employee, fact, explain)
            cells.append((fact, figures))
        found = plan.by_store[key] = tuple(cells)
        return found

    def _rows(
        self,
        plan: _MatrixPlan,
        employee: Employee,
        facts: list[Decimal | None],
        figures: list[RowFigures | None],
        missing: list[str],
        weighted: list[Decimal],
    ) -> Decimal | None:
        """Fill each row's fact, figures, the missing rows and the weighted indices;
        return the exact KPI (``None`` when a row is missing or the matrix invalid)."""
        cells = plan.by_store.get((employee.store, True)) or self._cells(plan, employee)
        for row_plan, cell in zip(plan.rows, cells, strict=True):
            if cell is not None:
                fact, found = cell
            else:
                fact = row_plan.read(employee)
                found = None
                if fact is not None:  # a typed fact has no breakdown: its figures by fact
                    if row_plan.explain is no_breakdown:
                        found = row_plan.figures.get(fact)
                    if found is None:
                        found = row_plan.figures_for(employee, fact)
            if found is not None and found.weighted is not None:
                weighted.append(found.weighted)
            if found is None or found.index is None:
                missing.append(row_plan.row.indicator)
            facts.append(fact)
            figures.append(found)
        if missing or plan.invalid:
            return None
        return sum((value for value in weighted if value), ZERO)  # as ``kpi_exact``

    def _result(
        self,
        employee: Employee,
        matrix: Matrix,
        schedule: PayoutSchedule,
        plan: _MatrixPlan,
        facts: list[Decimal | None],
        figures: list[RowFigures | None],
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
        return new_employee_result(  # EmployeeResult(...), made faster
            employee,
            self.period,
            matrix,
            schedule,
            rows,
            rounded,
            exact,
            deferred(lambda: explain_kpi(weighted)) if exact is not None else None,
            pay,
            tuple(missing),
            plan.problems,
            False,
            half_month,
        )

    @staticmethod
    def _own_rows(
        schedule: PayoutSchedule,
        plans: tuple[_RowPlan, ...],
        facts: list[Decimal | None],
        figures: list[RowFigures | None],
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
                    new_row_result(
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
                new_row_result(
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
                    shared.fact_breakdown,
                )
            )
        return tuple(rows)


def _figures(plan: _RowPlan, fact: Decimal, told: FactBreakdown | None = None) -> RowFigures:
    return RowFigures(plan.row, plan.indicator, plan.method, plan.full_need, fact, told)


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
    # The cyclic collector is paused meanwhile (resumed only if this paused it): the
    # calculation's objects form no cycles, and collections rescanning the young inputs
    # cost ≈ 1–2 ms of a 12 ms recompute from freshly read rows (bench_recompute.py).
    paused = gc.isenabled()
    gc.disable()
    try:
        calculation = _Calculation(company, period, inputs)
        return PeriodResult(
            period,
            tuple(
                calculation.employee(employee.in_period(period))
                for employee in company.employees
                if not employee.archived and employee.works_in(period)
            ),
        )
    finally:
        if paused:
            gc.enable()


def compute_kpis(
    company: Company,
    period: Period,
    inputs: PeriodInputs,
    keep: Callable[[Employee], bool] | None = None,
) -> PeriodKpis:
    """Only the KPIs of :func:`compute_period` — the same employees in the same order, the
    same rounded figures — at a fraction of its cost (no pay, needs or explanations).

    Args:
        company: directories, matrices and payout schedules.
        period: the payroll period.
        inputs: the period's inputs (as for :func:`compute_period`).
        keep: only the employees it accepts (``None``: all).
    """
    calculation = _Calculation(company, period, inputs)
    return PeriodKpis(
        period,
        tuple(
            calculation.kpi(working)
            for working in (
                employee.in_period(period)
                for employee in company.employees
                if not employee.archived
                and employee.works_in(period)
                and (keep is None or keep(employee))
            )
        ),
    )

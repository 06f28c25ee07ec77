"""What a period's calculation returns: per row, per employee, per period — each number
with its explanation (the formula with the values put in, SPEC §2.5). Data only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from kpidesk.core.fact_breakdown import FactBreakdown
from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee
from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem


@dataclass(frozen=True)
class Explanation:
    """How a number was obtained.

    Attributes:
        formula: the formula with the values substituted, Russian number format, e.g.
            ``(200 000 − 50 000) / (100 000 − 50 000) = 300,0%``. Language-neutral.
        note: an optional English remark a GUI translates, e.g. ``"clamped at the target"``.
    """

    formula: str
    note: str | None = None

    def text(self) -> str:
        """The formula and the note in one line."""
        return f"{self.formula} ({self.note})" if self.note else self.formula


@dataclass(frozen=True)
class RowNeed:
    """'What do I need?' for a row: the fact that gives index 1.0 and the fact that (other
    rows unchanged) lifts the KPI to the next payout step — ``None`` when unreachable or
    when there is no further step."""

    fact_for_full_index: Decimal | None
    fact_for_next_step: Decimal | None
    next_step_kpi: Decimal | None


@dataclass(frozen=True)
class RowPayout:
    """A row's pay under per-indicator payout (SPEC §2.5): ``share × coefficient = amount``.

    Attributes:
        share: the row's share of the target bonus, in kopecks (largest remainder).
        coefficient: the payout coefficient of the row's index rounded to 0.1 %.
        amount: ``round_half_up(share × coefficient)``, never negative; the bonus is the
            sum of the rows' amounts.
        explanation: ``16 333,33 × 0,925 = 15 108,33``.
    """

    share: Decimal
    coefficient: Decimal
    amount: Decimal
    explanation: Explanation


@dataclass(frozen=True)
class RowResult:
    """One matrix row computed: fact, index (unrounded) and weighted index."""

    row: MatrixRow
    indicator: Indicator | None
    fact: Decimal | None
    index: Decimal | None
    weighted: Decimal | None
    index_explanation: Explanation | None
    weighted_explanation: Explanation | None
    need: RowNeed | None
    row_bonus: Decimal | None = None  # per-indicator payout only (= ``payout.amount``)
    payout: RowPayout | None = None  # per-indicator payout of a complete matrix only
    # A computed fact's operands as printed (``core.fact_breakdown``), shared like the row
    # result by everyone with the same fact from the same sums; ``None`` for a typed fact.
    fact_breakdown: FactBreakdown | None = None


class Status(Enum):
    """Whether an employee's numbers for the period could be computed."""

    COMPLETE = "complete"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class PayResult:
    """Pay for the period: coefficient, bonus and total, each rounded at its end.

    With per-indicator payout (``per_indicator``) there is no single payout coefficient:
    ``coefficient`` is then only the effective share of the target bonus
    (``Σ weight × coefficient_i``), which does not reproduce the rounded row amounts, so
    nothing prints it as the payout coefficient (see :attr:`payout_coefficient`).
    """

    coefficient: Decimal
    bonus: Decimal
    fixed_pay: Decimal
    total: Decimal
    coefficient_explanation: Explanation
    bonus_explanation: Explanation
    total_explanation: Explanation
    per_indicator: bool = False

    @property
    def payout_coefficient(self) -> Decimal | None:
        """The one coefficient that gives ``bonus = target bonus × coefficient``; ``None``
        for per-indicator payout (each row has its own, ``RowResult.payout``)."""
        return None if self.per_indicator else self.coefficient


@dataclass(frozen=True)
class HalfMonthPay:
    """How a half-month's fixed pay and target bonus come from the monthly amounts
    (SPEC §2.2): H1 pays ``round_half_up(monthly / 2)``, H2 the rest.

    Attributes:
        monthly_fixed_pay: the monthly fixed pay in force (rounded to kopecks).
        monthly_target_bonus: the monthly target bonus in force (rounded to kopecks).
        fixed_pay_explanation: ``39 700,00 / 2 = 19 850,00`` (H1) or
            ``39 700,00 − 19 850,00 = 19 850,00`` (H2).
        target_bonus_explanation: the same for the target bonus.
    """

    monthly_fixed_pay: Decimal
    monthly_target_bonus: Decimal
    fixed_pay_explanation: Explanation
    target_bonus_explanation: Explanation


@dataclass(frozen=True)
class EmployeeResult:
    """One employee's matrix, KPI and pay for a period.

    ``employee`` carries the fixed pay and target bonus *of the period*: the monthly
    amounts in force, or in a half-month their half (``half_month`` then says how).
    """

    employee: Employee
    period: Period
    matrix: Matrix | None
    schedule: PayoutSchedule
    rows: tuple[RowResult, ...]
    kpi: Decimal | None  # rounded to 0.001; None when incomplete
    kpi_exact: Decimal | None
    kpi_explanation: Explanation | None
    pay: PayResult | None
    missing: tuple[str, ...]  # indicator codes without a fact (or "matrix" when none)
    problems: tuple[Problem, ...]
    # The reader may not see this person's money (SPEC §8.1, ``core.visibility``): ``pay``
    # and every row's bonus are absent, the employee's amounts are not theirs to show.
    money_withheld: bool = False
    # A half-month period: how the employee's amounts were halved (``None`` in a month).
    half_month: HalfMonthPay | None = None

    @property
    def status(self) -> Status:
        """Complete when every row has a fact and index and the matrix is valid."""
        if self.pay is not None or (self.money_withheld and self.kpi is not None):
            return Status.COMPLETE
        return Status.INCOMPLETE

    @property
    def fixed_pay(self) -> Decimal | None:
        """The fixed pay of the period as the reader may see it (``None``: withheld)."""
        if self.money_withheld:
            return None
        return self.pay.fixed_pay if self.pay is not None else self.employee.fixed_pay


@dataclass(frozen=True)
class PeriodResult:
    """Every employee working in the period, in directory order."""

    period: Period
    employees: tuple[EmployeeResult, ...]

    def for_employee(self, name: str) -> EmployeeResult | None:
        """The result for one employee, or ``None``."""
        for result in self.employees:
            if result.employee.name == name:
                return result
        return None


@dataclass(frozen=True)
class EmployeeKpi:
    """An employee's KPI for a period without the pay, rows or explanations: what a
    rating and the dashboard need (``kpi`` ``None``: the matrix is incomplete)."""

    employee: Employee
    kpi: Decimal | None
    missing: tuple[str, ...] = ()  # as ``EmployeeResult.missing``
    missing_facts: tuple[str, ...] = ()  # the manual facts not typed in, in row order

    @property
    def status(self) -> Status:
        """Complete when there is a KPI (as ``EmployeeResult.status``: a KPI means pay)."""
        return Status.COMPLETE if self.kpi is not None else Status.INCOMPLETE


@dataclass(frozen=True)
class PeriodKpis:
    """The KPIs of a pay period's employees (``core.compute.compute_kpis``)."""

    period: Period
    employees: tuple[EmployeeKpi, ...]


# --- fast construction ------------------------------------------------------------------
# A period's calculation makes thousands of these frozen results (SPEC §9: a period in
# ≤ 20 ms); the generated ``__init__`` pays an ``object.__setattr__`` per field. These
# makers fill the instance dictionary in one step instead — the same objects (equal,
# hashing and printing alike), checked field by field against the constructors by
# ``tests/unit/core/test_perf_recompute.py``. Classes without ``__post_init__`` only.
_new = object.__new__
_set = object.__setattr__


def new_row_result(
    row: MatrixRow,
    indicator: Indicator | None,
    fact: Decimal | None,
    index: Decimal | None,
    weighted: Decimal | None,
    index_explanation: Explanation | None,
    weighted_explanation: Explanation | None,
    need: RowNeed | None,
    row_bonus: Decimal | None = None,
    payout: RowPayout | None = None,
    fact_breakdown: FactBreakdown | None = None,
) -> RowResult:
    """``RowResult(...)`` with the same arguments, faster."""
    item = _new(RowResult)
    _set(
        item,
        "__dict__",
        {
            "row": row,
            "indicator": indicator,
            "fact": fact,
            "index": index,
            "weighted": weighted,
            "index_explanation": index_explanation,
            "weighted_explanation": weighted_explanation,
            "need": need,
            "row_bonus": row_bonus,
            "payout": payout,
            "fact_breakdown": fact_breakdown,
        },
    )
    return item


def new_employee_result(
    employee: Employee,
    period: Period,
    matrix: Matrix | None,
    schedule: PayoutSchedule,
    rows: tuple[RowResult, ...],
    kpi: Decimal | None,
    kpi_exact: Decimal | None,
    kpi_explanation: Explanation | None,
    pay: PayResult | None,
    missing: tuple[str, ...],
    problems: tuple[Problem, ...],
    money_withheld: bool = False,
    half_month: HalfMonthPay | None = None,
) -> EmployeeResult:
    """``EmployeeResult(...)`` with the same arguments, faster."""
    item = _new(EmployeeResult)
    _set(
        item,
        "__dict__",
        {
            "employee": employee,
            "period": period,
            "matrix": matrix,
            "schedule": schedule,
            "rows": rows,
            "kpi": kpi,
            "kpi_exact": kpi_exact,
            "kpi_explanation": kpi_explanation,
            "pay": pay,
            "missing": missing,
            "problems": problems,
            "money_withheld": money_withheld,
            "half_month": half_month,
        },
    )
    return item


def new_pay_result(
    coefficient: Decimal,
    bonus: Decimal,
    fixed_pay: Decimal,
    total: Decimal,
    coefficient_explanation: Explanation,
    bonus_explanation: Explanation,
    total_explanation: Explanation,
    per_indicator: bool = False,
) -> PayResult:
    """``PayResult(...)`` with the same arguments, faster."""
    item = _new(PayResult)
    _set(
        item,
        "__dict__",
        {
            "coefficient": coefficient,
            "bonus": bonus,
            "fixed_pay": fixed_pay,
            "total": total,
            "coefficient_explanation": coefficient_explanation,
            "bonus_explanation": bonus_explanation,
            "total_explanation": total_explanation,
            "per_indicator": per_indicator,
        },
    )
    return item

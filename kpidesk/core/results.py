"""What a period's calculation returns: per row, per employee, per period — each number
with its explanation (the formula with the values put in, SPEC §2.5). Data only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

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
    row_bonus: Decimal | None = None  # per-indicator payout only


class Status(Enum):
    """Whether an employee's numbers for the period could be computed."""

    COMPLETE = "complete"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class PayResult:
    """Pay for the period: coefficient, bonus and total, each rounded at its end."""

    coefficient: Decimal
    bonus: Decimal
    fixed_pay: Decimal
    total: Decimal
    coefficient_explanation: Explanation
    bonus_explanation: Explanation
    total_explanation: Explanation


@dataclass(frozen=True)
class EmployeeResult:
    """One employee's matrix, KPI and pay for a period."""

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

    @property
    def status(self) -> Status:
        """Complete when every row has a fact and index and the matrix is valid."""
        return Status.COMPLETE if self.pay is not None else Status.INCOMPLETE


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

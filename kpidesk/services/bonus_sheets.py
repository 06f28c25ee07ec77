"""Bonus sheets of a period (SPEC §4.8, §7): which employees to print (the store filter,
chosen names), whether each sheet is a draft, and the bonus workbook export. The numbers
all come from ``core`` through :meth:`CompanyService.compute_period`; nothing is computed
here. Never Qt.

A period's bonuses are only for a pay period: a month in a company that pays by
half-months is an analytics range and is refused (``not_a_pay_period``, SPEC §2.2) by
:func:`period_bonuses`, which every bonus output — the JSON/CSV report, the sheets, the
workbook — goes through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kpidesk.core.money import ZERO
from kpidesk.core.pay_list import pay_list_totals
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.results import EmployeeResult, PeriodResult, Status
from kpidesk.core.rights import Right
from kpidesk.core.signoff import PaylistState
from kpidesk.services.errors import UserError

if TYPE_CHECKING:
    from kpidesk.io.payroll import Accrual
    from kpidesk.services.company import CompanyService


@dataclass(frozen=True)
class BonusBatch:
    """The sheets to print or export for a period.

    Attributes:
        company: the company's name (printed in each sheet's heading).
        period: the payroll period.
        locked: whether the period is locked (paid); an unlocked period prints as drafts.
        employees: the employees' results, in directory order.
        signoff: where the pay list stands (черновик → … → закрыт) and who signed it;
            printed on every sheet and on the pay list (SPEC §7).
    """

    company: str
    period: Period
    locked: bool
    employees: tuple[EmployeeResult, ...]
    signoff: PaylistState = field(default_factory=PaylistState)

    def is_draft(self, result: EmployeeResult) -> bool:
        """A sheet is a draft when its matrix is incomplete or the period is not locked."""
        return not self.locked or result.status is Status.INCOMPLETE

    def result(self) -> PeriodResult:
        """The batch as a period result (for the JSON/CSV/xlsx reports)."""
        return PeriodResult(self.period, self.employees)


def select(
    result: PeriodResult, store: str | None = None, names: Iterable[str] | None = None
) -> tuple[EmployeeResult, ...]:
    """The results of one store (``None`` = all) and, when given, of the named employees."""
    chosen = set(names) if names is not None else None
    return tuple(
        employee
        for employee in result.employees
        if (store is None or employee.employee.store == store)
        and (chosen is None or employee.employee.name in chosen)
    )


def require_pay_period(service: CompanyService, period: Period) -> None:
    """A month in a half-month company is an analytics range, not a pay period: refused
    for bonuses with a message naming the two halves (SPEC §2.2).

    Raises:
        UserError: ``not_a_pay_period``.
    """
    if period.kind is not PeriodKind.MONTH:
        return
    if service.company().pay_period is not PeriodKind.HALF:
        return
    year, month = period.start.year, period.start.month
    first, second = (Period.half(year, month, half).code for half in (1, 2))
    raise UserError.of(
        "not_a_pay_period",
        f"{period.code} is not a pay period: the company pays in half-months "
        f"({first} and {second})",
        period=period.code,
        first=first,
        second=second,
    )


def period_bonuses(service: CompanyService, period: Period) -> PeriodResult:
    """The bonuses of a pay period (every employee's result).

    Raises:
        UserError: ``not_a_pay_period`` (:func:`require_pay_period`).
    """
    require_pay_period(service, period)
    return _numbered(service, service.compute_period(period))


def _numbered(service: CompanyService, result: PeriodResult) -> PeriodResult:
    """A locked period's snapshot taken before personnel numbers existed has none: its
    people get the directory's (a number names a person, it is no amount to freeze)."""
    missing = [e for e in result.employees if e.employee.personnel_number is None]
    if not missing:
        return result
    numbers = {e.name: e.personnel_number for e in service.company().employees}
    if not any(numbers.get(e.employee.name) for e in missing):
        return result
    return replace(
        result,
        employees=tuple(
            e
            if e.employee.personnel_number is not None or not numbers.get(e.employee.name)
            else replace(e, employee=replace(e.employee, personnel_number=numbers[e.employee.name]))
            for e in result.employees
        ),
    )


def bonus_batch(
    service: CompanyService,
    period: Period,
    *,
    store: str | None = None,
    names: Iterable[str] | None = None,
) -> BonusBatch:
    """Compute the period and pick the sheets to print.

    Args:
        service: the open company.
        period: the payroll period.
        store: only this store's employees (``None`` = every employee).
        names: only these employees (``None`` = everyone left by the store filter).

    Raises:
        UserError: not a pay period (:func:`require_pay_period`), or nobody to print (no
            employee works in the period, or none matches).
    """
    service.require(Right.BONUS_SHEETS, "print bonus sheets", employee=service.actor.employee)
    result = period_bonuses(service, period)
    actor = service.actor
    employees = tuple(  # a manager or an employee prints their own sheet only (SPEC §8.1)
        item
        for item in select(result, store, names)
        if actor.may(Right.BONUS_SHEETS, store=item.employee.store, employee=item.employee.name)
    )
    if not employees:
        where = f" in store {store!r}" if store else ""
        raise UserError.of(
            "nothing_to_print_in_store" if store else "nothing_to_print",
            f"no employees{where} to print for {period.code}",
            period=period.code,
            store=store,
        )
    from kpidesk.services.signoff import paylist_state

    return BonusBatch(
        company=service.title,
        period=period,
        locked=service.is_locked(period),
        employees=employees,
        signoff=paylist_state(service, period),
    )


def export_bonus_workbook(
    service: CompanyService,
    period: Period,
    path: Path,
    *,
    store: str | None = None,
    lang: str = "ru",
) -> Path:
    """Write the period's bonus workbook with live formulas (see ``io.bonus_workbook``).

    Raises:
        UserError: not a pay period, nobody to export, or the file cannot be written.
    """
    from kpidesk.io.bonus_workbook import write_bonus_workbook

    batch = bonus_batch(service, period, store=store)
    try:
        return write_bonus_workbook(
            batch.result(), path, company=batch.company, locked=batch.locked, lang=lang
        )
    except OSError as error:
        raise UserError.of(
            "cannot_write", f"cannot write {path}: {error.strerror or error}", file=path
        ) from None


# --- the payroll hand-off (SPEC §7) ----------------------------------------------------------
@dataclass(frozen=True)
class PayrollExport:
    """What ``report payroll`` wrote.

    Attributes:
        path: the file.
        accruals: the rows written (one per accrual: fixed pay, bonus; a zero amount is no
            accrual and gets no row).
        employees: the complete sheets exported.
        left_out: the incomplete sheets not exported (only with ``allow_incomplete``).
        unnumbered: exported employees without a personnel number (the payroll program
            cannot match them by number).
        total: the pay list's total of these sheets (``core.pay_list``), which the
            accruals add up to.
    """

    path: Path
    accruals: int
    employees: int
    left_out: tuple[str, ...]
    unnumbered: tuple[str, ...]
    total: Decimal


def payroll_accruals(results: Iterable[EmployeeResult]) -> list[Accrual]:
    """One accrual per amount of each complete sheet: «Оклад» (the fixed pay of the period)
    and «Премия по KPI» (the bonus), over the employee's days of the period."""
    from kpidesk.io.payroll import BONUS_KIND, FIXED_PAY_KIND, Accrual

    found: list[Accrual] = []
    for result in results:
        pay = result.pay
        if pay is None or result.status is not Status.COMPLETE or result.money_withheld:
            continue
        employee, period = result.employee, result.period
        start: date = max(period.start, employee.start or period.start)
        end: date = min(period.end, employee.end or period.end)
        for kind, amount in ((FIXED_PAY_KIND, pay.fixed_pay), (BONUS_KIND, pay.bonus)):
            if amount != ZERO:
                found.append(
                    Accrual(employee.personnel_number, employee.name, start, end, kind, amount)
                )
    return found


def export_payroll(
    service: CompanyService,
    period: Period,
    path: Path,
    *,
    csv: bool = False,
    allow_incomplete: bool = False,
) -> PayrollExport:
    """Write the period's accruals for the payroll program (xlsx, or ``csv``): complete
    sheets only; refused while a sheet is incomplete unless ``allow_incomplete``, which
    leaves the incomplete ones out. Only a reader who may see the pay exports it (SPEC
    §8.1: the bonus sheets' right; a manager or an employee gets their own accruals).

    Raises:
        UserError: no right, not a pay period, nobody to export, ``payroll_incomplete``
            (naming the incomplete sheets), or the file cannot be written.
    """
    from kpidesk.io.payroll import write_payroll_csv, write_payroll_xlsx

    batch = bonus_batch(service, period)
    incomplete = tuple(r.employee.name for r in batch.employees if r.status is Status.INCOMPLETE)
    if incomplete and not allow_incomplete:
        raise UserError.of(
            "payroll_incomplete",
            f"{len(incomplete)} incomplete sheet(s) in {period.code}: "
            f"{', '.join(incomplete)}; nothing was written",
            period=period.code,
            count=len(incomplete),
            names=", ".join(incomplete),
        )
    complete = [r for r in batch.employees if r.status is Status.COMPLETE]
    accruals = payroll_accruals(complete)
    title = f"{batch.company} — {period.code}"
    try:
        if csv:
            write_payroll_csv(accruals, path)
        else:
            write_payroll_xlsx(accruals, path, title=title)
    except OSError as error:
        raise UserError.of(
            "cannot_write", f"cannot write {path}: {error.strerror or error}", file=path
        ) from None
    return PayrollExport(
        path=path,
        accruals=len(accruals),
        employees=len(complete),
        left_out=incomplete,
        unnumbered=tuple(r.employee.name for r in complete if not r.employee.personnel_number),
        total=pay_list_totals(complete).total,
    )

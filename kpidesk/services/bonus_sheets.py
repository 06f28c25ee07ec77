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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.results import EmployeeResult, PeriodResult, Status
from kpidesk.core.rights import Right
from kpidesk.core.signoff import PaylistState
from kpidesk.services.errors import UserError

if TYPE_CHECKING:
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
    return service.compute_period(period)


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

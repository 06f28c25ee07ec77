"""Bonus sheets of a period (SPEC §4.8, §7): which employees to print (the store filter,
chosen names), whether each sheet is a draft, and the bonus workbook export. The numbers
all come from ``core`` through :meth:`CompanyService.compute_period`; nothing is computed
here. Never Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kpidesk.core.periods import Period
from kpidesk.core.results import EmployeeResult, PeriodResult, Status
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
    """

    company: str
    period: Period
    locked: bool
    employees: tuple[EmployeeResult, ...]

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
        UserError: nobody to print (no employee works in the period, or none matches).
    """
    result = service.compute_period(period)
    employees = select(result, store, names)
    if not employees:
        where = f" in store {store!r}" if store else ""
        raise UserError.of(
            "nothing_to_print_in_store" if store else "nothing_to_print",
            f"no employees{where} to print for {period.code}",
            period=period.code,
            store=store,
        )
    company = service.company()
    return BonusBatch(
        company=company.name or service.path.stem,
        period=period,
        locked=service.is_locked(period),
        employees=employees,
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
        UserError: nobody to export, or the file cannot be written.
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

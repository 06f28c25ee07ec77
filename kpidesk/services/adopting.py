"""Adopting the owner's own workbook (SPEC §6.1): recognise it (``io.adopt``), turn it into
interchange content, and import that by the same road as ``import`` — the same validation
(every bad cell located), the lock check, :class:`~kpidesk.services.importing.ApplyContent`
through the runner (right, backup, one transaction, audit), all or nothing; a dry run rolls
back. Then compare every employee's KPI in kpidesk with the KPI the sheet itself computed.

Must not: print or translate (the CLI and the window do), or write outside the runner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kpidesk.core.company import Company, CompanyContent
from kpidesk.core.compute import compute_period
from kpidesk.core.org import Employee, Position, Store
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem, Severity
from kpidesk.core.validation import validate_content
from kpidesk.io.adopt import (
    Adopted,
    Corrections,
    Recognition,
    adopted_content,
    recognise_workbook,
)
from kpidesk.io.reader import locate
from kpidesk.services.errors import UserError
from kpidesk.services.importing import ApplyContent, locked_items
from kpidesk.store.content import ChangeSummary

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService

_Named = TypeVar("_Named", Store, Position, Employee)


@dataclass(frozen=True)
class KpiDifference:
    """An employee whose KPI in kpidesk is not the one the sheet computed."""

    sheet: str
    row: int | None
    employee: str
    period: Period
    sheet_kpi: Decimal
    kpidesk_kpi: Decimal | None  # None: kpidesk cannot compute it (a fact is missing)


@dataclass(frozen=True)
class AdoptReport:
    """What adopting did (or, for a dry run, would do)."""

    recognition: Recognition
    summary: ChangeSummary
    dry_run: bool
    differences: tuple[KpiDifference, ...] = ()
    warnings: list[Problem] = field(default_factory=list)
    backup: Path | None = None


def recognise(
    path: Path, *, period: Period | None = None, corrections: Corrections | None = None
) -> Recognition:
    """What each sheet of the workbook is (no company needed)."""
    return recognise_workbook(Path(path), default_period=period, corrections=corrections)


def adopt_workbook(
    service: CompanyService,
    path: Path,
    *,
    period: Period | None = None,
    corrections: Corrections | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AdoptReport:
    """Recognise and import an owner's workbook, all or nothing.

    Raises:
        UserError: nothing was imported — the file is unreadable, a table has bad cells,
            a matrix has no employee or period, validation or a lock refused an item
            (``problems`` lists them all), or ``cancelled`` said so.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError.of("no_such_file", f"no such file: {path}", file=path.name)
    steps = 4
    _step(progress, 0, steps)
    recognition = recognise(path, period=period, corrections=corrections)
    if recognition.problems:
        raise UserError(
            f"cannot adopt {path.name}: {recognition.problems[0].message}; nothing was changed",
            list(recognition.problems),
        )
    _check_cancel(cancelled, path)
    _step(progress, 1, steps)
    database = service.database
    existing = database.content.load_company()
    adopted = adopted_content(recognition, existing)
    read = adopted.read
    content = read.content
    problems = [locate(p, read) for p in validate_content(content, existing)]
    locked = [Period.parse(code) for code in database.locks.locked_periods()]
    problems += [locate(p, read) for p in locked_items(content, locked, database)]
    problems += read.problems
    errors = [p for p in problems if p.severity is Severity.ERROR]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    if errors:
        raise UserError(
            f"cannot adopt {path.name}: {len(errors)} problem(s); nothing was changed",
            errors,
        )
    _check_cancel(cancelled, path)
    _step(progress, 2, steps)
    operation = ApplyContent(content, dry_run)
    service.run(operation)
    assert operation.summary is not None
    _step(progress, 3, steps)
    if dry_run:
        differences = _differences_before(service, existing, adopted)
    else:
        differences = _differences_after(service, adopted)
    _step(progress, steps, steps)
    return AdoptReport(
        recognition, operation.summary, dry_run, differences, warnings, operation.backup_file
    )


def _step(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _check_cancel(cancelled: Callable[[], bool] | None, path: Path) -> None:
    if cancelled is not None and cancelled():
        raise UserError.of(
            "import_cancelled",
            f"import of {path.name} cancelled; nothing was changed",
            file=path.name,
        )


def _compare(
    adopted: Adopted, kpi_of: Callable[[str, Period], Decimal | None]
) -> tuple[KpiDifference, ...]:
    found = []
    for sheet in adopted.sheet_kpis:
        ours = kpi_of(sheet.employee, sheet.period)
        if ours is None or abs(ours - sheet.kpi) > Decimal("0.0005"):
            found.append(
                KpiDifference(sheet.sheet, sheet.row, sheet.employee, sheet.period, sheet.kpi, ours)
            )
    return tuple(found)


def _differences_after(service: CompanyService, adopted: Adopted) -> tuple[KpiDifference, ...]:
    def kpi_of(employee: str, period: Period) -> Decimal | None:
        result = service.compute_period(period).for_employee(employee)
        return result.kpi if result is not None else None

    return _compare(adopted, kpi_of)


def _differences_before(
    service: CompanyService, existing: Company, adopted: Adopted
) -> tuple[KpiDifference, ...]:
    """The comparison for a dry run: the company as the import would leave it, in memory
    (the dry run's transaction was rolled back)."""
    content = adopted.read.content
    company = _merged(existing, content)

    def kpi_of(employee: str, period: Period) -> Decimal | None:
        stored = service.database.content.load_period_inputs(period)
        facts = dict(stored.facts)
        facts.update(
            {(f.employee, f.indicator): f.value for f in content.facts if f.period == period}
        )
        days = {(d.store, d.day): d for d in stored.daily}
        days.update({(d.store, d.day): d for d in content.daily})
        inputs = replace(stored, facts=facts, daily=tuple(days.values()))
        result = compute_period(company, period, inputs)
        found = result.for_employee(employee)
        return found.kpi if found is not None else None

    return _compare(adopted, kpi_of)


def _merged(existing: Company, content: CompanyContent) -> Company:
    """``existing`` with the content's directories and matrices put in (keys as the store
    upserts them)."""

    def by_name(old: tuple[_Named, ...], new: tuple[_Named, ...]) -> tuple[_Named, ...]:
        merged = {item.name: item for item in old}
        merged.update({item.name: item for item in new})
        return tuple(merged.values())

    indicators = {i.code: i for i in existing.indicators}
    indicators.update({i.code: i for i in content.indicators})
    matrices = {(m.period, m.position, m.employee): m for m in existing.matrices}
    matrices.update({(m.period, m.position, m.employee): m for m in content.matrices})
    return replace(
        existing,
        stores=by_name(existing.stores, content.stores),
        positions=by_name(existing.positions, content.positions),
        employees=by_name(existing.employees, content.employees),
        indicators=tuple(indicators.values()),
        matrices=tuple(matrices.values()),
    )

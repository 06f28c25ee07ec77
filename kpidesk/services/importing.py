"""Importing the interchange workbook (SPEC §6), all or nothing.

Read every row (cell problems), resolve indicator names to codes, validate the whole content
against itself and the company already in the file (semantic problems, each located by
sheet, row and column), refuse items of locked periods — and only when nothing is wrong,
back the file up and apply everything in one transaction. A dry run goes through the same
steps and rolls the transaction back, so it reports exactly what an import would change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kpidesk.core.company import CompanyContent
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem, Severity
from kpidesk.core.validation import validate_content
from kpidesk.io.reader import ReadResult, locate, read_workbook, resolve_indicator_names
from kpidesk.services.errors import UserError
from kpidesk.store.connection import LockedPeriodError, StoreError
from kpidesk.store.content_repo import ChangeSummary
from kpidesk.store.database import Database


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    path: Path
    summary: ChangeSummary
    dry_run: bool
    warnings: list[Problem] = field(default_factory=list)
    backup: Path | None = None

    def describe(self) -> str:
        """A few lines for the terminal."""
        if self.dry_run:
            head = f"{self.path.name}: checked, no problems; an import would change:"
        elif self.summary.changed_anything:
            head = f"imported {self.path.name}:"
        else:
            head = f"imported {self.path.name}: nothing changed (the data was already there)"
        lines = [head, *(f"  {line}" for line in self.summary.lines())]
        if self.warnings:
            lines.append(f"{len(self.warnings)} warning(s) (shown above)")
        return "\n".join(lines)


def _locked_items(content: CompanyContent, locked: list[Period]) -> list[Problem]:
    """Problems for every item of the content that feeds a locked period."""
    if not locked:
        return []
    problems: list[Problem] = []

    def refuse(kind: str, index: int, period: Period, what: str) -> None:
        problems.append(
            Problem(
                code="locked_period",
                message=f"period {period.code} is locked; {what} cannot change until the "
                "owner reopens it",
                where=content.origin(kind, index),
                value=period.code,
                params=(("period", period.code),),
            )
        )

    def locked_for_day(day: date) -> Period | None:
        return next((period for period in locked if period.contains(day)), None)

    def locked_for_period(period: Period) -> Period | None:
        return next((lock for lock in locked if lock.overlaps(period)), None)

    for index, entry in enumerate(content.daily):
        if lock := locked_for_day(entry.day):
            refuse("daily", index, lock, f"the daily data of {entry.day:%d.%m.%Y}")
    for index, seller in enumerate(content.seller_days):
        if lock := locked_for_day(seller.day):
            refuse("seller_days", index, lock, f"the sales of {seller.day:%d.%m.%Y}")
    dated: list[tuple[str, int, Period]] = [
        *(("facts", i, fact.period) for i, fact in enumerate(content.facts)),
        *(("inputs", i, item.period) for i, item in enumerate(content.inputs)),
        *(("plans", i, plan.period) for i, plan in enumerate(content.plans)),
    ]
    for kind, index, item_period in dated:
        if lock := locked_for_period(item_period):
            refuse(kind, index, lock, f"its {kind}")
    for index, matrix in enumerate(content.matrices):
        if lock := next((p for p in locked if p.start == matrix.period.start), None):
            refuse("matrices", index, lock, f"the matrix of {matrix.owner}")
    return problems


def _sorted(problems: list[Problem]) -> list[Problem]:
    def key(problem: Problem) -> tuple[str, int, str]:
        where: Location = problem.where
        return (where.sheet or "", where.row or 0, where.column or "")

    return sorted(problems, key=key)


def import_workbook(
    database: Database,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Check and import a workbook into ``database``.

    Raises:
        UserError: the file cannot be imported; ``problems`` lists every bad cell and
            nothing in the database has changed.
    """
    if not path.is_file():
        raise UserError(f"no such file: {path}")
    read: ReadResult = read_workbook(path, progress=progress, cancelled=cancelled)
    if read.cancelled:
        raise UserError(f"import of {path.name} cancelled; nothing was changed")
    file_refused = [p for p in read.problems if p.is_error and p.where.sheet is None]
    if file_refused:  # not a workbook, a zip bomb, …: nothing more to check
        raise UserError(
            f"cannot import {path.name}: {file_refused[0].message}; nothing was changed",
            file_refused,
        )
    existing = database.load_company()
    known = {indicator.name: indicator.code for indicator in existing.indicators}
    content = resolve_indicator_names(read.content, known)
    problems = [locate(p, read) for p in validate_content(content, existing)]
    locked = [Period.parse(code) for code in database.locked_periods()]
    problems += [locate(p, read) for p in _locked_items(content, locked)]
    # bad cells and the problems of the rows that did read are listed together, so the
    # user fixes the whole workbook in one go
    problems += read.problems
    errors = [p for p in problems if p.severity is Severity.ERROR]
    warnings = _sorted([p for p in problems if p.severity is Severity.WARNING])
    if errors:
        raise UserError(
            f"cannot import {path.name}: {len(errors)} problem(s); nothing was changed",
            _sorted(errors),
        )
    backup: Path | None = None
    try:
        if not dry_run:
            backup = database.backup(reason="pre-import")
        summary = database.apply_content(content, dry_run=dry_run)
    except LockedPeriodError as error:
        raise UserError(f"cannot import {path.name}: {error}; nothing was changed") from None
    except StoreError as error:
        raise UserError(f"cannot import {path.name}: {error}; nothing was changed") from None
    return ImportReport(path, summary, dry_run, warnings, backup)

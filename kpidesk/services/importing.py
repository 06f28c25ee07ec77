"""Importing the interchange workbook (SPEC §6), all or nothing.

Read every row (cell problems), resolve indicator names to codes, validate the whole content
against itself and the company already in the file (semantic problems, each located by
sheet, row and column), refuse items of locked periods — and only when nothing is wrong,
back the file up and apply everything in one transaction. A dry run goes through the same
steps and rolls the transaction back, so it reports exactly what an import would change;
it also carries the row-by-row preview (``import_preview``) that the window shows before
the user applies or cancels.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from kpidesk.core.company import CompanyContent
from kpidesk.core.item_validation import validate_day_not_future
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem, Severity
from kpidesk.core.rights import Right
from kpidesk.core.validation import validate_content
from kpidesk.io.reader import ReadResult, locate, read_workbook, resolve_indicator_names
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session
from kpidesk.store.content import ChangeSummary

if TYPE_CHECKING:
    from kpidesk.io.scan_ahead import ScanAhead
    from kpidesk.services.company import CompanyService
    from kpidesk.services.import_preview import ImportPreview
    from kpidesk.store.database import Database


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    path: Path
    summary: ChangeSummary
    dry_run: bool
    warnings: list[Problem] = field(default_factory=list)
    backup: Path | None = None
    preview: ImportPreview | None = None  # a dry run: what changes, row by row

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


def _locked_items(
    content: CompanyContent, locked: list[Period], database: Database
) -> list[Problem]:
    """Problems for every item of the content that would *change* a locked period (items
    equal to what is stored are not changes: an unchanged export re-imports after a lock)."""
    if not locked:
        return []
    problems: list[Problem] = []

    def refuse(
        kind: str, index: int, period: Period, what: str, where: Location | None = None
    ) -> None:
        problems.append(
            Problem(
                code="period_locked",
                message=f"period {period.code} is locked; {what} cannot change until the "
                "owner reopens it",
                where=where if where is not None else content.origin(kind, index),
                value=period.code,
                params=(("period", period.code), ("item", what)),
            )
        )

    def locked_for_day(day: date) -> Period | None:
        return next((period for period in locked if period.contains(day)), None)

    def locked_for_period(period: Period) -> Period | None:
        return next((lock for lock in locked if lock.overlaps(period)), None)

    start, end = min(p.start for p in locked), max(p.end for p in locked)
    daily = {(e.store, e.day): e for e in database.daily.daily_rows(start, end)}
    for index, entry in enumerate(content.daily):
        if (lock := locked_for_day(entry.day)) and daily.get((entry.store, entry.day)) != entry:
            refuse("daily", index, lock, f"the daily data of {entry.day:%d.%m.%Y}")
    sellers = {(s.store, s.day, s.employee): s for s in database.daily.seller_days(start, end)}
    for index, seller in enumerate(content.seller_days):
        seller_key = (seller.store, seller.day, seller.employee)
        if (lock := locked_for_day(seller.day)) and sellers.get(seller_key) != seller:
            refuse("seller_days", index, lock, f"the sales of {seller.day:%d.%m.%Y}")
    stored: dict[tuple[str, Period, str, str], object] = {}
    for lock in locked:
        for fact in database.facts.facts(lock):
            stored[("facts", fact.period, fact.employee, fact.indicator)] = fact.value
        for item in database.facts.period_inputs(lock):
            stored[("inputs", item.period, item.employee, item.name)] = item.value
        for plan in database.daily.plans(lock):
            stored[("plans", plan.period, plan.store, "")] = plan.revenue
    dated: list[tuple[str, int, Period, tuple[str, Period, str, str], object]] = [
        *(
            ("facts", i, f.period, ("facts", f.period, f.employee, f.indicator), f.value)
            for i, f in enumerate(content.facts)
        ),
        *(
            ("inputs", i, x.period, ("inputs", x.period, x.employee, x.name), x.value)
            for i, x in enumerate(content.inputs)
        ),
        *(
            ("plans", i, p.period, ("plans", p.period, p.store, ""), p.revenue)
            for i, p in enumerate(content.plans)
        ),
    ]
    for kind, index, item_period, dated_key, value in dated:
        if (lock := locked_for_period(item_period)) and stored.get(dated_key) != value:
            refuse(kind, index, lock, f"its {kind}")
    matrices = {(m.period, m.position, m.employee): m.rows for m in database.matrices.matrices()}
    for index, matrix in enumerate(content.matrices):
        lock = next((p for p in locked if p.start == matrix.period.start), None)
        owner = (matrix.period, matrix.position, matrix.employee)
        stored_rows = matrices.get(owner)
        if lock is None or stored_rows == matrix.rows:
            continue
        # name the rows that change, not the matrix's first row; rows only removed or
        # reordered change the matrix as a whole (its first row)
        before = {row.indicator: row for row in stored_rows or ()}
        changed: list[int | None] = [
            j for j, row in enumerate(matrix.rows) if before.get(row.indicator) != row
        ]
        for j in changed or [None]:
            where = content.matrix_row_origin(index, j) if j is not None else None
            refuse("matrices", index, lock, f"the matrix of {matrix.owner}", where)
    return problems


def _future_days(content: CompanyContent, today: date) -> list[Problem]:
    """A refusal for every store's or seller's row of a day after ``today``."""
    found: list[Problem] = []
    days = (
        ("daily", [row.day for row in content.daily]),
        ("seller_days", [row.day for row in content.seller_days]),
    )
    for kind, rows in days:
        for i, day in enumerate(rows):
            if day > today:  # located only when refused
                found += validate_day_not_future(day, today, content.origin(kind, i))
    return found


# the lock check, public for the other road into ``ApplyContent`` (``services.adopting``)
locked_items = _locked_items


def _sorted(problems: list[Problem]) -> list[Problem]:
    def key(problem: Problem) -> tuple[str, int, str]:
        where: Location = problem.where
        return (where.sheet or "", where.row or 0, where.column or "")

    return sorted(problems, key=key)


def import_workbook(
    service: CompanyService,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
    scan: ScanAhead | None = None,
) -> ImportReport:
    """Check and import a workbook into the company (:class:`ApplyContent` through the
    runner); a daily row of a day after ``today`` (default: the system's date) is refused.
    ``scan``: the file's safety scan already running in a child process (the command's,
    ``io.scan_ahead``).

    The cyclic garbage collector is paused meanwhile (as for a period's calculation in
    ``services.analytics``): the 3-year workbook makes some 300 000 rows, values and
    tuples, none of them in a cycle, and the collections they trigger cost ≈ 0.07 s of the
    0.6 s budget (issue 17). It resumes afterwards, and only if this pause stopped it.

    Raises:
        UserError: the file cannot be imported; ``problems`` lists every bad cell and
            nothing in the database has changed.
    """
    if not gc.isenabled():
        return _import_workbook(service, path, dry_run, progress, cancelled, today, scan)
    gc.disable()
    try:
        return _import_workbook(service, path, dry_run, progress, cancelled, today, scan)
    finally:
        gc.enable()


def _import_workbook(
    service: CompanyService,
    path: Path,
    dry_run: bool,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    today: date | None,
    scan: ScanAhead | None,
) -> ImportReport:
    database = service.database
    if not path.is_file():
        raise UserError.of("no_such_file", f"no such file: {path}", file=path.name)
    read: ReadResult = read_workbook(path, progress=progress, cancelled=cancelled, scan=scan)
    if read.cancelled:
        raise UserError.of(
            "import_cancelled",
            f"import of {path.name} cancelled; nothing was changed",
            file=path.name,
        )
    file_refused = [p for p in read.problems if p.is_error and p.where.sheet is None]
    if file_refused:  # not a workbook, a zip bomb, …: nothing more to check
        raise UserError(
            f"cannot import {path.name}: {file_refused[0].message}; nothing was changed",
            file_refused,
        )
    existing = database.content.load_company()
    known = {indicator.name: indicator.code for indicator in existing.indicators}
    content = resolve_indicator_names(read.content, known)
    problems = [locate(p, read) for p in validate_content(content, existing)]
    locked = [Period.parse(code) for code in database.locks.locked_periods()]
    problems += [locate(p, read) for p in _locked_items(content, locked, database)]
    problems += [locate(p, read) for p in _future_days(content, today or date.today())]
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
    preview = None
    if dry_run:  # (loaded only then: its classes cost the import's start ≈ 1.5 ms)
        from kpidesk.services.import_preview import preview_content

        preview = preview_content(content, database)
    operation = ApplyContent(content, dry_run)
    service.run(operation)
    assert operation.summary is not None
    return ImportReport(path, operation.summary, dry_run, warnings, operation.backup_file, preview)


@dataclass
class ApplyContent(Operation):
    """Apply checked content (an import) all or nothing; a backup is taken first unless it
    is a dry run."""

    content: CompanyContent
    dry_run: bool = False
    name: ClassVar[str] = "import"
    right: ClassVar[Right] = Right.IMPORT
    summary: ChangeSummary | None = None
    backup_file: Path | None = None

    def backup_reason(self) -> str | None:
        return None if self.dry_run else "pre-import"

    def apply(self, session: Session) -> Change:
        if not self.dry_run:
            self.backup_file = session.db.last_backup()
        self.summary = session.db.content.apply_content(self.content, dry_run=self.dry_run)
        return Change(ChangeKind.COMPANY)

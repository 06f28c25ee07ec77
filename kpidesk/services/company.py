"""``CompanyService``: one open company file and the use cases the GUI and the CLI call —
compute a period, store reports, import and export the interchange workbook, backups and
the integrity check. Every store failure becomes a :class:`UserError` with coded problems.

Every write goes through :meth:`CompanyService.run` (``services.runner``). The service owns
the only caches: the directories and one period-results cache, which the runner drops after
every change. A locked period is computed from its snapshot (``core.snapshot``), posted when
it was locked, so its results never change while it stays locked.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar

from kpidesk.core.company import Company, CompanyContent
from kpidesk.core.compute import compute_period
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.problems import Problem
from kpidesk.core.results import PeriodResult
from kpidesk.core.rights import Actor, Right
from kpidesk.core.snapshot import PeriodSnapshot, SnapshotError
from kpidesk.core.snapshot import decode as decode_snapshot
from kpidesk.core.store_metrics import store_table
from kpidesk.core.validation import validate_content
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session
from kpidesk.services.period_status import PeriodStatus, build_status, last_counted_day
from kpidesk.services.reporting import StoreReportRow
from kpidesk.store.backup import restore
from kpidesk.store.database import Database
from kpidesk.store.errors import NewerSchemaError, NotADatabaseError, StoreError

if TYPE_CHECKING:
    from kpidesk.services.importing import ImportReport

Progress = Callable[[int, int], None]
_DIRECTORY_KINDS = frozenset(
    {ChangeKind.COMPANY, ChangeKind.DIRECTORY, ChangeKind.SCHEDULE, ChangeKind.MATRIX}
)
_CACHED_PERIODS = 8  # the dashboard, ratings and charts look at a few periods at a time
Cancelled = Callable[[], bool]


def current_actor() -> str:
    """Who is working, for the audit log: the operating-system user."""
    try:
        return getpass.getuser() or "user"
    except (OSError, KeyError):
        return "user"


@dataclass(frozen=True)
class CheckReport:
    """The result of ``kpidesk check``: database integrity and matrix problems."""

    path: Path
    integrity: list[str]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """The file is intact (matrix problems are reported but do not fail the check)."""
        return not self.integrity

    def describe(self) -> str:
        """A few lines for the terminal."""
        lines = [f"{self.path}: " + ("integrity ok" if self.ok else "DAMAGED")]
        lines += [f"  {problem}" for problem in self.integrity]
        if self.problems:
            lines.append(f"{len(self.problems)} problem(s) in the company's data:")
            lines += [f"  {problem.describe()}" for problem in self.problems]
        else:
            lines.append("no problems in matrices, employees and payout schedules")
        return "\n".join(lines)


@dataclass
class SetCompany(Operation):
    """Name the company and choose how it pays (months or half-months)."""

    company_name: str | None
    pay_period: PeriodKind | None = None
    name: ClassVar[str] = "set_company"
    right: ClassVar[Right] = Right.DIRECTORIES

    def apply(self, session: Session) -> Change:
        session.db.content.set_company(self.company_name, self.pay_period)
        return Change(ChangeKind.COMPANY)


class CompanyService:
    """Use cases over one open company database (one per thread)."""

    def __init__(self, database: Database, actor: Actor | None = None) -> None:
        self.database = database
        self.actor = actor or Actor(database.actor)
        self._company: Company | None = None
        self._results: dict[Period, PeriodResult] = {}
        self.generation = 0  # counts invalidations: a cache elsewhere keys on it

    # --- opening --------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = False,
        actor: str | None = None,
        backup: bool = True,
    ) -> CompanyService:
        """Open a company file (create it when ``create``); ``backup=False`` skips the
        rotating backup on open (read-only commands such as reports).

        Raises:
            UserError: missing file, not a kpidesk database, made by a newer kpidesk.
        """
        if not create and not path.exists():
            raise UserError.of(
                "no_company_file",
                f"no company database at {path} "
                "(create one with 'kpidesk init', 'kpidesk demo' or 'kpidesk import')",
                file=path,
            )
        try:
            database = Database.open(
                path, actor=actor or current_actor(), create=create, backup_on_open=backup
            )
        except (NewerSchemaError, NotADatabaseError) as error:
            raise UserError.of(
                "newer_company_file"
                if isinstance(error, NewerSchemaError)
                else "not_a_company_file",
                str(error),
                file=path,
            ) from None
        except StoreError as error:
            raise UserError.of("cannot_open", f"cannot open {path}: {error}", file=path) from None
        return cls(database)

    @classmethod
    def create(
        cls, path: Path, *, name: str = "", half_months: bool = False, actor: str | None = None
    ) -> CompanyService:
        """Create a new, empty company file.

        Raises:
            UserError: the file already exists.
        """
        if path.exists():
            raise UserError.of(
                "file_exists", f"{path} already exists; choose another file or open it", file=path
            )
        service = cls.open(path, create=True, actor=actor)
        kind = PeriodKind.HALF if half_months else PeriodKind.MONTH
        service.run(SetCompany(name or path.stem, kind))
        return service

    @property
    def path(self) -> Path:
        """The database file."""
        return self.database.path

    def close(self) -> None:
        """Close the database."""
        self.database.close()

    def __enter__(self) -> CompanyService:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- reading --------------------------------------------------------------------------
    def company(self) -> Company:
        """The directories, matrices and schedules (cached until something changes)."""
        if self._company is None:
            self._company = self.database.content.load_company()
        return self._company

    def invalidate(self, change: Change | None = None) -> None:
        """Forget the cached period results, and the directories unless ``change`` cannot
        have touched them (a fact, a day, a task, a lock). The runner calls this after
        every change; nothing else needs to."""
        if change is None or change.kind in _DIRECTORY_KINDS:
            self._company = None
        self._results.clear()
        self.generation += 1

    def changed_elsewhere(self, change: Change) -> Change:
        """Note a change that another connection made (a worker's import): the caches are
        dropped; returns ``change``."""
        self.invalidate()
        return change

    def run(self, operation: Operation) -> Change:
        """Apply one operation through the runner (right, transaction, lock, audit,
        caches); see ``services.runner``.

        Raises:
            UserError: a coded refusal; nothing was written.
        """
        from kpidesk.services.runner import run

        return run(self, operation)

    def compute_period(self, period: Period) -> PeriodResult:
        """Every employee's matrix, KPI and pay for a period: from the raw data, or for a
        locked period from the snapshot posted when it was locked. Cached until the next
        change."""
        found = self._results.get(period)
        if found is not None:
            return found
        frozen = self.snapshot(period)
        if frozen is not None:
            found = compute_period(frozen.company, period, frozen.inputs)
        else:
            inputs = self.database.content.load_period_inputs(period)
            found = compute_period(self.company(), period, inputs)
        if len(self._results) >= _CACHED_PERIODS:
            self._results.pop(next(iter(self._results)))
        self._results[period] = found
        return found

    def snapshot(self, period: Period) -> PeriodSnapshot | None:
        """The snapshot of a locked pay period, or ``None`` (open, or locked before
        snapshots existed).

        Raises:
            UserError: the snapshot is damaged.
        """
        data = self.database.snapshots.load(period)
        if data is None:
            return None
        try:
            return decode_snapshot(data)
        except SnapshotError as error:
            raise UserError.of("snapshot_damaged", str(error), period=period.code) from None

    def period_status(
        self, period: Period, today: date | None = None, result: PeriodResult | None = None
    ) -> PeriodStatus:
        """Whether the period is locked and what is still missing for it (``result``: the
        period already computed, to avoid computing it again)."""
        today = today or date.today()
        last_day = last_counted_day(period, today)
        present = (
            self.database.daily.days_with_data(period.start, last_day)
            if last_day >= period.start
            else set()
        )
        return build_status(
            period,
            today,
            self.company(),
            result or self.compute_period(period),
            present,
            self.is_locked(period),
        )

    def is_locked(self, period: Period) -> bool:
        """Whether the period is locked (its inputs are read-only)."""
        return self.database.locks.is_locked(period)

    def store_report(self, period: Period) -> list[StoreReportRow]:
        """Store metrics over any range, each store and the company (store ``None``) last."""
        entries = self.database.daily.daily_rows(period.previous().start, period.end)
        stores = [store.name for store in self.company().stores if not store.archived]
        table = store_table(entries, self.database.daily.plans(period), stores, period)
        return [StoreReportRow(name, metrics, plan) for name, metrics, plan in table]

    # --- files ----------------------------------------------------------------------------
    def import_workbook(
        self,
        path: Path,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportReport:
        """Import an interchange workbook, all or nothing (see ``services.importing``)."""
        from kpidesk.services.importing import import_workbook

        return import_workbook(self, path, dry_run=dry_run, progress=progress, cancelled=cancelled)

    def export_workbook(self, path: Path, *, lang: str = "ru") -> None:
        """Write the whole company as an interchange workbook."""
        from kpidesk.services.exchange import export_workbook

        export_workbook(self.database.content.export_content(), path, lang=lang)

    # --- safety ---------------------------------------------------------------------------
    def backup(self, dest: Path | None = None) -> Path:
        """Copy the database to ``dest`` (default: the rotating backups folder)."""
        try:
            return self.database.backup(dest, reason="manual")
        except (OSError, StoreError) as error:
            raise UserError.of("backup_failed", f"backup failed: {error}") from None

    def last_backup(self) -> Path | None:
        """The newest rotating backup."""
        return self.database.last_backup()

    def check(self) -> CheckReport:
        """Integrity of the file, and validation of matrices, employees and schedules."""
        whole = CompanyContent.of_directories(self.company())
        return CheckReport(
            self.path, self.database.integrity_check(), validate_content(whole, Company())
        )


def restore_database(path: Path, source: Path) -> Path | None:
    """Replace the database at ``path`` with the backup ``source`` (the current file is
    backed up first). Returns that safety backup.

    Raises:
        UserError: the source is missing, damaged, not a kpidesk database or too new.
    """
    if not source.is_file():
        raise UserError.of("no_backup_file", f"no backup file at {source}", file=source)
    try:
        return restore(path, source)
    except StoreError as error:
        raise UserError.of("restore_failed", str(error), file=source) from None

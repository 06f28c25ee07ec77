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
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.rights import Actor, Right
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session
from kpidesk.services.store_refusals import (
    backup_refusal,
    open_refusal,
    server_refusal,
)
from kpidesk.store.database import Database
from kpidesk.store.errors import StoreError

if TYPE_CHECKING:  # the rest on first use: ``kpidesk import`` computes nothing (issue 17)
    from kpidesk.core.results import PeriodKpis, PeriodResult
    from kpidesk.core.snapshot import PeriodSnapshot
    from kpidesk.services.company_files import CheckReport
    from kpidesk.services.importing import ImportReport
    from kpidesk.services.period_status import PeriodStatus
    from kpidesk.services.reporting import StoreReportRow

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
        # without users everyone holds every right; with users, no one until they log in;
        # on a company server the server's login says who it is
        self._logins_on: bool | None = None  # whether the company has users, once read
        if actor is None and database.is_server:
            from kpidesk.services.login import server_identity

            actor, self._logins_on = server_identity(database)
        self.actor = actor or Actor(database.actor, anonymous=database.users.any())
        if actor is not None and actor.role is not None:
            database.actor = actor.name
        self._company: Company | None = None
        self._visible_company: Company | None = None
        self._results: dict[Period, PeriodResult] = {}
        self._inputs: dict[Period, PeriodInputs] = {}
        self._visible: dict[Period, PeriodResult] = {}
        # period statuses by (period, today), with the result each was built from
        self._statuses: dict[tuple[Period, date], tuple[PeriodResult, PeriodStatus]] = {}
        self._status_reads: dict[tuple[Period, date], tuple[set[tuple[str, date]], bool]] = {}
        self._snapshot_periods: frozenset[str] | None = None  # the codes with a snapshot
        self.generation = 0  # counts invalidations: a cache elsewhere keys on it

    # --- opening --------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        actor: str | None = None,
        backup: bool = True,
        readonly: bool = False,
    ) -> CompanyService:
        """Open a company file (create it when ``create``) or, for a ``postgresql://`` URL,
        the company server (:meth:`connect`); ``backup=False`` skips the
        rotating backup on open; ``readonly`` opens it for reading only (the read-only
        commands: nothing is created, migrated in the file, backed up or written, and an
        empty file is refused — see ``store.readonly``).

        Raises:
            UserError: missing, empty, foreign, newer or damaged file (the damage report
                names the newest good backup), a read-only file or folder, a full disk
                (``services.store_refusals``).
        """
        if isinstance(path, str):
            return cls.connect(path, actor=actor)
        if (readonly or not create) and not path.exists():
            raise UserError.of(
                "no_company_file",
                f"no company database at {path} "
                "(create one with 'kpidesk init', 'kpidesk demo' or 'kpidesk import')",
                file=path,
            )
        who = actor or current_actor()
        try:
            if readonly:
                database = Database.open_readonly(path, actor=who)
            else:
                database = Database.open(path, actor=who, create=create, backup_on_open=backup)
        except (StoreError, OSError) as error:
            raise open_refusal(path, error) from None
        try:
            return cls(database)
        except BaseException:
            database.close()
            raise

    @classmethod
    def connect(
        cls, url: str, *, actor: str | None = None, password: str | None = None
    ) -> CompanyService:
        """Open the company on a company server (SPEC §3.2); the password from the URL's
        usual places (``PGPASSWORD``, ``~/.pgpass``) or ``password``.

        Raises:
            UserError: the server cannot be reached (``server_unreachable``), refuses the
                login (``server_login_refused``), holds no company yet
                (``server_empty``: run ``server init``) or another program's tables.
        """
        from kpidesk.store.server import ServerDatabase, display_location

        try:
            database = ServerDatabase.connect(
                url, actor=actor or current_actor(), password=password
            )
        except (StoreError, OSError) as error:
            raise server_refusal(display_location(url), error) from None
        try:
            return cls(database)
        except BaseException:
            database.close()
            raise

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

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- who is working ---------------------------------------------------------------
    @property
    def location(self) -> str:
        """Where the company is (the resolved file, or the server's URL without its
        password), to tell companies apart."""
        if self.database.is_server:
            return self.database.location
        return str(self.path.resolve())

    @property
    def title(self) -> str:
        """The company's name, else the file's or the server database's name."""
        if self.company().name:
            return self.company().name
        if self.database.is_server:
            return self.database.location.rsplit("/", 1)[-1]
        return self.path.stem

    def logins_on(self) -> bool:
        """Whether the company has users (then who works must log in): kept until the
        next change (a server's opening tells it), read afresh inside a transaction."""
        if self.database.connection.in_transaction:
            return self.database.users.any()
        if self._logins_on is None:
            self._logins_on = self.database.users.any()
        return self._logins_on

    def sign_in(self, actor: Actor) -> None:
        """Make ``actor`` who is working: their rights from now on, their name in the audit
        log (``services.login.login`` checks the password first)."""
        self.actor = actor
        self.database.actor = actor.name
        self.invalidate()

    def require(
        self, right: Right, what: str, *, store: str | None = None, employee: str | None = None
    ) -> None:
        """Refuse a read the actor has no right for.

        Raises:
            UserError: ``right_denied`` naming the right (``login_required`` when no one
                logged in to a company with users).
        """
        if not self.actor.may(right, store=store, employee=employee):
            from kpidesk.services.runner import right_refusal

            raise right_refusal(self.actor, right, what)

    # --- reading --------------------------------------------------------------------------
    def company(self) -> Company:
        """The directories, matrices and schedules as the actor may see them: no one's money
        but what their role allows (``core.visibility``). Cached until something changes."""
        from kpidesk.core.visibility import visible_company

        if self._visible_company is None:
            self._visible_company = visible_company(self.full_company(), self.actor)
        return self._visible_company

    def full_company(self) -> Company:
        """The whole directories, money included: for calculations and operations, never
        to show (cached until something changes)."""
        if self._company is None:
            self._company = self.database.content.load_company()
        return self._company

    def invalidate(self, change: Change | None = None) -> None:
        """Forget the cached period results, and the directories unless ``change`` cannot
        have touched them (a fact, a day, a task, a lock). The runner calls this after
        every change; nothing else needs to."""
        if change is None or change.kind in _DIRECTORY_KINDS:
            self._company = None
            self.database.forget_lookups()
        self._visible_company = None
        self._logins_on = None
        self._statuses.clear()
        self._status_reads.clear()
        self._snapshot_periods = None
        self._results.clear()
        self._inputs.clear()
        self._visible.clear()
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
        """Every employee's matrix, KPI and pay for a period as the actor may see them
        (a manager: their store's people, money only their own; ``core.visibility``).
        Cached until the next change."""
        found = self._visible.get(period)
        if found is None:
            from kpidesk.core.visibility import visible_result

            found = visible_result(self.full_results(period), self.actor)
            if len(self._visible) >= _CACHED_PERIODS:
                self._visible.pop(next(iter(self._visible)))
            self._visible[period] = found
        return found

    def full_results(self, period: Period) -> PeriodResult:
        """Every employee's results for a period, money included — from the raw data, or
        for a locked period from the snapshot posted when it was locked. For sign-offs and
        snapshots, never to show. Cached until the next change."""
        found = self._results.get(period)
        if found is not None:
            return found
        from kpidesk.core.compute import compute_period

        frozen = self.snapshot(period)
        if frozen is not None:
            found = compute_period(frozen.company, period, frozen.inputs)
        else:
            # the stores' daily rows summed are all a calculation reads of them (the same
            # results, ``tests/unit/store/test_perf_store_sums.py``), a row per store
            inputs = self.database.content.load_period_inputs(period, sums=True)
            found = compute_period(self.full_company(), period, inputs)
            if len(self._inputs) >= _CACHED_PERIODS:
                self._inputs.pop(next(iter(self._inputs)))
            self._inputs[period] = inputs
        if len(self._results) >= _CACHED_PERIODS:
            self._results.pop(next(iter(self._results)))
        self._results[period] = found
        return found

    def cached_inputs(self, period: Period) -> PeriodInputs | None:
        """The data an open period's results were last computed from, while they are
        still current (its stores' daily rows summed, ``PeriodInputs.store_sums``, over
        the period and the previous one), or ``None``."""
        return self._inputs.get(period)

    def snapshot(self, period: Period) -> PeriodSnapshot | None:
        """The snapshot of a locked pay period, or ``None`` (open, or locked before
        snapshots existed).

        Which periods have one is kept until the next change (on a server a read per
        period computed is a round trip), read afresh inside a transaction.

        Raises:
            UserError: the snapshot is damaged.
        """
        from kpidesk.core.snapshot import SnapshotError
        from kpidesk.core.snapshot import decode as decode_snapshot

        snapshots = self.database.snapshots
        if not self.database.connection.in_transaction:
            if self._snapshot_periods is None:
                self._snapshot_periods = frozenset(snapshots.periods())
            if period.code not in self._snapshot_periods:
                return None
        data = snapshots.load(period)
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
        period already computed, to avoid computing it again). Kept until the next change
        for the same result: the status bar, the dashboard and the setup checklist each
        ask on opening (on a company server every read is a round trip)."""
        today = today or date.today()
        result = result or self.compute_period(period)
        kept = self._statuses.get((period, today))
        if kept is not None and kept[0] is result:
            return kept[1]
        status = self.status_of(period, today, result)
        if len(self._statuses) >= _CACHED_PERIODS:
            self._statuses.pop(next(iter(self._statuses)))
        self._statuses[(period, today)] = (result, status)
        return status

    def status_reads(self, period: Period, today: date) -> tuple[set[tuple[str, date]], bool]:
        """What a period status reads besides the results — the days with data up to the
        last counted day, whether the period is locked — kept until the next change."""
        from kpidesk.services.period_status import last_counted_day  # imports core.compute

        kept = self._status_reads.get((period, today))
        if kept is None:
            last_day = last_counted_day(period, today)
            days = self.database.daily.days_with_data
            present = days(period.start, last_day) if last_day >= period.start else set()
            if len(self._status_reads) >= _CACHED_PERIODS:
                self._status_reads.pop(next(iter(self._status_reads)))
            kept = self._status_reads[(period, today)] = (present, self.is_locked(period))
        return kept

    def status_of(
        self, period: Period, today: date, result: PeriodResult | PeriodKpis
    ) -> PeriodStatus:
        """The period's status from its results or only its KPIs (the same status), with
        the reads it needs kept (``status_reads``), as the logged-in user may see it."""
        from kpidesk.core.visibility import sees_store
        from kpidesk.services.period_status import build_status

        present, locked = self.status_reads(period, today)
        status = build_status(period, today, self.company(), result, present, locked)
        if sees_store(self.actor, None):
            return status
        missing = status.missing_days.items()
        shown = {store: days for store, days in missing if sees_store(self.actor, store)}
        return replace(status, missing_days=shown)

    def is_locked(self, period: Period) -> bool:
        """Whether the period is locked (its inputs are read-only)."""
        return self.database.locks.is_locked(period)

    def store_report(self, period: Period) -> list[StoreReportRow]:
        """Store metrics over any range, each store and the company (store ``None``) last —
        the stores the actor may see (a manager: theirs, without the company's line)."""
        from kpidesk.core.store_metrics import store_table
        from kpidesk.core.visibility import sees_store
        from kpidesk.services.reporting import StoreReportRow

        entries = self.database.daily.daily_rows(period.previous().start, period.end)
        stores = [store.name for store in self.company().stores if not store.archived]
        table = store_table(entries, self.database.daily.plans(period), stores, period)
        return [
            StoreReportRow(name, metrics, plan)
            for name, metrics, plan in table
            if sees_store(self.actor, name)
        ]

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

        self.require(Right.EXPORT, "export the company")
        export_workbook(self.database.content.export_content(), path, lang=lang)

    # --- safety ---------------------------------------------------------------------------
    def backup(self, dest: Path | None = None) -> Path:
        """Copy the database to ``dest`` (default: the rotating backups folder).

        Raises:
            UserError: a full disk, a folder that cannot be written, another failure, or
                the actor may not back the company up.
        """
        self.require(Right.BACKUP, "back up the company")
        try:
            return self.database.backup(dest, reason="manual")
        except (OSError, StoreError) as error:
            folder = dest.parent if dest is not None else None
            where = Path(self.location) if self.database.is_server else self.path
            raise backup_refusal(where, folder, error) from None

    def last_backup(self) -> Path | None:
        """The newest rotating backup."""
        return self.database.last_backup()

    def check(self) -> CheckReport:
        """Integrity of the file, and validation of matrices, employees and schedules
        (``services.company_files.check_company``).

        Raises:
            UserError: the file is damaged: the damage report (what the integrity check
                found and the newest good backup to restore), as when opening finds it.
        """
        from kpidesk.services.company_files import check_company

        self.require(Right.EXPORT, "check the company")
        return check_company(self.database, self.full_company())

"""``Database``: one open kpidesk file — opening (with checks, migration and backups),
closing, transactions, the revision, backups and the integrity check — and the
repositories composed over its one connection: ``db.org``, ``db.matrices``, ``db.daily``,
``db.facts``, ``db.tasks``, ``db.audit``, ``db.locks``, ``db.content``, ``db.snapshots``,
``db.users``, ``db.signoffs``.

Opening refuses a file that is not a kpidesk database, was made by a newer kpidesk or is
damaged (``quick_check``) without changing it; migrates an older one after a backup; and
takes a rotating backup of an existing file on open. :meth:`Database.open_readonly` is the
read-only commands' open, which creates and writes nothing (``store.readonly``). One
``Database`` per thread (a worker opens its own). Must not:
hold repository methods itself (they live on the composed repositories).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from kpidesk.store.audit import AuditLog
from kpidesk.store.backup import DEFAULT_KEEP, check_file, last_backup, list_backups, make_backup
from kpidesk.store.content import ContentRepository
from kpidesk.store.context import StoreContext
from kpidesk.store.daily import DailyRepository
from kpidesk.store.engine import engine_of
from kpidesk.store.errors import NotADatabaseError, StoreError
from kpidesk.store.facts import FactsRepository
from kpidesk.store.locks import PeriodLocks
from kpidesk.store.matrices import MatrixRepository
from kpidesk.store.migrations import migrate
from kpidesk.store.org import OrgRepository
from kpidesk.store.postgres_dialect import is_server_url
from kpidesk.store.readonly import inspected, refuse_damaged
from kpidesk.store.readonly import open_readonly as readonly_connection
from kpidesk.store.signoffs import Signoffs
from kpidesk.store.snapshots import Snapshots
from kpidesk.store.sqlite_dialect import (
    Connection,
    checkpoint,
    connect,
    integrity_problems,
)
from kpidesk.store.tasks import TasksRepository
from kpidesk.store.users import UserRepository


class Database:
    """An open kpidesk database file. Use :meth:`open`; close it (or use ``with``)."""

    def __init__(
        self,
        conn: Connection,
        actor: str,
        path: Path | None,
        backup_dir: Path | None = None,
        keep: int = DEFAULT_KEEP,
    ) -> None:
        self._conn = conn
        self._path = path
        self.location = str(path)  # where the company is, for titles and settings keys
        self.backup_dir = backup_dir
        self.keep = keep
        self._closed = False
        self.readonly = False  # opened by :meth:`open_readonly`
        self._after_close: Callable[[], None] | None = None
        ctx = StoreContext(conn, actor, self._backup)
        self._ctx = ctx
        self.org = OrgRepository(ctx)
        self.matrices = MatrixRepository(ctx)
        self.daily = DailyRepository(ctx)
        self.facts = FactsRepository(ctx)
        self.tasks = TasksRepository(ctx)
        self.audit = AuditLog(ctx)
        self.locks = PeriodLocks(ctx)
        self.snapshots = Snapshots(ctx)
        self.users = UserRepository(ctx)
        self.signoffs = Signoffs(ctx)
        self.content = ContentRepository(
            ctx, self.org, self.matrices, self.daily, self.facts, self.tasks
        )

    @property
    def path(self) -> Path:
        """The company file.

        Raises:
            StoreError: the company is on a server (it has no file).
        """
        if self._path is None:
            raise StoreError(f"{self.location} is a company server, not a file")
        return self._path

    @property
    def is_server(self) -> bool:
        """Whether the company is on a company server (``store.server``)."""
        return False

    @property
    def actor(self) -> str:
        """Who is working; recorded in every audit row."""
        return self._ctx.actor

    @actor.setter
    def actor(self, name: str) -> None:
        """Name the logged-in user as who is working from now on."""
        self._ctx.actor = name

    @property
    def connection(self) -> Connection:
        """The one connection (for tests and benchmarks that count statements)."""
        return self._conn

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        actor: str,
        create: bool = True,
        backup_dir: Path | None = None,
        keep: int = DEFAULT_KEEP,
        backup_on_open: bool = True,
    ) -> Database:
        """Open (and when ``create``, create) a kpidesk database.

        Args:
            path: the database file.
            actor: who is working; recorded in every audit row.
            create: create the folder and file when missing.
            backup_dir: the rotating backup folder (default ``backups/`` beside the file).
            keep: how many rotating backups to keep.
            backup_on_open: back an existing file up on open (the CLI may skip it for
                read-only commands).

        Raises:
            NotADatabaseError: the file is not a kpidesk database (left untouched).
            NewerSchemaError: made by a newer kpidesk (left untouched).
            DamagedError: the file is damaged (``quick_check``; left untouched, no backup
                is taken of it).
            ReadOnlyError: the file or its folder cannot be written.
            StoreError: missing file with ``create=False``, or the file cannot be opened,
                or ``path`` is a company server's address (``ServerDatabase.connect``'s).
        """
        _refuse_server(path)
        path = Path(path)
        if path.is_dir():
            raise NotADatabaseError(f"{path} is a folder, not a kpidesk database")
        if path.exists():
            version = inspected(path)
        elif create:
            path.parent.mkdir(parents=True, exist_ok=True)
            version = 0
        else:
            raise StoreError(f"{path} does not exist")
        conn = connect(path)
        database = cls(conn, actor, path, backup_dir, keep)
        try:
            if version > 0:
                refuse_damaged(conn, path)  # before a migration or a backup copies it
            applied = migrate(conn, path, before=lambda v: database._backup(f"pre-migration-v{v}"))
            if backup_on_open and version > 0 and not applied:
                database._backup("open")
        except BaseException:
            conn.close()
            raise
        return database

    @classmethod
    def open_readonly(cls, path: Path, *, actor: str) -> Database:
        """Open an existing kpidesk database for reading only (the read-only commands):
        nothing is created, migrated in the file, backed up or written, and no file is left
        behind; an older file is migrated in memory (see ``store.readonly``). Every write
        fails as on a read-only file.

        Raises:
            StoreError: the file is missing, or ``path`` is a company server's address.
            EmptyDatabaseError: zero bytes, or an SQLite database without a company.
            NotADatabaseError, NewerSchemaError: as :meth:`open` (left untouched).
            DamagedError: the file is damaged (``problems``: what the check found).
        """
        _refuse_server(path)
        path = Path(path)
        conn, tidy = readonly_connection(path)
        database = cls(conn, actor, path)
        database.readonly = True
        database._after_close = tidy
        return database

    # --- lifetime ---------------------------------------------------------------------
    def close(self) -> None:
        """Checkpoint the write-ahead log and close the connection (idempotent)."""
        if self._closed:
            return
        self._closed = True
        try:
            if not self.readonly:
                checkpoint(self._conn)  # fails harmlessly while another connection reads
        finally:
            self._conn.close()
            if self._after_close is not None:
                self._after_close()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One all-or-nothing write for a user action spanning several write methods: they
        join this transaction (as savepoints) and everything rolls back on any error."""
        with engine_of(self._conn).write(self._conn):
            yield self

    @property
    def schema_version(self) -> int:
        """The database's schema version."""
        return engine_of(self._conn).schema_version(self._conn)

    def forget_lookups(self) -> None:
        """Drop what the repositories keep between reads (the id ↔ name maps): the
        company changed elsewhere."""
        self._ctx.forget_names()

    def revision(self) -> int:
        """The company's revision: bumped by every audited change (one statement)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return 0 if row is None else int(row[0])

    # --- backups and checks -----------------------------------------------------------
    def _backup(self, reason: str) -> None:
        self.backup(None, reason)

    def backup(self, dest: Path | None = None, reason: str = "manual") -> Path:
        """Back the database up with the online backup API.

        Args:
            dest: an explicit file (no rotation); default: a new file in the backup folder,
                rotating out the oldest beyond ``keep``.
            reason: a word put into the backup's name.

        Returns:
            The backup file.

        Raises:
            StoreError: called inside a write transaction (the copy would wait for it).
        """
        if self._conn.in_transaction:
            raise StoreError("a backup cannot be taken inside a write transaction")
        if self.readonly:
            raise StoreError("a database opened for reading only is not backed up")
        return make_backup(
            self._conn,
            self.path,
            reason=reason,
            dest=dest,
            backup_dir=self.backup_dir,
            keep=self.keep,
        )

    def last_backup(self) -> Path | None:
        """The newest rotating backup of this database, or ``None``."""
        return last_backup(self.path, self.backup_dir)

    def backups(self) -> list[Path]:
        """The rotating backups of this database, newest first."""
        return list_backups(self.path, self.backup_dir)

    def integrity_check(self) -> list[str]:
        """``integrity_check`` and ``foreign_key_check`` problems; empty when all is well."""
        return integrity_problems(self._conn)


def check_database(path: Path) -> list[str]:
    """Integrity problems of a database file without opening it for writing (for
    ``kpidesk check`` on a file that may be damaged); empty when all is well."""
    return check_file(path)


def _refuse_server(location: object) -> None:
    """A company server's address is not a file: without this, ``Path`` of
    ``postgresql://…`` would create folders named ``postgresql:``.

    Raises:
        StoreError: ``location`` is a server's address.
    """
    if is_server_url(location):
        from kpidesk.store.server import display_location  # (server imports this module)

        raise StoreError(
            f"{display_location(str(location))} is a company server, not a company file"
        )

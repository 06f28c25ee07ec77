"""``Database``: one open kpidesk file — opening (with checks, migration and backups),
closing, backups and the integrity check — with every repository's methods on it.

Opening refuses a file that is not a kpidesk database or was made by a newer kpidesk
without changing it; migrates an older one after a backup; and takes a rotating backup of
an existing file on open. One ``Database`` per thread (a worker opens its own).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from kpidesk.store.backup import DEFAULT_KEEP, check_file, last_backup, list_backups, make_backup
from kpidesk.store.connection import (
    NotADatabaseError,
    StoreError,
    checkpoint,
    connect,
    integrity_problems,
    schema_version,
    write,
)
from kpidesk.store.content_repo import ContentRepo
from kpidesk.store.migrations import inspect_file, migrate


class Database(ContentRepo):
    """An open kpidesk database file. Use :meth:`open`; close it (or use ``with``)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        actor: str,
        path: Path,
        backup_dir: Path | None = None,
        keep: int = DEFAULT_KEEP,
    ) -> None:
        super().__init__(conn, actor)
        self.path = path
        self.backup_dir = backup_dir
        self.keep = keep
        self._closed = False

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
            StoreError: missing file with ``create=False``, or the file cannot be opened.
        """
        path = Path(path)
        if path.is_dir():
            raise NotADatabaseError(f"{path} is a folder, not a kpidesk database")
        if path.exists():
            version = inspect_file(path)
        elif create:
            path.parent.mkdir(parents=True, exist_ok=True)
            version = 0
        else:
            raise StoreError(f"{path} does not exist")
        conn = connect(path)
        database = cls(conn, actor, path, backup_dir, keep)
        try:
            applied = migrate(conn, path, before=lambda v: database._backup(f"pre-migration-v{v}"))
            if backup_on_open and version > 0 and not applied:
                database._backup("open")
        except BaseException:
            conn.close()
            raise
        return database

    # --- lifetime ---------------------------------------------------------------------
    def close(self) -> None:
        """Checkpoint the write-ahead log and close the connection (idempotent)."""
        if self._closed:
            return
        self._closed = True
        try:
            checkpoint(self._conn)
        except sqlite3.Error:
            pass  # another connection is reading; the log is folded in later
        finally:
            self._conn.close()

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
        with write(self._conn):
            yield self

    @property
    def schema_version(self) -> int:
        """The file's schema version."""
        return schema_version(self._conn)

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
        """
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

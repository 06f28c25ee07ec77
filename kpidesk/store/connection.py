"""The SQLite dialect module: connecting, pragmas, transactions, the schema version, the
online backup API, integrity checks, and the store's error types.

Everything SQLite-specific lives here (``PRAGMA``s, ``user_version``, ``conn.backup``, the
file header sniff, the ``INTEGER PRIMARY KEY`` column type) so that a PostgreSQL module with
the same functions can be added later (SPEC §10); the repositories use portable SQL only.
This module must not know about kpidesk tables or the domain dataclasses.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
# The primary key column type of the schema's DDL (PostgreSQL: GENERATED ... AS IDENTITY).
PRIMARY_KEY = "INTEGER PRIMARY KEY"


class StoreError(Exception):
    """Base class of every error the store raises on purpose."""


class NewerSchemaError(StoreError):
    """The database file was written by a newer kpidesk than this one."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was created by a newer version of kpidesk (database schema version "
            f"{found}; this version of kpidesk supports up to {supported}). "
            "Update kpidesk to open it; the file was not changed."
        )
        self.path = path
        self.found = found
        self.supported = supported


class NotADatabaseError(StoreError):
    """The file is not an SQLite database, or not a kpidesk one."""


class LockedPeriodError(StoreError):
    """A write would change data of a locked (paid) period."""

    def __init__(self, period: str, item: str) -> None:
        super().__init__(
            f"period {period} is locked: {item} cannot be changed (reopen the period first)"
        )
        self.period = period
        self.item = item


def looks_like_sqlite(path: Path) -> bool:
    """Whether the file is empty or starts with the SQLite header (a cheap sniff that
    refuses text files, workbooks and other zips before sqlite3 touches them)."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a connection in autocommit mode with kpidesk's pragmas in effect.

    Writable connections get ``foreign_keys=ON``, ``journal_mode=WAL``, ``synchronous=FULL``
    and a 5 s busy timeout; transactions are explicit (see :func:`write`). A read-only
    connection changes nothing in the file (used to inspect a file before adopting it).

    Raises:
        NotADatabaseError: the file is not an SQLite database.
        StoreError: the file cannot be opened.
    """
    try:
        if readonly:
            uri = path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
        else:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotADatabaseError(f"{path} is not a kpidesk database ({exc})") from exc
    return conn


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``, ``ROLLBACK`` on any error.

    Nested use becomes a savepoint of the outer transaction, so a helper that writes can be
    called both on its own and inside a larger all-or-nothing operation.
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested_write")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO SAVEPOINT nested_write")
            conn.execute("RELEASE SAVEPOINT nested_write")
            raise
        conn.execute("RELEASE SAVEPOINT nested_write")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(f"the database is busy, try again ({exc})") from exc
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the file (0 for a new, empty file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def set_schema_version(conn: sqlite3.Connection, version: int) -> None:
    """Record the schema version (inside the migration's transaction)."""
    conn.execute(f"PRAGMA user_version = {int(version)}")


def table_names(conn: sqlite3.Connection) -> set[str]:
    """The names of the tables in the database."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def copy_database(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """Copy a whole database with the online backup API (consistent even while in use)."""
    source.backup(target)


def checkpoint(conn: sqlite3.Connection) -> None:
    """Fold the write-ahead log into the main file (before copying or closing)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``; empty when all is well.

    A damaged file may make the checks themselves fail; that is reported as a problem,
    never raised.
    """
    problems: list[str] = []
    try:
        for (message,) in conn.execute("PRAGMA integrity_check").fetchall():
            if message != "ok":
                problems.append(str(message))
    except sqlite3.DatabaseError as exc:
        problems.append(f"integrity check failed: {exc}")
        return problems
    try:
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"{table} row {rowid} refers to a missing row of {parent}")
    except sqlite3.DatabaseError as exc:
        problems.append(f"foreign key check failed: {exc}")
    return problems

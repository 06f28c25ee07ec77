"""The SQLite dialect: connecting, pragmas, transactions, the placeholder style, the schema
version, the online backup API, integrity checks, the file-header sniff, trigger DDL, and
sorting SQLite's errors into the store's user-facing errors (by SQLite error code, as
qutebrowser's ``misc/sql.py`` does) and bugs.

Everything SQLite-specific lives here (``PRAGMA``s, ``user_version``, ``sqlite_master``,
``conn.backup``, ``RAISE(ABORT, …)``, the ``INTEGER PRIMARY KEY`` column type) so that a
PostgreSQL module with the same names can be added later (SPEC §10); repositories use
portable SQL with ``?`` placeholders only. This module must not know about kpidesk tables
or the domain dataclasses.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NoReturn

from kpidesk.store.errors import (
    BusyError,
    DamagedError,
    DiskFullError,
    LockedPeriodError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
)

Connection = sqlite3.Connection
Cursor = sqlite3.Cursor
BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
# The primary key column type of the schema's DDL (PostgreSQL: GENERATED ... AS IDENTITY).
PRIMARY_KEY = "INTEGER PRIMARY KEY"
# The parameter placeholder the repositories write (PostgreSQL's dialect translates it).
PLACEHOLDER = "?"
# The message of the lock triggers' abort, recognised by :func:`sort_error`.
LOCKED_ABORT = "kpidesk_locked"

# Primary result codes (the low byte of the extended code).
_BUSY, _LOCKED, _READONLY, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 11, 13, 14, 26


# --- errors ---------------------------------------------------------------------------
def sort_error(exc: BaseException) -> BaseException:
    """The store error an engine error means, or ``exc`` itself when it is a bug.

    Busy or locked → :class:`BusyError`; read-only → :class:`ReadOnlyError`; full →
    :class:`DiskFullError`; corrupt or not a database → :class:`DamagedError`; the lock
    triggers' abort → :class:`LockedPeriodError` (without the period: the caller that
    knows the item adds it).
    """
    if not isinstance(exc, sqlite3.Error):
        return exc
    if isinstance(exc, sqlite3.IntegrityError) and str(exc) == LOCKED_ABORT:
        return LockedPeriodError("", "")
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else int(code) & 0xFF
    name = getattr(exc, "sqlite_errorname", "") or ""
    if primary in (_BUSY, _LOCKED):
        return BusyError(f"the database is busy, try again ({exc})")
    if primary == _READONLY:
        return ReadOnlyError(f"the database cannot be written ({exc})")
    if primary == _FULL:
        return DiskFullError(f"the disk is full ({exc})")
    if primary in (_CORRUPT, _NOTADB):
        return DamagedError(f"the database is damaged ({name or exc})")
    return exc


def _raise_sorted(exc: BaseException) -> NoReturn:
    found = sort_error(exc)
    if found is exc:
        raise exc
    raise found from exc


@contextmanager
def sorted_errors() -> Iterator[None]:
    """Turn engine errors raised inside into store errors (see :func:`sort_error`)."""
    try:
        yield
    except sqlite3.Error as exc:
        _raise_sorted(exc)


# --- connecting -------------------------------------------------------------------------
def looks_like_sqlite(path: Path) -> bool:
    """Whether the file is empty or starts with the SQLite header (a cheap sniff that
    refuses text files, workbooks and other zips before sqlite3 touches them)."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def connect(path: Path, *, readonly: bool = False) -> Connection:
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
def write(conn: Connection, *, savepoint: bool = True) -> Iterator[Connection]:
    """One write transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``, ``ROLLBACK`` on any error;
    engine errors leave it sorted (see :func:`sort_error`).

    Nested use becomes a savepoint of the outer transaction, so a helper that writes can be
    called both on its own and inside a larger all-or-nothing operation. A single-row
    write whose statements are each atomic passes ``savepoint=False`` to join the outer
    transaction without the two extra statements (it fails before writing, or the outer
    transaction is rolled back by its owner).
    """
    if conn.in_transaction:
        if not savepoint:
            try:
                yield conn
            except sqlite3.Error as exc:
                _raise_sorted(exc)
            return
        conn.execute("SAVEPOINT nested_write")
        try:
            yield conn
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK TO SAVEPOINT nested_write")
                conn.execute("RELEASE SAVEPOINT nested_write")
            _raise_sorted(exc)
        conn.execute("RELEASE SAVEPOINT nested_write")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        _raise_sorted(exc)
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            # the original error says more than a failed rollback would
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        _raise_sorted(exc)


# --- the schema version and the catalogue -------------------------------------------------
def schema_version(conn: Connection) -> int:
    """The schema version stored in the file (0 for a new, empty file)."""
    with sorted_errors():
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def set_schema_version(conn: Connection, version: int) -> None:
    """Record the schema version (inside the migration's transaction)."""
    conn.execute(f"PRAGMA user_version = {int(version)}")


def table_names(conn: Connection) -> set[str]:
    """The names of the tables in the database."""
    with sorted_errors():
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def trigger_names(conn: Connection) -> set[str]:
    """The names of the triggers in the database."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    return {str(row[0]) for row in rows}


# --- trigger DDL ------------------------------------------------------------------------
def abort_trigger(name: str, event: str, table: str, when: str) -> str:
    """A ``BEFORE <event>`` row trigger on ``table`` that aborts the statement with
    :data:`LOCKED_ABORT` when ``when`` (an SQL condition over ``NEW``/``OLD``) holds."""
    return (
        f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW WHEN {when}"
        f" BEGIN SELECT RAISE(ABORT, '{LOCKED_ABORT}'); END"
    )


def after_insert_trigger(name: str, table: str, statement: str) -> str:
    """An ``AFTER INSERT`` row trigger on ``table`` running one ``statement``."""
    return f"CREATE TRIGGER {name} AFTER INSERT ON {table} FOR EACH ROW BEGIN {statement}; END"


# --- copies and checks ----------------------------------------------------------------------
def copy_database(source: Connection, target: Connection) -> None:
    """Copy a whole database with the online backup API (consistent even while in use)."""
    with sorted_errors():
        source.backup(target)


def copy_to_file(source: Connection, dest: Path) -> None:
    """Copy the database into a new self-contained single file ``dest`` (rollback journal,
    so that no ``-wal`` file belongs to it)."""
    target = sqlite3.connect(dest, isolation_level=None)
    try:
        copy_database(source, target)
        target.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        target.close()


def set_single_file(conn: Connection) -> None:
    """Switch the file to a rollback journal (for fixture files checked into the tree)."""
    conn.execute("PRAGMA journal_mode = DELETE").fetchone()


def checkpoint(conn: Connection) -> bool:
    """Fold the write-ahead log into the main file (before copying or closing); whether it
    worked (it does not while another connection reads — the log is folded in later)."""
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.Error:
        return False
    return True


def integrity_problems(conn: Connection) -> list[str]:
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

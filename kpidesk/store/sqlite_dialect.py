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

import os
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
    sort_os_error,
)

NAME = "sqlite"
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
# SQLITE_READONLY_DIRECTORY: the folder refuses the -wal/-shm files beside the database.
_READONLY_DIRECTORY = _READONLY | (6 << 8)
# SQLite's own sentences, for an error without a code (raised by hand, or by a driver that
# keeps no code): the start of the message → the primary code it stands for.
_MESSAGES = (
    ("database or disk is full", _FULL),
    ("attempt to write a readonly database", _READONLY),
    ("database is locked", _BUSY),
    ("database table is locked", _LOCKED),
    ("database disk image is malformed", _CORRUPT),
    ("file is not a database", _NOTADB),
)
SIDECARS = ("-wal", "-shm")


# --- errors ---------------------------------------------------------------------------
def error_code(exc: sqlite3.Error) -> int | None:
    """The primary result code of an engine error: its own, else read from SQLite's
    sentence; ``None`` when neither tells."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF
    text = str(exc).lower()
    return next((primary for start, primary in _MESSAGES if text.startswith(start)), None)


def sort_error(exc: BaseException, path: Path | None = None) -> BaseException:
    """The store error an engine (or file-system) error means, or ``exc`` itself when it
    is a bug.

    Busy or locked → :class:`BusyError`; read-only → :class:`ReadOnlyError` (``folder``
    when it is the folder that refuses); full, or ``ENOSPC`` → :class:`DiskFullError`;
    corrupt or not a database → :class:`DamagedError`; the lock triggers' abort →
    :class:`LockedPeriodError` (without the period: the caller that knows the item adds
    it). Of the file-system errors only a full disk is sorted here (the callers that write
    files sort the rest with :func:`~kpidesk.store.errors.sort_os_error`).

    Args:
        exc: what was raised.
        path: the database file, when the caller knows it (for the message).
    """
    if isinstance(exc, OSError):
        # only a full disk: a refused read met inside a write is not "cannot be written"
        found = sort_os_error(exc, path)
        return found if isinstance(found, DiskFullError) else exc
    if not isinstance(exc, sqlite3.Error):
        return exc
    if isinstance(exc, sqlite3.IntegrityError) and str(exc) == LOCKED_ABORT:
        return LockedPeriodError("", "")
    primary = error_code(exc)
    name = getattr(exc, "sqlite_errorname", "") or ""
    if primary in (_BUSY, _LOCKED):
        return BusyError(f"the database is busy, try again ({exc})")
    if primary == _READONLY:
        folder = getattr(exc, "sqlite_errorcode", None) == _READONLY_DIRECTORY
        if not folder and path is not None:
            folder = os.access(path, os.W_OK) and not os.access(path.parent, os.W_OK)
        return ReadOnlyError(f"the database cannot be written ({exc})", path, folder=folder)
    if primary == _FULL:
        return DiskFullError(f"the disk is full ({exc})")
    if primary in (_CORRUPT, _NOTADB):
        return DamagedError(f"the database is damaged ({name or exc})", path)
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


def _beside(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def sidecars(path: Path) -> frozenset[str]:
    """Which of the database's ``-wal`` and ``-shm`` files are there now."""
    return frozenset(suffix for suffix in SIDECARS if _beside(path, suffix).exists())


def tidy_sidecars(path: Path, before: frozenset[str]) -> None:
    """Remove the ``-wal`` and ``-shm`` files that read-only connections left beside
    ``path`` when they were not there ``before`` (a read-only command must leave no file).

    SQLite's own rule does it safely: one ordinary connection is opened and closed, and its
    close deletes the two files only when it is the last connection using the database
    (another program's connection keeps them). The log is empty, so the close folds
    nothing into the file and the file itself is not written. Where the file or its folder
    cannot be written nothing was created (see :func:`connect`), so nothing is left.
    """
    if not any(suffix not in before for suffix in sidecars(path)):
        return
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        # reading the header joins the log (page 1 only: works on most damaged files too)
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.Error:
        pass  # a file SQLite cannot read keeps its files; SQLite removes them later
    finally:
        conn.close()


def _unused(path: Path) -> bool:
    """No write-ahead log and no rollback journal beside the file: nothing to recover, and
    no kpidesk connection (a connection in WAL mode keeps its log while it is open)."""
    return not any(_beside(path, suffix).exists() for suffix in ("-wal", "-journal"))


def _connect_readonly(path: Path) -> Connection:
    """A read-only connection that creates no file.

    In WAL mode even a read-only connection creates the ``-wal`` and ``-shm`` files
    (removed again by :func:`tidy_sidecars`). Where it cannot — a file or folder that
    cannot be written, a read-only medium — and the file is not in use, it is opened
    ``immutable`` (no locks, no log), which is then safe: nobody writes it either.
    """
    base = path.resolve().as_uri() + "?mode=ro"
    immutable = _unused(path) and not os.access(path, os.W_OK)
    conn = sqlite3.connect(
        base + ("&immutable=1" if immutable else ""), uri=True, isolation_level=None
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()  # an open connection would keep its -wal and -shm from tidy_sidecars
        if immutable or not _unused(path) or error_code(exc) not in (_READONLY, _CANTOPEN):
            raise
        conn = sqlite3.connect(base + "&immutable=1", uri=True, isolation_level=None)
    return conn


def _open_error(path: Path, exc: sqlite3.Error) -> StoreError:
    """What a failure to open (or first read) ``path`` means for the user."""
    primary = error_code(exc)
    if primary == _CANTOPEN:
        if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
            return ReadOnlyError(
                f"the folder of {path} cannot be written ({exc})", path, folder=True
            )
        return StoreError(f"cannot open {path}: {exc}")
    found = sort_error(exc, path)
    if isinstance(found, (BusyError, ReadOnlyError, DiskFullError)):
        return found
    if primary == _CORRUPT:
        return DamagedError(f"{path} is damaged ({exc})", path)
    if isinstance(exc, sqlite3.DatabaseError):
        return NotADatabaseError(f"{path} is not a kpidesk database ({exc})")
    return StoreError(f"cannot open {path}: {exc}")


def connect(path: Path, *, readonly: bool = False) -> Connection:
    """Open a connection in autocommit mode with kpidesk's pragmas in effect.

    Writable connections get ``foreign_keys=ON``, ``journal_mode=WAL``, ``synchronous=FULL``
    and a 5 s busy timeout; transactions are explicit (see :func:`write`). A read-only
    connection changes nothing in the file (used to inspect a file before adopting it, and
    by the read-only commands); the ``-wal`` and ``-shm`` files it may create are removed
    by :func:`tidy_sidecars`.

    Raises:
        NotADatabaseError: the file is not an SQLite database.
        DamagedError: the file is damaged.
        ReadOnlyError: the file (``folder``: its folder) cannot be written.
        BusyError, DiskFullError: as their names say.
        StoreError: the file cannot be opened.
    """
    # A file this user cannot write is opened read-only as it is (SQLite would do so
    # anyway, but would leave -wal and -shm behind that it cannot remove): it can be read,
    # and every write is refused as read-only.
    readonly = readonly or (path.is_file() and not os.access(path, os.W_OK))
    try:
        if readonly:
            conn = _connect_readonly(path)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise _open_error(path, exc) from exc
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


@contextmanager
def batch(conn: Connection) -> Iterator[Connection]:
    """Reads that travel together (``postgres_dialect.batch``): a file has no round trips,
    so each read runs where it is issued, as ever."""
    yield conn


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


@contextmanager
def lock_guard_lifted(conn: Connection, table: str) -> Iterator[None]:
    """Rows inserted into ``table`` meanwhile skip its ``<table>_locked_insert`` trigger —
    only inside a write transaction in which no period is locked (read here, inside it;
    else the trigger stays). Sound because SQLite has one writer: no other connection can
    lock a period before this transaction ends, and the trigger's condition (a lock
    covering the row) is then false for every row; it is dropped and created again with
    its own SQL within the transaction, so no other connection ever sees it missing, and a
    rollback or a killed process keeps it. What it saves is SQLite's cost of running a
    trigger program per row: ≈ 30 % of a first import's 44 000 inserts (issue 17)."""
    name = f"{table}_locked_insert"
    found = None
    if (
        conn.in_transaction
        and conn.execute("SELECT 1 FROM period_locks LIMIT 1").fetchone() is None
    ):
        found = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).fetchone()
    if found is None:
        yield
        return
    conn.execute(f"DROP TRIGGER {name}")
    try:
        yield
    finally:
        conn.execute(str(found[0]))


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


def copy_to_memory(source: Connection) -> Connection:
    """A private in-memory copy of the database, with kpidesk's pragmas (a read-only
    command migrates an older file there instead of in the file)."""
    target = sqlite3.connect(":memory:", isolation_level=None)
    try:
        copy_database(source, target)
        target.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        target.close()
        raise
    return target


def forbid_writes(conn: Connection) -> None:
    """Make every later write on ``conn`` fail as on a read-only file (``query_only``)."""
    conn.execute("PRAGMA query_only = ON")


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


def quick_problems(conn: Connection, limit: int = 20) -> list[str]:
    """``PRAGMA quick_check``: the damage that would make reading fail (the b-tree pages
    and records, without comparing indexes to their tables); empty when all is well. A
    damaged file may make the check itself fail; that is reported, never raised."""
    try:
        rows = conn.execute(f"PRAGMA quick_check({int(limit)})").fetchall()
    except sqlite3.DatabaseError as exc:
        return [f"quick check failed: {exc}"]
    return [str(message) for (message,) in rows if message != "ok"]


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

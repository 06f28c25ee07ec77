"""Opening a company file for reading only, and telling a damaged file from a foreign one.

Every open of an existing file runs SQLite's ``quick_check`` first (milliseconds for a
company file of tens of megabytes): a damaged file is refused with what the check found,
before a migration or the backup on open could copy damaged pages into the rotation and
push the good backups out of it.

The read-only commands (``check``, ``report …``, ``export``) must never create or change a
file: nothing is created when the path is missing, a zero-byte file stays zero bytes, no
backup is made, no migration runs in the file, and no ``-wal``/``-shm`` is left behind that
was not there (SQLite creates them even for a read-only connection in WAL mode; they are
removed again on close, see ``sqlite_dialect.tidy_sidecars``).

An older file is migrated in memory (a private copy), never in the file: the command
works on a file made by the previous kpidesk, and the file is upgraded, after its backup,
the next time it is opened for writing. A newer file is refused as on every open.

Must not: know about kpidesk tables (``migrations`` does), or write to the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kpidesk.store.backup import check_file
from kpidesk.store.errors import DamagedError, EmptyDatabaseError, NotADatabaseError, StoreError
from kpidesk.store.migrations import CURRENT_VERSION, inspect_file, migrate
from kpidesk.store.sqlite_dialect import (
    Connection,
    connect,
    copy_to_memory,
    forbid_writes,
    looks_like_sqlite,
    quick_problems,
    sidecars,
    tidy_sidecars,
)


def inspected(path: Path) -> int:
    """:func:`~kpidesk.store.migrations.inspect_file`, with a damaged file reported as
    damaged (with what the integrity check finds) rather than as "not a kpidesk
    database": a file with SQLite's header that SQLite cannot read is a damaged database.

    Raises:
        DamagedError: the file starts as an SQLite database but cannot be read.
        NotADatabaseError, NewerSchemaError: as ``inspect_file``.
    """
    try:
        return inspect_file(path)
    except (NotADatabaseError, DamagedError) as error:
        # "not SQLite" and "another program's database" are raised without a cause; a
        # read that failed keeps the engine's error (or the sorted DamagedError) as one
        foreign = isinstance(error, NotADatabaseError) and error.__cause__ is None
        if foreign or not looks_like_sqlite(path):
            raise
        problems = check_file(path) or [str(error)]
        raise DamagedError(f"{path} is damaged: {problems[0]}", path, problems) from error


def refuse_damaged(conn: Connection, path: Path) -> None:
    """Raise :class:`DamagedError` (with what ``quick_check`` found) when the database
    ``conn`` reads is damaged."""
    problems = quick_problems(conn)
    if problems:
        raise DamagedError(f"{path} is damaged: {problems[0]}", path, problems)


def open_readonly(path: Path) -> tuple[Connection, Callable[[], None]]:
    """A read-only connection to an existing kpidesk database, and what to call after it is
    closed (removes the ``-wal``/``-shm`` that reading created).

    Raises:
        StoreError: the file is missing (nothing is created).
        NotADatabaseError: a folder, not SQLite, or another program's database.
        EmptyDatabaseError: zero bytes, or an SQLite database without a company.
        NewerSchemaError: made by a newer kpidesk.
        DamagedError: the file is damaged (``problems``: what the quick check found).
        ReadOnlyError, BusyError: the file cannot be read now.
    """
    path = Path(path)
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a kpidesk database")
    if not path.is_file():
        raise StoreError(f"{path} does not exist")
    if path.stat().st_size == 0:
        raise EmptyDatabaseError(path)
    before = sidecars(path)

    def tidy() -> None:
        tidy_sidecars(path, before)

    try:
        version = inspected(path)
        if version == 0:
            raise EmptyDatabaseError(path)
        conn = connect(path, readonly=True)
        try:
            refuse_damaged(conn, path)
            if version < CURRENT_VERSION:
                conn = _migrated_copy(conn, path)
            else:
                forbid_writes(conn)
        except BaseException:
            conn.close()
            raise
    except BaseException:
        tidy()
        raise
    return conn, tidy


def _migrated_copy(conn: Connection, path: Path) -> Connection:
    """An in-memory copy of the older file ``conn`` reads, migrated to this version and
    closed to writes; ``conn`` is closed."""
    try:
        memory = copy_to_memory(conn)
    finally:
        conn.close()
    try:
        migrate(memory, path)
        forbid_writes(memory)
    except BaseException:
        memory.close()
        raise
    return memory

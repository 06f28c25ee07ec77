"""Backups: rotating copies made with SQLite's online backup API, restore, integrity check.

A backup is a self-contained single file ``<stem>-YYYYmmdd-HHMMSS[-reason].sqlite`` in the
backup folder (default: ``backups/`` beside the database); only the newest ``keep`` of a
database's automatic backups are kept. A backup is written under a temporary name and
renamed when complete, so a crash never leaves a half backup that looks whole.

The copy taken before a restore (and a damaged file a restore replaced) goes to the
``before-restore/`` sub-folder of the backup folder, which the rotation never looks into:
a routine backup can never delete the state a restore replaced. Those copies are few (one
per restore) and are kept until the owner deletes them.

A restore checks its source first — a kpidesk database (not empty, not another program's),
not newer than this kpidesk, ``integrity_check`` ok — and refuses anything else before
touching the company file. This module must not know about kpidesk tables beyond "is it a
kpidesk database".
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from kpidesk.store.errors import (
    DamagedError,
    EmptyDatabaseError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
    sort_os_error,
)
from kpidesk.store.migrations import inspect_file
from kpidesk.store.sqlite_dialect import (
    Connection,
    connect,
    copy_database,
    copy_to_file,
    integrity_problems,
    looks_like_sqlite,
    sidecars,
    tidy_sidecars,
)

DEFAULT_KEEP = 10
SAFETY_FOLDER = "before-restore"
_STAMP = "%Y%m%d-%H%M%S"


def default_backup_dir(database: Path) -> Path:
    """The default backup folder: ``backups/`` beside the database file."""
    return database.parent / "backups"


def safety_dir(database: Path, backup_dir: Path | None = None) -> Path:
    """Where the copies taken before a restore are kept: ``before-restore/`` inside the
    backup folder, out of the rotation's reach."""
    return (backup_dir or default_backup_dir(database)) / SAFETY_FOLDER


@contextmanager
def untouched(path: Path) -> Iterator[None]:
    """Read ``path`` inside without leaving a file behind: the ``-wal`` and ``-shm`` that
    read-only connections create are removed afterwards (see ``tidy_sidecars``)."""
    before = sidecars(path) if path.is_file() else frozenset(("-wal", "-shm"))
    try:
        yield
    finally:
        if path.is_file():
            tidy_sidecars(path, before)


def _clean_reason(reason: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "-", reason).strip("-.")[:40]


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:-.*)?\.sqlite$")


def _stamped(database: Path, folder: Path) -> list[tuple[str, int, str, Path]]:
    """The database's backups in ``folder`` (not below it), with their sort keys."""
    if not folder.is_dir():
        return []
    pattern = _pattern(database.stem)
    found: list[tuple[str, int, str, Path]] = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_file():
            found.append((match[1], entry.stat().st_mtime_ns, entry.name, entry))
    return found


def list_backups(database: Path, backup_dir: Path | None = None) -> list[Path]:
    """The database's rotating backups in ``backup_dir``, newest first (the copies kept
    before restores are not among them: see :func:`list_safety_copies`)."""
    found = _stamped(database, backup_dir or default_backup_dir(database))
    return [item[3] for item in sorted(found, reverse=True)]


def list_safety_copies(database: Path, backup_dir: Path | None = None) -> list[Path]:
    """The copies taken before restores (and damaged files a restore replaced), newest
    first; never rotated."""
    found = _stamped(database, safety_dir(database, backup_dir))
    return [item[3] for item in sorted(found, reverse=True)]


def newest_good_backup(database: Path, backup_dir: Path | None = None) -> Path | None:
    """The newest backup — rotating or kept before a restore — that is a kpidesk database
    this version can open and passes the integrity check; ``None`` when there is none."""
    folder = backup_dir or default_backup_dir(database)
    found = _stamped(database, folder) + _stamped(database, safety_dir(database, backup_dir))
    for *_, path in sorted(found, reverse=True):
        try:
            validate_source(path)
        except (StoreError, OSError):
            continue
        return path
    return None


def last_backup(database: Path, backup_dir: Path | None = None) -> Path | None:
    """The newest backup of the database, or ``None``."""
    backups = list_backups(database, backup_dir)
    return backups[0] if backups else None


def _write_copy(source: Connection, dest: Path) -> None:
    """Copy ``source`` into a new single file ``dest`` (atomically, via a temporary name)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    copy_to_file(source, partial)
    os.replace(partial, dest)


def make_backup(
    source: Connection,
    database: Path,
    *,
    reason: str = "",
    dest: Path | None = None,
    backup_dir: Path | None = None,
    keep: int = DEFAULT_KEEP,
) -> Path:
    """Back the open database up and return the backup's path.

    Args:
        source: an open connection to the database.
        database: the database file (its stem names the backup).
        reason: a short word put in the name (``open``, ``import``, ``pre-migration-v1``).
        dest: an explicit file to write; then no rotation happens.
        backup_dir: the rotating backup folder (default ``backups/`` beside the database).
        keep: how many automatic backups to keep.
    """
    if dest is not None:
        _write_copy(source, dest)
        return dest
    folder = backup_dir or default_backup_dir(database)
    name = f"{database.stem}-{datetime.now().strftime(_STAMP)}"
    suffix = _clean_reason(reason)
    if suffix:
        name += f"-{suffix}"
    path = folder / f"{name}.sqlite"
    counter = 2
    while path.exists():
        path = folder / f"{name}-{counter}.sqlite"
        counter += 1
    _write_copy(source, path)
    rotate(database, folder, keep)
    return path


def rotate(database: Path, backup_dir: Path | None = None, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; return the deleted files."""
    removed = list_backups(database, backup_dir)[max(keep, 1) :]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def check_file(path: Path) -> list[str]:
    """Integrity problems of a database file (empty when all is well); never raises for a
    damaged file — an unreadable file is itself the problem reported."""
    if not path.is_file():
        return [f"{path} does not exist"]
    if not looks_like_sqlite(path):
        return [f"{path} is not an SQLite database"]
    with untouched(path):
        try:
            conn = connect(path, readonly=True)
        except StoreError as exc:
            return [str(exc.__cause__ or exc)]  # SQLite's own words: the path is known
        try:
            return integrity_problems(conn)
        finally:
            conn.close()


def validate_source(source: Path) -> int:
    """Check, without changing it, that ``source`` can replace a company: a kpidesk
    database holding a company, not newer than this kpidesk, intact.

    Returns:
        Its schema version (an older one is migrated when the restored file is opened).

    Raises:
        EmptyDatabaseError: zero bytes, or an SQLite database without a company.
        NotADatabaseError: not SQLite (a text file, a workbook, random bytes), or another
            program's database.
        DamagedError: the integrity check failed (``problems`` says what it found).
        NewerSchemaError: made by a newer kpidesk.
        StoreError: missing, or cannot be read.
    """
    if not source.is_file():
        raise StoreError(f"{source} does not exist")
    if source.stat().st_size == 0:
        raise EmptyDatabaseError(source)
    if not looks_like_sqlite(source):
        raise NotADatabaseError(f"{source} is not a kpidesk database (not an SQLite file)")
    with untouched(source):
        problems = check_file(source)
        if problems:
            raise DamagedError(f"{source} is damaged: " + "; ".join(problems), source, problems)
        version = inspect_file(source)
    if version == 0:
        raise EmptyDatabaseError(source)
    return version


def _safety_path(database: Path, backup_dir: Path | None, reason: str) -> Path:
    folder = safety_dir(database, backup_dir)
    name = f"{database.stem}-{datetime.now().strftime(_STAMP)}-{reason}"
    path = folder / f"{name}.sqlite"
    counter = 2
    while path.exists():
        path = folder / f"{name}-{counter}.sqlite"
        counter += 1
    return path


def _keep_aside(database: Path, backup_dir: Path | None) -> Path | None:
    """Keep the current file apart from the rotation before a restore replaces it: a copy
    made with the backup API when it is intact, its very bytes (moved) when it is not.
    Returns where it went (``None``: there was nothing to keep)."""
    if not database.exists() or database.stat().st_size == 0:
        database.unlink(missing_ok=True)
        return None
    if looks_like_sqlite(database) and not check_file(database):
        safety = _safety_path(database, backup_dir, "pre-restore")
        current = connect(database)
        try:
            _write_copy(current, safety)
        finally:
            current.close()
        return safety
    # A damaged file cannot be copied page by page; keep its bytes aside instead.
    safety = _safety_path(database, backup_dir, "damaged")
    safety.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(database, safety)
    for extra in ("-wal", "-shm"):
        Path(str(database) + extra).unlink(missing_ok=True)
    return safety


def _require_writable(database: Path) -> None:
    """Refuse, before anything is copied, a company file or folder this user cannot write
    (as the operating system says; a restore could not replace it)."""
    if database.exists() and not os.access(database, os.W_OK):
        raise ReadOnlyError(f"{database} cannot be written", database)
    folder = database.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        raise ReadOnlyError(f"the folder {folder} cannot be written", database, folder=True)


def restore(
    database: Path,
    source: Path,
    *,
    backup_dir: Path | None = None,
    keep: int = DEFAULT_KEEP,
) -> Path | None:
    """Replace the (closed) database with a backup.

    The source is checked first (:func:`validate_source`); a source that fails changes
    nothing. The current file is then kept apart from the rotation (in ``before-restore/``,
    see the module docstring) and the source copied in with the backup API, so that the
    database's write-ahead log stays consistent. ``keep`` is accepted for symmetry with
    :func:`make_backup`; the safety copy is never rotated.

    Returns:
        Where the file that was replaced is kept, or ``None`` when there was none.

    Raises:
        EmptyDatabaseError, NotADatabaseError, NewerSchemaError, DamagedError: the source
            is not something to restore (nothing was changed).
        ReadOnlyError, DiskFullError: the company file, its folder or the backup folder
            cannot be written (the company file is unchanged).
        StoreError: the source is the company file itself.
    """
    del keep
    validate_source(source)
    if database.exists() and source.resolve() == database.resolve():
        raise StoreError(f"{source} is the company file itself")
    _require_writable(database)
    try:
        safety = _keep_aside(database, backup_dir)
        database.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise sort_os_error(exc, database) from exc
    with untouched(source):
        reader = connect(source, readonly=True)
        try:
            target = connect(database)
            try:
                copy_database(reader, target)
            finally:
                target.close()
        finally:
            reader.close()
    return safety

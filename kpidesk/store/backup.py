"""Backups: rotating copies made with SQLite's online backup API, restore, integrity check.

A backup is a self-contained single file ``<stem>-YYYYmmdd-HHMMSS[-reason].sqlite`` in the
backup folder (default: ``backups/`` next to the database); only the newest ``keep`` of a
database's automatic backups are kept. A backup is written under a temporary name and
renamed when complete, so a crash never leaves a half backup that looks whole.
This module must not know about kpidesk tables beyond "is it a kpidesk database".
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from kpidesk.store.errors import StoreError
from kpidesk.store.migrations import inspect_file
from kpidesk.store.sqlite_dialect import (
    Connection,
    connect,
    copy_database,
    copy_to_file,
    integrity_problems,
    looks_like_sqlite,
)

DEFAULT_KEEP = 10
_STAMP = "%Y%m%d-%H%M%S"


def default_backup_dir(database: Path) -> Path:
    """The default backup folder: ``backups/`` beside the database file."""
    return database.parent / "backups"


def _clean_reason(reason: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "-", reason).strip("-.")[:40]


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:-.*)?\.sqlite$")


def list_backups(database: Path, backup_dir: Path | None = None) -> list[Path]:
    """The database's backups in ``backup_dir``, newest first."""
    folder = backup_dir or default_backup_dir(database)
    if not folder.is_dir():
        return []
    pattern = _pattern(database.stem)
    found: list[tuple[str, int, str, Path]] = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_file():
            found.append((match[1], entry.stat().st_mtime_ns, entry.name, entry))
    found.sort(reverse=True)
    return [item[3] for item in found]


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
    try:
        conn = connect(path, readonly=True)
    except StoreError as exc:
        return [str(exc)]
    try:
        return integrity_problems(conn)
    finally:
        conn.close()


def restore(
    database: Path,
    source: Path,
    *,
    backup_dir: Path | None = None,
    keep: int = DEFAULT_KEEP,
) -> Path | None:
    """Replace the (closed) database with a backup.

    The source must pass the integrity check and be a kpidesk database of a version this
    kpidesk can open (an older one is migrated on the next open). The current file is backed
    up first (reason ``pre-restore``); the copy is made with the backup API so that the
    database's write-ahead log stays consistent.

    Returns:
        The backup of the file that was replaced, or ``None`` when there was none.

    Raises:
        NotADatabaseError, NewerSchemaError: the source is not something we can open.
        StoreError: the source is damaged.
    """
    inspect_file(source)
    problems = check_file(source)
    if problems:
        raise StoreError(f"{source} is damaged and was not restored: " + "; ".join(problems))
    safety: Path | None = None
    healthy = database.is_file() and not check_file(database)
    if healthy and database.stat().st_size > 0:
        current = connect(database)
        try:
            safety = make_backup(
                current, database, reason="pre-restore", backup_dir=backup_dir, keep=keep
            )
        finally:
            current.close()
    elif database.exists():
        # A damaged file cannot be copied page by page; keep its bytes aside instead.
        folder = backup_dir or default_backup_dir(database)
        folder.mkdir(parents=True, exist_ok=True)
        safety = folder / f"{database.stem}-{datetime.now().strftime(_STAMP)}-damaged.sqlite"
        os.replace(database, safety)
        for extra in ("-wal", "-shm"):
            Path(str(database) + extra).unlink(missing_ok=True)
    database.parent.mkdir(parents=True, exist_ok=True)
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

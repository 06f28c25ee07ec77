"""The errors the store raises on purpose, one class per thing a user can be told.

Every class derives from :class:`StoreError`. The dialect module sorts the engine's own
errors into these (busy, read-only, disk full, damaged); an engine error that fits none of
them is a bug and is re-raised as it is. This module must not import an engine.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kpidesk.core.problems import Location


class StoreError(Exception):
    """Base class of every error the store raises on purpose."""


class NewerSchemaError(StoreError):
    """The database file was written by a newer kpidesk than this one."""

    def __init__(self, path: Path | str, found: int, supported: int) -> None:
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


class EmptyDatabaseError(NotADatabaseError):
    """The file holds no company: zero bytes, or an SQLite database without kpidesk's
    tables (refused where a company must already be there: a restore, a read-only
    command)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is empty: it holds no company (not a kpidesk database)")
        self.path = path


class LockedPeriodError(StoreError):
    """A write would change data of a locked (paid) period."""

    def __init__(self, period: str, item: str) -> None:
        where = f"period {period} is locked" if period else "a locked period"
        what = item or "this data"
        super().__init__(f"{where}: {what} cannot be changed (reopen the period first)")
        self.period = period
        self.item = item


class ContentError(StoreError):
    """Content refers to something that does not exist (an unknown store, employee, …)."""

    def __init__(self, message: str, where: Location | None = None) -> None:
        text = f"{where.describe()}: {message}" if where and where.describe() else message
        super().__init__(text)
        self.where = where or Location()


class BusyError(StoreError):
    """Another program (or another kpidesk) is writing the file; try again shortly."""


class ReadOnlyError(StoreError):
    """The file or its folder cannot be written (read-only medium or permissions).

    Attributes:
        path: the file, when known.
        folder: the folder is what cannot be written (SQLite creates its ``-wal`` and
            ``-shm`` files beside the database), not the file itself.
    """

    def __init__(self, message: str, path: Path | None = None, *, folder: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.folder = folder


class DiskFullError(StoreError):
    """The disk is full; nothing of the failed write was kept."""


class DamagedError(StoreError):
    """The file is damaged (or is not a database at all); restore a backup.

    Attributes:
        path: the file, when known.
        problems: what the integrity check found (SQLite's own words), when it ran.
    """

    def __init__(
        self, message: str, path: Path | None = None, problems: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.problems = list(problems or [])


class ConnectionLostError(StoreError):
    """The company server cannot be reached, or the connection dropped (nothing of a write
    in progress was kept: the server rolls an unfinished transaction back)."""


class ServerRefusedError(StoreError):
    """The company server refused a read or a write the login has no right to (its
    grants and row-level security, SPEC §3.2)."""


class RetryError(StoreError):
    """The server refused a transaction that raced another one (a serialization failure
    or a deadlock); applying the same change again is safe."""


# errno values of a full disk and of a file or folder that cannot be written
_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_READONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def sort_os_error(exc: OSError, path: Path | None = None) -> StoreError | OSError:
    """The store error a file-system error means (a full disk, a file or folder that
    cannot be written), or ``exc`` itself when it is something else.

    Args:
        exc: what ``open``, ``os.replace``, ``mkdir`` … raised.
        path: the file being written, for the message.
    """
    where = path or (Path(exc.filename) if isinstance(exc.filename, str) else None)
    if exc.errno in _FULL_ERRNOS:
        return DiskFullError(f"the disk is full ({exc})")
    if exc.errno in _READONLY_ERRNOS:
        # a file that is there and writable (or not there yet): its folder is what refuses
        file_refuses = where is not None and where.exists() and not os.access(where, os.W_OK)
        folder = where is not None and not file_refuses
        return ReadOnlyError(
            f"{where or 'the file'} cannot be written ({exc})", where, folder=folder
        )
    return exc

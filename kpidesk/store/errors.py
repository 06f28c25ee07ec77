"""The errors the store raises on purpose, one class per thing a user can be told.

Every class derives from :class:`StoreError`. The dialect module sorts the engine's own
errors into these (busy, read-only, disk full, damaged); an engine error that fits none of
them is a bug and is re-raised as it is. This module must not import an engine.
"""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.problems import Location


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
    """The file or its folder cannot be written (read-only medium or permissions)."""


class DiskFullError(StoreError):
    """The disk is full; nothing of the failed write was kept."""


class DamagedError(StoreError):
    """The file is damaged (or is not a database at all); restore a backup."""

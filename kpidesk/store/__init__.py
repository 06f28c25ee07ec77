"""The database: one SQLite file is the whole company (SPEC §3).

``Database.open(path, actor=...)`` gives an open file whose repositories are composed over
its one connection (``db.org``, ``db.matrices``, ``db.daily``, ``db.facts``, ``db.tasks``,
``db.audit``, ``db.locks``, ``db.content``, ``db.snapshots``); ``restore`` and
``check_database`` work on closed files. Standard-library ``sqlite3`` only, no ORM, never
Qt; SQLite specifics are confined to ``sqlite_dialect.py``.

Modules: ``errors`` (the error classes), ``sqlite_dialect`` (everything engine-specific),
``context`` (the shared connection + actor + audit writer), ``merge`` (the upsert engine),
``schema`` and ``migrations``, one module per repository (``org``, ``matrices``, ``daily``,
``facts``, ``tasks``, ``audit``, ``locks``, ``content``, ``snapshots``), ``backup``,
``codec`` and ``database``.
"""

from kpidesk.store.audit import AuditEntry
from kpidesk.store.backup import restore
from kpidesk.store.content import ChangeSummary
from kpidesk.store.database import Database, check_database
from kpidesk.store.errors import (
    BusyError,
    ContentError,
    DamagedError,
    DiskFullError,
    LockedPeriodError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
)
from kpidesk.store.merge import AuditMode, KindSummary
from kpidesk.store.migrations import CURRENT_VERSION
from kpidesk.store.org import Removal

__all__ = [
    "CURRENT_VERSION",
    "AuditEntry",
    "AuditMode",
    "BusyError",
    "ChangeSummary",
    "ContentError",
    "DamagedError",
    "Database",
    "DiskFullError",
    "KindSummary",
    "LockedPeriodError",
    "NewerSchemaError",
    "NotADatabaseError",
    "ReadOnlyError",
    "Removal",
    "StoreError",
    "check_database",
    "restore",
]

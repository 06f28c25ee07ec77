"""The database: one SQLite file is the whole company (SPEC §3).

``Database.open(path, actor=...)`` gives an open file with every repository method on it;
``restore`` and ``check_database`` work on closed files. Standard-library ``sqlite3`` only,
no ORM, never Qt; SQLite specifics are confined to ``connection.py``.
"""

from kpidesk.store.audit_repo import AuditEntry
from kpidesk.store.backup import restore
from kpidesk.store.connection import (
    LockedPeriodError,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
)
from kpidesk.store.content_repo import ChangeSummary
from kpidesk.store.database import Database, check_database
from kpidesk.store.migrations import CURRENT_VERSION
from kpidesk.store.org_repo import Removal
from kpidesk.store.repository import ContentError, KindSummary

__all__ = [
    "CURRENT_VERSION",
    "AuditEntry",
    "ChangeSummary",
    "ContentError",
    "Database",
    "KindSummary",
    "LockedPeriodError",
    "NewerSchemaError",
    "NotADatabaseError",
    "Removal",
    "StoreError",
    "check_database",
    "restore",
]

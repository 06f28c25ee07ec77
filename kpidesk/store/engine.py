"""Which engine a connection speaks: the one dialect module (``sqlite_dialect`` for the
company file, ``postgres_dialect`` for the company server) whose transactions, error sorting
and schema-version functions the repositories, migrations and the database use for it.

Must not: hold anything engine-specific itself (the dialect modules do).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol

from kpidesk.store import postgres_dialect, sqlite_dialect


class Engine(Protocol):
    """What a dialect module offers every engine-neutral caller."""

    NAME: str

    def write(self, conn: Any, *, savepoint: bool = True) -> AbstractContextManager[Any]: ...

    def sorted_errors(self) -> AbstractContextManager[None]: ...

    def batch(self, conn: Any) -> AbstractContextManager[Any]: ...

    def schema_version(self, conn: Any) -> int: ...

    def set_schema_version(self, conn: Any, version: int) -> None: ...

    def table_names(self, conn: Any) -> set[str]: ...

    def trigger_names(self, conn: Any) -> set[str]: ...

    def lock_guard_lifted(self, conn: Any, table: str) -> AbstractContextManager[None]: ...


def engine_of(conn: object) -> Engine:
    """The dialect of ``conn``: the company server's for a ``PgConnection``, else SQLite's."""
    if isinstance(conn, postgres_dialect.PgConnection):
        return postgres_dialect
    return sqlite_dialect


def is_server(conn: object) -> bool:
    """Whether ``conn`` is a company server's connection."""
    return isinstance(conn, postgres_dialect.PgConnection)

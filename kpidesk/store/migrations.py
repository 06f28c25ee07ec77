"""Ordered schema migrations and the check that a file is a kpidesk database we can open.

The schema version is kept where the dialect keeps it (``schema_version``). Each migration
runs in its own transaction together with the version bump, so a failed migration leaves
the file at the previous version; a new database gets every version in one transaction
(one commit instead of one a version: ≈ 5 ms of a new company file, issue 17). Taking the
backup before migrating is the caller's job (``before`` callback); this module must not
know where backups go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kpidesk.store.engine import engine_of, is_server
from kpidesk.store.errors import DamagedError, NewerSchemaError, NotADatabaseError
from kpidesk.store.schema import APP_KEY, APP_NAME, POSTGRESQL, SQLITE, Ddl, versions
from kpidesk.store.sqlite_dialect import (
    Connection,
    connect,
    looks_like_sqlite,
    schema_version,
    sorted_errors,
    table_names,
)


@dataclass(frozen=True)
class Migration:
    """One step from ``version - 1`` to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


def migrations_for(ddl: Ddl) -> tuple[Migration, ...]:
    """The ordered migrations in one engine's DDL."""
    return tuple(Migration(*version) for version in versions(ddl))


MIGRATIONS: tuple[Migration, ...] = migrations_for(SQLITE)  # the company file's
SERVER_MIGRATIONS: tuple[Migration, ...] = migrations_for(POSTGRESQL)
CURRENT_VERSION = MIGRATIONS[-1].version


def apply_migration(conn: Connection, migration: Migration) -> None:
    """Run one migration and record its version, in one transaction (DDL is
    transactional on both engines)."""
    engine = engine_of(conn)
    with engine.write(conn):
        for statement in migration.statements:
            conn.execute(statement)
        engine.set_schema_version(conn, migration.version)


def migrate(
    conn: Connection,
    path: Path | str,
    *,
    target: int = CURRENT_VERSION,
    before: Callable[[int], None] | None = None,
) -> list[int]:
    """Bring the database up to ``target``; return the versions applied, in order.

    Args:
        conn: a writable connection.
        path: the file (or the server's address), for error messages.
        target: the version to stop at (tests build old fixtures with ``target=1``).
        before: called with the current version before the first migration of a file that
            already holds data (version ≥ 1), e.g. to take a backup.

    Raises:
        NewerSchemaError: the file is newer than this kpidesk.
    """
    current = engine_of(conn).schema_version(conn)
    if current > CURRENT_VERSION:
        raise NewerSchemaError(path, current, CURRENT_VERSION)
    migrations = SERVER_MIGRATIONS if is_server(conn) else MIGRATIONS
    pending = [m for m in migrations if current < m.version <= target]
    if pending and current > 0 and before is not None:
        before(current)
    if current == 0 and pending:
        # a new database: every version in one transaction (one commit, not one a version),
        # so that it never holds half a schema
        with engine_of(conn).write(conn):
            for migration in pending:
                apply_migration(conn, migration)
    else:
        for migration in pending:
            apply_migration(conn, migration)
    return [m.version for m in pending]


def inspect_file(path: Path) -> int:
    """Check, without changing it, that ``path`` is a kpidesk database this version can open.

    Returns:
        The file's schema version (0 for an empty file or an empty SQLite database).

    Raises:
        NotADatabaseError: not SQLite, or SQLite holding something other than kpidesk.
        NewerSchemaError: made by a newer kpidesk.
    """
    if not looks_like_sqlite(path):
        raise NotADatabaseError(f"{path} is not a kpidesk database (not an SQLite file)")
    if path.stat().st_size == 0:
        return 0
    conn = connect(path, readonly=True)
    try:
        with sorted_errors():
            return _inspect(conn, path)
    except DamagedError as exc:
        raise NotADatabaseError(f"{path} is not a readable kpidesk database ({exc})") from exc
    finally:
        conn.close()


def _inspect(conn: Connection, path: Path) -> int:
    """The body of :func:`inspect_file` on an open read-only connection."""
    version = schema_version(conn)
    tables = table_names(conn)
    if version > CURRENT_VERSION:
        raise NewerSchemaError(path, version, CURRENT_VERSION)
    if version == 0:
        if tables:
            raise NotADatabaseError(
                f"{path} is an SQLite database of another program, not a kpidesk database"
            )
        return 0
    marker = None
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (APP_KEY,)).fetchone()
        marker = row[0] if row else None
    if marker != APP_NAME:
        raise NotADatabaseError(
            f"{path} is an SQLite database of another program, not a kpidesk database"
        )
    return version

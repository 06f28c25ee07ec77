"""The company on a company server (SPEC §3.2): a :class:`Database` whose one connection
is a PostgreSQL session — the same repositories, the same SQL — with what differs about a
server: connecting from a libpq URL, creating the schema in an empty database
(``server init``), moving a company file onto it (``server upload``), and a backup that is
a portable company file.

The server keeps its own backups (that is its administrator's job), so no rotating
backups are taken; a migration is one transaction (PostgreSQL's DDL is transactional), so
none is needed before it either.

Must not: know the rows of any table (``transfer`` copies them).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit, urlunsplit

from kpidesk.store import postgres_dialect, server_rights
from kpidesk.store.database import Database
from kpidesk.store.errors import (
    ConnectionLostError,
    EmptyDatabaseError,
    NotADatabaseError,
    StoreError,
)
from kpidesk.store.migrations import CURRENT_VERSION, migrate
from kpidesk.store.postgres_dialect import PgConnection, connect, schema_version, table_names
from kpidesk.store.schema import APP_KEY, APP_NAME
from kpidesk.store.sqlite_dialect import Connection, set_single_file
from kpidesk.store.sqlite_dialect import connect as connect_file
from kpidesk.store.sqlite_dialect import write as write_file
from kpidesk.store.transfer import copy_company, holds_a_company, row_counts


def display_location(url: str) -> str:
    """The URL without its password, for titles, messages and the recent list."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    user = parts.username or ""
    netloc = f"{user}@{host}" if user else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def database_name(url: str) -> str:
    """The database a server URL names."""
    return urlsplit(url).path.lstrip("/") or (urlsplit(url).username or "postgres")


class MissingGrantsError(StoreError):
    """The login that runs ``server init`` lacks what creating the kpidesk roles needs."""

    def __init__(self, location: str, grants: list[str]) -> None:
        super().__init__(
            f"{location}: server init needs a login with {', '.join(grants)} "
            "(ask the server's administrator: ALTER ROLE <login> CREATEROLE)"
        )
        self.grants = grants


def _version(conn: PgConnection, location: str) -> int:
    """The server database's schema version, refusing another program's database."""
    version = schema_version(conn)
    tables = table_names(conn)
    if version == 0:
        if tables:
            raise NotADatabaseError(
                f"{display_location(location)} holds another program's tables, "
                "not a kpidesk company"
            )
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (APP_KEY,)).fetchone()
    if row is None or row[0] != APP_NAME:
        raise NotADatabaseError(f"{display_location(location)} is not a kpidesk company")
    return version


_WHO = (
    "SELECT session_user,"
    " coalesce((SELECT tableowner FROM pg_tables WHERE schemaname = 'public'"
    " AND tablename = 'meta') = session_user, false)"
    " OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false),"
    " EXISTS (SELECT 1 FROM users),"
    " EXISTS (SELECT 1 FROM users WHERE name = session_user)"
)
Who = tuple[str, bool, bool, bool]


@dataclass(frozen=True)
class _Opening:
    """What opening a company reads in its one round trip."""

    version: int
    who: Who
    revision: int


def _opening(conn: PgConnection) -> _Opening | None:
    """The schema version, the kpidesk marker, who the login is (``ServerDatabase.who``)
    and the revision, in ONE round trip (SPEC §9: four before) — or ``None`` when that
    does not tell (an empty or foreign database: a table is missing, so the batch fails;
    :func:`_version` then reads step by step and refuses as ever). A lost connection is
    raised."""
    try:
        with postgres_dialect.batch(conn):
            version = postgres_dialect.version_read(conn)
            meta = conn.execute(
                "SELECT key, value FROM meta WHERE key IN (?, 'revision')", (APP_KEY,)
            )
            who = conn.execute(_WHO)
            found = version.fetchone()
            values = {str(key): str(value) for key, value in meta.fetchall()}
            row = who.fetchone()
    except ConnectionLostError:
        raise
    except Exception:  # read again step by step below, which sorts it as ever
        if not conn.closed:  # the failed batch's implicit transaction undid the setting
            conn.pending_statement(postgres_dialect.TIME_ZONE)
        return None
    number = 0 if found is None else int(found[0])
    if number == 0 or values.get(APP_KEY) != APP_NAME:
        return None  # not kpidesk's: refused by the step-by-step reads
    who_is = (str(row[0]), bool(row[1]), bool(row[2]), bool(row[3]))
    return _Opening(number, who_is, int(values.get("revision", "0")))


class ServerDatabase(Database):
    """A company on a company server. Use :meth:`connect` or :meth:`initialise`."""

    def __init__(self, conn: PgConnection, actor: str, location: str) -> None:
        # the repositories speak to it as to an sqlite3 connection (``PgConnection``)
        super().__init__(cast(Connection, conn), actor, None)
        self._server = conn
        self.location = display_location(location)
        self.url = location
        self._opened: _Opening | None = None  # read on opening, for the first callers
        self._who_ahead: Who | None = None

    @property
    def is_server(self) -> bool:
        return True

    @property
    def database_name(self) -> str:
        """The server database the company lives in (its group roles are named after it)."""
        return database_name(self.url)

    def who(self) -> Who:
        """In one round trip: the login, whether it owns the company's tables (the owner's
        own account, which ``server init`` ran as) or is a superuser, whether the company
        has users, and whether the login is one of them. The first call after
        :meth:`connect` answers what opening read (no round trip), unless this connection
        wrote since."""
        found, self._who_ahead = self._who_ahead, None
        if found is not None and self._server.transactions == 0:
            return found
        row = self._conn.execute(_WHO).fetchone()
        return str(row[0]), bool(row[1]), bool(row[2]), bool(row[3])

    def revision(self) -> int:
        """The company's revision (one statement). The first call after :meth:`connect`
        answers the revision read on opening, unless this connection wrote since: an
        older revision is safe for a watch (a change after it shows as a change)."""
        opened, self._opened = self._opened, None
        if opened is not None and self._server.transactions == 0:
            return opened.revision
        return super().revision()

    @classmethod
    def connect(cls, location: str, *, actor: str, password: str | None = None) -> ServerDatabase:
        """Open the company at ``location`` (migrating an older schema).

        Raises:
            ConnectionLostError: the server cannot be reached.
            NotADatabaseError: the login is refused, or the database is not kpidesk's.
            EmptyDatabaseError: the database holds no company yet (``server init``).
            NewerSchemaError: made by a newer kpidesk (left untouched).
        """
        conn = connect(location, password=password)
        try:
            opened = _opening(conn)
            version = opened.version if opened is not None else _version(conn, location)
            if version == 0:
                raise EmptyDatabaseError(Path(display_location(location)))
            if version != CURRENT_VERSION:  # (the current one: nothing to read again)
                migrate(cast(Connection, conn), display_location(location))
                opened = None  # what it read may have changed
        except BaseException:
            conn.close()
            raise
        database = cls(conn, actor, location)
        if opened is not None:
            database._opened, database._who_ahead = opened, opened.who
        return database

    @classmethod
    def initialise(
        cls, location: str, *, actor: str, password: str | None = None
    ) -> ServerDatabase:
        """Create the kpidesk schema in an empty database (``server init``).

        Raises:
            StoreError: the database is not empty (nothing is changed).
        """
        conn = connect(location, password=password)
        try:
            masked = conn.execute(
                "SELECT 1 FROM pg_namespace WHERE nspname = ?", (server_rights.MASKED_SCHEMA,)
            ).fetchone()
            if _version(conn, location) != 0 or table_names(conn) or masked:
                raise StoreError(
                    f"{display_location(location)} is not empty: server init needs an "
                    "empty database"
                )
            lacking = server_rights.missing_grants(conn)
            if lacking:
                raise MissingGrantsError(display_location(location), lacking)
            migrate(cast(Connection, conn), display_location(location), target=CURRENT_VERSION)
            with postgres_dialect.write(conn):
                server_rights.install(conn, database_name(location), actor)
        except BaseException:
            conn.close()
            raise
        return cls(conn, actor, location)

    # --- what differs from a file -------------------------------------------------------
    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._conn.close()

    def backup(self, dest: Path | None = None, reason: str = "manual") -> Path:
        """Write the whole company into a company file ``dest`` (a portable backup that
        ``restore`` and ``server upload`` take); without ``dest``, nothing (the server
        keeps its own backups).

        Raises:
            StoreError: no ``dest`` for a manual backup, or ``dest`` exists.
        """
        if dest is None:
            raise StoreError("a company server's backup needs a file to write (-o FILE)")
        dest = Path(dest)
        if dest.exists():
            raise StoreError(f"{dest} exists already; choose a new file")
        dest.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=dest.name + ".", suffix=".partial", dir=dest.parent
        )
        os.close(handle)
        part = Path(temporary)
        part.unlink()
        try:
            target = connect_file(part)
            try:
                migrate(target, part)
                with write_file(target):
                    copy_company(self._conn, target)
                set_single_file(target)
            finally:
                target.close()
            os.replace(part, dest)
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{part}{suffix}").unlink(missing_ok=True)
        return dest

    def _backup(self, reason: str) -> None:
        """No rotating backups on a server (see the module docstring)."""

    def last_backup(self) -> Path | None:
        return None

    def backups(self) -> list[Path]:
        return []

    def integrity_check(self) -> list[str]:
        """The schema is kpidesk's current one, with its rules (the lock triggers)."""
        problems = []
        version = schema_version(self._server)
        if version != CURRENT_VERSION:
            problems.append(f"schema version {version}, expected {CURRENT_VERSION}")
        triggers = postgres_dialect.trigger_names(self._server)
        if not any(name.endswith("_locked_insert") for name in triggers):
            problems.append("the period lock triggers are missing")
        return problems

    def row_counts(self) -> dict[str, int]:
        """How many rows each table holds (``kpidesk check`` on a server)."""
        return row_counts(self._conn)

    # --- upload -------------------------------------------------------------------------
    def upload(self, source: Database) -> dict[str, int]:
        """Copy a whole company (an open company file, at the current schema) onto this
        server, all or nothing; returns the rows copied per table.

        Raises:
            StoreError: the server already holds a company (nothing is changed).
        """
        if holds_a_company(self._conn):
            raise StoreError(f"{self.location} already holds a company: upload needs an empty one")
        with self.transaction():
            copied = copy_company(source.connection, self._conn)
            # the server keeps the passwords: each user becomes a login role, without a
            # password until the owner sets one (``users passwd`` on the server)
            users = self._conn.execute("SELECT name, role FROM users").fetchall()
            self._conn.execute("UPDATE users SET password_hash = ''")
            for name, role in users:
                server_rights.create_login(
                    self._server, self.database_name, str(name), str(role), None
                )
            return copied

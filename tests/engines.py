"""The two engines in tests (STYLE.md: the store, services and CLI suites run on both): the
company file, and a real PostgreSQL server — a fresh database per test module, emptied
before each test.

``KPIDESK_TEST_PG`` gives a libpq URL of a database where the test role may create
databases (``.ci/run`` starts the server and sets it, with the password in
``PGPASSWORD``). Without it the PostgreSQL half of a test is skipped — unless
``KPIDESK_REQUIRE_PG`` is set (CI sets it), where a missing server fails the run instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

PG_VARIABLE = "KPIDESK_TEST_PG"
REQUIRE_VARIABLE = "KPIDESK_REQUIRE_PG"
ENGINES = ("sqlite", "postgresql")


def server_url() -> str:
    """The test server's URL, else skip (or fail, where PostgreSQL is required)."""
    url = os.environ.get(PG_VARIABLE)
    if url:
        return url
    if os.environ.get(REQUIRE_VARIABLE):
        pytest.fail(f"{REQUIRE_VARIABLE} is set but {PG_VARIABLE} gives no PostgreSQL server")
    pytest.skip(f"no PostgreSQL server (set {PG_VARIABLE})")


def with_database(url: str, name: str) -> str:
    """``url`` naming the database ``name`` instead."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def create_database(name: str) -> str:
    """A new, empty database on the test server (an old one of that name dropped)."""
    import psycopg

    base = server_url()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return with_database(base, name)


def drop_database(name: str) -> None:
    """Drop a test database (connections to it are ended).

    A company login's connection that a test has just closed may still be ending on the
    server, and the test role may end only its own backends: wait for the others to go
    (at most 5 s), then make the test role a member of any login still connected, which
    lets ``WITH (FORCE)`` end it."""
    import time

    import psycopg

    others = (
        "SELECT DISTINCT usename FROM pg_stat_activity"
        " WHERE datname = %s AND usename <> current_user"
    )
    with psycopg.connect(server_url(), autocommit=True) as conn:
        deadline = time.monotonic() + 5
        logins = conn.execute(others, (name,)).fetchall()
        while logins and time.monotonic() < deadline:
            time.sleep(0.05)
            logins = conn.execute(others, (name,)).fetchall()
        for (login,) in logins:
            conn.execute(f'GRANT "{login}" TO CURRENT_USER')
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_name(request: pytest.FixtureRequest) -> str:
    """A database name for this test module (and process: parallel runs never meet)."""
    module = re.sub(r"[^a-z0-9]+", "_", request.module.__name__.lower())[-40:]
    return f"kpidesk_t_{module}_{os.getpid()}"


def empty_server(url: str) -> None:
    """Make the kpidesk database at ``url`` as fresh as a new one: every table emptied,
    the ids started again, the company's settings back to a new company's."""
    import psycopg

    from kpidesk.store.transfer import TABLES

    tables = ", ".join(TABLES)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            f"TRUNCATE {tables} RESTART IDENTITY CASCADE;"
            " UPDATE meta SET value = '' WHERE key = 'company_name';"
            " UPDATE meta SET value = 'month' WHERE key = 'pay_period';"
            " UPDATE meta SET value = '0' WHERE key = 'revision';"
            " DELETE FROM meta WHERE key NOT IN ('app', 'company_name', 'pay_period', 'revision')"
        )


@pytest.fixture(scope="module")
def pg_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database with the kpidesk schema on the test server, for this module."""
    from kpidesk.store.server import ServerDatabase

    name = database_name(request)
    url = create_database(name)
    ServerDatabase.initialise(url, actor="test").close()
    yield url
    drop_database(name)
    drop_roles(name)


def drop_roles(name: str) -> None:
    """Drop the group roles of the company database ``name`` and the logins in them
    (roles are the server's, not the database's: they outlive it)."""
    import psycopg

    from kpidesk.store.server_rights import ROLES, group_role

    groups = [group_role(name, role) for role in ROLES]
    with psycopg.connect(server_url(), autocommit=True) as conn:
        members = conn.execute(
            "SELECT DISTINCT m.rolname FROM pg_auth_members a"
            " JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member"
            " WHERE g.rolname = ANY(%s) AND m.rolcanlogin",
            (groups,),
        ).fetchall()
        for role in [*(member for (member,) in members), *groups]:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Each test that asks for it runs on the company file and on the company server."""
    return str(request.param)


@pytest.fixture
def company_location(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Path | str]:
    """Where a new, empty company lives for this test: a file path that does not exist
    yet, or the URL of the module's server database, emptied."""
    if engine == "sqlite":
        yield tmp_path / "company.kpidesk"
        return
    url = request.getfixturevalue("pg_database")
    empty_server(url)
    yield url


def upload(source: Path, url: str) -> None:
    """Put the company file ``source`` onto the (emptied) server database ``url``."""
    from kpidesk.store.database import Database
    from kpidesk.store.server import ServerDatabase

    empty_server(url)
    with Database.open_readonly(source, actor="test") as company:
        server = ServerDatabase.connect(url, actor="test")
        try:
            server.upload(company)
        finally:
            server.close()


def open_database(location: Path | str, actor: str = "test") -> object:
    """The ``Database`` at a company file or a server URL (created when a new file)."""
    from kpidesk.store.database import Database
    from kpidesk.store.server import ServerDatabase

    if isinstance(location, str):
        return ServerDatabase.connect(location, actor=actor)
    return Database.open(location, actor=actor)


_DEMOS: dict[object, Path] = {}


def demo_company(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest, today: object
) -> Path | str:
    """A fresh copy of the demo company as of ``today`` on ``engine``: a file in
    ``tmp_path``, or the module's server database (the demo is built once per run and
    copied: it is the same company either way)."""
    import shutil

    from kpidesk.services.demo_setup import create_demo_database

    built = _DEMOS.get(today)
    if built is None or not built.exists():
        folder = request.getfixturevalue("tmp_path_factory").mktemp("demo")
        built = folder / "demo.kpidesk"
        create_demo_database(built, today=today)  # type: ignore[arg-type]
        _DEMOS[today] = built
    if engine == "sqlite":
        target = tmp_path / "demo.kpidesk"
        shutil.copy(built, target)
        return target
    url = str(request.getfixturevalue("pg_database"))
    upload(built, url)
    return url

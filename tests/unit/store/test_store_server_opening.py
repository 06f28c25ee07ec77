"""Opening a company and reading its directories cost few round trips on the company server
(SPEC §9: opening the window ≤ 3 s through 30 ms each way): the version, the kpidesk marker,
who the login is and the revision in one; the twelve reads of the directories in one read
batch, which also keeps the id ↔ name maps. The batched reads give exactly what the reads
one at a time give, on both engines; a failing batch is sorted and forgets its reads; an
empty or foreign database is still refused as before."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import cast

import psycopg
import pytest
from store_testdata import small_content

from kpidesk.core.company import Company
from kpidesk.core.org import PayRate, Store
from kpidesk.store import Database
from kpidesk.store.errors import EmptyDatabaseError, NotADatabaseError, StoreError
from kpidesk.store.postgres_dialect import PgConnection, batch
from kpidesk.store.server import ServerDatabase, _opening
from tests.engines import create_database, drop_database, empty_server, open_database

DIRECTORY_TABLES = ("stores", "departments", "positions", "employees", "indicators")


def _trips(db: Database) -> int:
    return cast(PgConnection, db.connection).round_trips


def _content_with_rates() -> object:
    content = small_content()
    anna = replace(
        content.employees[0],
        rates=(PayRate(content.facts[0].period, Decimal("41000.50"), Decimal("17000")),),
    )
    return replace(content, employees=(anna, *content.employees[1:]))


@pytest.fixture
def db(company_location: Path | str) -> Iterator[Database]:
    database = cast(Database, open_database(company_location, actor="owner"))
    database.content.apply_content(_content_with_rates())  # type: ignore[arg-type]
    database.forget_lookups()
    yield database
    database.close()


def _one_at_a_time(db: Database) -> Company:
    """The company read the reference way: each directory by itself, nothing batched."""
    content, org, matrices = db.content, db.org, db.matrices
    return Company(
        name=content.company_name(),
        pay_period=content.pay_period(),
        stores=org.stores(),
        departments=org.departments(),
        positions=org.positions(),
        employees=org.employees(),
        indicators=org.indicators(),
        matrices=matrices.matrices(),
        schedules=matrices.schedules(),
    )


def test_the_batched_company_is_the_company_read_one_read_at_a_time(db: Database) -> None:
    batched = db.content.load_company()
    assert batched == _one_at_a_time(db)
    assert batched.employees[0].rates  # the pay rates travel in the batch too
    assert any(store.archived for store in batched.stores)


def test_the_kept_id_maps_are_the_maps_read_from_the_tables(db: Database) -> None:
    db.content.load_company()
    kept = {table: db.org._ctx.names(table) for table in DIRECTORY_TABLES}
    db.forget_lookups()
    assert kept == {table: db.org._ctx.names(table) for table in DIRECTORY_TABLES}


def test_a_company_changed_after_the_batch_is_read_anew(db: Database) -> None:
    db.content.load_company()
    db.org.save_store(None, Store("Новый"))
    assert "Новый" in db.org._ctx.names("stores").values()
    assert db.content.load_company() == _one_at_a_time(db)


# --- the company server ------------------------------------------------------------------
@pytest.fixture
def server(pg_database: str) -> Iterator[ServerDatabase]:
    empty_server(pg_database)
    with ServerDatabase.connect(pg_database, actor="owner") as filled:
        filled.content.apply_content(_content_with_rates())  # type: ignore[arg-type]
    database = ServerDatabase.connect(pg_database, actor="owner")
    yield database
    database.close()


def test_opening_is_one_round_trip_and_answers_who_and_the_revision(
    pg_database: str, server: ServerDatabase
) -> None:
    assert _trips(server) == 1  # the time zone, the version, the marker, who, the revision
    who, revision = server.who(), server.revision()
    assert _trips(server) == 1
    assert who == server.who() and revision == server.revision() > 0  # read again: the same
    assert _trips(server) == 3
    zone = server.connection.execute("SHOW TIME ZONE").fetchone()[0]
    assert zone == "UTC"


def test_the_revision_read_on_opening_is_not_answered_after_a_write(
    server: ServerDatabase,
) -> None:
    opened = server.revision()  # answered from the opening (no round trip)
    fresh = ServerDatabase.connect(server.url, actor="owner")
    try:
        fresh.org.save_store(None, Store("Новый"))
        assert fresh.revision() > opened  # its own write: read, not the opening's
    finally:
        fresh.close()


def test_the_directories_are_one_round_trip_and_their_maps_none(server: ServerDatabase) -> None:
    before = _trips(server)
    company = server.content.load_company()
    assert _trips(server) - before == 1
    assert company == _one_at_a_time(server)
    before = _trips(server)
    for table in DIRECTORY_TABLES:
        server.org._ctx.names(table)
    assert _trips(server) - before == 0


def test_a_failing_batch_is_sorted_forgets_its_reads_and_the_connection_goes_on(
    server: ServerDatabase,
) -> None:
    conn = cast(PgConnection, server.connection)
    with pytest.raises(psycopg.errors.UndefinedTable), batch(conn):
        first = conn.execute("SELECT 1")
        conn.execute("SELECT * FROM no_such_table")
        first.fetchone()
    assert conn.pending == []
    with pytest.raises(psycopg.errors.UndefinedTable), batch(conn):
        conn.execute("SELECT * FROM no_such_table")
        later = conn.execute("SELECT 2")
        later.fetchone()
    with pytest.raises(StoreError):
        later.fetchone()  # never run: the one before it failed
    assert server.content.load_company() == _one_at_a_time(server)


def test_a_write_begun_in_a_batch_sends_the_reads_before_it(server: ServerDatabase) -> None:
    conn = cast(PgConnection, server.connection)
    with batch(conn):
        stores = conn.execute("SELECT count(*) FROM stores")
        server.org.save_store(None, Store("Новый"))
        assert stores.fetchone()[0] == 3  # read before the write
    assert "Новый" in [store.name for store in server.org.stores()]


def test_an_empty_or_foreign_database_is_refused_as_before() -> None:
    url = create_database("kpidesk_t_opening_refusals")
    try:
        conn_db = psycopg.connect(url, autocommit=True)
        with pytest.raises(EmptyDatabaseError):
            ServerDatabase.connect(url, actor="owner")
        conn_db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn_db.execute("CREATE TABLE kpidesk_schema (version INTEGER)")
        conn_db.execute("INSERT INTO kpidesk_schema VALUES (6)")
        with pytest.raises(NotADatabaseError):
            ServerDatabase.connect(url, actor="owner")  # no kpidesk marker
        conn_db.close()
    finally:
        drop_database("kpidesk_t_opening_refusals")


def test_a_failed_opening_batch_sets_the_time_zone_again(pg_database: str) -> None:
    from kpidesk.store.postgres_dialect import connect

    conn = connect(pg_database)
    try:
        conn.execute("SET TIME ZONE 'Europe/Moscow'")
        conn.pending_statement("SET TIME ZONE 'UTC'")
        conn.execute("ALTER TABLE users RENAME TO users_away")  # who() cannot be read now
        try:
            assert _opening(conn) is None
            assert conn.execute("SHOW TIME ZONE").fetchone()[0] == "UTC"
        finally:
            conn.execute("ALTER TABLE users_away RENAME TO users")
    finally:
        conn.close()

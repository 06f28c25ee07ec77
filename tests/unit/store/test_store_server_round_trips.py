"""Round trips on the company server (SPEC §9: every statement is network latency): a write
transaction sends its statements together — the BEGIN and the write lock with its first
read, the writes and audit rows whose results nobody reads with the COMMIT — and stays
all-or-nothing: a refusal anywhere rolls it back whole, a read sees the writes before it,
a refused savepoint lets the transaction go on, the write lock is free afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import cast

import psycopg
import pytest
from store_testdata import OCT, SEP, small_content

from kpidesk.core.daily import DailyEntry
from kpidesk.store import Database, LockedPeriodError
from kpidesk.store.postgres_dialect import WRITE_LOCK, PgConnection
from tests.engines import empty_server, open_database

OPEN_DAY = date(2026, 11, 7)  # no data yet
LOCKED_DAY = date(2026, 9, 7)


@pytest.fixture
def url(pg_database: str) -> str:
    empty_server(pg_database)
    return pg_database


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    database = cast(Database, open_database(url, actor="owner"))
    database.content.apply_content(small_content())
    assert database.locks.lock(SEP) is True
    yield database
    database.close()


def _trips(db: Database) -> int:
    return cast(PgConnection, db.connection).round_trips


def _day(day: date, revenue: int = 1000) -> DailyEntry:
    return DailyEntry("Мега", day, Decimal(revenue), 10, 90, 12)


def _lock_is_free(url: str) -> bool:
    with psycopg.connect(url, autocommit=True) as other:
        free = bool(other.execute(f"SELECT pg_try_advisory_lock({WRITE_LOCK})").fetchone()[0])
        other.execute(f"SELECT pg_advisory_unlock({WRITE_LOCK})")
    return free


def test_a_write_in_a_transaction_costs_two_round_trips(db: Database) -> None:
    before = _trips(db)
    with db.transaction():
        assert db.daily.upsert_daily(_day(OPEN_DAY))
    assert _trips(db) - before == 2  # BEGIN + lock + read; write + audit + COMMIT
    before = _trips(db)
    with db.transaction():
        assert db.facts.set_fact(OCT, "Анна", "nps", Decimal(71))
    assert _trips(db) - before == 2
    assert db.daily.daily_rows(OPEN_DAY, OPEN_DAY) == [_day(OPEN_DAY)]


def test_a_single_write_alone_costs_three_and_names_what_was_refused(db: Database) -> None:
    before = _trips(db)
    assert db.daily.upsert_daily(_day(OPEN_DAY, 2000))
    assert _trips(db) - before == 3  # its refusal must come back inside its naming block
    with pytest.raises(LockedPeriodError, match="2026-09 is locked: daily Мега 2026-09-07"):
        db.daily.upsert_daily(_day(LOCKED_DAY))


def test_nothing_is_sent_for_a_transaction_that_sends_nothing(db: Database, url: str) -> None:
    before = _trips(db)
    with db.transaction():
        pass
    with pytest.raises(RuntimeError), db.transaction():
        raise RuntimeError("refused before any statement")
    assert _trips(db) - before == 0
    assert not db.connection.in_transaction and _lock_is_free(url)


def test_a_refusal_at_the_commit_rolls_everything_back(db: Database, url: str) -> None:
    audited = db.audit.count()
    with pytest.raises(LockedPeriodError, match="2026-09"), db.transaction():
        db.daily.upsert_daily(_day(OPEN_DAY))
        db.daily.upsert_daily(_day(LOCKED_DAY))
    assert db.daily.daily_rows(OPEN_DAY, OPEN_DAY) == []
    assert db.audit.count() == audited
    assert not db.connection.in_transaction and _lock_is_free(url)
    with db.transaction():  # the connection goes on
        assert db.daily.upsert_daily(_day(OPEN_DAY))
    assert db.daily.daily_rows(OPEN_DAY, OPEN_DAY) == [_day(OPEN_DAY)]


def test_an_error_after_a_read_rolls_back_and_frees_the_lock(db: Database, url: str) -> None:
    with pytest.raises(RuntimeError), db.transaction():
        db.daily.upsert_daily(_day(OPEN_DAY))  # its read went; its write waits
        raise RuntimeError("the operation refused")
    assert db.daily.daily_rows(OPEN_DAY, OPEN_DAY) == []
    assert not db.connection.in_transaction and _lock_is_free(url)


def test_a_read_sees_the_writes_before_it(db: Database) -> None:
    with db.transaction():
        db.daily.upsert_daily(_day(OPEN_DAY, 3000))
        assert db.daily.daily_rows(OPEN_DAY, OPEN_DAY) == [_day(OPEN_DAY, 3000)]
        db.facts.set_fact(OCT, "Анна", "nps", Decimal(64))
        found = {(f.employee, f.indicator): f.value for f in db.facts.facts(OCT)}
        assert found[("Анна", "nps")] == Decimal(64)


def test_a_refused_savepoint_lets_the_transaction_go_on(db: Database) -> None:
    other_day = date(2026, 11, 8)
    with db.transaction():
        db.daily.upsert_daily(_day(OPEN_DAY))
        with pytest.raises(LockedPeriodError), db.transaction():
            db.daily.upsert_daily(_day(date(2026, 11, 9)))
            db.daily.upsert_daily(_day(LOCKED_DAY))
        with pytest.raises(RuntimeError), db.transaction():
            db.daily.upsert_daily(_day(date(2026, 11, 10)))
            raise RuntimeError("undone by its savepoint")
        db.daily.upsert_daily(_day(other_day))
    saved = {entry.day for entry in db.daily.daily_rows(OPEN_DAY, date(2026, 11, 10))}
    assert saved == {OPEN_DAY, other_day}

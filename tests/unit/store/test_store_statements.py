"""Lean single writes: one edit costs a handful of statements (STYLE.md "Storage").

Statements are counted with the connection's trace callback. SQLite reports each trigger
sub-statement by repeating the outer statement's text, so consecutive equal texts are one
statement. Inside an open transaction a single write is one read, one write and one audit
insert at most; called alone, BEGIN and COMMIT are added. An unchanged write writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from store_testdata import OCT, small_content

from kpidesk.core.daily import DailyEntry, SellerDay
from kpidesk.store import Database

DAY = date(2026, 11, 20)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "s.sqlite", actor="t")
    database.content.apply_content(small_content())
    yield database
    database.close()


def statements(db: Database, write: Callable[[], object], *, inside: bool) -> list[str]:
    """The distinct statements ``write`` ran (inside an open transaction when ``inside``)."""
    texts: list[str] = []
    conn = db.connection
    if inside:
        with db.transaction():
            conn.set_trace_callback(texts.append)
            try:
                write()
            finally:
                conn.set_trace_callback(None)
    else:
        conn.set_trace_callback(texts.append)
        try:
            write()
        finally:
            conn.set_trace_callback(None)
    return [text for i, text in enumerate(texts) if i == 0 or texts[i - 1] != text]


def _writes(db: Database) -> list[tuple[str, Callable[[], object], Callable[[], object]]]:
    """(name, a change, the same change again) for every lean single write."""
    entry = DailyEntry("Мега", DAY, Decimal("1000.50"), 10, 90, 12, None)
    changed = DailyEntry("Мега", DAY, Decimal("2000"), 11, 95, 12, Decimal("10"))
    seller = SellerDay("Мега", DAY, "Анна", Decimal("300"), 3, 4)
    return [
        ("add daily", lambda: db.daily.upsert_daily(entry), lambda: db.daily.upsert_daily(entry)),
        (
            "change daily",
            lambda: db.daily.upsert_daily(changed),
            lambda: db.daily.upsert_daily(changed),
        ),
        (
            "delete daily",
            lambda: db.daily.delete_daily("Мега", DAY),
            lambda: db.daily.delete_daily("Мега", DAY),
        ),
        (
            "add fact",
            lambda: db.facts.set_fact(OCT, "Вера", "nps", Decimal(70)),
            lambda: db.facts.set_fact(OCT, "Вера", "nps", Decimal("70.0")),
        ),
        (
            "change fact by name",
            lambda: db.facts.set_fact(OCT, "Вера", "NPS", Decimal(71)),
            lambda: db.facts.set_fact(OCT, "Вера", "NPS", Decimal(71)),
        ),
        (
            "delete fact",
            lambda: db.facts.set_fact(OCT, "Вера", "nps", None),
            lambda: db.facts.set_fact(OCT, "Вера", "nps", None),
        ),
        (
            "add seller day",
            lambda: db.daily.upsert_seller_day(seller),
            lambda: db.daily.upsert_seller_day(seller),
        ),
        (
            "delete seller day",
            lambda: db.daily.delete_seller_day("Мега", DAY, "Анна"),
            lambda: db.daily.delete_seller_day("Мега", DAY, "Анна"),
        ),
        (
            "set plan",
            lambda: db.daily.set_plan("Центр", OCT, Decimal(900000)),
            lambda: db.daily.set_plan("Центр", OCT, Decimal(900000)),
        ),
        (
            "delete plan",
            lambda: db.daily.set_plan("Центр", OCT, None),
            lambda: db.daily.set_plan("Центр", OCT, None),
        ),
        (
            "set input",
            lambda: db.facts.set_input(OCT, "Вера", "marketing:leads", Decimal(12)),
            lambda: db.facts.set_input(OCT, "Вера", "marketing:leads", Decimal(12)),
        ),
        (
            "delete input",
            lambda: db.facts.set_input(OCT, "Вера", "marketing:leads", None),
            lambda: db.facts.set_input(OCT, "Вера", "marketing:leads", None),
        ),
    ]


@pytest.mark.parametrize("inside", [True, False], ids=["in-transaction", "alone"])
def test_single_writes_cost_three_statements_and_nothing_when_unchanged(
    db: Database, inside: bool
) -> None:
    for name, change, again in _writes(db):
        revision = db.revision()
        ran = statements(db, change, inside=inside)
        limit = 3 if inside else 5
        assert len(ran) <= limit, (name, ran)
        writes = [s for s in ran if not s.startswith(("SELECT", "BEGIN", "COMMIT"))]
        assert len(writes) == 2, (name, ran)  # the row and ONE audit insert
        assert writes[-1].startswith("INSERT INTO audit"), (name, ran)
        assert not any(s.startswith("SELECT id FROM") for s in ran), (name, ran)
        assert db.revision() > revision, name
        # the same write again: one read, nothing written, not even audit
        count, revision = db.audit.count(), db.revision()
        ran = [
            s
            for s in statements(db, again, inside=inside)
            if s not in ("BEGIN IMMEDIATE", "COMMIT")
        ]
        assert len(ran) == 1 and ran[0].startswith("SELECT"), (name, ran)
        assert db.audit.count() == count and db.revision() == revision, name


def test_a_change_of_several_fields_is_one_audit_statement(db: Database) -> None:
    db.daily.upsert_daily(DailyEntry("Мега", DAY, Decimal(1), 1, 1))
    before = db.audit.count()
    ran = statements(
        db,
        lambda: db.daily.upsert_daily(DailyEntry("Мега", DAY, Decimal(2), 2, 2, 2, Decimal(1))),
        inside=True,
    )
    assert len(ran) == 3
    assert db.audit.count() == before + 5  # five fields, five rows, one statement

"""The read paths a recompute takes (SPEC §9): rows made without the dataclass constructor
equal the constructed ones; range queries by store id give the rows, order and names the
joined queries gave; the facts of a period as a mapping agree with ``facts``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kpidesk.core.daily import DailyEntry, SellerDay
from kpidesk.core.periods import Period
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.store.daily import DAILY_SELECT, SELLER_SELECT
from kpidesk.store.daily_rows import daily_entries, new_daily, new_seller_day, seller_days_of
from kpidesk.store.database import Database

OCT = Period.month(2026, 10)


def _demo(tmp_path: Path) -> Database:
    path = tmp_path / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    return Database.open(path, actor="test", backup_on_open=False)


def test_filled_rows_equal_constructed_rows() -> None:
    values = dict(
        store="A", day=date(2026, 10, 1), revenue=1, receipts=2, visitors=3, units=4, returns=None
    )
    made = new_daily(**values)
    assert made == DailyEntry(**values)  # type: ignore[arg-type]
    assert hash(made) == hash(DailyEntry(**values))  # type: ignore[arg-type]
    assert repr(made) == repr(DailyEntry(**values))  # type: ignore[arg-type]
    seller = dict(store="A", day=date(2026, 10, 1), employee="E", revenue=1, receipts=2, units=3)
    assert new_seller_day(**seller) == SellerDay(**seller)  # type: ignore[arg-type]


def test_range_reads_equal_the_joined_queries(tmp_path: Path) -> None:
    with _demo(tmp_path) as database:
        start, end = OCT.previous().start.isoformat(), OCT.end.isoformat()
        conn = database._conn
        joined = daily_entries(
            conn.execute(
                f"{DAILY_SELECT} WHERE d.day BETWEEN ? AND ? ORDER BY d.day, s.id", (start, end)
            )
        )
        rows = database.daily.daily_rows(OCT.previous().start, OCT.end)
        assert rows and rows == joined
        store = rows[0].store
        assert database.daily.daily_rows(OCT.start, OCT.end, [store]) == [
            r for r in joined if r.store == store and r.day >= OCT.start
        ]
        assert database.daily.daily_rows(OCT.start, OCT.end, ["no such store"]) == []
        assert database.daily.daily_rows(OCT.start, OCT.end, []) == []
        sellers = seller_days_of(
            conn.execute(
                f"{SELLER_SELECT} WHERE d.day BETWEEN ? AND ? ORDER BY d.day, s.id, e.id",
                (start, end),
            )
        )
        assert database.daily.seller_days(OCT.previous().start, OCT.end) == sellers


def test_fact_values_agree_with_facts(tmp_path: Path) -> None:
    with _demo(tmp_path) as database:
        facts = database.facts.facts(OCT)
        assert facts
        assert database.facts.fact_values(OCT) == {
            (f.employee, f.indicator): f.value for f in facts
        }
        assert database.content.load_period_inputs(OCT).facts == database.facts.fact_values(OCT)

"""A first import's daily rows, facts and store plans skip the item-by-item rows (``merge.fresh``,
``merge.insert_fresh``, issue 17) and store exactly what ``merge`` stores for them: the
same rows, ids, audit and summary, on both engines, a repeated key included (its first
place, its last values); a table that holds rows, a locked period or a small batch still
go through ``merge``."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from store_testdata import SEP, small_content
from test_store_insert_rows import TABLES, _tables

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, Fact, StorePlan
from kpidesk.core.periods import Period
from kpidesk.store import daily, facts, merge
from tests.engines import open_database


def _content() -> CompanyContent:
    """The small content with 37 more facts, a daily row and a fact repeated (other values)."""
    content = small_content()
    many = [
        Fact(Period.month(2025, month), employee, "nps", Decimal(60 + month) / 4)
        for month in range(1, 13)
        for employee in ("Анна", "Борис", "Вера")
    ]
    many.append(Fact(Period.month(2026, 1), "Анна", "revenue", Decimal("1E+3")))
    first = content.daily[0]
    again = DailyEntry(first.store, first.day, Decimal("1.5E+3"), 1, 2, 3, Decimal("0.10"))
    day = DailyEntry("Центр", SEP.start + timedelta(days=90), Decimal("0E-2"), 0, 0, 0, None)
    plans = [
        StorePlan(store, Period.month(2024, month), Decimal(40_000 + month) / 8)
        for month in range(1, 13)
        for store in ("Мега", "Центр", "Старый")
    ]
    plans.append(StorePlan("Центр", Period.month(2025, 1), Decimal("5E+4")))
    return replace(
        content,
        daily=(*content.daily, again, day),
        facts=(*content.facts, *many, replace(many[4], value=Decimal("99.90"))),
        plans=(*content.plans, *plans, replace(plans[4], revenue=Decimal("41000.50"))),
    )


def _apply(location: Path | str, monkeypatch: pytest.MonkeyPatch, fast: bool) -> Any:
    taken: list[str] = []
    real = merge.insert_fresh

    def spy(ctx: Any, table: merge.Table, rows: Any) -> merge.KindSummary:
        taken.append(table.name)
        return real(ctx, table, rows)

    with monkeypatch.context() as patch:
        for module in (daily, facts):
            patch.setattr(module, "insert_fresh", spy)
            if not fast:
                patch.setattr(module, "fresh", lambda *_: False)
        db: Any = open_database(location)
        try:
            first = db.content.apply_content(_content())
            again = db.content.apply_content(_content())  # stored: through ``merge``
            return first, again, _tables(db), taken
        finally:
            db.close()


def test_the_fresh_path_stores_what_merge_stores(
    company_location: Path | str, monkeypatch: pytest.MonkeyPatch, engine: str, tmp_path: Path
) -> None:
    reference = _apply(company_location, monkeypatch, fast=False)
    if engine == "sqlite":
        second: Path | str = tmp_path / "second.kpidesk"
    else:
        from tests.engines import empty_server

        assert isinstance(company_location, str)
        empty_server(company_location)
        second = company_location
    found = _apply(second, monkeypatch, fast=True)
    assert reference[3] == [] and found[3] == ["daily", "store_plans", "facts"]  # it can tell
    assert found[0] == reference[0] and found[1] == reference[1]
    assert found[0].kinds["daily"].added == 123 and found[0].kinds["facts"].added == 40
    assert found[0].kinds["plans"].added == 39
    for table in TABLES:
        assert found[2][table] == reference[2][table], table


def test_fresh_only_for_a_large_batch_an_empty_table_no_lock(tmp_path: Path) -> None:
    db: Any = open_database(tmp_path / "company.kpidesk")
    try:
        ctx = db.content._ctx
        summary = merge.AuditMode.SUMMARY
        assert merge.fresh(ctx, daily.DAILY, 33, (), summary)
        assert not merge.fresh(ctx, daily.DAILY, 32, (), summary)
        assert not merge.fresh(ctx, daily.DAILY, 33, (), merge.AuditMode.EACH)
        lock = [merge.PeriodLock("2020-01", SEP.start, SEP.end)]
        assert not merge.fresh(ctx, daily.DAILY, 33, lock, summary)
        db.content.apply_content(small_content())
        assert not merge.fresh(ctx, daily.DAILY, 33, (), summary)
    finally:
        db.close()


def test_the_column_helpers_keep_every_item_in_order() -> None:
    from datetime import date

    from kpidesk.store.codec import iso_days

    entries = list(_content().daily)
    days = [entry.day for entry in entries] + [date(2026, 1, 2), date(2026, 1, 2)]
    assert iso_days(days) == [day.isoformat() for day in days]
    assert iso_days([]) == []
    stores, revenues = merge.columns(entries, "store", "revenue")
    assert stores == [e.store for e in entries] and revenues == [e.revenue for e in entries]
    assert merge.columns([], "store") == [[]]

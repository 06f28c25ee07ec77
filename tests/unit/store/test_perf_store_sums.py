"""``DailyRepository.store_sums`` — a period's daily rows summed per store in SQL, for the
calculations that need only sums (a rating's KPIs, the dashboard) — gives exactly the sums
of the rows ``daily_rows`` reads (``core.store_metrics``), on both engines: each part's row
count, integer sums and decimal sums (value and printed form), returns left out when none,
the revenue of the days a plan covers (whole, partial, none), months, a range across two
months, a week and a year; and a period computed from the sums equals it computed from the
rows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.company import CompanyContent
from kpidesk.core.compute import compute_kpis, compute_period
from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.org import Store
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import (
    DailySums,
    daily_sums,
    plan_coverage,
    store_table,
)
from kpidesk.core.store_sums import sums_table
from tests.engines import demo_company, open_database

OCT = Period.month(2026, 10)
TODAY = date(2026, 11, 22)
RANGES = (
    OCT,
    OCT.previous(),
    Period.month(2026, 11),
    Period.custom(date(2026, 9, 19), date(2026, 10, 4)),  # partly planned
    Period.custom(date(2026, 10, 5), date(2026, 10, 11)),
    Period.custom(date(2025, 11, 1), date(2026, 10, 31)),
)
# decimal texts of every shape: no decimals, one, two, a trailing zero, large, zero
REVENUES = ("1000", "1000.5", "999.99", "0.10", "123456789.01", "0", "7.000")


def _extra() -> CompanyContent:
    """A store with odd decimals, returns on some days, gaps, and a plan for October
    only, so a range across September and October is planned in part."""
    start = date(2026, 9, 1)
    daily = []
    for offset in range(61):
        if offset % 7 == 3:
            continue  # a day without data
        daily.append(
            DailyEntry(
                "Проверка",
                start + timedelta(days=offset),
                Decimal(REVENUES[offset % len(REVENUES)]),
                offset + 1,
                3 * offset + 5,
                offset % 4,
                None if offset % 3 else Decimal(REVENUES[(offset + 2) % len(REVENUES)]),
            )
        )
    plans = (StorePlan("Проверка", OCT, Decimal("45000.50")),)
    return CompanyContent(stores=(Store("Проверка"),), daily=tuple(daily), plans=plans)


def _reference(
    rows: list[DailyEntry], plans: list[StorePlan], store: str, period: Period
) -> tuple[DailySums, DailySums, Decimal | None]:
    own = {store}
    coverage = plan_coverage(rows, [p for p in plans if p.store == store], own, period)
    return (
        daily_sums(rows, own, period),
        daily_sums(rows, own, period.previous()),
        coverage.revenue if coverage is not None else None,
    )


def test_store_sums_equal_the_rows_summed(
    engine: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    database = open_database(location)
    try:
        database.content.apply_content(_extra())  # type: ignore[attr-defined]
        company = database.content.load_company()  # type: ignore[attr-defined]
        for period in RANGES:
            daily = database.daily  # type: ignore[attr-defined]
            rows = daily.daily_rows(period.previous().start, period.end)
            plans = daily.plans(period)
            sums = daily.store_sums(period, plans)
            assert set(sums) == {row.store for row in rows}
            for store, found in sums.items():
                current, previous, covered = _reference(rows, plans, store, period)
                assert (found.current, found.previous) == (current, previous), store
                assert str(found.current.revenue) == str(current.revenue)
                assert str(found.current.returns) == str(current.returns)
                if covered is not None:
                    assert found.covered == covered and str(found.covered) == str(covered)
            if period == OCT:  # the odd decimals and the returns are compared
                checked = sums["Проверка"].current
                assert checked.rows and checked.returns is not None
            stores = [store.name for store in company.stores]
            assert sums_table(sums, plans, stores, period) == store_table(
                rows, plans, stores, period
            )
            full = database.content.load_period_inputs(period)  # type: ignore[attr-defined]
            light = database.content.load_period_inputs(period, sums=True)  # type: ignore[attr-defined]
            assert light.daily == () and light.store_sums == sums
            assert compute_period(company, period, light) == compute_period(company, period, full)
            assert compute_kpis(company, period, light) == compute_kpis(company, period, full)
    finally:
        database.close()  # type: ignore[attr-defined]

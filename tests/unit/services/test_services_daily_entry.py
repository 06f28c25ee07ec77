"""Daily entry use cases: every rule of SPEC §2.6 at entry time, the usual day, saving and
deleting (audited, one transaction, refused in a locked period), blocks applied as a whole,
the first missing day, plan progress and per-seller days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.daily import DailyEntry, SellerDay
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import daily_sums, metrics_from_sums
from kpidesk.services import daily_entry as de
from kpidesk.services import seller_days
from kpidesk.services.changes import ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.periods import lock_period
from tests.engines import demo_company

D = Decimal
TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)
MEGA = "ТЦ «Мега»"


@pytest.fixture
def service(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CompanyService]:
    path = demo_company(engine, tmp_path, request, TODAY)
    opened = CompanyService.open(path, backup=False)
    yield opened
    opened.close()


def values(revenue: str | None, receipts: str | None, visitors: str | None, **more: str) -> dict:
    typed = {"revenue": revenue, "receipts": receipts, "visitors": visitors, **more}
    return {name: None if text is None else D(text) for name, text in typed.items()}


def codes(check: de.DayCheck) -> list[tuple[str, str | None, bool]]:
    return [(p.code, p.where.field, p.is_error) for p in check.problems]


def test_negative_numbers_are_refused() -> None:
    check = de.check_values(MEGA, date(2026, 10, 5), values("-1", "3", "10", units="-2"))
    assert ("negative_value", "revenue", True) in codes(check)
    assert ("negative_value", "units", True) in codes(check)
    assert not check.can_save


def test_revenue_without_receipts_is_refused() -> None:
    check = de.check_values(MEGA, date(2026, 10, 5), values("5000", "0", "10"))
    assert codes(check) == [("revenue_without_receipts", "receipts", True)]
    assert not check.can_save


def test_receipts_over_visitors_is_a_warning() -> None:
    check = de.check_values(MEGA, date(2026, 10, 5), values("5000", "12", "10"))
    assert codes(check) == [("receipts_over_visitors", "visitors", False)]
    assert check.can_save and check.entry is not None
    assert check.metrics.conversion == D(120)


def test_missing_and_fractional_values_wait_or_refuse() -> None:
    check = de.check_values(MEGA, date(2026, 10, 5), values("5000", None, None))
    assert [c for c, _f, _e in codes(check)] == ["required"]
    assert check.entry is None
    # rules about a value not typed yet wait: no "revenue without receipts" yet
    fractional = de.check_values(MEGA, date(2026, 10, 5), values("5000", "2.5", "9"))
    assert ("not_whole", "receipts", True) in codes(fractional)


def test_usual_day_is_the_median_of_the_last_28_days(service: CompanyService) -> None:
    day = date(2026, 10, 30)
    rows = service.database.daily.daily_rows(date(2026, 9, 1), date(2026, 10, 29), [MEGA])[-28:]
    usual = de.usual_day(service, MEGA, day)
    assert usual is not None
    revenues = sorted(row.revenue for row in rows)
    assert usual.revenue == revenues[13]  # median_low of 28 values
    assert usual.receipts == sorted(r.receipts for r in rows)[13]
    assert de.usual_day(service, MEGA, date(2026, 8, 2)) is None  # one day of history only


def test_three_times_off_the_usual_day_is_a_warning(service: CompanyService) -> None:
    day = date(2026, 10, 30)
    usual = de.usual_day(service, MEGA, day)
    assert usual is not None
    big = str(usual.revenue * 4)
    check = de.check_day(service, MEGA, day, values(big, str(usual.receipts), str(usual.visitors)))
    assert codes(check) == [("unusual_value", "revenue", False)]
    small = str(max(usual.visitors // 4, 1))
    check = de.check_day(service, MEGA, day, values(str(usual.revenue), str(usual.receipts), small))
    assert ("unusual_value", "visitors", False) in codes(check)
    ok = de.check_day(
        service, MEGA, day, values(str(usual.revenue), str(usual.receipts), str(usual.visitors))
    )
    assert ok.problems == []


def test_save_changes_one_day_audited(service: CompanyService) -> None:
    day = date(2026, 10, 5)
    before = de.saved_day(service, MEGA, day)
    assert before is not None
    change = de.save_day(service, DailyEntry(MEGA, day, D("90000.50"), 35, 160, 60))
    assert (change.kind, change.store, change.period) == (ChangeKind.DAILY, MEGA, Period.day(day))
    assert de.saved_day(service, MEGA, day) == DailyEntry(MEGA, day, D("90000.50"), 35, 160, 60)
    trail = de.day_audit(service, MEGA, day)
    fields = {(e.field, e.old, e.new) for e in trail}
    assert ("receipts", str(before.receipts), "35") in fields
    assert all(e.action == "change" for e in trail)


def test_save_refuses_errors_and_unknown_stores(service: CompanyService) -> None:
    with pytest.raises(UserError, match="Revenue 5000 with 0 receipts"):
        de.save_day(service, DailyEntry(MEGA, date(2026, 10, 5), D(5000), 0, 10))
    with pytest.raises(UserError, match="unknown store"):
        de.save_day(service, DailyEntry("Нет такого", date(2026, 10, 5), D(1), 1, 1))


def test_locked_period_refuses_saving_and_deleting(service: CompanyService) -> None:
    lock_period(service, OCT)
    day = date(2026, 10, 5)
    with pytest.raises(UserError) as refused:
        de.save_day(service, DailyEntry(MEGA, day, D(1000), 1, 10))
    (problem,) = refused.value.problems
    assert problem.code == "period_locked" and dict(problem.params)["period"] == "2026-10"
    with pytest.raises(UserError, match="is locked"):
        de.delete_day(service, MEGA, day)
    with pytest.raises(UserError, match="is locked"):
        de.apply_days(service, MEGA, [DailyEntry(MEGA, date(2026, 11, 1), D(1), 1, 1)], [day])
    assert de.saved_day(service, MEGA, date(2026, 11, 1)) is not None  # untouched (demo day)


def test_delete_day_and_first_missing_day(service: CompanyService) -> None:
    assert de.first_missing_day(service, MEGA, OCT, TODAY) is None
    assert de.default_day(service, MEGA, OCT, TODAY) == date(2026, 10, 31)
    de.delete_day(service, MEGA, date(2026, 10, 7))
    de.delete_day(service, MEGA, date(2026, 10, 3))
    assert de.first_missing_day(service, MEGA, OCT, TODAY) == date(2026, 10, 3)
    assert de.missing_days(service, MEGA, OCT, TODAY) == [date(2026, 10, 3), date(2026, 10, 7)]
    assert de.default_day(service, MEGA, OCT, TODAY) == date(2026, 10, 3)
    # a month still running: yesterday when nothing is missing
    november = Period.month(2026, 11)
    assert de.default_day(service, MEGA, november, TODAY) == date(2026, 11, 21)
    (deleted,) = [e for e in de.day_audit(service, MEGA, date(2026, 10, 7))]
    assert deleted.action == "delete" and deleted.old and "revenue" in deleted.old


def test_block_is_applied_as_a_whole_or_not_at_all(service: CompanyService) -> None:
    days = [date(2026, 10, d) for d in (1, 2, 3)]
    good = [DailyEntry(MEGA, day, D(100000 + i), 40, 200, 70) for i, day in enumerate(days)]
    bad = [*good[:2], DailyEntry(MEGA, days[2], D(-5), 40, 200, 70)]
    before = [de.saved_day(service, MEGA, day) for day in days]
    with pytest.raises(UserError) as refused:
        de.apply_days(service, MEGA, bad)
    assert [p.code for p in refused.value.problems] == ["negative_value"]
    assert [de.saved_day(service, MEGA, day) for day in days] == before
    change = de.apply_days(service, MEGA, good[:2], [days[2]])
    assert change.period == Period.custom(days[0], days[2])
    assert [de.saved_day(service, MEGA, day) for day in days] == [*good[:2], None]


def test_month_days_totals_are_ratios_of_sums(service: CompanyService) -> None:
    month = de.month_days(service, MEGA, OCT)
    entries = list(month.entries.values())
    assert len(entries) == 31
    sums = daily_sums(entries, {MEGA}, OCT)
    assert month.totals.conversion == D(sums.receipts) / D(sums.visitors) * 100
    assert month.totals.avg_check == sums.revenue / sums.receipts
    assert month.totals == metrics_from_sums(sums, None, month.plan)
    average_of_daily = sum(de.day_metrics(e).conversion or 0 for e in entries) / len(entries)
    assert month.totals.conversion != average_of_daily


def test_plan_progress(service: CompanyService) -> None:
    progress = de.plan_progress(service, MEGA, date(2026, 10, 12))
    revenue = sum(e.revenue for e in service.database.daily.daily_rows(OCT.start, OCT.end, [MEGA]))
    assert progress.period == OCT and progress.revenue == revenue
    assert progress.plan == D("4673000.00")
    assert progress.completion == revenue / progress.plan * 100


def test_sellers_of_a_store_and_their_check(service: CompanyService) -> None:
    day = date(2026, 10, 5)
    sheet = seller_days.seller_sheet(service, MEGA, day)
    assert len(sheet.sellers) == 3 and set(sheet.rows) == set(sheet.sellers)
    assert seller_days.check_sellers(MEGA, day, list(sheet.rows.values()), sheet.store_day) == []
    first = sheet.sellers[0]
    row, problems = seller_days.seller_from_values(
        MEGA, day, first, {"revenue": D(1000), "receipts": None, "units": None}
    )
    assert row is None and [p.code for p in problems] == ["required"]
    row, problems = seller_days.seller_from_values(
        MEGA, day, first, {"revenue": D(1000), "receipts": D(0), "units": None}
    )
    assert row is None and [p.code for p in problems] == ["revenue_without_receipts"]
    changed = SellerDay(MEGA, day, first, sheet.rows[first].revenue + 1, 8, 14)
    rows = [changed, *(sheet.rows[name] for name in sheet.sellers[1:])]
    warnings = seller_days.check_sellers(MEGA, day, rows, sheet.store_day)
    assert [(p.code, p.where.field, p.is_error) for p in warnings] == [
        ("sellers_differ", "revenue", False)
    ]
    seller_days.save_sellers(service, MEGA, day, {first: changed, sheet.sellers[1]: None})
    again = seller_days.seller_sheet(service, MEGA, day)
    assert again.rows[first] == changed and sheet.sellers[1] not in again.rows
    assert any(e.entity == "seller_day" for e in de.day_audit(service, MEGA, day))
    assert seller_days.sellers_of(service, "Центральный", day) != []
    lock_period(service, OCT)
    with pytest.raises(UserError, match="is locked"):
        seller_days.save_sellers(service, MEGA, day, {first: None})

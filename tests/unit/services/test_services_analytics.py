"""Analytics use cases on the demo company and an empty one: the dashboard agrees with the
period's results and the store report, ratings over ranges, chart series (ratios of sums,
no data as NaN), KPI history, and clear errors."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.core.ratings import KPI, Subject, mean_kpi
from kpidesk.core.store_metrics import daily_sums
from kpidesk.services.analytics import Analytics, rating_rows_json
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.services.errors import UserError

TODAY = date(2026, 11, 22)
OCTOBER = Period.month(2026, 10)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analytics") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture
def analytics(demo_file: Path) -> Iterator[Analytics]:
    with CompanyService.open(demo_file, backup=False) as service:
        yield Analytics(service)


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Analytics]:
    with CompanyService.create(tmp_path / "empty.kpidesk", name="Пусто") as service:
        yield Analytics(service)


def test_dashboard_agrees_with_the_period_and_the_store_report(analytics: Analytics) -> None:
    board = analytics.dashboard(OCTOBER, TODAY)
    result = analytics.service.compute_period(OCTOBER)
    complete = [e for e in result.employees if e.pay is not None]
    assert (board.company.complete, board.company.total) == (len(complete), 15)
    assert board.company.complete == 14
    # company KPI = mean of the departments' means of complete KPIs
    departments: dict[str | None, list[Decimal]] = {}
    for employee in complete:
        assert employee.kpi is not None
        departments.setdefault(employee.employee.department, []).append(employee.kpi)
    means = [mean_kpi(values) for values in departments.values()]
    assert board.company.value == mean_kpi([m for m in means if m is not None])
    assert board.stores == analytics.service.store_report(OCTOBER)
    assert len(board.top) == 5 and len(board.bottom) == 5
    best = max(e.kpi for e in complete if e.kpi is not None)
    assert board.top[0].value == best
    assert board.bottom[-1].value == min(e.kpi for e in complete if e.kpi is not None)
    facts = [item for item in board.missing if item.kind == "fact"]
    assert [(f.employee, f.indicator, f.section) for f in facts] == [
        (INCOMPLETE_EMPLOYEE, "nps", "facts")
    ]
    assert facts[0].target == {"employee": INCOMPLETE_EMPLOYEE}
    assert board.rating.excluded == (INCOMPLETE_EMPLOYEE,)


def test_dashboard_of_one_store(analytics: Analytics) -> None:
    board = analytics.dashboard(OCTOBER, TODAY, "Центральный")
    assert [row.store for row in board.stores] == ["Центральный"]
    staff = {e.name for e in analytics.service.company().employees if e.store == "Центральный"}
    assert {row.name for row in board.top + board.bottom} <= staff
    assert board.company.total == 15  # the company KPI stays company-wide


def test_november_misses_days_and_links_to_the_month_grid(analytics: Analytics) -> None:
    board = analytics.dashboard(Period.month(2026, 11), date(2026, 11, 30))
    days = [item for item in board.missing if item.kind == "days"]
    for item in days:
        assert item.section == "month_grid"
        assert item.target["store"] == item.store
        assert item.target["day"] == item.days[0]


def test_store_rating_by_conversion_is_the_store_reports_ratio_of_sums(
    analytics: Analytics,
) -> None:
    rating = analytics.rating(Subject.STORE, "conversion", OCTOBER)
    report = {row.store: row.metrics.conversion for row in analytics.service.store_report(OCTOBER)}
    assert {row.name: row.value for row in rating.rows} == {
        name: value for name, value in report.items() if name is not None
    }
    values = [row.value for row in rating.rows]
    assert values == sorted(values, reverse=True)  # type: ignore[type-var]
    assert rating.overall is not None and rating.overall.value == report[None]


def test_weekly_rating_by_revenue_sums_the_week(analytics: Analytics) -> None:
    week = Period.iso_week(2026, 42)
    rating = analytics.rating(Subject.STORE, "revenue", week)
    entries = analytics.service.database.daily.daily_rows(week.start, week.end)
    for row in rating.rows:
        assert row.value == daily_sums(entries, {row.name}, week).revenue
        assert row.complete_text == "7/7"
        before = daily_sums(entries, {row.name}, week.previous())
        if before.rows:
            assert row.change == row.value - before.revenue  # type: ignore[operator]


def test_quarter_kpi_is_the_mean_of_the_months(analytics: Analytics) -> None:
    quarter = Period.quarter(2026, 3)  # Aug and Sep have data, July nobody worked
    rating = analytics.rating(Subject.EMPLOYEE, KPI, quarter)
    name = rating.rows[0].name
    kpis = []
    for month in (Period.month(2026, 8), Period.month(2026, 9)):
        found = analytics.service.compute_period(month).for_employee(name)
        if found is not None and found.pay is not None and found.kpi is not None:
            kpis.append(found.kpi)
    assert rating.rows[0].value == mean_kpi(kpis)


def test_lower_is_better_indicator_ranks_lowest_first(analytics: Analytics) -> None:
    rating = analytics.rating(Subject.EMPLOYEE, "complaints", OCTOBER)
    assert rating.lower_is_better
    values = [row.value for row in rating.rows if row.value is not None]
    assert values == sorted(values)
    json_rows = rating_rows_json(rating)
    assert json_rows[0]["rank"] == 1 and json_rows[0]["complete"] == "1/1"


def test_unknown_indicator_is_a_user_error(analytics: Analytics) -> None:
    with pytest.raises(UserError, match="unknown indicator 'nope'"):
        analytics.rating(Subject.STORE, "nope", OCTOBER)


def test_weekly_series_is_a_ratio_of_sums_and_missing_days_are_nan(
    analytics: Analytics,
) -> None:
    frame = analytics.daily_series("Центральный", OCTOBER, "W")
    entries = analytics.service.database.daily.daily_rows(OCTOBER.start, OCTOBER.end)
    week = Period.custom(date(2026, 10, 5), date(2026, 10, 11))
    sums = daily_sums(entries, {"Центральный"}, week)
    row = frame.loc["2026-10-05"]
    assert math.isclose(row["revenue"], float(sums.revenue))
    assert math.isclose(row["conversion"], sums.receipts / sums.visitors * 100)
    # plan spread over the days: a week of October = 7/31 of the month's plan
    plan = sum(
        p.revenue
        for p in analytics.service.database.daily.plans(OCTOBER)
        if p.store == "Центральный"
    )
    assert math.isclose(row["plan"], float(plan) * 7 / 31)
    daily = analytics.daily_series(
        "Центральный", Period.custom(date(2026, 7, 30), date(2026, 8, 2))
    )
    assert daily["revenue"].isna().tolist() == [True, True, False, False]
    assert daily["weekend"].tolist() == [False, False, True, True]  # 1–2 Aug 2026: Sat, Sun
    with pytest.raises(ValueError, match="aggregation"):
        analytics.daily_series(None, OCTOBER, "Q")


def test_kpi_history_skips_the_months_without_a_matrix(analytics: Analytics) -> None:
    history = analytics.kpi_history("Кузнецова Елена Николаевна", OCTOBER)
    # the demo's matrices start in August: the nine months before have none (issue 14)
    assert [period for period, _ in history] == [
        Period.month(2026, 8),
        Period.month(2026, 9),
        OCTOBER,
    ]
    assert all(value is not None for _, value in history)


def test_an_empty_company_has_no_data_anywhere(empty: Analytics) -> None:
    board = empty.dashboard(OCTOBER, TODAY)
    assert board.company.value is None
    assert board.top == [] and board.missing == []
    assert board.empty
    for subject in Subject:
        assert empty.rating(subject, KPI, OCTOBER).rows == ()
        assert empty.rating(subject, "revenue", OCTOBER).rows == ()
    assert len(empty.daily_series(None, OCTOBER)) == 0
    assert empty.kpi_history("никто", OCTOBER) == []


def test_store_rows_from_the_periods_inputs_equal_a_fresh_read(analytics: Analytics) -> None:
    fresh = analytics.store_rows(OCTOBER)  # nothing computed yet: read from the file
    analytics.result(OCTOBER)
    assert analytics.store_rows(OCTOBER) == fresh == analytics.service.store_report(OCTOBER)
    week = Period.custom(date(2026, 10, 5), date(2026, 10, 11))
    assert analytics.store_rows(week) == analytics.service.store_report(week)


def test_computing_a_period_leaves_the_garbage_collector_as_it_was(analytics: Analytics) -> None:
    import gc

    assert gc.isenabled()
    analytics.result(OCTOBER)
    assert gc.isenabled()
    gc.disable()
    try:
        analytics.invalidate()
        analytics.result(OCTOBER)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert analytics.result(OCTOBER) == analytics.service.compute_period(OCTOBER)


def test_dashboard_top_and_bottom_equal_the_full_ratings_rows(demo_file: Path) -> None:
    from kpidesk.core.ratings import top_and_bottom

    october = Period.month(2026, 10)
    with CompanyService.open(demo_file, backup=False) as service:
        cold = Analytics(service).dashboard(october, date(2026, 11, 22))  # previous not cached
        warm_analytics = Analytics(service)
        expected = top_and_bottom(warm_analytics.rating(Subject.EMPLOYEE, KPI, october), 5)
        warm = warm_analytics.dashboard(october, date(2026, 11, 22))  # previous cached
    assert (cold.top, cold.bottom) == expected == (warm.top, warm.bottom)
    assert any(row.change is not None for row in cold.top)

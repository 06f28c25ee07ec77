"""A rating's previous range comes from the KPI-only calculation (``Analytics.kpis``); the
rating must be the one built from the previous range's full results — for employees,
stores and departments, cold and with the previous period already computed — and the
dashboard's ten people, computed from their stores' rows only, must show the same change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kpidesk.core.compute import PeriodKpis
from kpidesk.core.periods import Period
from kpidesk.core.ratings import KPI, Subject, top_and_bottom
from kpidesk.core.ratings_kpi import kpi_rating
from kpidesk.core.rights import Actor, Role
from kpidesk.services.analytics import NO_DEPARTMENT, Analytics
from kpidesk.services.company import CompanyService
from kpidesk.services.demo_setup import create_demo_database

TODAY = date(2026, 11, 22)
OCTOBER = Period.month(2026, 10)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("previous") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture
def service(demo_file: Path) -> Iterator[CompanyService]:
    with CompanyService.open(demo_file, backup=False) as opened:
        yield opened


@pytest.mark.parametrize("subject", list(Subject))
@pytest.mark.parametrize("period", [OCTOBER, Period.quarter(2026, 4)])
def test_rating_with_kpi_only_previous_equals_the_full_one(
    service: CompanyService, subject: Subject, period: Period
) -> None:
    analytics = Analytics(service)
    rating = analytics.rating(subject, KPI, period)
    previous = analytics.previous_pay_periods(period)
    light = [analytics.kpis(p) for p in previous]
    assert all(isinstance(found, PeriodKpis) for found in light)  # not the full results
    names = analytics._group_names(subject)
    expected = kpi_rating(
        subject,
        period,
        [service.compute_period(p) for p in analytics.pay_periods(period)],
        [service.compute_period(p) for p in previous],
        names=names,
        no_group=NO_DEPARTMENT,
    )
    assert rating == expected
    assert any(row.previous is not None for row in rating.rows)


def test_kpis_prefer_the_full_results_when_computed(service: CompanyService) -> None:
    analytics = Analytics(service)
    september = OCTOBER.previous()
    full = analytics.result(september)
    assert analytics.kpis(september) is full


def test_dashboard_change_from_its_stores_rows_equals_the_full_rating(
    service: CompanyService,
) -> None:
    cold = Analytics(service).dashboard(OCTOBER, TODAY)
    service.invalidate()
    warm = Analytics(service)
    warm.result(OCTOBER.previous())  # the whole previous period, all stores' rows
    expected = top_and_bottom(warm.rating(Subject.EMPLOYEE, KPI, OCTOBER), 5)
    assert (cold.top, cold.bottom) == expected
    assert any(row.change is not None for row in (*cold.top, *cold.bottom))


def _chain(path: Path) -> None:
    """Six stores of three people, store-metric and manual rows only (so the dashboard
    reads only its ten people's stores' rows for the previous month)."""
    from datetime import timedelta
    from decimal import Decimal

    from kpidesk.core.company import CompanyContent
    from kpidesk.core.daily import DailyEntry, Fact, StorePlan
    from kpidesk.core.indicators import Indicator, Source
    from kpidesk.core.matrix import Matrix, MatrixRow
    from kpidesk.core.org import Employee, Store
    from kpidesk.store.database import Database

    first = OCTOBER.shifted(-2)
    stores = tuple(Store(f"S{n}") for n in range(6))
    pay, bonus = Decimal(30000), Decimal(10000)
    employees = tuple(
        Employee(f"{s.name}-{k}", "Продавец", s.name, None, pay, bonus, first.start)
        for s in stores
        for k in range(3)
    )
    indicators = (
        Indicator("conversion", "Конверсия", "%", Source.parse("store:conversion")),
        Indicator("plan", "План", "%", Source.parse("store:plan_completion")),
        Indicator("nps", "NPS", "%", Source.parse("manual")),
    )
    rows = (
        MatrixRow("conversion", Decimal("0.4"), Decimal(15), Decimal(20), Decimal(30)),
        MatrixRow("plan", Decimal("0.3"), Decimal(80), Decimal(100), Decimal(120)),
        MatrixRow("nps", Decimal("0.3"), Decimal(40), Decimal(60), Decimal(80)),
    )
    daily = []
    day = first.start
    while day <= OCTOBER.end:
        for n, store in enumerate(stores):
            visitors = 100 + 7 * n + day.day
            receipts = 18 + n + day.day % 9
            daily.append(DailyEntry(store.name, day, Decimal(2500 * receipts), receipts, visitors))
        day += timedelta(days=1)
    months = (first, first.next(), OCTOBER)
    content = CompanyContent(
        company_name="Сеть",
        stores=stores,
        employees=employees,
        indicators=indicators,
        matrices=(Matrix(first, rows, position="Продавец"),),
        daily=tuple(daily),
        plans=tuple(StorePlan(s.name, m, Decimal(1_500_000)) for m in months for s in stores),
        facts=tuple(
            Fact(m, e.name, "nps", Decimal(40 + 8 * (i // 3) + (i + j) % 3))  # better by store
            for j, m in enumerate(months)
            for i, e in enumerate(employees)
        ),
    )
    with Database.open(path, actor="test") as database:
        database.content.apply_content(content)


def test_dashboard_reading_only_its_peoples_stores_equals_the_full_rating(
    tmp_path: Path,
) -> None:
    path = tmp_path / "chain.kpidesk"
    _chain(path)
    with CompanyService.open(path, backup=False) as chain:
        content = chain.database.content
        load, asked = content.load_period_inputs, []

        def spy(period: Period, stores: object = None, **options: bool) -> object:
            asked.append((period, stores))
            return load(period, stores, **options)  # type: ignore[arg-type]

        content.load_period_inputs = spy  # type: ignore[method-assign]
        cold = Analytics(chain).dashboard(OCTOBER, TODAY)
        content.load_period_inputs = load  # type: ignore[method-assign]
        chain.invalidate()
        expected = top_and_bottom(Analytics(chain).rating(Subject.EMPLOYEE, KPI, OCTOBER), 5)
    assert (cold.top, cold.bottom) == expected
    assert all(row.change is not None for row in (*cold.top, *cold.bottom))
    shown = {row.store for row in (*cold.top, *cold.bottom)}
    assert len(shown) < 6  # a subset of the stores
    assert (OCTOBER.previous(), shown) in [(p, set(s or ())) for p, s in asked]


def _actors(service: CompanyService) -> list[Actor]:
    company = service.company()
    store = company.stores[0].name
    seller = next(e for e in company.employees if e.store == store)
    return [
        Actor("Хозяин", Role.OWNER),
        Actor("Управляющий", Role.MANAGER, store=store),
        Actor("Анна", Role.EMPLOYEE, store=store, employee=seller.name),
    ]


@pytest.mark.parametrize("period", [OCTOBER, OCTOBER.next()])
def test_dashboard_from_kpis_and_sums_equals_the_one_from_full_results(
    service: CompanyService, period: Period
) -> None:
    """The dashboard computes its period with the KPI-only calculation, its status from it
    and its store rows from the stores' sums; from the full results and the daily rows
    (cached first) it must be the same, for every reader — the missing days, facts and
    matrices too (November is half missing as of ``TODAY``)."""
    missing = 0
    for actor in _actors(service):
        service.sign_in(actor)
        for store in (None, service.company().stores[1].name):
            service.invalidate()
            light = Analytics(service)
            cold = light.dashboard(period, TODAY, store)
            assert isinstance(light.kpis(period), PeriodKpis)  # not the full results
            service.invalidate()
            full = Analytics(service)
            for pay_period in (*full.pay_periods(period), *full.previous_pay_periods(period)):
                full.result(pay_period)  # the full results, and their daily rows
            assert cold == full.dashboard(period, TODAY, store)
            assert cold.status == service.period_status(period, TODAY)
            assert light.store_rows(period) == service.store_report(period)
            missing += len(cold.missing) + len(cold.status.missing_facts)
    assert missing or period == OCTOBER  # November: what is missing is compared too

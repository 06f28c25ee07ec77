"""Store and seller metrics (SPEC §2.6), warehouse/marketing/sales families (§2.7), fact
sources and plans from history (§2.10)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from kpidesk.core.company import PeriodInputs
from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.families import family_metric, family_metrics
from kpidesk.core.indicators import MANUAL, Indicator, Source, SourceKind
from kpidesk.core.money import round_to
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.plans import plan_from_history
from kpidesk.core.sources import resolve_fact
from kpidesk.core.store_metrics import (
    StoreMetrics,
    employee_metrics,
    metric_value,
    plan_for,
    store_metrics,
)

D = Decimal
OCT = Period.month(2026, 10)


def day(
    store: str, when: date, revenue: int, receipts: int, visitors: int, units: int = 0
) -> DailyEntry:
    return DailyEntry(store, when, D(revenue), receipts, visitors, units)


def test_seed_conversion_80_of_300() -> None:
    metrics = store_metrics([day("A", date(2026, 10, 5), 8000, 80, 300, 120)], None, OCT)
    assert metrics.conversion is not None
    assert round_to(metrics.conversion, D("0.01")) == D("26.67")
    assert metrics.avg_check == D(100)
    assert metrics.upt == D("1.5")
    assert metric_value(metrics, "revenue_per_visitor") is not None


def test_ratios_are_ratios_of_sums_not_averages_of_daily_ratios() -> None:
    entries = [
        day("A", date(2026, 10, 1), 1000, 1, 10),  # conversion 10 %
        day("A", date(2026, 10, 2), 99000, 99, 110),  # conversion 90 %
    ]
    metrics = store_metrics(entries, {"A"}, OCT)
    assert metrics.conversion == D(100) * D(100) / D(120)  # 83.33 %, not the average 50 %
    assert metrics.conversion != (D(10) + D(90)) / 2
    assert metrics.avg_check == D(1000)


def test_no_rows_or_zero_denominators_are_no_data() -> None:
    assert store_metrics([], None, OCT) == StoreMetrics()
    metrics = store_metrics([day("A", date(2026, 10, 1), 0, 0, 0)], None, OCT)
    assert metrics.revenue == D(0)
    assert metrics.conversion is None and metrics.avg_check is None and metrics.upt is None
    assert metrics.sales_dynamics is None and metrics.plan_completion is None


def test_store_filter_and_company_total() -> None:
    entries = [day("A", date(2026, 10, 1), 100, 1, 2), day("B", date(2026, 10, 1), 300, 3, 4)]
    assert store_metrics(entries, {"A"}, OCT).revenue == D(100)
    assert store_metrics(entries, None, OCT).revenue == D(400)
    assert store_metrics(entries, {"C"}, OCT).revenue is None


def test_sales_dynamics_against_the_previous_equal_period() -> None:
    entries = [
        day("A", date(2026, 9, 10), 200, 2, 10),
        day("A", date(2026, 10, 10), 250, 2, 10),
        day("A", date(2026, 11, 1), 999, 2, 10),  # outside both
    ]
    assert store_metrics(entries, {"A"}, OCT).sales_dynamics == D(125)
    week = Period.iso_week(2026, 41)  # 05.10–11.10; previous 28.09–04.10: no rows
    assert store_metrics(entries, {"A"}, week).sales_dynamics is None


def test_plan_completion_with_proration() -> None:
    plans = [StorePlan("A", OCT, D(310000)), StorePlan("B", OCT, D(1000))]
    first_ten = Period.custom(date(2026, 10, 1), date(2026, 10, 10))
    assert plan_for(plans, {"A"}, first_ten) == D(100000)
    assert plan_for(plans, {"C"}, first_ten) is None
    entries = [day("A", date(2026, 10, 1) + timedelta(days=i), 12000, 10, 50) for i in range(10)]
    metrics = store_metrics(entries, {"A"}, first_ten, plans)
    assert metrics.plan_completion == D(120)
    # a range across two monthly plans takes the overlapping share of each
    across = Period.custom(date(2026, 10, 31), date(2026, 11, 1))
    plans2 = [*plans, StorePlan("A", Period.month(2026, 11), D(30000))]
    assert plan_for(plans2, {"A"}, across) == D(10000) + D(1000)


def test_employee_metrics_and_share_of_store() -> None:
    when = date(2026, 10, 3)
    sellers = [
        SellerDay("A", when, "Оля", D(3000), 3, 6),
        SellerDay("A", when, "Коля", D(1000), 1, 1),
        SellerDay("A", date(2026, 9, 3), "Оля", D(9999), 9, 9),
    ]
    entries = [day("A", when, 4000, 4, 20), day("B", when, 8000, 8, 20)]
    metrics = employee_metrics(sellers, entries, "Оля", OCT)
    assert metrics.revenue == D(3000)
    assert metrics.avg_check == D(1000)
    assert metrics.upt == D(2)
    assert metrics.share_of_store == D(75)
    assert employee_metrics(sellers, entries, "Никто", OCT).revenue is None
    assert metric_value(metrics, "share_of_store") == D(75)
    with pytest.raises(ValueError, match="unknown metric"):
        metric_value(metrics, "conversion")


@pytest.mark.parametrize(
    ("kind", "metric", "inputs", "value"),
    [
        (
            SourceKind.WAREHOUSE,
            "orders_fulfilment",
            {"orders_declared": 200, "orders_shipped": 190},
            "95",
        ),
        (SourceKind.MARKETING, "ctr", {"impressions": 10000, "clicks": 250}, "2.5"),
        (SourceKind.MARKETING, "cr", {"visits": 400, "conversions": 10}, "2.5"),
        (SourceKind.MARKETING, "cpc", {"cost": 5000, "clicks": 250}, "20"),
        (SourceKind.MARKETING, "cpl", {"cost": 5000, "leads": 50}, "100"),
        (SourceKind.MARKETING, "cpo", {"cost": 5000, "orders": 20}, "250"),
        (SourceKind.MARKETING, "ltv", {"revenue": 90000, "customers": 30}, "3000"),
        (SourceKind.MARKETING, "br", {"bounces": 100, "visits": 400}, "25"),
        (SourceKind.MARKETING, "roi", {"income": 150, "investment": 100}, "150"),
        (SourceKind.MARKETING, "romi", {"profit": 300, "marketing_cost": 100}, "200"),
        (SourceKind.MARKETING, "nps", {"promoters_pct": 60, "detractors_pct": 15}, "45"),
        (SourceKind.SALES, "revenue", {"revenue": 700}, "700"),
        (SourceKind.SALES, "deal_cycle", {"deal_days": 120, "deals": 8}, "15"),
        (SourceKind.SALES, "aov", {"revenue": 700, "orders": 7}, "100"),
        (SourceKind.SALES, "sales_dynamics", {"revenue": 110, "previous_revenue": 100}, "110"),
        (SourceKind.SALES, "conversion", {"actual_clients": 5, "potential_clients": 20}, "25"),
        (SourceKind.SALES, "transactions", {"transactions": 42}, "42"),
    ],
)
def test_family_metrics(kind: SourceKind, metric: str, inputs: dict[str, int], value: str) -> None:
    raw = {name: D(amount) for name, amount in inputs.items()}
    assert family_metric(kind, metric, raw) == D(value)


def test_integrated_warehouse_kpi_and_no_data() -> None:
    raw = {
        f"{kind}_{side}": D(amount)
        for kind, (declared, shipped) in {
            "orders": (100, 90),
            "lines": (100, 100),
            "units": (100, 80),
            "money": (100, 90),
        }.items()
        for side, amount in (("declared", declared), ("shipped", shipped))
    }
    assert family_metric(SourceKind.WAREHOUSE, "integrated", raw) == D(90)
    del raw["money_shipped"]
    assert family_metric(SourceKind.WAREHOUSE, "integrated", raw) is None
    assert family_metric(SourceKind.MARKETING, "cpc", {"cost": D(5), "clicks": D(0)}) is None
    assert family_metric(SourceKind.MARKETING, "romi", {"profit": D(5)}) is None
    assert set(family_metrics(SourceKind.SALES, {})) >= {"aov", "transactions"}
    with pytest.raises(ValueError, match="unknown metric"):
        family_metric(SourceKind.SALES, "ctr", {})


def test_resolve_fact_from_each_source() -> None:
    employee = Employee("Оля", "Продавец", store="A")
    inputs = PeriodInputs(
        facts={("Оля", "nps"): D(70)},
        daily=(
            day("A", date(2026, 10, 1), 8000, 80, 300),
            day("B", date(2026, 10, 1), 2000, 20, 100),
        ),
        seller_days=(SellerDay("A", date(2026, 10, 1), "Оля", D(2000), 20),),
        inputs={("Оля", "sales:revenue"): D(5), ("Оля", "sales:orders"): D(2)},
    )

    def fact(source: str, who: Employee = employee) -> Decimal | None:
        indicator = Indicator(
            "nps" if source == "manual" else "k", "k", source=Source.parse(source)
        )
        return resolve_fact(who, indicator, OCT, inputs)

    assert fact("manual") == D(70)
    assert fact("store:revenue") == D(8000)
    assert fact("store:revenue", Employee("Шеф", "Директор")) == D(10000)
    assert fact("employee:avg_check") == D(100)
    assert fact("sales:aov") == D("2.5")
    assert fact("sales:deal_cycle") is None
    assert (
        resolve_fact(Employee("Х", "П"), Indicator("nps", "nps", source=MANUAL), OCT, inputs)
        is None
    )


def test_plan_from_history() -> None:
    history = [D(1), D(100), D(90), D(110), D(100), D(120), D(80)]  # only the last six count
    plan = plan_from_history(history)
    assert plan is not None
    assert plan.periods_used == 6
    assert plan.base == D(80)
    assert plan.norm == D(100)
    assert plan.target == D(120)
    lower = plan_from_history([D(4), D(6)], D("0.5"), lower_is_better=True)
    assert lower is not None and (lower.base, lower.norm, lower.target) == (D(6), D(5), D("2.5"))
    assert plan_from_history([]) is None

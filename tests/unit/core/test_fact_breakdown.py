"""Computed facts explain themselves (issue 18, item 3): every computed fact carries its
operands as printed and the operation that joins them (``core.fact_breakdown``), and a
person with a calculator gets the printed fact from the printed operands.

Hand-checked worked examples per family (store, seller, tasks, warehouse, marketing,
sales), the operand printed with more digits where the kopeck-rounded one would give
another fact, the breakdown attached to the row result where the fact is computed (shared
by the employees of one store), and hypothesis properties: for every computed fact the
printed operands' quotient at 0,01 is the printed fact.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_period
from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.explained_facts import seller_breakdown, store_breakdown, task_breakdown
from kpidesk.core.fact_breakdown import (
    FactBreakdown,
    Operation,
    Quantity,
    breakdown,
    recomputed,
)
from kpidesk.core.families import family_breakdown, family_metric
from kpidesk.core.indicators import (
    FAMILY_INPUTS,
    KNOWN_METRICS,
    IndexMethod,
    Indicator,
    Source,
    SourceKind,
)
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import round_to
from kpidesk.core.org import Employee, Store
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import (
    DailySums,
    employee_metrics,
    metrics_from_sums,
    plan_coverage,
    store_metrics,
)
from kpidesk.core.tasks import Task, TaskStatus, task_metric

D = Decimal
OCT = Period.month(2026, 10)
CENT = D("0.01")


def values(found: FactBreakdown | None) -> list[tuple[str, Decimal]]:
    assert found is not None
    return [(operand.name, operand.value) for operand in found.operands]


def sums(revenue: str, receipts: int, visitors: int, units: int = 0) -> DailySums:
    return DailySums(1, D(revenue), receipts, visitors, units)


# --- store -----------------------------------------------------------------------------
def test_conversion_80_receipts_of_300_visitors() -> None:
    metrics = metrics_from_sums(sums("240000", 80, 300))
    found = store_breakdown(metrics, "conversion")
    assert found is not None and found.operation is Operation.PERCENT
    assert values(found) == [("receipts", D(80)), ("visitors", D(300))]
    assert found.fact == D("26.67") == round_to(metrics.conversion or D(0), CENT)
    assert found.quantity is Quantity.PERCENT
    assert recomputed(found) == found.fact


def test_average_check_and_units_per_receipt() -> None:
    metrics = metrics_from_sums(sums("2908990", 1000, 5000, 2345))
    check = store_breakdown(metrics, "avg_check")
    assert values(check) == [("revenue", D(2908990)), ("receipts", D(1000))]
    assert check is not None and check.fact == D("2908.99")
    upt = store_breakdown(metrics, "upt")
    assert values(upt) == [("units", D(2345)), ("receipts", D(1000))]
    assert upt is not None and upt.fact == D("2.35")  # 2,345 half up


def test_plan_completion_over_a_whole_month() -> None:
    entries = [DailyEntry("A", date(2026, 10, 1), D("1025900"), 10, 20)]
    metrics = store_metrics(entries, {"A"}, OCT, [StorePlan("A", OCT, D(1000000))])
    found = store_breakdown(metrics, "plan_completion")
    assert values(found) == [("revenue", D(1025900)), ("plan", D(1000000))]
    assert found is not None and found.fact == D("102.59")
    assert found.days == 31 and not found.partial


def test_partly_planned_range_prints_the_plan_with_the_digits_it_needs() -> None:
    """19.09–04.10, only October planned (1 000 000 ₽): the covered plan is 4/31 of it,
    129 032,258 064…; 129 000 ₽ over it is 99,975 % exactly → 99,98 %. Printed to kopecks
    (129 032,26) a calculator gives 99,97 %, so the plan prints with three decimals."""
    span = Period.custom(date(2026, 9, 19), date(2026, 10, 4))
    entries = [DailyEntry("A", date(2026, 10, 2), D(129000), 10, 20)]
    entries.append(DailyEntry("A", date(2026, 9, 20), D(50000), 5, 9))  # not covered
    metrics = store_metrics(entries, {"A"}, span, [StorePlan("A", OCT, D(1000000))])
    found = store_breakdown(metrics, "plan_completion")
    assert values(found) == [("revenue", D(129000)), ("plan", D("129032.258"))]
    assert found is not None and found.fact == D("99.98")
    assert (found.days, found.range_days, found.partial) == (4, 16, True)
    assert recomputed(found) == found.fact
    kopecks = breakdown(
        Operation.PERCENT,
        [("revenue", D(129000), Quantity.MONEY), ("plan", D("129032.26"), Quantity.MONEY)],
        Quantity.PERCENT,
    )
    assert kopecks.fact == D("99.97")  # what the rounded plan would have told


def test_sales_dynamics_and_the_sums() -> None:
    metrics = metrics_from_sums(sums("110000", 10, 20), sums("100000", 9, 18))
    found = store_breakdown(metrics, "sales_dynamics")
    assert values(found) == [("revenue", D(110000)), ("previous_revenue", D(100000))]
    assert found is not None and found.fact == D("110.00")
    revenue = store_breakdown(metrics, "revenue")
    assert revenue is not None and revenue.operation is Operation.TOTAL
    assert revenue.fact == D("110000.00")


def test_division_by_zero_is_no_data_not_zero() -> None:
    metrics = metrics_from_sums(sums("0", 0, 0))
    found = store_breakdown(metrics, "conversion")
    assert found is not None and found.fact is None and recomputed(found) is None


# --- seller ----------------------------------------------------------------------------
def test_seller_share_of_store() -> None:
    days = [SellerDay("A", date(2026, 10, 3), "Соколова", D("1660910.84"), 500, 900)]
    entries = [DailyEntry("A", date(2026, 10, 3), D("4794018.24"), 1648, 7110)]
    metrics = employee_metrics(days, entries, "Соколова", OCT)
    found = seller_breakdown(metrics, "share_of_store")
    assert values(found) == [("revenue", D("1660910.84")), ("store_revenue", D("4794018.24"))]
    assert found is not None and found.fact == D("34.65")  # 34,6458…


# --- tasks -----------------------------------------------------------------------------
def _task(
    title: str, status: TaskStatus, done: int | None = None, accepted: int | None = None
) -> Task:
    return Task(
        title,
        "Иванова",
        "Петров",
        OCT,
        date(2026, 10, 20),
        status=status,
        done_on=date(2026, 10, done) if done else None,
        accepted_on=date(2026, 10, accepted) if accepted else None,
    )


def test_open_at_close_split_and_on_time() -> None:
    tasks = [
        _task("a", TaskStatus.OPEN),
        _task("b", TaskStatus.DONE, done=25),
        _task("c", TaskStatus.DONE, done=28),
        _task("d", TaskStatus.ACCEPTED, done=10, accepted=12),
        _task("e", TaskStatus.ACCEPTED, done=14, accepted=19),
        _task("f", TaskStatus.ACCEPTED, done=22, accepted=29),
    ]
    found = task_breakdown("open_at_close", tasks, OCT)
    assert values(found) == [("open", D(1)), ("waiting", D(2))]
    assert found is not None and found.operation is Operation.SUM
    assert found.fact == D(3) == task_metric("open_at_close", tasks, OCT)
    on_time = task_breakdown("on_time_percent", tasks, OCT)
    assert values(on_time) == [("on_time", D(2)), ("tasks", D(6))]
    assert on_time is not None and on_time.fact == D("33.33")
    assert task_breakdown("on_time_percent", [], OCT) is None


# --- warehouse, marketing, sales --------------------------------------------------------
def test_warehouse_fulfilment_and_integrated_mean() -> None:
    inputs = {
        "orders_declared": D(84),
        "orders_shipped": D(82),
        "lines_declared": D(1000),
        "lines_shipped": D(959),
        "units_declared": D(3000),
        "units_shipped": D(2913),
        "money_declared": D("1000000"),
        "money_shipped": D("953400"),
    }
    orders = family_breakdown(SourceKind.WAREHOUSE, "orders_fulfilment", inputs)
    assert values(orders) == [("orders_shipped", D(82)), ("orders_declared", D(84))]
    assert orders is not None and orders.fact == D("97.62")
    found = family_breakdown(SourceKind.WAREHOUSE, "integrated", inputs)
    assert values(found) == [
        ("orders_fulfilment", D("97.62")),
        ("lines_fulfilment", D("95.90")),
        ("units_fulfilment", D("97.10")),
        ("money_fulfilment", D("95.34")),
    ]
    # (97,62 + 95,90 + 97,10 + 95,34) / 4 = 96,49
    assert found is not None and found.operation is Operation.MEAN and found.fact == D("96.49")


def test_marketing_formulas() -> None:
    inputs = {
        "clicks": D(5829),
        "impressions": D(182980),
        "cost": D(0),
        "leads": D(10),
        "profit": D(150000),
        "marketing_cost": D(50000),
        "promoters_pct": D(45),
        "detractors_pct": D("10.5"),
    }
    ctr = family_breakdown(SourceKind.MARKETING, "ctr", inputs)
    assert values(ctr) == [("clicks", D(5829)), ("impressions", D(182980))]
    assert ctr is not None and ctr.fact == D("3.19")
    cpl = family_breakdown(SourceKind.MARKETING, "cpl", inputs)
    assert cpl is not None and cpl.fact == D("0.00")  # the best result, not "no data"
    romi = family_breakdown(SourceKind.MARKETING, "romi", inputs)
    assert romi is not None and romi.operation is Operation.MARGIN and romi.fact == D("200.00")
    nps = family_breakdown(SourceKind.MARKETING, "nps", inputs)
    assert nps is not None and nps.operation is Operation.DIFFERENCE and nps.fact == D("34.50")
    assert family_breakdown(SourceKind.MARKETING, "cpo", inputs) is None  # no orders input


def test_sales_formulas() -> None:
    inputs = {"deal_days": D(75), "deals": D(30), "revenue": D("905000.50"), "orders": D(0)}
    cycle = family_breakdown(SourceKind.SALES, "deal_cycle", inputs)
    assert values(cycle) == [("deal_days", D(75)), ("deals", D(30))]
    assert cycle is not None and cycle.fact == D("2.50") and cycle.quantity is Quantity.DAYS
    aov = family_breakdown(SourceKind.SALES, "aov", inputs)
    assert aov is not None and aov.fact is None  # 0 orders: no data
    revenue = family_breakdown(SourceKind.SALES, "revenue", inputs)
    assert revenue is not None and revenue.operation is Operation.TOTAL
    assert revenue.fact == D("905000.50")


# --- attached where the fact is computed -------------------------------------------------
def test_row_results_carry_the_breakdown_shared_by_a_store() -> None:
    """Two stores with the same conversion (26,67 %) from different counts: each employee
    gets their own store's operands; two employees of one store share one breakdown."""
    conversion = Indicator(
        "conv", "Конверсия", "%", Source(SourceKind.STORE, "conversion"), IndexMethod.RATIO
    )
    employees = (
        Employee("Анна", "Продавец", store="A"),
        Employee("Борис", "Продавец", store="A"),
        Employee("Вера", "Продавец", store="B"),
    )
    matrix = Matrix(OCT, (MatrixRow("conv", D(1), None, D(25)),), position="Продавец")
    company = Company(
        stores=(Store("A"), Store("B")),
        employees=employees,
        indicators=(conversion,),
        matrices=(matrix,),
    )
    day = date(2026, 10, 5)
    inputs = PeriodInputs(
        daily=(
            DailyEntry("A", day, D(1000), 80, 300),
            DailyEntry("B", day, D(1000), 160, 600),
        )
    )
    anna, boris, vera = compute_period(company, OCT, inputs).employees
    assert anna.rows[0].fact == vera.rows[0].fact == D("26.67")
    assert values(anna.rows[0].fact_breakdown) == [("receipts", D(80)), ("visitors", D(300))]
    assert values(vera.rows[0].fact_breakdown) == [("receipts", D(160)), ("visitors", D(600))]
    assert anna.rows[0].fact_breakdown is boris.rows[0].fact_breakdown


# --- properties ----------------------------------------------------------------------------
amounts = st.integers(min_value=0, max_value=10**9).map(lambda k: D(k) / 100)
counts = st.integers(min_value=0, max_value=100000).map(D)


@given(
    kind=st.sampled_from([SourceKind.WAREHOUSE, SourceKind.MARKETING, SourceKind.SALES]),
    data=st.data(),
)
def test_every_family_fact_is_what_its_printed_operands_give(
    kind: SourceKind, data: st.DataObject
) -> None:
    inputs = {
        name: data.draw(st.one_of(amounts, counts, st.decimals("-100", "100", places=1)))
        for name in FAMILY_INPUTS[kind]
    }
    for metric in KNOWN_METRICS[kind]:
        value = family_metric(kind, metric, inputs)
        found = family_breakdown(kind, metric, inputs)
        if found is None:  # the integrated KPI with a fulfilment dividing by zero
            assert value is None and metric == "integrated"
            continue
        assert found.fact == (None if value is None else round_to(value, CENT))
        assert recomputed(found) == found.fact


@given(
    receipts=st.integers(0, 10**6),
    visitors=st.integers(0, 10**6),
    units=st.integers(0, 10**6),
    revenue=amounts,
    plan=st.integers(1, 10**8).map(lambda k: D(k) / 100),
    first=st.integers(0, 60),
    length=st.integers(1, 45),
)
def test_every_store_fact_is_what_its_printed_operands_give(
    receipts: int,
    visitors: int,
    units: int,
    revenue: Decimal,
    plan: Decimal,
    first: int,
    length: int,
) -> None:
    start = date(2026, 9, 1) + timedelta(days=first)
    span = Period.custom(start, start + timedelta(days=length - 1))
    entries = [
        DailyEntry("A", start, revenue, receipts, visitors, units),
        DailyEntry("A", span.end, revenue, receipts // 3, visitors, units // 2),
    ]
    plans = [StorePlan("A", OCT, plan)]
    metrics = store_metrics(entries, {"A"}, span, plans)
    assert metrics.plan_days == (
        None if plan_coverage(entries, plans, {"A"}, span) is None else metrics.plan_days
    )
    for metric in KNOWN_METRICS[SourceKind.STORE]:
        value = getattr(metrics, metric)
        found = store_breakdown(metrics, metric)
        if found is None:
            assert value is None
            continue
        assert found.fact == (None if value is None else round_to(value, CENT))
        assert recomputed(found) == found.fact


@given(
    statuses=st.lists(st.sampled_from(list(TaskStatus)), max_size=12),
    days=st.lists(st.integers(1, 31), min_size=12, max_size=12),
)
def test_every_tasks_fact_is_what_its_printed_operands_give(
    statuses: list[TaskStatus], days: list[int]
) -> None:
    tasks = [
        _task(
            str(i),
            status,
            done=days[i] if status is not TaskStatus.OPEN else None,
            accepted=days[i] if status is TaskStatus.ACCEPTED else None,
        )
        for i, status in enumerate(statuses)
    ]
    for metric in KNOWN_METRICS[SourceKind.TASKS]:
        value = task_metric(metric, tasks, OCT)
        found = task_breakdown(metric, tasks, OCT)
        if found is None:
            assert value is None
            continue
        assert found.fact == (None if value is None else round_to(value, CENT))
        assert recomputed(found) == found.fact

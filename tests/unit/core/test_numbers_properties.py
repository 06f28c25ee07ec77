"""Issue 18: one hypothesis property per metric family — a lower-is-better fact never scores
below a worse fact; a fact of 0 for a lower-is-better row with a target always gives the
cap; a division by zero always gives "no data" and an incomplete matrix, never 0; and the
printing rules (no "−0", changes of printed values, the warehouse mean of printed
fulfilments, plan completion over covered days, the open-at-close split) for any numbers.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_employee
from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.families import family_metric
from kpidesk.core.indicators import KNOWN_METRICS, IndexMethod, Indicator, Source, SourceKind
from kpidesk.core.kpi import index_ceiling, index_for
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import format_number, format_percent, parse_number, plain
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.ratings import change_of
from kpidesk.core.results import Status
from kpidesk.core.store_metrics import plan_coverage, store_metrics
from kpidesk.core.tasks import Task, TaskStatus, open_at_close, open_at_close_parts

D = Decimal
OCT = Period.month(2026, 10)
CENT = D("0.01")

amounts = st.decimals(min_value=D("0.01"), max_value=D(100000), places=2)
facts = st.decimals(min_value=D(0), max_value=D(100000), places=2)
signed = st.decimals(min_value=D(-1000), max_value=D(1000), places=6)


@st.composite
def lower_is_better_rows(draw: st.DrawFn, method: IndexMethod) -> MatrixRow:
    """A lower-is-better row: base above norm, a target below the norm (above 0)."""
    norm = draw(amounts)
    base = norm + draw(amounts)
    target = draw(st.decimals(min_value=D("0.01"), max_value=norm, places=2))
    return MatrixRow("x", D(1), base, norm, target)


# --- index: lower is better ---------------------------------------------------------------
@given(
    method=st.sampled_from([IndexMethod.SCALE, IndexMethod.RATIO]),
    data=st.data(),
    better=facts,
    worse=facts,
)
def test_a_lower_fact_never_scores_below_a_higher_one(
    method: IndexMethod, data: st.DataObject, better: Decimal, worse: Decimal
) -> None:
    row = data.draw(lower_is_better_rows(method))
    better, worse = min(better, worse), max(better, worse)
    good, bad = index_for(row, better, method), index_for(row, worse, method)
    assert good is not None and bad is not None  # with a target, every fact has an index
    assert good >= bad


@given(method=st.sampled_from([IndexMethod.SCALE, IndexMethod.RATIO]), data=st.data())
def test_a_fact_of_zero_gives_the_cap_of_a_ratio_row(
    method: IndexMethod, data: st.DataObject
) -> None:
    row = data.draw(lower_is_better_rows(method))
    index = index_for(row, D(0), method)
    ceiling = index_ceiling(row, method)
    assert index is not None and ceiling is not None
    if method is IndexMethod.RATIO:
        assert index == ceiling == row.norm / row.target  # type: ignore[operator]
    assert index == max(index_for(row, fact, method) or 0 for fact in (D(0), row.norm, row.base))  # type: ignore[arg-type]


# --- division by zero: no data, an incomplete matrix, never 0 -------------------------------
def _zero_denominator_inputs(kind: SourceKind, metric: str, value: Decimal) -> dict[str, Decimal]:
    """Raw inputs of ``kind`` where every input is ``value`` and every one is 0 that a
    metric of the family divides by."""
    names = {
        SourceKind.WAREHOUSE: (
            "orders_declared", "lines_declared", "units_declared", "money_declared",
        ),
        SourceKind.MARKETING: (
            "impressions", "visits", "clicks", "leads", "orders", "customers", "investment",
            "marketing_cost",
        ),
        SourceKind.SALES: ("deals", "orders", "previous_revenue", "potential_clients"),
    }[kind]  # fmt: skip
    from kpidesk.core.indicators import FAMILY_INPUTS

    inputs = dict.fromkeys(FAMILY_INPUTS[kind], value)
    inputs.update(dict.fromkeys(names, D(0)))
    return inputs


DIVIDING = [
    (kind, metric)
    for kind in (SourceKind.WAREHOUSE, SourceKind.MARKETING, SourceKind.SALES)
    for metric in KNOWN_METRICS[kind]
    if (kind, metric)
    not in {
        (SourceKind.MARKETING, "nps"),
        (SourceKind.SALES, "revenue"),
        (SourceKind.SALES, "transactions"),
    }
]


@given(family=st.sampled_from(DIVIDING), value=amounts)
def test_a_division_by_zero_is_no_data_and_an_incomplete_matrix(
    family: tuple[SourceKind, str], value: Decimal
) -> None:
    kind, metric = family
    raw = _zero_denominator_inputs(kind, metric, value)
    assert family_metric(kind, metric, raw) is None
    indicator = Indicator("x", "x", source=Source(kind, metric), method=IndexMethod.RATIO)
    employee = Employee("Иванова", "П", target_bonus=D(1000))
    matrix = Matrix(OCT, (MatrixRow("x", D(1), None, D(10)),), position="П")
    company = Company(employees=(employee,), indicators=(indicator,), matrices=(matrix,))
    inputs = PeriodInputs(inputs={("Иванова", f"{kind.value}:{k}"): v for k, v in raw.items()})
    result = compute_employee(company, employee, OCT, inputs)
    assert result.rows[0].fact is None
    assert result.status is Status.INCOMPLETE and result.kpi is None and result.pay is None


@given(revenue=amounts, receipts=st.integers(0, 50))
def test_a_store_without_visitors_has_no_conversion(revenue: Decimal, receipts: int) -> None:
    metrics = store_metrics([DailyEntry("A", date(2026, 10, 1), revenue, receipts, 0)], None, OCT)
    assert metrics.conversion is None and metrics.revenue_per_visitor is None
    if receipts == 0:
        assert metrics.avg_check is None and metrics.upt is None


# --- printing -------------------------------------------------------------------------------
@given(value=signed, places=st.integers(0, 4))
def test_no_value_is_printed_as_minus_zero(value: Decimal, places: int) -> None:
    for text in (
        plain(value, places),
        plain(value),
        format_number(value, places),
        format_number(value, places, lang="en"),
        format_percent(value / 100, places),
    ):
        assert text is not None
        if text.startswith(("-", "\u2212")):
            assert parse_number(text.rstrip("%")) != 0, text


@given(value=signed, previous=signed, places=st.sampled_from([2, 3]))
def test_a_change_is_the_difference_of_the_printed_values(
    value: Decimal, previous: Decimal, places: int
) -> None:
    step = D(1).scaleb(-places)
    shown = value.quantize(step, rounding=ROUND_HALF_UP)
    before = previous.quantize(step, rounding=ROUND_HALF_UP)
    change = change_of(value, previous, places)
    assert change == shown - before
    assert D(plain(change, places) or "") == D(plain(value, places) or "") - D(  # type: ignore[arg-type]
        plain(previous, places) or ""
    )


@given(parts=st.lists(st.tuples(amounts, amounts), min_size=4, max_size=4))
def test_the_warehouse_kpi_is_the_mean_of_the_printed_fulfilments(
    parts: list[tuple[Decimal, Decimal]],
) -> None:
    inputs: dict[str, Decimal] = {}
    printed = []
    for kind, (declared, shipped) in zip(("orders", "lines", "units", "money"), parts, strict=True):
        inputs[f"{kind}_declared"], inputs[f"{kind}_shipped"] = declared, shipped
        fulfilment = family_metric(SourceKind.WAREHOUSE, f"{kind}_fulfilment", inputs)
        assert fulfilment is not None
        printed.append(fulfilment.quantize(CENT, rounding=ROUND_HALF_UP))
    assert family_metric(SourceKind.WAREHOUSE, "integrated", inputs) == sum(printed) / 4


@given(
    revenues=st.lists(amounts, min_size=1, max_size=40),
    first=st.integers(-20, 40),
    plan=amounts,
)
def test_plan_completion_compares_only_the_covered_days(
    revenues: list[Decimal], first: int, plan: Decimal
) -> None:
    start = date(2026, 10, 1) + timedelta(days=first)
    period = Period.custom(start, start + timedelta(days=len(revenues) - 1))
    entries = [
        DailyEntry("A", start + timedelta(days=i), revenue, 1, 1)
        for i, revenue in enumerate(revenues)
    ]
    plans = [StorePlan("A", OCT, plan)]
    coverage = plan_coverage(entries, plans, {"A"}, period)
    covered = [e for e in entries if OCT.contains(e.day)]
    metrics = store_metrics(entries, {"A"}, period, plans)
    if not covered:
        assert coverage is None and metrics.plan_completion is None
        return
    assert coverage is not None and coverage.days == len(covered)
    assert coverage.revenue == sum(e.revenue for e in covered)
    assert coverage.plan == plan * len(covered) / OCT.length
    assert metrics.plan_completion == coverage.revenue / coverage.plan * 100
    assert metrics.plan_days == len(covered)


@given(
    statuses=st.lists(
        st.tuples(st.sampled_from(list(TaskStatus)), st.integers(1, 31), st.integers(-5, 40)),
        max_size=12,
    )
)
def test_the_open_at_close_split_adds_up(statuses: list[tuple[TaskStatus, int, int]]) -> None:
    tasks = [
        Task(
            f"t{i}",
            "Иванова",
            "Петров",
            OCT,
            date(2026, 10, 20),
            status=status,
            done_on=date(2026, 10, done) if status is not TaskStatus.OPEN else None,
            accepted_on=(
                date(2026, 10, 1) + timedelta(days=accepted)
                if status is TaskStatus.ACCEPTED
                else None
            ),
        )
        for i, (status, done, accepted) in enumerate(statuses)
    ]
    still_open, waiting = open_at_close_parts(tasks, OCT)
    assert still_open + waiting == open_at_close(tasks, OCT)
    assert still_open == sum(1 for t in tasks if t.status is TaskStatus.OPEN)

"""The fast paths of a full recompute (SPEC §9) give exactly what the plain code gives:
the results made without their generated ``__init__`` equal the constructed ones field by
field; a store's rows summed in one pass (``store_sums.rows_sums``) give the same metrics
as ``store_metrics`` over the rows; the exponent test of a breakdown's long operands
agrees with the normalized count of decimals."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.fact_breakdown import _long, _places
from kpidesk.core.indicators import IndexMethod
from kpidesk.core.kpi import DeferredExplanation, deferred
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.org import Employee
from kpidesk.core.payout import DEFAULT_SCHEDULE
from kpidesk.core.periods import Period
from kpidesk.core.results import (
    EmployeeResult,
    Explanation,
    PayResult,
    RowNeed,
    RowResult,
    new_employee_result,
    new_pay_result,
    new_row_result,
)
from kpidesk.core.store_metrics import store_metrics
from kpidesk.core.store_sums import rows_sums, sums_metrics

D = Decimal
OCT = Period.month(2026, 10)


def _same(made: object, built: object) -> None:
    assert type(made) is type(built)
    names = [f.name for f in fields(built)]  # type: ignore[arg-type]
    assert list(vars(made)) == names  # every field, none more (a new field fails here)
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)


def test_fast_results_equal_the_constructed() -> None:
    row = MatrixRow("plan", D("0.5"), D(100), D(50))
    need = RowNeed(D(100), D(110), D("0.8"))
    explained = Explanation("1 + 1 = 2", "note")
    row_args = (row, None, D(90), D("0.9"), D("0.45"), explained, None, need)
    _same(new_row_result(*row_args), RowResult(*row_args))
    _same(
        new_row_result(*row_args, D(5), None, None),
        RowResult(*row_args, D(5), None, None),
    )
    pay_args = (D(1), D(2), D(3), D(5), explained, explained, explained)
    _same(new_pay_result(*pay_args), PayResult(*pay_args))
    _same(new_pay_result(*pay_args, True), PayResult(*pay_args, True))
    employee = Employee("Анна", "Продавец", "Магазин", None, D(30000), D(10000))
    result_args = (employee, OCT, None, DEFAULT_SCHEDULE, (), D("0.9"), D("0.9"), None)
    rest = (None, ("plan",), ())
    _same(new_employee_result(*result_args, *rest), EmployeeResult(*result_args, *rest))
    _same(
        new_employee_result(*result_args, *rest, True, None),
        EmployeeResult(*result_args, *rest, True, None),
    )


def test_fast_deferred_explanation_equals_the_constructed() -> None:
    made = deferred(lambda: Explanation("2 × 3 = 6", "n"))
    built = DeferredExplanation(build=lambda: Explanation("2 × 3 = 6", "n"))
    assert type(made) is DeferredExplanation
    assert list(vars(made)) == list(vars(built))
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert (made.formula, made.note, made.text()) == (built.formula, built.note, built.text())


_money = st.decimals(min_value=-1000, max_value=100000, places=2, allow_nan=False)
_day = st.integers(min_value=-45, max_value=45).map(lambda n: date(2026, 10, 1) + timedelta(n))
_entry = st.builds(
    lambda day, revenue, receipts, visitors, units, returns: DailyEntry(
        "A", day, revenue, receipts, visitors, units, returns
    ),
    _day,
    _money,
    st.integers(0, 500),
    st.integers(0, 900),
    st.integers(0, 900),
    st.none() | _money,
)
_span = st.tuples(_day, st.integers(0, 40)).map(
    lambda x: Period.custom(x[0], x[0] + timedelta(x[1]))
)
_plan = st.builds(lambda period, revenue: StorePlan("A", period, revenue), _span, _money)


@settings(max_examples=300, deadline=None)
@given(
    entries=st.lists(_entry, max_size=40, unique_by=lambda e: e.day),
    plans=st.lists(_plan, max_size=3),
    period=st.sampled_from([OCT, Period.custom(date(2026, 9, 19), date(2026, 10, 4))]),
)
def test_one_pass_store_sums_equal_the_rows_path(
    entries: list[DailyEntry], plans: list[StorePlan], period: Period
) -> None:
    summed = rows_sums(entries, plans, period, period.previous())
    fast, _ = sums_metrics({"A": summed}, plans, {"A"}, period)
    reference = store_metrics(entries, {"A"}, period, plans)
    assert fast == reference
    for name in [f.name for f in fields(reference)]:  # also the exponents of the figures
        assert str(getattr(fast, name)) == str(getattr(reference, name))


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_long_operands_told_by_the_exponent(value: Decimal) -> None:
    assert _long(value) == (_places(value) > 2)


def test_long_operands_examples() -> None:
    for text in ["1", "1.5", "1.50", "1.500", "1.501", "2E+3", "0.00", "-0.125", "3.14159"]:
        assert _long(D(text)) == (_places(D(text)) > 2)
    assert IndexMethod.SCALE  # the module under test imports cleanly with the core


def test_compute_period_leaves_the_collector_as_it_found_it() -> None:
    import gc

    from kpidesk.core.company import Company, PeriodInputs
    from kpidesk.core.compute import compute_period

    company, inputs = Company(employees=(Employee("Анна", "Продавец"),)), PeriodInputs()
    assert gc.isenabled()
    compute_period(company, OCT, inputs)
    assert gc.isenabled()
    gc.disable()
    try:
        compute_period(company, OCT, inputs)
        assert not gc.isenabled()
    finally:
        gc.enable()

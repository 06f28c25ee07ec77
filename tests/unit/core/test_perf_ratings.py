"""The ranking's shortcuts give exactly the plain figures: ``rank`` prints each value once
(``_printed_once``) and ``employee_kpis`` rounds each single-period KPI once — the change
is still ``change_of`` of the printed values, the mean still ``mean_kpi``, in value and in
printed form, whatever the exponents (1.1, 1.100), signs of zero and repeats."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpidesk.core.compute import EmployeeKpi, PeriodKpis
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.ratings import KPI_PLACES, Entry, Score, change_of, mean_kpi, rank
from kpidesk.core.ratings_kpi import employee_kpis

OCT = Period.month(2026, 10)
# KPIs with 1–4 decimals (so some print rounded), repeated values in other exponents, zeros
ZEROS_AND_REPEATS = [Decimal(text) for text in ("0", "-0", "0.000", "1.1", "1.100", "0.9995")]
values = st.one_of(
    st.none(),
    st.sampled_from(ZEROS_AND_REPEATS),
    st.integers(0, 2000).map(lambda n: Decimal(n).scaleb(-3)),
    st.integers(0, 20000).map(lambda n: Decimal(n).scaleb(-4)),
    st.integers(0, 200).map(lambda n: Decimal(n).scaleb(-1)),
)


@given(st.lists(st.tuples(values, values), max_size=40))
def test_rank_changes_equal_change_of_the_printed_values(
    pairs: list[tuple[object, object]],
) -> None:
    entries = [
        Entry(f"E{n}", Score(now), Score(before))  # type: ignore[arg-type]
        for n, (now, before) in enumerate(pairs)
    ]
    for places in (KPI_PLACES, 2, None):
        rows = rank(entries, places=places)
        by_name = {entry.name: entry for entry in entries}
        for row in rows:
            entry = by_name[row.name]
            expected = change_of(entry.current.value, entry.previous.value, places)
            assert row.change == expected
            assert str(row.change) == str(expected)


@given(st.lists(values, max_size=40))
def test_single_period_means_equal_mean_kpi(kpis: list[Decimal | None]) -> None:
    people = [
        Employee(f"E{n}", "Продавец", None, None, Decimal(1), Decimal(1), date(2020, 1, 1))
        for n in range(len(kpis))
    ]
    result = PeriodKpis(OCT, tuple(EmployeeKpi(p, k) for p, k in zip(people, kpis, strict=True)))
    scores = employee_kpis([result])
    for person, kpi in zip(people, kpis, strict=True):
        expected = mean_kpi([kpi]) if kpi is not None else None
        assert scores[person.name].value == expected
        assert str(scores[person.name].value) == str(expected)

"""Ratings and roll-ups (SPEC §2.9) against hand-computed values: competition ranking with
ties, lower-is-better, incomplete matrices excluded and counted, department and company
KPI, empty periods (None, never 0), ratios of sums over ranges, pay periods of a range."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee
from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.ratings import (
    Entry,
    Score,
    Subject,
    calendar_period,
    lower_is_better,
    mean_kpi,
    pay_periods_in,
    rank,
    top_and_bottom,
)
from kpidesk.core.ratings_kpi import company_kpi, employee_kpis, group_kpis, kpi_rating
from kpidesk.core.ratings_values import group_means, store_scores
from kpidesk.core.results import EmployeeResult, PayResult, PeriodResult

D = Decimal
OCT = Period.month(2026, 10)
SEP = Period.month(2026, 9)


def _pay() -> PayResult:
    from kpidesk.core.results import Explanation

    e = Explanation("")
    return PayResult(D(1), D(0), D(0), D(0), e, e, e)


def _result(
    name: str, kpi: str | None, period: Period = OCT, store: str | None = None, dept: str = "A"
) -> EmployeeResult:
    employee = Employee(name, "P", store=store, department=dept)
    value = D(kpi) if kpi is not None else None
    return EmployeeResult(
        employee=employee,
        period=period,
        matrix=None,
        schedule=PayoutSchedule(),
        rows=(),
        kpi=value,
        kpi_exact=value,
        kpi_explanation=None,
        pay=_pay() if value is not None else None,
        missing=() if value is not None else ("nps",),
        problems=(),
    )


def _period(period: Period, *results: EmployeeResult) -> PeriodResult:
    return PeriodResult(period, tuple(results))


def test_competition_ranking_shares_ranks_and_skips() -> None:
    entries = [
        Entry("a", Score(D("1.0"))),
        Entry("b", Score(D("1.2"))),
        Entry("c", Score(D("1.1"))),
        Entry("d", Score(D("1.1"))),
    ]
    rows = rank(entries)
    assert [(r.name, r.rank) for r in rows] == [("b", 1), ("c", 2), ("d", 2), ("a", 4)]


def test_lower_is_better_ranks_lowest_first_and_no_data_goes_last_unranked() -> None:
    entries = [
        Entry("x", Score(None)),
        Entry("a", Score(D(3))),
        Entry("b", Score(D(0))),
        Entry("c", Score(D(3))),
    ]
    rows = rank(entries, lower_is_better=True)
    assert [(r.name, r.rank) for r in rows] == [("b", 1), ("a", 2), ("c", 2), ("x", None)]
    assert rows[-1].value is None  # no data stays None, never 0


def test_change_is_value_minus_previous_and_none_without_previous() -> None:
    rows = rank([Entry("a", Score(D("1.137")), Score(D("1.085"))), Entry("b", Score(D(1)))])
    assert rows[0].change == D("0.052")
    assert rows[1].change is None


def test_mean_kpi_rounds_half_up_to_0_001() -> None:
    # (1.0005 + 1.0000) / 2 = 1.00025 → 1.000 ; (1.001 + 1.002) / 2 = 1.0015 → 1.002
    assert mean_kpi([D("1.0005"), D("1.0000")]) == D("1.000")
    assert mean_kpi([D("1.001"), D("1.002")]) == D("1.002")
    assert mean_kpi([]) is None


def test_employee_kpi_rating_excludes_incomplete_and_counts_them() -> None:
    current = [
        _period(
            OCT,
            _result("Анна", "1.100"),
            _result("Борис", None),
            _result("Вера", "1.100"),
            _result("Глеб", "0.900"),
        )
    ]
    previous = [_period(SEP, _result("Анна", "1.000"), _result("Глеб", "0.950"))]
    rating = kpi_rating(Subject.EMPLOYEE, OCT, current, previous)
    assert [(r.rank, r.name, r.value) for r in rating.rows] == [
        (1, "Анна", D("1.100")),
        (1, "Вера", D("1.100")),
        (3, "Глеб", D("0.900")),
    ]
    assert rating.excluded == ("Борис",)
    assert rating.rows[0].change == D("0.100")
    assert rating.rows[1].previous is None
    assert rating.rows[2].change == D("-0.050")


def test_department_and_company_kpi_with_complete_counts() -> None:
    # department A: 1.2, 1.0 and an incomplete one → (1.2 + 1.0) / 2 = 1.100, complete 2/3
    # department B: 0.905 → 0.905, complete 1/1
    # company = (1.100 + 0.905) / 2 = 1.0025 → 1.003 (half up), complete 3/4
    result = _period(
        OCT,
        _result("a1", "1.200", dept="A"),
        _result("a2", "1.000", dept="A"),
        _result("a3", None, dept="A"),
        _result("b1", "0.905", dept="B"),
    )
    groups = group_kpis([result], lambda e: e.department)
    assert groups["A"] == Score(D("1.100"), 2, 3)
    assert groups["B"] == Score(D("0.905"), 1, 1)
    assert company_kpi([result]) == Score(D("1.003"), 3, 4)
    rating = kpi_rating(Subject.DEPARTMENT, OCT, [result], [], names=["A", "B", "C"])
    assert [(r.rank, r.name, r.value, r.complete_text) for r in rating.rows] == [
        (1, "A", D("1.100"), "2/3"),
        (2, "B", D("0.905"), "1/1"),
        (None, "C", None, "0/0"),  # a department without employees: no data, not 0
    ]
    assert rating.overall == Score(D("1.003"), 3, 4)


def test_a_department_with_only_incomplete_matrices_has_no_kpi() -> None:
    result = _period(OCT, _result("a1", None, dept="A"), _result("b1", "1.000", dept="B"))
    groups = group_kpis([result], lambda e: e.department)
    assert groups["A"] == Score(None, 0, 1)
    # company = mean of the departments that have a KPI
    assert company_kpi([result]) == Score(D("1.000"), 1, 2)


def test_store_kpi_rating_leaves_out_employees_without_a_store() -> None:
    result = _period(
        OCT,
        _result("s1", "1.000", store="Центр"),
        _result("s2", "1.200", store="Центр"),
        _result("w", "0.500", store=None),
    )
    rating = kpi_rating(Subject.STORE, OCT, [result], [])
    assert [(r.name, r.value, r.complete_text) for r in rating.rows] == [
        ("Центр", D("1.100"), "2/2")
    ]


def test_kpi_over_several_periods_is_the_mean_of_the_periods() -> None:
    # Анна: 1.000 (Sep) and 1.201 (Oct) → 1.1005 → 1.101; Борис: only Oct complete
    results = [
        _period(SEP, _result("Анна", "1.000", SEP), _result("Борис", None, SEP)),
        _period(OCT, _result("Анна", "1.201"), _result("Борис", "0.800")),
    ]
    scores = employee_kpis(results)
    assert scores["Анна"] == Score(D("1.101"), 2, 2)
    assert scores["Борис"] == Score(D("0.800"), 1, 2)
    # company: Sep = 1.000 (one department, one complete), Oct = mean(1.201, 0.800) = 1.0005
    # → 1.001; over both: (1.000 + 1.001) / 2 = 1.0005 → 1.001
    assert company_kpi(results) == Score(D("1.001"), 3, 4)


def test_empty_period_gives_no_data_never_zero() -> None:
    rating = kpi_rating(Subject.EMPLOYEE, OCT, [_period(OCT)], [])
    assert rating.rows == ()
    assert rating.overall == Score(None, 0, 0)
    assert store_scores([], {"Центр": frozenset({"Центр"})}, OCT, "conversion") == {
        "Центр": Score(None, 0, 31)
    }


def _day(store: str, day: date, revenue: int, receipts: int, visitors: int) -> DailyEntry:
    return DailyEntry(store, day, D(revenue), receipts, visitors)


def test_store_metrics_over_a_range_are_ratios_of_sums() -> None:
    # day 1: 10 of 100 (10 %), day 2: 90 of 100 (90 %), day 3: 1 of 10 (10 %)
    # mean of daily ratios would be 36.67 %; the ratio of sums is 101 / 210 = 48.095… %
    week = Period.custom(date(2026, 10, 5), date(2026, 10, 7))
    entries = [
        _day("Центр", date(2026, 10, 5), 1000, 10, 100),
        _day("Центр", date(2026, 10, 6), 9000, 90, 100),
        _day("Центр", date(2026, 10, 7), 100, 1, 10),
        _day("Юг", date(2026, 10, 5), 500, 5, 50),
        # the previous equal range (2–4 Oct), for sales dynamics
        _day("Центр", date(2026, 10, 3), 5050, 50, 100),
    ]
    groups = {"Центр": frozenset({"Центр"}), "Юг": frozenset({"Юг"}), "все": None}
    conversion = store_scores(entries, groups, week, "conversion")
    assert conversion["Центр"].value == D(101) / D(210) * 100
    assert conversion["Центр"].complete_text == "3/3"
    assert conversion["Юг"] == Score(D(10), 1, 3)
    assert conversion["все"].value == D(106) / D(260) * 100
    check = store_scores(entries, groups, week, "avg_check")
    assert check["Центр"].value == D(10100) / D(101)
    dynamics = store_scores(entries, groups, week, "sales_dynamics")
    assert dynamics["Центр"].value == D(10100) / D(5050) * 100  # 200 %
    assert dynamics["Юг"].value is None  # nothing the range before: no data, not 0


def test_plan_completion_over_a_part_of_the_plan_period_is_prorated() -> None:
    # a 31 000 ₽ plan for October → 1 000 ₽ a day; 5–7 Oct: plan 3 000, revenue 1 500 → 50 %
    week = Period.custom(date(2026, 10, 5), date(2026, 10, 7))
    entries = [_day("Центр", date(2026, 10, d), 500, 5, 50) for d in (5, 6, 7)]
    plans = [StorePlan("Центр", OCT, D(31000))]
    scores = store_scores(entries, {"Центр": frozenset({"Центр"})}, week, "plan_completion", plans)
    assert scores["Центр"].value == D(50)


def test_group_means_of_member_values() -> None:
    scores = {"a": Score(D(60)), "b": Score(D(70)), "c": Score(None), "d": Score(D(40))}
    means = group_means(scores, {"a": "X", "b": "X", "c": "X", "d": None}, order=["X", "Y"])
    assert means["X"] == Score(D(65), 2, 3)
    assert means["Y"] == Score(None, 0, 0)
    assert means[None] == Score(D(40), 1, 1)


def test_pay_periods_of_ranges() -> None:
    month = PeriodKind.MONTH
    assert pay_periods_in(OCT, month) == (OCT,)
    assert pay_periods_in(Period.quarter(2026, 4), month) == (
        OCT,
        Period.month(2026, 11),
        Period.month(2026, 12),
    )
    # shorter than a month: the month it lies in; a week across two months: both
    assert pay_periods_in(Period.day(date(2026, 10, 27)), month) == (OCT,)
    assert pay_periods_in(Period.iso_week(2026, 40), month) == (SEP, OCT)
    # half-month pay: a month is its two halves
    assert pay_periods_in(OCT, PeriodKind.HALF) == (
        Period.half(2026, 10, 1),
        Period.half(2026, 10, 2),
    )
    # a custom range: the whole months inside it only
    custom = Period.custom(date(2026, 9, 15), date(2026, 11, 30))
    assert pay_periods_in(custom, month) == (OCT, Period.month(2026, 11))


def test_calendar_period_recognises_whole_calendar_ranges() -> None:
    assert calendar_period(date(2026, 10, 1), date(2026, 10, 31)) == OCT
    assert calendar_period(date(2026, 10, 1), date(2026, 12, 31)) == Period.quarter(2026, 4)
    assert calendar_period(date(2026, 10, 16), date(2026, 10, 31)).kind is PeriodKind.HALF
    assert calendar_period(date(2026, 10, 2), date(2026, 10, 31)).kind is PeriodKind.CUSTOM


def test_lower_is_better_comes_from_the_matrix_rows() -> None:
    matrix = Matrix(
        OCT,
        (
            MatrixRow("complaints", D("0.5"), D(6), D(2), D(0)),
            MatrixRow("nps", D("0.5"), D(40), D(60), D(75)),
        ),
        position="P",
    )
    assert lower_is_better([matrix], "complaints")
    assert not lower_is_better([matrix], "nps")


def test_top_and_bottom_do_not_overlap() -> None:
    rows = rank([Entry(str(n), Score(D(n))) for n in range(7)])
    from kpidesk.core.ratings import Rating

    rating = Rating(Subject.EMPLOYEE, "kpi", OCT, rows)
    top, bottom = top_and_bottom(rating, 5)
    assert [r.name for r in top] == ["6", "5", "4", "3", "2"]
    assert [r.name for r in bottom] == ["1", "0"]


def test_fact_scores_list_only_employees_whose_matrix_has_the_indicator() -> None:
    from kpidesk.core.ratings_values import fact_scores

    assert fact_scores([_period(OCT, _result("a", "1.0"))], "nps") == {}

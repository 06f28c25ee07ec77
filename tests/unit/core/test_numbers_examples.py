"""Issue 18, "numbers beyond dispute": each rule of SPEC §2.6–§2.9 as a worked example with
hand-checked numbers (like examples A–D), computed through the same ``core`` functions the
window, the sheets and the exports use.

The rules and the test that holds each:

* a lower-is-better ratio row at fact 0 with a target gives the cap —
  ``test_no_open_tasks_pays_the_capped_bonus``, ``test_fact_zero_explanation_shows_the_cap``;
* such a row without a target is invalid, its row named — ``test_ratio_row_without_target_*``;
* no "−0" — ``test_minus_zero_is_never_printed``;
* a rating's change is the printed value minus the printed previous —
  ``test_rating_change_is_the_difference_of_printed_values``;
* the integrated warehouse KPI is the mean of the rounded fulfilments —
  ``test_integrated_warehouse_kpi_is_the_mean_of_printed_fulfilments``;
* partial plan coverage — ``test_plan_completion_over_a_partly_planned_range``;
* an employee without a store gets the company figure — ``test_employee_without_store_*``;
* the company entry of a department rating (and «Без отдела») —
  ``test_department_rating_with_company_entry``;
* ``tasks:open_at_close`` shown split — ``test_open_at_close_split``;
* computed facts printed with their decimals — ``test_computed_fact_keeps_its_decimals``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from kpidesk.core.company import Company, CompanyContent, PeriodInputs
from kpidesk.core.compute import compute_employee, compute_period
from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.families import family_metric
from kpidesk.core.indicators import IndexMethod, Indicator, Source, SourceKind
from kpidesk.core.kpi import explain_index, index_for
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import NBSP, format_number, format_percent, plain
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.periods import Period
from kpidesk.core.ratings import KPI, Entry, Score, Subject, change_of, rank, value_rating
from kpidesk.core.ratings_kpi import kpi_rating
from kpidesk.core.results import Status
from kpidesk.core.store_metrics import plan_coverage, store_metrics
from kpidesk.core.tasks import Task, TaskStatus, open_at_close, open_at_close_parts
from kpidesk.core.validation import validate_content, validate_matrix
from kpidesk.io.rating_export import rating_csv_records, rating_records

D = Decimal
OCT = Period.month(2026, 10)
RATIO = IndexMethod.RATIO
TASKS_OPEN = Indicator(
    "open_tasks",
    "Незакрытые задачи",
    "шт.",
    Source(SourceKind.TASKS, "open_at_close"),
    RATIO,
)


def _task(title: str, status: TaskStatus, done: int | None = None) -> Task:
    return Task(
        title,
        "Иванова",
        "Петров",
        OCT,
        date(2026, 10, 20),
        status=status,
        done_on=date(2026, 10, done) if done else None,
        accepted_on=date(2026, 10, 25) if status is TaskStatus.ACCEPTED else None,
    )


def _tasks_company(weight: str = "1") -> tuple[Company, Employee]:
    employee = Employee("Иванова", "Кассир", fixed_pay=D(30000), target_bonus=D(10000))
    rows = [MatrixRow("open_tasks", D(weight), D(3), D(1), D("0.5"))]
    indicators = [TASKS_OPEN]
    if weight != "1":
        rows.append(MatrixRow("nps", D(1) - D(weight), None, D(100)))
        indicators.append(Indicator("nps", "NPS", method=RATIO))
    matrix = Matrix(OCT, tuple(rows), position="Кассир")
    company = Company(employees=(employee,), indicators=tuple(indicators), matrices=(matrix,))
    return company, employee


# --- a perfect zero pays ----------------------------------------------------------------
def test_no_open_tasks_pays_the_capped_bonus() -> None:
    """Base 3, norm 1, target 0,5, fact 0 (every task accepted): index = 1 / 0,5 = 200 %,
    KPI 200,0 %, linear payout capped at 150 %: bonus 10 000 × 1,5 = 15 000,00."""
    company, employee = _tasks_company()
    inputs = PeriodInputs(tasks=(_task("Касса", TaskStatus.ACCEPTED, 10),))
    result = compute_employee(company, employee, OCT, inputs)
    assert result.status is Status.COMPLETE
    assert result.rows[0].fact == D("0.00")
    assert result.rows[0].index == D(2)
    assert result.kpi == D("2.000")
    assert result.pay is not None
    assert result.pay.coefficient == D("1.5")
    assert result.pay.bonus == D("15000.00")
    assert result.pay.total == D("45000.00")


def test_no_open_tasks_half_the_matrix_gives_150_percent() -> None:
    """The same row at weight 0,5 next to NPS 100 of norm 100 (index 1): KPI = 0,5 × 200 %
    + 0,5 × 100 % = 150,0 %, bonus 10 000 × 1,5 = 15 000,00 — not "нет данных"."""
    company, employee = _tasks_company("0.5")
    inputs = PeriodInputs(facts={("Иванова", "nps"): D(100)})
    result = compute_employee(company, employee, OCT, inputs)
    assert result.kpi == D("1.500")
    assert result.pay is not None and result.pay.bonus == D("15000.00")


def test_fact_zero_explanation_shows_the_cap() -> None:
    row = MatrixRow("cpl", D(1), D(3), D(1), D("0.5"))
    assert index_for(row, D(0), RATIO) == D(2)
    explanation = explain_index(row, D(0), RATIO)
    assert explanation.formula.replace(NBSP, " ") == "0 → 1 / 0,5 = 200,0%"
    assert explanation.note == "a fact of 0 is the best result: the cap"


def test_ratio_row_without_target_is_refused_with_its_row_named() -> None:
    matrix = Matrix(OCT, (MatrixRow("open_tasks", D(1), D(3), D(1)),), position="Кассир")
    problems = validate_matrix(matrix, {"open_tasks": TASKS_OPEN})
    assert [p.code for p in problems] == ["ratio_needs_target"]
    assert problems[0].is_error
    assert dict(problems[0].params)["indicator"] == "open_tasks"
    assert problems[0].where.field == "target"
    # a target of 0 gives no cap either
    zero = Matrix(OCT, (MatrixRow("open_tasks", D(1), D(3), D(1), D(0)),), position="Кассир")
    assert "ratio_needs_target" in [
        p.code for p in validate_matrix(zero, {"open_tasks": TASKS_OPEN})
    ]
    # a scale row of the same shape needs no target (its index is bounded by the formula)
    scale = Indicator("complaints", "Жалобы", method=IndexMethod.SCALE)
    fine = Matrix(OCT, (MatrixRow("complaints", D(1), D(3), D(1)),), position="Кассир")
    assert validate_matrix(fine, {"complaints": scale}) == []


def test_ratio_row_without_target_is_refused_on_import_at_its_row() -> None:
    content = CompanyContent(
        positions=(Position("Кассир"),),
        indicators=(TASKS_OPEN,),
        matrices=(Matrix(OCT, (MatrixRow("open_tasks", D(1), D(3), D(1)),), position="Кассир"),),
    )
    problems = [p for p in validate_content(content, Company()) if p.code == "ratio_needs_target"]
    assert len(problems) == 1 and problems[0].where.field == "target"


# --- no "−0" ------------------------------------------------------------------------------
def test_minus_zero_is_never_printed() -> None:
    """(3 − 3) / (0 − 3) is −0 in Decimal arithmetic: printed and exported as 0."""
    row = MatrixRow("complaints", D(1), D(3), D(0))
    index = index_for(row, D(3), IndexMethod.SCALE)
    assert index is not None and index.is_signed()  # the arithmetic really gives −0
    assert plain(index, 4) == "0.0000"
    assert plain(index) == "0"
    assert plain(D("-0.00004"), 4) == "0.0000"
    assert format_number(D("-0.004")) == "0,00"
    assert format_percent(D("-0.0004")) == "0,0%"
    assert change_of(D("1.5"), D("1.5")) == 0 and not change_of(D("1.5"), D("1.5")).is_signed()  # type: ignore[union-attr]
    # a change that prints as zero in a CSV export
    rating = value_rating(
        Subject.STORE,
        "conversion",
        OCT,
        {"A": Score(D("20.001"), 1, 1)},
        {"A": Score(D("20.004"), 1, 1)},
    )
    assert rating_csv_records(rating)[0]["change"] == "0.00"


# --- a rating's change adds up by hand ------------------------------------------------------
def test_rating_change_is_the_difference_of_printed_values() -> None:
    """Conversion 23,384 % (printed 23,38) after 24,295 % (printed 24,30): the change is
    23,38 − 24,30 = −0,92, not the rounded exact −0,911 → −0,91."""
    rating = value_rating(
        Subject.STORE,
        "conversion",
        OCT,
        {"Центральный": Score(D("23.384"), 31, 31)},
        {"Центральный": Score(D("24.295"), 30, 30)},
    )
    assert rating.rows[0].change == D("-0.92")
    assert rating_csv_records(rating)[0]["change"] == "-0.92"
    # average check 38,244 after 38,005: 38,24 − 38,01 = 0,23 (the exact 0,239 would be 0,24)
    rows = rank([Entry("A", Score(D("38.244")), Score(D("38.005")))], places=2)
    assert rows[0].change == D("0.23")
    # a KPI is printed with 0,1 %: 1,137 − 1,085 = +5,2 pp
    assert change_of(D("1.137"), D("1.085"), 3) == D("0.052")


# --- the integrated warehouse KPI -----------------------------------------------------------
def test_integrated_warehouse_kpi_is_the_mean_of_printed_fulfilments() -> None:
    """Orders 1 of 6, lines 1 of 6, units 10 of 10, money 100 of 100: fulfilments
    16,67 / 16,67 / 100,00 / 100,00 as printed; (16,67 + 16,67 + 100 + 100) / 4 = 58,335
    → 58,34 (the unrounded mean 58,333… would print 58,33)."""
    inputs = {
        "orders_declared": D(6),
        "orders_shipped": D(1),
        "lines_declared": D(6),
        "lines_shipped": D(1),
        "units_declared": D(10),
        "units_shipped": D(10),
        "money_declared": D(100),
        "money_shipped": D(100),
    }
    assert family_metric(SourceKind.WAREHOUSE, "integrated", inputs) == D("58.335")
    indicator = Indicator(
        "wh", "Склад", "%", Source(SourceKind.WAREHOUSE, "integrated"), IndexMethod.RATIO
    )
    employee = Employee("Кладовщик", "Склад", target_bonus=D(10000))
    matrix = Matrix(OCT, (MatrixRow("wh", D(1), None, D(100)),), position="Склад")
    company = Company(employees=(employee,), indicators=(indicator,), matrices=(matrix,))
    raw = {("Кладовщик", f"warehouse:{name}"): value for name, value in inputs.items()}
    result = compute_employee(company, employee, OCT, PeriodInputs(inputs=raw))
    assert result.rows[0].fact == D("58.34")
    assert result.kpi == D("0.583")


# --- plan completion over a range a plan covers in part -------------------------------------
def test_plan_completion_over_a_partly_planned_range() -> None:
    """19.09–04.10 with only October planned (310 000 ₽, 10 000 a day): 12 September days
    of 9 000 ₽ and 4 October days of 9 646 ₽. Covered: 4 days, plan 40 000, revenue
    38 584 → 96,46 % (all 16 days' revenue over the 4 days' plan gave 366,46 %)."""
    period = Period.custom(date(2026, 9, 19), date(2026, 10, 4))
    entries = [
        DailyEntry("A", date(2026, 9, 19) + timedelta(days=i), D(9000), 30, 100) for i in range(12)
    ] + [DailyEntry("A", date(2026, 10, 1) + timedelta(days=i), D(9646), 30, 100) for i in range(4)]
    plans = [StorePlan("A", OCT, D(310000))]
    coverage = plan_coverage(entries, plans, {"A"}, period)
    assert coverage is not None
    assert (coverage.plan, coverage.revenue, coverage.days) == (D(40000), D(38584), 4)
    assert coverage.partial and coverage.range_days == 16
    metrics = store_metrics(entries, {"A"}, period, plans)
    assert metrics.plan_completion is not None
    assert format_number(metrics.plan_completion) == "96,46"
    assert metrics.plan_days == 4
    # a range without any plan has no plan completion
    september = store_metrics(entries, {"A"}, Period.month(2026, 9), plans)
    assert september.plan_completion is None


# --- an employee without a store gets the company figure ------------------------------------
def test_employee_without_store_gets_the_company_figure() -> None:
    """Store A 80 receipts of 300 visitors (26,67 %), B 20 of 200: the company is
    100 / 500 = 20,00 %; an employee of A gets 26,67, one without a store 20,00."""
    conversion = Indicator(
        "conv", "Конверсия", "%", Source(SourceKind.STORE, "conversion"), IndexMethod.RATIO
    )
    in_a = Employee("Продавец", "Продавец", store="A", target_bonus=D(1000))
    nowhere = Employee("Аналитик", "Продавец", target_bonus=D(1000))
    matrix = Matrix(OCT, (MatrixRow("conv", D(1), None, D(20)),), position="Продавец")
    company = Company(
        stores=(Store("A"), Store("B")),
        employees=(in_a, nowhere),
        indicators=(conversion,),
        matrices=(matrix,),
    )
    daily = (
        DailyEntry("A", date(2026, 10, 5), D(8000), 80, 300),
        DailyEntry("B", date(2026, 10, 5), D(2000), 20, 200),
    )
    result = compute_period(company, OCT, PeriodInputs(daily=daily))
    facts = {r.employee.name: r.rows[0].fact for r in result.employees}
    assert facts == {"Продавец": D("26.67"), "Аналитик": D("20.00")}
    assert result.for_employee("Аналитик").kpi == D("1.000")  # type: ignore[union-attr]


# --- the department rating with «Без отдела» and the company entry --------------------------
def test_department_rating_with_company_entry() -> None:
    """Розница: 1,200 and 1,000 → 1,100; «Без отдела»: 0,800; Склад: one incomplete
    matrix, no KPI. Company = (1,100 + 0,800) / 2 = 0,950, complete 3 of 4."""
    nps = Indicator("nps", "NPS", method=RATIO)
    people = (
        Employee("Анна", "П", department="Розница"),
        Employee("Борис", "П", department="Розница"),
        Employee("Вера", "П"),
        Employee("Глеб", "П", department="Склад"),
    )
    matrix = Matrix(OCT, (MatrixRow("nps", D(1), None, D(100)),), position="П")
    company = Company(
        departments=(Department("Розница"), Department("Склад")),
        employees=people,
        indicators=(nps,),
        matrices=(matrix,),
    )
    facts = {("Анна", "nps"): D(120), ("Борис", "nps"): D(100), ("Вера", "nps"): D(80)}
    result = compute_period(company, OCT, PeriodInputs(facts=facts))
    rating = kpi_rating(
        Subject.DEPARTMENT,
        OCT,
        [result],
        [],
        names=["Розница", "Склад"],
        no_group="Без отдела",
    )
    table = {row.name: (row.rank, row.value, row.complete_text) for row in rating.rows}
    assert table == {
        "Розница": (1, D("1.100"), "2/2"),
        "Без отдела": (2, D("0.800"), "1/1"),
        "Склад": (None, None, "0/1"),
    }
    assert rating.overall == Score(D("0.950"), 3, 4)
    records = rating_records(rating)
    assert records[-1] == {
        "rank": None,
        "name": "company",
        "value": D("0.950"),
        "previous": None,
        "change": None,
        "complete": "3/4",
    }
    assert rating_csv_records(rating, company="Компания")[-1]["value"] == "0.950"
    # the employee rating carries each person's position, store and department
    people_rating = kpi_rating(Subject.EMPLOYEE, OCT, [result], [])
    first = people_rating.rows[0]
    assert (first.name, first.position, first.department, first.store) == (
        "Анна",
        "П",
        "Розница",
        None,
    )
    assert people_rating.measure == KPI


# --- tasks:open_at_close split --------------------------------------------------------------
def test_open_at_close_split() -> None:
    """One open, two done and waiting, one accepted: the metric is 3 = 1 open + 2 waiting."""
    tasks = [
        _task("Витрина", TaskStatus.OPEN),
        _task("Отчёт", TaskStatus.DONE, 12),
        _task("Ценники", TaskStatus.DONE, 14),
        _task("Касса", TaskStatus.ACCEPTED, 10),
    ]
    assert open_at_close(tasks, OCT) == 3
    assert open_at_close_parts(tasks, OCT) == (1, 2)


# --- computed facts keep their decimals -----------------------------------------------------
def test_computed_fact_keeps_its_decimals() -> None:
    """Two open tasks against norm 1 (lower is better): the fact 2,00 is printed with its
    decimals in the explanation: 1 / 2,00 = 50,0 %."""
    company, employee = _tasks_company()
    inputs = PeriodInputs(
        tasks=(_task("Витрина", TaskStatus.OPEN), _task("Отчёт", TaskStatus.DONE, 12))
    )
    result = compute_employee(company, employee, OCT, inputs)
    row = result.rows[0]
    assert row.fact == D("2.00") and row.index == D("0.5")
    assert row.index_explanation is not None
    assert row.index_explanation.formula.replace(NBSP, " ") == "1 / 2,00 = 50,0%"
    assert plain(row.fact, 2) == "2.00"

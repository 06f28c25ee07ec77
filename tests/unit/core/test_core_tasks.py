"""Duties and tasks (SPEC §2.8): every transition and refusal, duties generated once per
period, the three filters and overdue days against hand-made data, both tasks metrics
through a matrix into a bonus, and the personal report's costs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_employee, compute_period
from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem
from kpidesk.core.tasks import (
    DutyTemplate,
    Task,
    TaskKind,
    TaskStatus,
    accept,
    generate_duties,
    mark_done,
    on_time_percent,
    open_at_close,
    parse_kind,
    parse_status,
    return_task,
)
from kpidesk.core.tasks_filters import (
    Grouping,
    default_as_of,
    overdue_items,
    task_counts,
    waiting_for,
)
from kpidesk.core.tasks_report import average_kpi, personal_report

D = Decimal
OCT = Period.month(2026, 10)
ANNA, BORIS, VERA = "Анна", "Борис", "Вера"
OPEN, DONE, ACCEPTED = TaskStatus.OPEN, TaskStatus.DONE, TaskStatus.ACCEPTED


def task(
    title: str = "Пересчёт",
    assignee: str = ANNA,
    controller: str = BORIS,
    due: date = date(2026, 10, 10),
    status: TaskStatus = OPEN,
    **more: object,
) -> Task:
    return replace(Task(title, assignee, controller, OCT, due, status=status), **more)  # type: ignore[arg-type]


def refused(result: Task | Problem, code: str) -> Problem:
    assert isinstance(result, Problem), result
    assert result.code == code, result
    assert result.is_error and result.message
    return result


# --- transitions ---------------------------------------------------------------------------
def test_open_done_accepted_path() -> None:
    done = mark_done(task(), ANNA, date(2026, 10, 9), locked=False)
    assert isinstance(done, Task)
    assert (done.status, done.done_on, done.accepted_on) == (DONE, date(2026, 10, 9), None)
    accepted = accept(done, BORIS, date(2026, 10, 11), locked=False)
    assert isinstance(accepted, Task)
    assert accepted.status is ACCEPTED and accepted.accepted_on == date(2026, 10, 11)
    assert accepted.done_on == date(2026, 10, 9)


def test_controller_may_mark_done_for_the_assignee_but_a_stranger_may_not() -> None:
    assert isinstance(mark_done(task(), BORIS, date(2026, 10, 9), locked=False), Task)
    problem = refused(mark_done(task(), VERA, date(2026, 10, 9), locked=False), "not_assignee")
    assert VERA in problem.message


def test_mark_done_refused_when_not_open_or_locked() -> None:
    refused(mark_done(task(status=DONE), ANNA, date(2026, 10, 9), locked=False), "not_open")
    refused(mark_done(task(), ANNA, date(2026, 10, 9), locked=True), "period_locked")


def test_accepting_your_own_task_is_refused() -> None:
    problem = refused(accept(task(status=DONE), ANNA, date(2026, 10, 9), locked=False), "own_task")
    assert BORIS in problem.message  # names who should accept it


def test_accepting_as_a_stranger_is_refused() -> None:
    refused(accept(task(status=DONE), VERA, date(2026, 10, 9), locked=False), "not_controller")


def test_accepting_what_is_not_done_is_refused() -> None:
    refused(accept(task(), BORIS, date(2026, 10, 9), locked=False), "not_done")
    refused(accept(task(status=ACCEPTED), BORIS, date(2026, 10, 9), locked=False), "not_done")


def test_accepting_in_a_locked_period_is_refused() -> None:
    problem = refused(
        accept(task(status=DONE), BORIS, date(2026, 10, 9), locked=True), "period_locked"
    )
    assert "2026-10" in problem.message


def test_controller_may_accept_a_task_they_also_do() -> None:
    mine = task(assignee=BORIS, status=DONE)
    assert isinstance(accept(mine, BORIS, date(2026, 10, 9), locked=False), Task)


def test_return_needs_a_comment_and_reopens() -> None:
    done = task(status=DONE, done_on=date(2026, 10, 8))
    refused(return_task(done, BORIS, "  ", date(2026, 10, 9), locked=False), "comment_required")
    back = return_task(done, BORIS, " Не хватает секции Б ", date(2026, 10, 9), locked=False)
    assert isinstance(back, Task)
    assert (back.status, back.done_on, back.comment) == (OPEN, None, "Не хватает секции Б")


def test_return_refusals() -> None:
    day = date(2026, 10, 9)
    refused(return_task(task(), BORIS, "x", day, locked=False), "not_done")
    refused(return_task(task(status=DONE), ANNA, "x", day, locked=False), "not_controller")
    refused(return_task(task(status=DONE), BORIS, "x", day, locked=True), "period_locked")


def test_words_in_both_languages() -> None:
    assert parse_kind("Обязанность") is TaskKind.DUTY and parse_kind("task") is TaskKind.TASK
    assert parse_status("принята") is ACCEPTED and parse_status(" Done ") is DONE
    with pytest.raises(ValueError, match="unknown status"):
        parse_status("сделано наполовину")


# --- duties --------------------------------------------------------------------------------
STAFF = (
    Employee("Управляющая 1", "Управляющий", store="Мега"),
    Employee("Управляющий 2", "Управляющий", store="Центр"),
    Employee(ANNA, "Продавец", store="Мега"),
    Employee(BORIS, "Продавец", store="Центр"),
    Employee("Ушла", "Продавец", store="Мега", end=date(2026, 9, 30)),
)
LISTS = (
    DutyTemplate("Пересчёт", "Управляющий", position="Продавец", due_day=7),
    DutyTemplate("Отчёт", "Управляющая 1", position="Продавец"),
    DutyTemplate("Отчёт", "Управляющий 2", employee=ANNA, description="свой"),
)


def test_duties_generated_from_position_and_employee_lists() -> None:
    new, problems = generate_duties(LISTS, STAFF, OCT, ())
    assert problems == ()
    by_key = {(t.assignee, t.title): t for t in new}
    assert set(by_key) == {
        (ANNA, "Пересчёт"),
        (ANNA, "Отчёт"),
        (BORIS, "Пересчёт"),
        (BORIS, "Отчёт"),
    }
    # a position as controller means the holder in the assignee's store
    assert by_key[(ANNA, "Пересчёт")].controller == "Управляющая 1"
    assert by_key[(BORIS, "Пересчёт")].controller == "Управляющий 2"
    assert by_key[(ANNA, "Пересчёт")].due == date(2026, 10, 7)
    # her own list wins over the position's entry of the same title
    assert by_key[(ANNA, "Отчёт")].controller == "Управляющий 2"
    assert by_key[(ANNA, "Отчёт")].description == "свой"
    assert by_key[(BORIS, "Отчёт")].due == OCT.end  # no due day: the period's end
    assert all(t.kind is TaskKind.DUTY and t.status is OPEN for t in new)


def test_duties_generated_once_per_period() -> None:
    first, _ = generate_duties(LISTS, STAFF, OCT, ())
    again, _ = generate_duties(LISTS, STAFF, OCT, first)
    assert again == ()
    partly, _ = generate_duties(LISTS, STAFF, OCT, first[:1])
    assert len(partly) == len(first) - 1
    november, _ = generate_duties(LISTS, STAFF, OCT.next(), first)
    assert len(november) == len(first)


def test_duty_without_a_controller_is_a_problem() -> None:
    lists = (DutyTemplate("Касса", "Бухгалтер", position="Продавец"),)
    new, problems = generate_duties(lists, STAFF, OCT, ())
    assert new == () and {p.code for p in problems} == {"no_controller"}


def test_due_day_beyond_the_period_is_its_end() -> None:
    assert DutyTemplate("x", "y", position="p", due_day=40).due_in(OCT) == OCT.end
    assert DutyTemplate("x", "y", position="p", due_day=1).due_in(OCT) == OCT.start


# --- filters -------------------------------------------------------------------------------
def hand_made() -> list[Task]:
    return [
        task("A1", ANNA, BORIS, date(2026, 10, 5)),  # open, 10 days overdue on 15.10
        task("A2", ANNA, BORIS, date(2026, 10, 12), DONE, done_on=date(2026, 10, 12)),
        task("A3", ANNA, VERA, date(2026, 10, 14)),  # open, 1 day overdue
        task("A4", ANNA, VERA, date(2026, 10, 20)),  # open, not due yet
        task("B1", BORIS, VERA, date(2026, 10, 2), ACCEPTED, accepted_on=date(2026, 10, 2)),
        task("B2", BORIS, VERA, date(2026, 10, 3), DONE, done_on=date(2026, 10, 4)),
        task("V1", VERA, BORIS, date(2026, 10, 15)),  # due today: not overdue
    ]


def test_by_assignee() -> None:
    rows = {r.employee: r for r in task_counts(hand_made(), Grouping.ASSIGNEE, date(2026, 10, 15))}
    anna = rows[ANNA]
    assert (anna.total, anna.open, anna.done, anna.accepted, anna.left) == (4, 3, 1, 0, 4)
    assert (anna.overdue, anna.max_days_overdue, anna.to_accept) == (2, 10, 0)
    boris = rows[BORIS]
    assert (boris.total, boris.accepted, boris.overdue, boris.to_accept) == (2, 1, 0, 1)
    assert rows[VERA].to_accept == 1 and rows[VERA].overdue == 0


def test_by_controller_waiting_first() -> None:
    rows = task_counts(hand_made(), Grouping.CONTROLLER, date(2026, 10, 15))
    assert [(r.employee, r.total, r.to_accept) for r in rows] == [
        (BORIS, 3, 1),
        (VERA, 4, 1),
    ]
    assert [t.title for t in waiting_for(hand_made(), VERA)] == ["B2"]


def test_debtors_with_days_overdue() -> None:
    rows = task_counts(hand_made(), Grouping.DEBTORS, date(2026, 10, 15))
    assert [(r.employee, r.overdue, r.max_days_overdue) for r in rows] == [(ANNA, 2, 10)]
    items = overdue_items(hand_made(), date(2026, 10, 15))
    assert [(t.title, t.days_overdue(date(2026, 10, 15))) for t in items] == [("A1", 10), ("A3", 1)]
    later = task_counts(hand_made(), Grouping.DEBTORS, date(2026, 10, 31))
    assert [(r.employee, r.overdue, r.max_days_overdue) for r in later] == [
        (ANNA, 3, 26),
        (VERA, 1, 16),
    ]


def test_default_as_of_is_today_or_the_period_end() -> None:
    assert default_as_of(OCT, date(2026, 11, 22)) == date(2026, 10, 31)
    assert default_as_of(OCT, date(2026, 10, 15)) == date(2026, 10, 15)


# --- metrics -------------------------------------------------------------------------------
def test_metrics_on_hand_made_data() -> None:
    annas = [t for t in hand_made() if t.assignee == ANNA]
    assert open_at_close(annas, OCT) == 4
    borises = [t for t in hand_made() if t.assignee == BORIS]
    assert open_at_close(borises, OCT) == 1
    assert on_time_percent(borises) == 50  # B1 accepted before due, B2 only done
    assert on_time_percent([]) is None
    late = task(status=ACCEPTED, due=date(2026, 10, 5), accepted_on=date(2026, 10, 6))
    assert on_time_percent([late]) == 0
    assert open_at_close([replace(late, accepted_on=date(2026, 11, 2))], OCT) == 1


def matrix_company(code: str, source: str, row: MatrixRow) -> tuple[Company, Employee]:
    indicators = (
        Indicator("nps", "NPS", "%"),
        Indicator(code, code, "", Source.parse(source), IndexMethod.SCALE),
    )
    matrix = Matrix(
        OCT, (MatrixRow("nps", D("0.5"), D(40), D(60), D(80)), row), position="Продавец"
    )
    anna = Employee(ANNA, "Продавец", fixed_pay=D(30000), target_bonus=D(10000))
    return Company(employees=(anna,), indicators=indicators, matrices=(matrix,)), anna


def test_open_at_close_through_a_matrix_into_a_bonus() -> None:
    row = MatrixRow("open", D("0.5"), D(4), D(0), None)  # lower is better, norm 0
    company, anna = matrix_company("open", "tasks:open_at_close", row)
    facts = {(ANNA, "nps"): D(60)}
    closed = [task("x", status=ACCEPTED, accepted_on=date(2026, 10, 9))]
    result = compute_employee(company, anna, OCT, PeriodInputs(facts=facts, tasks=tuple(closed)))
    assert result.rows[1].fact == 0 and result.kpi == D("1.000")
    assert result.pay is not None and result.pay.bonus == D("10000.00")
    two_open = (*closed, task("y"), task("z"))
    result = compute_employee(company, anna, OCT, PeriodInputs(facts=facts, tasks=two_open))
    # 2 open: index (2 − 4) / (0 − 4) = 0.5 → KPI 0.5 + 0.25 = 0.750 < 80 %: no bonus
    assert result.rows[1].fact == 2 and result.kpi == D("0.750")
    assert result.pay is not None and result.pay.bonus == D("0.00")
    # no tasks at all: nothing left open
    empty = compute_employee(company, anna, OCT, PeriodInputs(facts=facts))
    assert empty.rows[1].fact == 0 and empty.kpi == D("1.000")


def test_on_time_percent_through_a_matrix_into_a_bonus() -> None:
    row = MatrixRow("ontime", D("0.5"), D(50), D(100), None)
    company, anna = matrix_company("ontime", "tasks:on_time_percent", row)
    facts = {(ANNA, "nps"): D(60)}
    items = (
        task("a", status=ACCEPTED, due=date(2026, 10, 5), accepted_on=date(2026, 10, 5)),
        task("b", status=ACCEPTED, due=date(2026, 10, 5), accepted_on=date(2026, 10, 5)),
        task("c", status=ACCEPTED, due=date(2026, 10, 5), accepted_on=date(2026, 10, 7)),
        task("d"),
    )
    result = compute_employee(company, anna, OCT, PeriodInputs(facts=facts, tasks=items))
    # 2 of 4 on time = 50 % → index 0 → KPI 0.5: no bonus
    assert result.rows[1].fact == 50 and result.kpi == D("0.500")
    others = (*items[:2], replace(items[2], accepted_on=date(2026, 10, 4)))
    result = compute_employee(company, anna, OCT, PeriodInputs(facts=facts, tasks=others))
    assert result.rows[1].fact == 100 and result.kpi == D("1.000")
    assert result.pay is not None and result.pay.bonus == D("10000.00")
    # without tasks the fact is missing: the matrix is incomplete
    none = compute_employee(company, anna, OCT, PeriodInputs(facts=facts))
    assert none.kpi is None and none.missing == ("ontime",)


def test_tasks_of_other_periods_do_not_count() -> None:
    row = MatrixRow("open", D("0.5"), D(4), D(0), None)
    company, anna = matrix_company("open", "tasks:open_at_close", row)
    november = replace(task("old"), period=OCT.next())
    inputs = PeriodInputs(facts={(ANNA, "nps"): D(60)}, tasks=(november,))
    assert compute_employee(company, anna, OCT, inputs).rows[1].fact == 0


# --- the personal report -------------------------------------------------------------------
def test_personal_report_counts_costs_and_average() -> None:
    row = MatrixRow("open", D("0.5"), D(4), D(0), None)
    company, anna = matrix_company("open", "tasks:open_at_close", row)
    boris = Employee(BORIS, "Продавец")
    company = replace(company, employees=(anna, boris))
    items = (
        replace(task("Пересчёт", due=date(2026, 10, 7)), kind=TaskKind.DUTY),
        replace(task("Отчёт", status=DONE, done_on=date(2026, 10, 3)), kind=TaskKind.DUTY),
        task("Витрина", status=ACCEPTED, accepted_on=date(2026, 10, 2)),
        task("Проверить", assignee=BORIS, controller=ANNA, status=DONE),
    )
    inputs = PeriodInputs(facts={(ANNA, "nps"): D(70)}, tasks=items)
    history = [compute_period(company, OCT.shifted(-k), inputs) for k in range(6)]
    report = personal_report(company, anna, OCT, inputs, history, date(2026, 10, 15))
    assert report.count(TaskKind.DUTY, OPEN) == 1 and report.count(TaskKind.DUTY, DONE) == 1
    assert report.count(TaskKind.TASK, ACCEPTED) == 1
    assert [t.title for t in report.to_accept] == ["Проверить"]
    assert [t.title for t in report.overdue] == ["Пересчёт"]
    # nps index (70 − 40)/20 = 1.5 → 0.75; 2 open → index 0.5 → 0.25: KPI 1.000
    assert report.kpi == D("1.000") and report.bonus == D("10000.00")
    # closing one item: open 1 → index 0.75 → KPI 1.125 → bonus 11 250: worth 1 250
    costs = {c.task.title: c.cost for c in report.costs}
    assert costs == {"Пересчёт": D("1250.00"), "Отчёт": D("1250.00")}
    assert report.total_cost == D("2500.00")
    # the matrix starts in October: the five periods before have no KPI and are skipped
    assert report.average_kpi == D("1.000") and report.kpi_periods == 1


def test_average_kpi_skips_missing() -> None:
    assert average_kpi([]) == (None, 0)

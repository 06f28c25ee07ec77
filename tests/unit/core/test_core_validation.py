"""Validation codes of single items and of a whole import, with their locations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kpidesk.core.company import Company, CompanyContent
from kpidesk.core.daily import DailyEntry, Fact, PeriodInput, SellerDay, StorePlan
from kpidesk.core.indicators import IndexMethod, Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee, Position, Store
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem, Severity, has_errors
from kpidesk.core.validation import (
    validate_content,
    validate_daily_entry,
    validate_employee,
    validate_matrix,
    validate_matrix_row,
    validate_schedule,
    validate_seller_day,
)

D = Decimal
OCT = Period.month(2026, 10)
DAY = date(2026, 10, 5)
INDICATORS = {code: Indicator(code, code) for code in ("a", "b")}


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


def only(problems: list[Problem], code: str) -> Problem:
    found = [problem for problem in problems if problem.code == code]
    assert len(found) == 1, codes(problems)
    return found[0]


def test_a_valid_matrix_has_no_problems() -> None:
    matrix = Matrix(
        OCT,
        (MatrixRow("a", D("0.6"), D(0), D(10), D(20)), MatrixRow("b", D("0.4"), D(5), D(1), D(0))),
        position="Продавец",
    )
    assert validate_matrix(matrix, INDICATORS) == []


def test_weights_sum() -> None:
    matrix = Matrix(OCT, (MatrixRow("a", D("0.3"), D(0), D(1)),), position="Продавец")
    problem = only(validate_matrix(matrix, INDICATORS), "weights_sum")
    assert problem.value == "0.3" and problem.is_error
    assert problem.where == Location(entity="matrix", key="Продавец 2026-10", field="weight")
    assert ("sum", "0.3") in problem.params
    assert "add up to 0.3" in problem.message


def test_row_codes() -> None:
    row = MatrixRow("a", D("-0.1"), D(5), D(5), None)
    assert codes(validate_matrix_row(row)) == ["negative_weight", "base_equals_norm"]
    assert codes(validate_matrix_row(MatrixRow("a", D(1), None, D(0)), IndexMethod.SCALE)) == [
        "base_equals_norm"
    ]
    assert codes(validate_matrix_row(MatrixRow("a", D(1), None, D(0)), IndexMethod.RATIO)) == [
        "zero_norm"
    ]
    assert validate_matrix_row(MatrixRow("a", D(1), D(5), D(5)), IndexMethod.BINARY) == []


@pytest.mark.parametrize(
    ("base", "norm", "target"),
    [(0, 100, 90), (10, 5, 6), (None, 100, 50)],
)
def test_target_wrong_side_is_a_warning(base: int | None, norm: int, target: int) -> None:
    row = MatrixRow("a", D(1), None if base is None else D(base), D(norm), D(target))
    problem = only(validate_matrix_row(row), "target_wrong_side")
    assert problem.severity is Severity.WARNING
    assert problem.where.field == "target"
    assert not has_errors([problem])


def test_unknown_indicator_duplicate_row_and_owner() -> None:
    rows = (
        MatrixRow("a", D("0.5"), D(0), D(1)),
        MatrixRow("zz", D("0.25"), D(0), D(1)),
        MatrixRow("a", D("0.25"), D(0), D(1)),
    )
    assert codes(validate_matrix(Matrix(OCT, rows, position="P", employee="E"), INDICATORS)) == [
        "matrix_owner",
        "unknown_indicator",
        "duplicate_row",
    ]
    assert codes(validate_matrix(Matrix(OCT, rows), None)) == ["matrix_owner", "duplicate_row"]


def test_daily_entry_codes() -> None:
    assert validate_daily_entry(DailyEntry("A", DAY, D(5000), 50, 200, 70)) == []
    negative = validate_daily_entry(DailyEntry("A", DAY, D(-1), -2, -3, -4, D(-5)))
    assert codes(negative) == ["negative_value"] * 5
    assert [p.where.field for p in negative] == [
        "revenue",
        "receipts",
        "visitors",
        "units",
        "returns",
    ]
    assert negative[0].where == Location(entity="daily", key="A 05.10.2026", field="revenue")
    without = only(
        validate_daily_entry(DailyEntry("A", DAY, D(100), 0, 10)), "revenue_without_receipts"
    )
    assert without.is_error
    over = only(
        validate_daily_entry(DailyEntry("A", DAY, D(100), 12, 10)), "receipts_over_visitors"
    )
    assert over.severity is Severity.WARNING


def test_unusual_value_against_the_usual_day() -> None:
    usual = DailyEntry("A", DAY, D(10000), 100, 400)
    fine = DailyEntry("A", DAY, D(29000), 40, 400)
    assert validate_daily_entry(fine, usual) == []
    odd = DailyEntry("A", DAY, D(31000), 30, 1300)
    problems = validate_daily_entry(odd, usual)
    assert codes(problems) == ["unusual_value"] * 3
    assert [p.where.field for p in problems] == ["revenue", "receipts", "visitors"]
    assert all(p.severity is Severity.WARNING for p in problems)


def test_seller_day_employee_and_schedule_codes() -> None:
    assert codes(validate_seller_day(SellerDay("A", DAY, "Оля", D(10), 0))) == [
        "revenue_without_receipts"
    ]
    bad = Employee(
        "Оля",
        "P",
        fixed_pay=D(-1),
        target_bonus=D(-2),
        start=date(2026, 10, 5),
        end=date(2026, 10, 1),
    )
    assert codes(validate_employee(bad)) == ["negative_value", "negative_value", "end_before_start"]
    assert codes(validate_schedule(PayoutSchedule(threshold=D(-1), cap=D(-2)))) == [
        "negative_value",
        "negative_value",
    ]
    assert codes(validate_schedule(PayoutSchedule(threshold=D(1), cap=D("0.9")))) == [
        "cap_below_threshold"
    ]
    assert codes(validate_schedule(PayoutSchedule(PayoutKind.STEPS))) == ["no_steps"]
    steps = PayoutSchedule(
        PayoutKind.STEPS,
        steps=(
            PayoutStep(D("0.8"), D("0.5")),
            PayoutStep(D("0.9"), D("0.4")),
            PayoutStep(D("0.9"), D("0.6")),
            PayoutStep(D(1), D(-1)),
        ),
    )
    assert codes(validate_schedule(steps)) == [
        "negative_value",
        "steps_not_increasing",
        "duplicate_threshold",
        "steps_not_increasing",
    ]


def origin(sheet: str, row: int) -> Location:
    return Location(sheet=sheet, row=row)


def test_validate_content_with_origins() -> None:
    existing = Company(
        stores=(Store("A"),),
        positions=(Position("Продавец"),),
        employees=(Employee("Оля", "Продавец", store="A"),),
        indicators=(Indicator("sales", "Продажи"),),
    )
    content = CompanyContent(
        employees=(
            Employee("Коля", "Кассир", store="Z", department="Отдел"),
            Employee("Коля", "Продавец"),
        ),
        matrices=(
            Matrix(
                OCT,
                (
                    MatrixRow("sales", D("0.5"), D(0), D(10)),
                    MatrixRow("Продажи", D("0.4"), D(0), D(10)),
                ),
                position="Продавец",
            ),
            Matrix(OCT, (MatrixRow("nps", D(1), D(0), D(10)),), employee="Ктото"),
        ),
        daily=(
            DailyEntry("A", DAY, D(100), 1, 5),
            DailyEntry("B", DAY, D(100), 0, 5),
            DailyEntry("A", DAY, D(100), 1, 5),
        ),
        seller_days=(SellerDay("A", DAY, "Петя", D(10), 1),),
        plans=(StorePlan("Q", OCT, D(-5)),),
        facts=(
            Fact(OCT, "Оля", "sales", D(1)),
            Fact(OCT, "Оля", "sales", D(2)),
            Fact(OCT, "Оля", "xyz", D(2)),
        ),
        inputs=(PeriodInput(OCT, "Оля", "marketing:nonsense", D(1)),),
        origins={
            ("employees", 0): origin("Сотрудники", 2),
            ("employees", 1): origin("Сотрудники", 3),
            ("matrices", 0): origin("Матрица", 2),
            ("matrices/0", 0): origin("Матрица", 2),
            ("matrices/0", 1): origin("Матрица", 5),
            ("matrices", 1): origin("Матрица", 7),
            ("daily", 0): origin("Ежедневно", 2),
            ("daily", 1): origin("Ежедневно", 3),
            ("daily", 2): origin("Ежедневно", 4),
            ("facts", 1): origin("Факты", 3),
            ("facts", 0): origin("Факты", 2),
        },
    )
    problems = validate_content(content, existing)
    found = {(p.code, p.where.sheet, p.where.row, p.where.field) for p in problems}
    assert ("duplicate_key", "Сотрудники", 3, None) in found
    assert ("unknown_position", "Сотрудники", 2, "position") in found
    assert ("unknown_store", "Сотрудники", 2, "store") in found
    assert ("unknown_department", "Сотрудники", 2, "department") in found
    # the indicator named by its name is known; weights 0.9 point at the matrix's first row
    assert ("weights_sum", "Матрица", 2, "weight") in found
    assert ("duplicate_row", "Матрица", 5, "indicator") in found  # "Продажи" is "sales"
    assert ("unknown_indicator", "Матрица", 7, "indicator") in found
    assert ("unknown_employee", "Матрица", 7, "employee") in found
    assert ("unknown_store", "Ежедневно", 3, "store") in found
    assert ("revenue_without_receipts", "Ежедневно", 3, "receipts") in found
    assert ("duplicate_key", "Ежедневно", 4, None) in found
    assert ("duplicate_key", "Факты", 3, None) in found
    assert ("unknown_indicator", None, None, "indicator") in found
    assert ("unknown_employee", None, None, "employee") in found
    assert ("unknown_store", None, None, "store") in found
    assert ("negative_value", None, None, "revenue") in found
    assert ("unknown_input", None, None, "name") in found
    duplicate_day = only([p for p in problems if p.where.sheet == "Ежедневно"], "duplicate_key")
    assert "sheet 'Ежедневно', row 2" in duplicate_day.message
    assert duplicate_day.describe().startswith("error: sheet 'Ежедневно', row 4")


def test_validate_content_duplicate_matrix_rows_across_split_matrices() -> None:
    existing = Company(positions=(Position("P"),), indicators=(Indicator("a", "a"),))
    content = CompanyContent(
        matrices=(
            Matrix(OCT, (MatrixRow("a", D("0.5"), D(0), D(1)),), position="P"),
            Matrix(OCT, (MatrixRow("a", D("0.5"), D(0), D(1)),), position="P"),
        ),
        origins={("matrices", 0): origin("Matrix", 2), ("matrices", 1): origin("Matrix", 3)},
    )
    problems = validate_content(content, existing)
    assert codes(problems) == ["duplicate_row"]  # the weights add up to 1 across both
    assert problems[0].where == Location(sheet="Matrix", row=3, field="indicator")


def test_validate_content_of_an_empty_import_is_clean() -> None:
    assert validate_content(CompanyContent(), Company()) == []


def test_tasks_and_duty_lists_must_name_known_people() -> None:
    from datetime import date as _date

    from kpidesk.core.company import Company as _Company
    from kpidesk.core.company import CompanyContent as _Content
    from kpidesk.core.org import Employee as _Employee
    from kpidesk.core.org import Position as _Position
    from kpidesk.core.periods import Period as _Period
    from kpidesk.core.problems import Location as _Location
    from kpidesk.core.tasks import DutyTemplate, Task, TaskKind
    from kpidesk.core.validation import validate_content as _validate

    october = _Period.month(2026, 10)
    content = _Content(
        employees=(_Employee("Анна", "Продавец"),),
        positions=(_Position("Управляющий"), _Position("Продавец")),
        tasks=(Task("Отчёт", "Анна", "Никто", october, _date(2026, 10, 31), TaskKind.TASK),),
        duty_templates=(
            DutyTemplate("Инвентаризация", "Управляющий", position="Продавец"),
            DutyTemplate("Касса", "Призрак", employee="Анна"),
        ),
        origins={
            ("tasks", 0): _Location("Задачи", 2),
            ("duty_templates", 1): _Location("Обязанности", 3),
        },
    )
    problems = _validate(content, _Company())
    assert [(p.where.sheet, p.where.row, p.where.field, p.value) for p in problems] == [
        ("Задачи", 2, "controller", "Никто"),
        ("Обязанности", 3, "controller", "Призрак"),
    ]

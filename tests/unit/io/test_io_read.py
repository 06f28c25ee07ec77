"""Reading the interchange workbook: sheets, headers and every quirk of SPEC §6."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from kpidesk.core.indicators import IndexMethod, Source, SourceKind
from kpidesk.core.payout import PayoutKind, PayoutStep
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.problems import Location, Problem
from kpidesk.io.reader import column_for, locate, read_workbook, resolve_indicator_names

BookMaker = Callable[..., Path]

DAILY_EN = ["Date", "Store", "Revenue", "Receipts", "Visitors", "Units"]
DAILY_RU = ["Дата", "Магазин", "Выручка", "Чеки", "Посетители", "Единицы"]
MATRIX_RU = ["Период", "Должность", "Сотрудник", "Показатель", "Вес", "База", "Норма", "Цель"]


def test_daily_in_english_and_russian(book: BookMaker) -> None:
    en = read_workbook(book({"Daily": [DAILY_EN, [date(2026, 10, 1), "A", 100, 2, 5, 3]]}))
    ru = read_workbook(
        book({"Ежедневно": [DAILY_RU, [date(2026, 10, 1), "A", 100, 2, 5, 3]]}, "ru.xlsx")
    )
    assert en.problems == [] and ru.problems == []
    assert en.content.daily == ru.content.daily
    entry = en.content.daily[0]
    assert (entry.store, entry.day, entry.revenue) == ("A", date(2026, 10, 1), Decimal(100))
    assert (entry.receipts, entry.visitors, entry.units, entry.returns) == (2, 5, 3, None)


def test_sheet_and_header_names_ignore_case_and_spaces(book: BookMaker) -> None:
    headers = ["  дата ", "МАГАЗИН", "выручка", " Чеки", "посетители  ", "единицы"]
    result = read_workbook(book({" ежедневно ": [headers, ["01.10.2026", "A", 1, 1, 1, 1]]}))
    assert result.problems == []
    assert len(result.content.daily) == 1


def test_columns_in_another_order_and_unknown_columns_ignored(book: BookMaker) -> None:
    headers = ["Visitors", "Note", "Store", "Units", "Revenue", "Date", "Receipts"]
    row = [50, "rainy day", "B", 7, "1 000,5", "2026-10-02", 10]
    result = read_workbook(book({"Daily": [headers, row], "Notes": [["anything"]]}))
    assert result.problems == []
    entry = result.content.daily[0]
    assert (entry.store, entry.visitors, entry.receipts, entry.units) == ("B", 50, 10, 7)
    assert entry.revenue == Decimal("1000.5")
    assert entry.day == date(2026, 10, 2)


def test_missing_required_column_is_one_problem_naming_both_languages(book: BookMaker) -> None:
    headers = ["Дата", "Магазин", "Чеки", "Посетители"]
    result = read_workbook(book({"Ежедневно": [headers, ["01.10.2026", "A", 1, 1]]}))
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.code == "missing_column"
    assert problem.where.sheet == "Ежедневно"
    assert "'Revenue' / 'Выручка'" in problem.message
    assert result.content.daily == ()


def test_numbers_as_text_with_spaces_and_decimal_comma(book: BookMaker) -> None:
    rows = [
        DAILY_RU,
        ["01.10.2026", "A", "12 345,50", "1 200", "2\u00a0000", 3],
        ["02.10.2026", "A", "12\u00a0345,5", 1, 1, 1],
        ["03.10.2026", "A", 0.1, 1, 1, 1],
    ]
    result = read_workbook(book({"Ежедневно": rows}))
    assert result.problems == []
    daily = result.content.daily
    assert daily[0].revenue == Decimal("12345.50")
    assert (daily[0].receipts, daily[0].visitors) == (1200, 2000)
    assert daily[1].revenue == Decimal("12345.5")
    assert str(daily[2].revenue) == "0.1"  # the float 0.1 converted exactly as shown


def test_dates_as_excel_dates_and_text(book: BookMaker) -> None:
    rows = [
        DAILY_EN,
        [date(2026, 10, 1), "A", 1, 1, 1, 1],
        [datetime(2026, 10, 2, 0, 0), "A", 1, 1, 1, 1],
        ["03.10.2026", "A", 1, 1, 1, 1],
        ["2026-10-04", "A", 1, 1, 1, 1],
        [" 5.10.2026 ", "A", 1, 1, 1, 1],
    ]
    result = read_workbook(book({"Daily": rows}))
    assert result.problems == []
    assert [d.day.day for d in result.content.daily] == [1, 2, 3, 4, 5]


def test_empty_rows_skipped_and_row_numbers_are_excel_rows(book: BookMaker) -> None:
    rows = [
        [None],
        DAILY_EN,
        ["01.10.2026", "A", 1, 1, 1, 1],
        [None, "   ", None],
        [],
        ["02.10.2026", "A", 1, 1, 1, 1],
    ]
    result = read_workbook(book({"Daily": rows}))
    assert result.problems == []
    assert len(result.content.daily) == 2
    assert result.content.origin("daily", 0) == Location(sheet="Daily", row=3)
    assert result.content.origin("daily", 1) == Location(sheet="Daily", row=6)


def test_names_trimmed(book: BookMaker) -> None:
    result = read_workbook(book({"Stores": [["Name"], ["  Магазин 1  "], ["\tB "]]}))
    assert [s.name for s in result.content.stores] == ["Магазин 1", "B"]


def test_every_bad_cell_reported_with_sheet_row_column_value(book: BookMaker) -> None:
    rows = [
        DAILY_RU,
        ["32.13.2026", "A", "много", 1.5, 10, 1],
        ["01.10.2026", "", 100, 1, "x", 1],
        ["02.10.2026", "A", 100, 1, 10, 1],
    ]
    result = read_workbook(book({"Ежедневно": rows}))
    found = {(p.where.row, p.where.column, p.value) for p in result.problems}
    assert found == {
        (2, "Дата", "32.13.2026"),
        (2, "Выручка", "много"),
        (2, "Чеки", "1.5"),
        (3, "Магазин", None),
        (3, "Посетители", "x"),
    }
    assert all(p.where.sheet == "Ежедневно" and p.is_error for p in result.problems)
    by_column = {p.where.column: p for p in result.problems}
    assert "whole number" in by_column["Чеки"].message
    assert by_column["Магазин"].code == "missing_value"
    assert "date" in by_column["Дата"].message
    assert len(result.content.daily) == 1  # only the good row


def test_employees_with_optional_dates_and_derived_positions(book: BookMaker) -> None:
    headers = ["ФИО", "Должность", "Магазин", "Отдел", "Оклад", "Премия", "Начало", "Окончание"]
    rows = [
        headers,
        [" Иванова Анна ", "Продавец", "A", "Продажи", "39 700", 16300, "01.03.2026", None],
        ["Петров Олег", "Маркетолог", None, None, 50000, 20000, None, date(2026, 12, 31)],
    ]
    result = read_workbook(book({"Сотрудники": rows}))
    assert result.problems == []
    anna, oleg = result.content.employees
    assert anna.name == "Иванова Анна" and anna.fixed_pay == Decimal(39700)
    assert anna.start == date(2026, 3, 1) and anna.end is None
    assert oleg.store is None and oleg.department is None and oleg.end == date(2026, 12, 31)
    assert [p.name for p in result.content.positions] == ["Продавец", "Маркетолог"]
    assert [d.name for d in result.content.departments] == ["Продажи"]
    assert result.content.origin("positions", 1) == Location(sheet="Сотрудники", row=3)


def test_indicators_sources_and_methods(book: BookMaker) -> None:
    rows = [
        ["Код", "Название", "Ед.", "Источник", "Метод"],
        ["conv", "Конверсия", "%", "store:conversion", "шкала"],
        ["nps", "NPS", "", "", "отношение"],
        ["bad", "Плохой", "шт", "store:nothing", "никакой"],
    ]
    result = read_workbook(book({"Показатели": rows}))
    conv, nps = result.content.indicators
    assert conv.source == Source(SourceKind.STORE, "conversion")
    assert nps.source.is_manual and nps.method is IndexMethod.RATIO
    assert {p.where.column for p in result.problems} == {"Источник", "Метод"}


def test_matrix_grouping_percent_weights_and_name_resolution(book: BookMaker) -> None:
    indicators = [["Code", "Name"], ["rev", "Выручка"], ["conv", "Конверсия"]]
    rows = [
        MATRIX_RU,
        ["2026-10", "Продавец", None, "rev", "30%", 50000, 100000, 300000],
        ["2026-10", None, "Иванова Анна", "Конверсия", "0,5", 10, 15, None],
        ["2026-10", "Продавец", None, " конверсия ", 0.7, None, 15, 20],
        ["2026-10", None, "Иванова Анна", "rev", 0.5, 1, 2, 3],
        ["2026-11", "Продавец", None, "Unknown name", 1, 1, 2, None],
    ]
    path = book({"Матрица": rows, "Indicators": indicators}, formats={("Матрица", "E5"): "0%"})
    result = read_workbook(path)
    assert result.problems == []
    seller, anna, november = result.content.matrices
    assert (seller.position, seller.employee, seller.period) == (
        "Продавец",
        None,
        Period.parse("2026-10"),
    )
    assert [r.indicator for r in seller.rows] == ["rev", "conv"]
    assert [r.weight for r in seller.rows] == [Decimal("0.3"), Decimal("0.7")]
    assert seller.rows[1].base is None and seller.rows[0].target == Decimal(300000)
    assert (anna.employee, anna.position) == ("Иванова Анна", None)
    assert [r.indicator for r in anna.rows] == ["conv", "rev"]
    assert anna.weight_sum == 1
    assert november.rows[0].indicator == "Unknown name"
    assert result.content.origin("matrices", 1) == Location(sheet="Матрица", row=3)
    assert result.row_origins[("matrices", 0, 1)] == Location(sheet="Матрица", row=4)
    resolved = resolve_indicator_names(result.content, {"unknown NAME": "unk"})
    assert resolved.matrices[2].rows[0].indicator == "unk"


def test_matrix_owner_must_be_exactly_one(book: BookMaker) -> None:
    rows = [
        MATRIX_RU,
        ["2026-10", "Продавец", "Иванова Анна", "rev", 1, 1, 2, 3],
        ["2026-10", None, None, "rev", 1, 1, 2, 3],
    ]
    result = read_workbook(book({"Матрица": rows}))
    assert [p.code for p in result.problems] == ["matrix_owner", "matrix_owner"]
    assert [p.where.row for p in result.problems] == [2, 3]
    assert result.content.matrices == ()


def test_period_cell_that_excel_turned_into_a_date(book: BookMaker) -> None:
    rows = [
        ["Period", "Employee", "Indicator", "Fact"],
        [datetime(2026, 10, 1), "Anna", "nps", 72],
        ["10.2026", "Anna", "reviews", "4,5"],
        ["2026-10-H2", "Anna", "calls", 3],
    ]
    result = read_workbook(book({"Facts": rows}))
    assert result.problems == []
    periods = [f.period for f in result.content.facts]
    assert [p.code for p in periods] == ["2026-10", "2026-10", "2026-10-H2"]
    assert result.content.facts[1].value == Decimal("4.5")


def test_bad_periods(book: BookMaker) -> None:
    rows = [
        ["Period", "Employee", "Indicator", "Fact"],
        ["2026-Q4", "A", "x", 1],
        ["oct", "A", "x", 1],
    ]
    result = read_workbook(book({"Facts": rows}))
    assert [p.where.column for p in result.problems] == ["Period", "Period"]
    assert "month or a half-month" in result.problems[0].message


def test_payout_linear_steps_and_per_position(book: BookMaker) -> None:
    rows = [
        ["Порог", "Коэффициент", "Должность", "Вид", "По показателям"],
        ["80%", "150%", None, "линейная", "нет"],
        ["0,8", 0.5, "Продавец", None, "да"],
        ["90%", 0.8, "Продавец", None, None],
        [1, 1, "Продавец", None, None],
    ]
    result = read_workbook(book({"Премирование": rows}))
    assert result.problems == []
    company, seller = result.content.schedules
    assert company.kind is PayoutKind.LINEAR and company.position is None
    assert (company.threshold, company.cap, company.per_indicator) == (
        Decimal("0.8"),
        Decimal("1.5"),
        False,
    )
    assert seller.kind is PayoutKind.STEPS and seller.per_indicator
    assert seller.steps == (
        PayoutStep(Decimal("0.8"), Decimal("0.5")),
        PayoutStep(Decimal("0.9"), Decimal("0.8")),
        PayoutStep(Decimal(1), Decimal(1)),
    )


def test_payout_single_row_is_linear_and_mixed_kinds_are_a_problem(book: BookMaker) -> None:
    single = read_workbook(book({"Payout": [["Threshold", "Coefficient"], [0.9, 1.2]]}))
    assert single.content.schedules[0].kind is PayoutKind.LINEAR
    assert single.content.schedules[0].cap == Decimal("1.2")
    rows = [["Threshold", "Coefficient", "Kind"], [0.8, 1.5, "linear"], [0.9, 1, "steps"]]
    mixed = read_workbook(book({"Payout": rows}, "mixed.xlsx"))
    assert [p.code for p in mixed.problems] == ["payout_kind"]
    assert mixed.problems[0].where == Location("Payout", 3, "Kind", field="kind")


def test_company_plans_sellers_inputs(book: BookMaker) -> None:
    sheets = {
        "Компания": [["Название", "Период выплат"], ["ООО Ромашка", "полмесяца"], ["ignored", "x"]],
        "Планы": [["Период", "Магазин", "План выручки"], ["2026-10", "A", "3 500 000"]],
        "Продажи по продавцам": [
            ["Дата", "Магазин", "Сотрудник", "Выручка", "Чеки", "Единицы"],
            ["01.10.2026", "A", "Анна", 4000, 3, 5],
        ],
        "Исходные данные": [
            ["Период", "Сотрудник", "Параметр", "Значение"],
            ["2026-10", "Олег", "marketing:clicks", 1250],
            ["2026-10", "Олег", "marketing:likes", 1],
        ],
    }
    result = read_workbook(book(sheets))
    content = result.content
    assert (content.company_name, content.pay_period) == ("ООО Ромашка", PeriodKind.HALF)
    assert content.plans[0].revenue == Decimal(3500000)
    assert content.seller_days[0].employee == "Анна"
    assert [i.name for i in content.inputs] == ["marketing:clicks"]
    assert [(p.where.sheet, p.where.column) for p in result.problems] == [
        ("Исходные данные", "Параметр")
    ]


def test_locate_fills_the_column_from_the_field(book: BookMaker) -> None:
    rows = [MATRIX_RU, ["2026-10", "Продавец", None, "rev", 0.5, 1, 2, 3]]
    result = read_workbook(book({"Матрица": rows}))
    where = result.content.origin("matrices", 0)
    semantic = Problem(
        "weights_sum", "weights sum to 50%", where=Location(where.sheet, where.row, field="weight")
    )
    assert locate(semantic, result).where.column == "Вес"
    unknown = Problem("x", "y", where=Location("Matrix", 2, field="norm"))
    assert locate(unknown, result).where.column == "Norm"
    assert column_for("Матрица", "weight") == "Вес"
    assert column_for("Nowhere", "weight") is None


def test_absent_sheets_give_empty_content(book: BookMaker) -> None:
    result = read_workbook(book({"Something else": [["a", "b"], [1, 2]]}))
    assert result.problems == []
    assert result.content.daily == () and result.content.matrices == ()


def test_progress_and_cancel(book: BookMaker) -> None:
    rows = [DAILY_EN] + [["01.10.2026", "A", 1, 1, 1, 1]] * 2500
    path = book({"Daily": rows})
    calls: list[tuple[int, int]] = []
    result = read_workbook(path, progress=lambda done, total: calls.append((done, total)))
    assert len(result.content.daily) == 2500
    assert calls[0] == (0, 2501) and calls[-1] == (2501, 2501)
    stopped = read_workbook(path, cancelled=lambda: True)
    assert stopped.cancelled and stopped.content.daily == ()
    assert [p.code for p in stopped.problems] == ["cancelled"]


def test_reading_does_not_import_openpyxl_or_pandas(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; import kpidesk.io.reader; "
        "print(any(m in sys.modules for m in ('openpyxl', 'pandas')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

"""Recognising owners' own workbooks (SPEC §6.1), built here by hand with openpyxl in the
shapes owners keep: one sheet per employee, blocks on one sheet, a daily log per store with
subtotals, a log with a store column, headers in other wordings and orders, weights as
0,3 / 30 / 30 %, a broken formula, and a sheet that is no KPI table. The builders are
shared with the service, command-line and window tests."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.periods import Period
from kpidesk.io.adopt import Corrections, SheetKind, recognise_workbook
from kpidesk.io.adopt.periods import period_in

OCTOBER = Period.month(2026, 10)


def _example_a(ws: Worksheet, top: int, weights: tuple[object, ...], broken: bool = False) -> int:
    """Worked example A (SPEC §2.4) as a table at row ``top``; returns the total row."""
    ws.cell(top, 1, "Показатель")
    for c, text in enumerate(("Вес", "База", "Норма", "Цель", "Факт", "Индекс"), start=2):
        ws.cell(top, c, text)
    rows = (
        ("Выручка", 50000, 100000, 300000, 200000),
        ("Средний чек", 3000, 5000, 10000, 6000),
        ("Конверсия", 10, 15, 20, 12),
        ("Лояльность", 60, 80, 90, 80),
    )
    for i, (name, base, norm, target, fact) in enumerate(rows):
        r = top + 1 + i
        ws.cell(r, 1, name)
        ws.cell(r, 2, weights[i])
        for c, value in enumerate((base, norm, target, fact), start=3):
            ws.cell(r, c, value)
        source = r + 1 if broken and i == 2 else r  # the owner's copy-paste slip
        ws.cell(r, 7, f"=(F{source}-C{r})/(D{r}-C{r})")
    total = top + 5
    ws.cell(total, 1, "Итого")
    weight = "B{0}" if isinstance(weights[0], float) else "B{0}/100"
    terms = "+".join(f"{weight.format(r)}*G{r}" for r in range(top + 1, top + 5))
    ws.cell(total, 7, f"={terms}" if not isinstance(weights[0], str) else "")
    return total


def per_employee_book(
    path: Path, *, broken: bool = False, notes: bool = False, fact_header: str = "Факт"
) -> Path:
    """Two employee sheets: Иванова (example A, labels above, 0,3 weights, scale) and
    Петров (example B in other wordings and order, weights 45/30/25, ratio)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Иванова"
    ws["A1"] = "Расчёт KPI за октябрь 2026"
    ws.merge_cells("A1:G1")
    ws["A3"], ws["B3"] = "ФИО:", "Иванова Анна"
    ws["A4"], ws["B4"] = "Должность:", "Продавец"
    ws["A5"], ws["B5"] = "Оклад:", 39700
    ws["A6"], ws["B6"] = "Премия:", 16300
    _example_a(ws, 8, (0.3, 0.2, 0.3, 0.2), broken)
    ws = book.create_sheet("Петров")
    ws["A1"], ws["B1"] = "Сотрудник", "Петров Иван"
    ws["A2"], ws["B2"] = "Период", "10.2026"
    ws["D1"], ws["E1"] = "Оклад, руб.", 30000
    ws["D2"], ws["E2"] = "Целевая премия", 10000
    for c, text in enumerate((fact_header, "Ключевые показатели", "План", "Доля", "Индекс"), 1):
        ws.cell(4, c, text)
    for i, (name, fact, weight) in enumerate(
        (("Лиды", 22, 45), ("Охват", 18, 30), ("Заявки", 30, 25))
    ):
        r = 5 + i
        ws.cell(r, 1, fact)
        ws.cell(r, 2, name)
        ws.cell(r, 3, 20)
        ws.cell(r, 4, weight)
        ws.cell(r, 5, f"=A{r}/C{r}")
    ws.cell(8, 2, "KPI")
    ws.cell(8, 5, "=SUMPRODUCT(D5:D7,E5:E7)/100")
    if notes:
        ws = book.create_sheet("Заметки")
        ws["A1"] = "Позвонить поставщику"
        ws["A2"], ws["B2"] = "Телефон", "+7 900 000-00-00"
    book.save(path)
    return path


def blocks_book(path: Path) -> Path:
    """One month sheet, two employees' blocks one under another, weights as "30%" text."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "окт 2026"
    ws["A1"] = "KPI магазина"
    ws["A3"], ws["B3"] = "Сотрудник:", "Смирнова Ольга"
    ws["C3"], ws["D3"] = "Премия", 20000
    _example_a(ws, 4, ("30%", "20%", "30%", "20%"))
    ws["A12"] = "Сотрудник: Кузнецов Пётр"
    ws["C12"], ws["D12"] = "Премия", 10000
    ws.cell(13, 1, "Показатель")
    for c, text in enumerate(("Вес", "Норма", "Факт"), start=2):
        ws.cell(13, c, text)
    ws.append(["Продажи", "50%", 100, 110])
    ws.append(["Отзывы", "50%", 10, 9])
    book.save(path)
    return path


def daily_book(path: Path) -> Path:
    """A daily log for the store "Центральный" (the sheet's name), 14 days of October with
    a weekly subtotal row and a total at the bottom."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Центральный"
    ws["A1"] = "Ежедневные продажи"
    ws.append([])
    ws.append(["Дата", "Выручка, руб.", "Кол-во чеков", "Посетители"])
    start = 4
    r = start
    for week in range(2):
        first = r
        for d in range(7):
            day = date(2026, 10, 1) + timedelta(days=week * 7 + d)
            ws.append([day, 10000 + 100 * (week * 7 + d), 40 + d, 100])
            r += 1
        ws.append(["Итого за неделю", f"=SUM(B{first}:B{r - 1})", f"=SUM(C{first}:C{r - 1})"])
        r += 1
    ws.append(["Всего", f"=SUM(B{start}:B{r - 1})/2"])
    book.save(path)
    return path


def store_column_book(path: Path) -> Path:
    """A log with a store column, headers in another order and wording."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Журнал"
    ws.append(["Магазин", "Проходимость", "Дата", "Чеки", "Выручка"])
    ws.append(["Северный", 200, "01.10.2026", 50, "12 500,50"])
    ws.append(["Южный", 100, "01.10.2026", 20, 4000])
    ws.append(["Северный", 220, "02.10.2026", 55, 13000])
    ws.append(["Итого", 520, "", 125, "=E2+E3+E4"])
    book.save(path)
    return path


# hand computations
KPI_IVANOVA = Decimal("1.520")  # 0.3·3.0 + 0.2·1.5 + 0.3·0.4 + 0.2·1.0
KPI_PETROV = Decimal("1.140")  # 0.45·22/20 + 0.30·18/20 + 0.25·30/20


def test_period_in_text() -> None:
    for text in (
        "окт 2026",
        "10.2026",
        "Октябрь 2026",
        "2026-10",
        "KPI за октября 2026 г.",
        "October 2026",
    ):
        assert period_in(text) == OCTOBER, text
    assert period_in("Октябрь", 2026) == OCTOBER
    assert period_in("Октябрь") is None
    assert period_in("Маркетинг 2026") is None
    assert period_in("май 2027") == Period.month(2027, 5)


def test_one_sheet_per_employee(tmp_path: Path) -> None:
    found = recognise_workbook(per_employee_book(tmp_path / "a.xlsx", notes=True))
    ivanova, petrov, notes = found.sheets
    assert ivanova.kind is SheetKind.MATRIX
    (block,) = ivanova.blocks
    assert (block.employee, block.position, block.period) == ("Иванова Анна", "Продавец", OCTOBER)
    assert (block.fixed_pay, block.target_bonus) == (Decimal(39700), Decimal(16300))
    assert [line.weight for line in block.lines] == [
        Decimal("0.3"),
        Decimal("0.2"),
        Decimal("0.3"),
        Decimal("0.2"),
    ]
    assert {line.method for line in block.lines} == {IndexMethod.SCALE}
    assert all(line.method_reproduces for line in block.lines)
    assert block.sheet_kpi == KPI_IVANOVA  # the "Итого" formula, computed
    (other,) = petrov.blocks
    assert (other.employee, other.period, other.target_bonus) == (
        "Петров Иван",
        OCTOBER,
        Decimal(10000),
    )
    assert [line.weight for line in other.lines] == [
        Decimal("0.45"),
        Decimal("0.3"),
        Decimal("0.25"),
    ]
    assert [line.fact for line in other.lines] == [22, 18, 30]
    assert {line.method for line in other.lines} == {IndexMethod.RATIO}
    assert other.sheet_kpi == KPI_PETROV
    assert other.table.column("norm").text == "План"  # type: ignore[union-attr]
    assert notes.kind is SheetKind.UNKNOWN
    assert [p.code for p in notes.problems] == ["adopt_not_a_table"]
    assert not notes.problems[0].is_error


def test_broken_formula_is_reported(tmp_path: Path) -> None:
    found = recognise_workbook(per_employee_book(tmp_path / "a.xlsx", broken=True))
    block = found.sheets[0].blocks[0]
    conversion = block.lines[2]
    assert not conversion.method_reproduces
    assert conversion.method is IndexMethod.SCALE  # the default with a base
    assert block.sheet_kpi != KPI_IVANOVA
    codes = [p.code for p in found.sheets[0].problems]
    assert codes == ["adopt_index_not_reproduced"]


def test_blocks_on_one_sheet(tmp_path: Path) -> None:
    found = recognise_workbook(blocks_book(tmp_path / "b.xlsx"))
    (sheet,) = found.sheets
    first, second = sheet.blocks
    assert (first.employee, first.period, first.target_bonus) == (
        "Смирнова Ольга",
        OCTOBER,
        Decimal(20000),
    )
    assert [line.weight for line in first.lines][:2] == [Decimal("0.3"), Decimal("0.2")]
    assert (second.employee, second.period) == ("Кузнецов Пётр", OCTOBER)
    assert [(line.indicator, line.weight, line.fact) for line in second.lines] == [
        ("Продажи", Decimal("0.5"), 110),
        ("Отзывы", Decimal("0.5"), 9),
    ]
    assert {line.method for line in second.lines} == {IndexMethod.RATIO}


def test_daily_log_with_subtotals(tmp_path: Path) -> None:
    found = recognise_workbook(daily_book(tmp_path / "d.xlsx"))
    (sheet,) = found.sheets
    assert sheet.kind is SheetKind.DAILY
    (log,) = sheet.logs
    assert log.store == "Центральный" and log.store_from == "sheet name"
    assert len(log.days) == 14 and len(log.skipped_rows) == 3
    assert log.days[0].day == date(2026, 10, 1) and log.days[0].revenue == 10000
    assert log.days[-1].day == date(2026, 10, 14) and log.days[-1].receipts == 46
    assert sheet.problems == ()


def test_log_with_store_column(tmp_path: Path) -> None:
    found = recognise_workbook(store_column_book(tmp_path / "s.xlsx"))
    (log,) = found.sheets[0].logs
    assert log.store is None
    assert [(d.store, d.day.day, d.revenue, d.receipts, d.visitors) for d in log.days] == [
        ("Северный", 1, Decimal("12500.50"), 50, 200),
        ("Южный", 1, Decimal(4000), 20, 100),
        ("Северный", 2, Decimal(13000), 55, 220),
    ]
    assert log.skipped_rows == (5,)


def test_corrected_mapping_and_sheet(tmp_path: Path) -> None:
    path = per_employee_book(tmp_path / "a.xlsx")
    first = recognise_workbook(path)
    table = first.sheets[1].blocks[0].table
    fact = table.column("fact")
    assert fact is not None
    from kpidesk.io.adopt import SheetCorrection

    corrections = Corrections(
        columns={table.signature: {fact.column: ""}},
        sheets={"Иванова": SheetCorrection(subject="Иванова А.", period=Period.month(2026, 9))},
    )
    again = recognise_workbook(path, corrections=corrections)
    assert again.sheets[0].blocks[0].employee == "Иванова А."
    assert again.sheets[0].blocks[0].period == Period.month(2026, 9)
    assert all(line.fact is None for line in again.sheets[1].blocks[0].lines)


def test_bad_cells_are_located(tmp_path: Path) -> None:
    path = store_column_book(tmp_path / "s.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["D3"] = "двадцать"
    book.save(path)
    problems = recognise_workbook(path).sheets[0].problems
    (bad,) = [p for p in problems if p.is_error]
    assert (bad.where.sheet, bad.where.row, bad.where.column, bad.value) == (
        "Журнал",
        3,
        "Чеки",
        "двадцать",
    )

"""Writing the interchange workbook and the template; reading back what was written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, Fact, PeriodInput, SellerDay, StorePlan
from kpidesk.core.indicators import IndexMethod, Indicator, Source, SourceKind
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.io.reader import read_workbook
from kpidesk.io.writer import DATE_FORMAT, MONEY_FORMAT, write_template, write_workbook

D = Decimal
OCT = Period.parse("2026-10")


def full_content() -> CompanyContent:
    """A company with every kind of item, including awkward values."""
    return CompanyContent(
        company_name="ООО «Ромашка»",
        pay_period=PeriodKind.HALF,
        stores=(Store("Магазин 1"), Store('=HYPERLINK("http://x")'), Store("Old", True)),
        departments=(Department("Продажи"), Department("Склад", archived=True)),
        positions=(Position("Продавец"), Position("+Маркетолог"), Position("Директор")),
        employees=(
            Employee(
                "Иванова Анна",
                "Продавец",
                "Магазин 1",
                "Продажи",
                D("39700"),
                D("16300"),
                date(2026, 3, 1),
            ),
            Employee(
                "@Петров",
                "+Маркетолог",
                None,
                None,
                D("50000.55"),
                D("0.1"),
                None,
                date(2026, 12, 31),
                archived=True,
            ),
        ),
        indicators=(
            Indicator("rev", "Выручка", "₽", Source(SourceKind.STORE, "revenue")),
            Indicator("nps", "-NPS", "", Source(SourceKind.MANUAL), IndexMethod.RATIO),
            Indicator("ok", "Порядок", "%", method=IndexMethod.BINARY, archived=True),
        ),
        matrices=(
            Matrix(
                OCT,
                (
                    MatrixRow("rev", D("0.3"), D(50000), D(100000), D(300000)),
                    MatrixRow("nps", D("0.7"), None, D(20)),
                ),
                position="Продавец",
            ),
            Matrix(
                Period.parse("2026-10-H2"),
                (MatrixRow("ok", D(1), D(0), D(1), None),),
                employee="Иванова Анна",
            ),
        ),
        schedules=(
            PayoutSchedule(),
            PayoutSchedule(PayoutKind.LINEAR, D("0.9"), None, position="Директор"),
            PayoutSchedule(
                PayoutKind.STEPS,
                steps=(PayoutStep(D("0.8"), D("0.5")), PayoutStep(D(1), D(1))),
                per_indicator=True,
                position="Продавец",
            ),
        ),
        daily=(
            DailyEntry("Магазин 1", date(2026, 10, 1), D("125400.50"), 84, 310, 190),
            DailyEntry("Магазин 1", date(2026, 10, 2), D("0.1"), 1, 2, 0, D("12.34")),
        ),
        seller_days=(
            SellerDay("Магазин 1", date(2026, 10, 1), "Иванова Анна", D("40100"), 27, 61),
        ),
        plans=(StorePlan("Магазин 1", OCT, D("3500000")),),
        facts=(
            Fact(OCT, "Иванова Анна", "nps", D("72.125")),
            Fact(OCT, "@Петров", "rev", D("0.12345678901234567890123")),
        ),
        inputs=(PeriodInput(OCT, "@Петров", "marketing:clicks", D(1250)),),
    )


def cell_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = openpyxl.load_workbook(path)
    try:
        return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in workbook}
    finally:
        workbook.close()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_round_trip_gives_the_same_content(tmp_path: Path, lang: str) -> None:
    content = full_content()
    path = write_workbook(content, tmp_path / "c.xlsx", lang=lang)
    result = read_workbook(path)
    assert result.problems == []
    assert replace(result.content, origins={}) == content


def test_write_read_write_gives_identical_cells(tmp_path: Path) -> None:
    first = write_workbook(full_content(), tmp_path / "1.xlsx")
    second = write_workbook(read_workbook(first).content, tmp_path / "2.xlsx")
    assert cell_values(first) == cell_values(second)


def test_template_reads_as_empty_content_without_problems(tmp_path: Path) -> None:
    for lang in ("ru", "en"):
        result = read_workbook(write_template(tmp_path / f"t_{lang}.xlsx", lang=lang))
        assert result.problems == []
        assert replace(result.content, origins={}) == CompanyContent()


def test_template_sheets_headers_and_instructions(tmp_path: Path) -> None:
    values = cell_values(write_template(tmp_path / "t.xlsx"))
    assert next(iter(values)) == "Инструкция"
    assert values["Матрица"] == [
        ("Период", "Должность", "Сотрудник", "Показатель", "Вес", "База", "Норма", "Цель")
    ]
    assert values["Ежедневно"][0][:2] == ("Дата", "Магазин") and len(values["Ежедневно"]) == 1
    text = " ".join(str(c) for row in values["Инструкция"] for c in row if c)
    assert "30%" in text and "дд.мм.гггг" in text
    english = cell_values(write_template(tmp_path / "e.xlsx", lang="en"))
    assert "Instructions" in english and english["Payout"][0][:2] == ("Threshold", "Coefficient")


def test_formula_like_text_is_written_as_text(tmp_path: Path) -> None:
    path = write_workbook(full_content(), tmp_path / "f.xlsx")
    workbook = openpyxl.load_workbook(path)
    try:
        cells = [c for ws in workbook for row in ws.iter_rows() for c in row]
        risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
        assert {c.value for c in risky} >= {
            '=HYPERLINK("http://x")',
            "+Маркетолог",
            "@Петров",
            "-NPS",
        }
        for cell in risky:
            assert cell.data_type == "s"
            assert cell.quotePrefix
    finally:
        workbook.close()
    assert b"<f>" not in _sheet_xml(path)


def _sheet_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(n) for n in archive.namelist() if "worksheets/" in n)


def test_formats_dates_money_periods_header(tmp_path: Path) -> None:
    path = write_workbook(full_content(), tmp_path / "x.xlsx")
    workbook = openpyxl.load_workbook(path)
    try:
        daily = workbook["Ежедневно"]
        assert daily["A2"].is_date and daily["A2"].number_format == DATE_FORMAT
        assert daily["C2"].number_format == MONEY_FORMAT and daily["C2"].value == 125400.5
        assert daily["A1"].font.b and daily.freeze_panes == "A2"
        assert daily.column_dimensions["B"].width >= len("Магазин 1")
        matrix = workbook["Матрица"]
        assert matrix["A2"].value == "2026-10" and matrix["A2"].data_type == "s"
        assert matrix["E2"].value == 0.3 and matrix["E2"].number_format == "General"
        facts = workbook["Факты"]
        assert facts["D3"].value == "0.12345678901234567890123"  # beyond a float: exact text
        assert workbook["Магазины"]["B1"].value == "В архиве"
        assert workbook["Планы"].max_column == 3
    finally:
        workbook.close()


def test_archived_column_only_when_used(tmp_path: Path) -> None:
    content = CompanyContent(stores=(Store("A"),))
    values = cell_values(write_workbook(content, tmp_path / "a.xlsx", lang="en"))
    assert values["Stores"] == [("Name",), ("A",)]


def test_unknown_language_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="language"):
        write_workbook(CompanyContent(), tmp_path / "x.xlsx", lang="de")

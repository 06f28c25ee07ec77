"""The template workbook's drop-down lists (SPEC §6, issue 14 item 9): sources, methods
and units always; with ``--db`` the company's positions, stores, employees and indicator
codes too — on a hidden sheet the reader ignores, so the template still imports as
nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from kpidesk.core.source_names import CATALOGUE
from kpidesk.io.reader import read_workbook
from kpidesk.services.demo_setup import create_demo_database


def _lists(path: Path) -> tuple[dict[str, list[str]], dict[tuple[str, str], str]]:
    """The named lists' values, and (sheet, first cell of the column) → list name."""
    workbook = load_workbook(path)
    values: dict[str, list[str]] = {}
    for name, defined in workbook.defined_names.items():
        ((sheet, cells),) = list(defined.destinations)
        values[name] = [row[0].value for row in workbook[sheet][cells.replace("$", "")]]
    columns: dict[tuple[str, str], str] = {}
    for ws in workbook.worksheets:
        for validation in ws.data_validations.dataValidation:
            assert validation.type == "list"
            first = str(validation.sqref).split(":")[0]
            header = ws[first[0] + "1"].value
            columns[(ws.title, str(header))] = validation.formula1
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state == "hidden"]
    assert hidden == ["Списки"]
    workbook.close()
    return values, columns


def test_the_template_offers_sources_and_methods(kpidesk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "template.xlsx"
    kpidesk("template", "-o", str(path), "--lang", "ru", check_code=0)
    values, columns = _lists(path)
    assert values["kpidesk_sources"] == [entry.code for entry in CATALOGUE]
    assert values["kpidesk_methods"] == ["шкала", "отношение", "бинарный"]
    assert columns[("Показатели", "Источник")] == "kpidesk_sources"
    assert columns[("Показатели", "Метод")] == "kpidesk_methods"
    assert "kpidesk_positions" not in values  # no company: no names to offer
    read = read_workbook(path)
    assert read.problems == [] and read.content.indicators == ()


def test_with_a_company_the_template_offers_its_names(kpidesk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "demo.kpidesk"
    create_demo_database(database, today=date(2026, 11, 22))
    path = tmp_path / "template.xlsx"
    kpidesk("--db", str(database), "template", "-o", str(path), "--lang", "ru", check_code=0)
    values, columns = _lists(path)
    assert values["kpidesk_stores"] == ["ТЦ «Мега»", "Центральный", "На Садовой"]
    assert "Продавец-консультант" in values["kpidesk_positions"]
    assert "Павлов Денис Олегович" in values["kpidesk_employees"]
    assert "conversion" in values["kpidesk_indicators"]
    assert columns[("Сотрудники", "Должность")] == "kpidesk_positions"
    assert columns[("Сотрудники", "Магазин")] == "kpidesk_stores"
    assert columns[("Матрица", "Должность")] == "kpidesk_positions"
    assert columns[("Матрица", "Сотрудник")] == "kpidesk_employees"
    assert columns[("Матрица", "Показатель")] == "kpidesk_indicators"
    assert columns[("Факты", "Показатель")] == "kpidesk_indicators"
    read = read_workbook(path)
    assert read.problems == [] and read.content.employees == ()

"""``kpidesk report payroll`` and the printed sheets as a payroll document (SPEC §7): the
xlsx with 1С:ЗУП's headers, the refusal naming the incomplete sheets (exit 1, no file),
the CSV; the PDF's "стр. 1 из", personnel numbers, period in words and summary sheet."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpidesk.io.payroll import HEADERS
from kpidesk.services.demo_setup import create_demo_database


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    return path


@pytest.fixture
def demo(built: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.kpidesk"
    shutil.copy(built, path)
    return path


def test_report_payroll_writes_the_accruals(kpidesk, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "зуп.xlsx"
    done = kpidesk(
        "--db", str(demo), "report", "payroll", "--period", "2026-09", "-o", str(target),
        check_code=0,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert lines[0] == f"# ООО «Уютный дом» — {demo.resolve()}"
    assert str(target) in lines[1] and "15" in lines[1]
    book = load_workbook(target)
    rows = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    book.close()
    assert rows[0] == HEADERS
    assert rows[1][:2] == ("0001", "Кузнецова Елена Николаевна")
    assert rows[1][4:] == ("Оклад", 55000)


def test_report_payroll_refuses_incomplete_sheets(kpidesk, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "october.csv"
    refused = kpidesk(
        "--db", str(demo), "report", "payroll", "--period", "2026-10", "-o", str(target),
        check_code=1,
    )  # fmt: skip
    assert "Соколова Анна Игоревна" in refused.stderr and "--allow-incomplete" in refused.stderr
    assert not target.exists()
    kpidesk(
        "--db", str(demo), "report", "payroll", "--period", "2026-10", "-o", str(target),
        "--allow-incomplete", check_code=0,
    )  # fmt: skip
    text = target.read_bytes().decode("utf-8-sig")
    assert text.startswith(";".join(HEADERS)) and "Соколова" not in text
    assert ";Премия по KPI;" in text and ",00\r\n" in text


def test_the_pdf_is_a_payroll_document(kpidesk, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "sheets.pdf"
    kpidesk(
        "--db", str(demo), "report", "bonus", "--period", "2026-10", "--format", "pdf",
        "-o", str(pdf), check_code=0,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    assert "стр. 1 из 16" in pages[0] and "стр. 16 из 16" in pages[15]
    assert "октябрь 2026" in pages[0] and "2026-10" not in pages[0].split("\n")[0]
    assert "Табельный номер" in pages[0] and "0001" in pages[0]
    summary = pages[15]
    assert "Ведомость начислений за октябрь 2026" in summary
    for header in ("Таб.", "Подпись", "Итого"):
        assert header in summary
    assert "0015" in summary and "Соколова Анна" in summary

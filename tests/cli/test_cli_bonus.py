"""``kpidesk report bonus --format pdf|xlsx -o FILE`` in a subprocess, headless (no
display): the PDF has one page per employee with their numbers and then the pay list with
its totals (SPEC §2.5, §7), the workbook one sheet per employee plus the summary; a missing
``-o`` is a usage error; json stays Qt-free."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kpidesk.core.money import format_money
from kpidesk.services.demo_setup import create_demo_database


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    return path


def _document(kpidesk, demo: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    done = kpidesk("--db", str(demo), "report", "bonus", "--period", "2026-10", check_code=0)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _report(kpidesk, demo: Path) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return _document(kpidesk, demo)["employees"]  # type: ignore[return-value]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_pdf_headless(kpidesk, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    document = _document(kpidesk, demo)
    employees: list[dict[str, object]] = document["employees"]  # type: ignore[assignment]
    totals: dict[str, object] = document["totals"]  # type: ignore[assignment]
    out = tmp_path / "sheets.pdf"
    done = kpidesk(
        "--db", str(demo), "report", "bonus", "--period", "2026-10", "--format", "pdf",
        "-o", str(out), check_code=0,
    )  # fmt: skip
    assert "16" in done.stdout  # 15 sheets and the pay list
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\u00a0", " ")
    pages = text.split("\f")[:-1]
    assert len(pages) == len(employees) + 1 == 16
    pay_list = pages[-1]
    assert "Ведомость" in pay_list and "без 1 неполного расчёта" in pay_list
    for key in ("fixed_pay", "bonus", "total"):
        amount = format_money(Decimal(str(totals[key])), symbol=False)
        assert amount.replace("\u00a0", " ") in pay_list
    for page, employee in zip(pages[:-1], employees, strict=True):
        assert employee["employee"] in page
        assert "Расчётный лист премии" in page
        if employee["total"] is not None:
            total = format_money(Decimal(str(employee["total"]))).replace("\u00a0", " ")
            assert total in page


def test_pdf_store_filter_and_english(kpidesk, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "central.pdf"
    kpidesk(
        "--db", str(demo), "report", "bonus", "--period", "2026-10", "--format", "pdf",
        "--store", "Центральный", "--lang", "en", "-o", str(out), check_code=0,
    )  # fmt: skip
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert text.count("\f") == 5 and "Bonus sheet for October 2026" in text  # + pay list
        assert "Pay list for October 2026" in text.split("\f")[-2]


def test_xlsx(kpidesk, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bonus.xlsx"
    kpidesk(
        "--db", str(demo), "report", "bonus", "--period", "2026-10", "--format", "xlsx",
        "-o", str(out), check_code=0,
    )  # fmt: skip
    workbook = openpyxl.load_workbook(out)
    try:
        assert workbook.sheetnames[0] == "Сводка"
        assert len(workbook.sheetnames) == 16
        assert str(workbook["Сводка"]["J2"].value).startswith("='")
    finally:
        workbook.close()


def test_file_formats_need_an_output(kpidesk, demo: Path) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("pdf", "xlsx"):
        done = kpidesk(
            "--db", str(demo), "report", "bonus", "--period", "2026-10", "--format", fmt,
            check_code=2,
        )  # fmt: skip
        assert "-o FILE" in done.stderr


def test_unknown_store_is_a_user_error(kpidesk, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = kpidesk(
        "--db", str(demo), "report", "bonus", "--period", "2026-10", "--format", "pdf",
        "--store", "Нет такого", "-o", str(tmp_path / "x.pdf"), check_code=1,
    )  # fmt: skip
    assert "Нет такого" in done.stderr and "Traceback" not in done.stderr


def test_json_and_help_do_not_load_qt(kpidesk, demo: Path) -> None:  # type: ignore[no-untyped-def]
    probe = (
        "import sys, runpy; sys.argv = ['kpidesk'] + sys.argv[1:];"
        "from kpidesk.cli import main; code = main(sys.argv[1:]);"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded';"
        "raise SystemExit(code)"
    )
    import os
    import sys

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    for args in (
        ["--db", str(demo), "report", "bonus", "--period", "2026-10"],
        ["--db", str(demo), "report", "bonus", "--period", "2026-10", "--format", "csv"],
    ):
        done = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr

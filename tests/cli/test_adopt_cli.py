"""``kpidesk adopt FILE.xlsx [--period P] [--dry-run]`` (SPEC §5, §6.1): the recognition is
printed, a dry run changes nothing, and after the import ``report bonus`` and
``report stores`` give the numbers a hand computation gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpidesk.cli import main
from tests.unit.io.test_adopt_recognition import daily_book, per_employee_book


def test_adopt_then_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.kpidesk")
    book = per_employee_book(tmp_path / "a.xlsx", broken=True)
    assert main(["--db", db, "--lang", "en", "adopt", str(book), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "sheet «Иванова», row 8: matrix of Иванова Анна for 2026-10, 4 rows" in out
    assert "«План» → norm" in out
    assert (
        "KPI differs: Иванова Анна, 2026-10 (sheet «Иванова»): the sheet 560.0%, "
        "kpidesk 152.0%" in out
    )
    assert main(["--db", db, "report", "bonus", "--period", "2026-10", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["employees"] == []  # the dry run left nothing

    assert main(["--db", db, "adopt", str(book)]) == 0  # Russian by default
    out = capsys.readouterr().out
    assert "KPI расходится: Иванова Анна" in out and "на листе 560,0%" in out
    assert main(["--db", db, "adopt", str(daily_book(tmp_path / "d.xlsx"))]) == 0
    capsys.readouterr()
    assert main(["--db", db, "report", "bonus", "--period", "2026-10", "--format", "json"]) == 0
    people = {e["employee"]: e for e in json.loads(capsys.readouterr().out)["employees"]}
    assert (people["Иванова Анна"]["kpi"], people["Иванова Анна"]["total"]) == ("1.520", "64150.00")
    assert (people["Петров Иван"]["kpi"], people["Петров Иван"]["bonus"]) == ("1.140", "11400.00")
    assert (
        main(
            [
                "--db",
                db,
                "report",
                "stores",
                "--from",
                "01.10.2026",
                "--to",
                "14.10.2026",
                "--format",
                "json",
            ]
        )
        == 0
    )
    stores = json.loads(capsys.readouterr().out)
    text = json.dumps(stores, ensure_ascii=False)
    assert "Центральный" in text
    assert "149100" in text  # Σ revenue: 14 × 10 000 + 100 × (0 + … + 13)

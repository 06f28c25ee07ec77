"""CSV and JSON report tables."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from kpidesk.core.periods import Period
from kpidesk.io.tables import to_csv, to_json, write_csv, write_json

ROWS = [
    {"employee": "Иванова Анна", "kpi": Decimal("1.137"), "bonus": Decimal("18533.10")},
    {"employee": "=cmd|'/c calc'!A1", "kpi": None, "bonus": Decimal("-5.50"), "note": "x"},
]


def test_csv_has_bom_semicolons_and_cyrillic(tmp_path: Path) -> None:
    path = write_csv(ROWS, tmp_path / "r.csv", delimiter=";")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "employee;kpi;bonus;note"
    assert lines[1] == "Иванова Анна;1.137;18533.10;"


def test_csv_escapes_formulas_but_not_negative_numbers() -> None:
    text = to_csv(ROWS, columns=["employee", "bonus"])
    assert text.splitlines()[2] == "'=cmd|'/c calc'!A1,-5.50"
    assert not text.startswith("\ufeff")


def test_json_keeps_cyrillic_and_decimals_as_strings(tmp_path: Path) -> None:
    data = {"period": Period.parse("2026-10"), "day": date(2026, 10, 1), "rows": ROWS[:1]}
    text = to_json(data)
    assert "Иванова Анна" in text
    parsed = json.loads(text)
    assert parsed == {
        "period": "2026-10",
        "day": "2026-10-01",
        "rows": [{"employee": "Иванова Анна", "kpi": "1.137", "bonus": "18533.10"}],
    }
    path = write_json(data, tmp_path / "r.json")
    assert json.loads(path.read_text(encoding="utf-8")) == parsed

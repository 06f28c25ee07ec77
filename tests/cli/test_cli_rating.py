"""``kpidesk report rating`` (SPEC §5) in a subprocess: the JSON shape exactly, ranks best
first (lowest first for a lower-is-better indicator), ranges by --from/--to, CSV and xlsx,
and clear errors; ``report stores --format xlsx``."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.services.demo import INCOMPLETE_EMPLOYEE
from kpidesk.services.demo_setup import create_demo_database

CLI_LANG = "en"  # these tests read the English messages (see conftest)

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rating") / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    return path


def _json(kpidesk: Run, demo_db: Path, *args: str) -> dict[str, object]:
    done = kpidesk("--db", str(demo_db), "report", "rating", *args, check_code=0)
    document: dict[str, object] = json.loads(done.stdout)
    return document


def test_employee_kpi_rating_json(kpidesk: Run, demo_db: Path) -> None:
    document = _json(kpidesk, demo_db, "--period", "2026-10", "--by", "employee")
    assert list(document) == ["company", "period", "by", "indicator", "rows"]
    assert document["period"] == "2026-10"
    assert document["by"] == "employee"
    assert document["indicator"] == "kpi"
    rows = document["rows"]
    assert isinstance(rows, list) and len(rows) == 14  # the incomplete matrix is left out
    assert INCOMPLETE_EMPLOYEE not in {row["name"] for row in rows}
    first = rows[0]
    assert list(first) == [
        "rank",
        "name",
        "value",
        "previous",
        "change",
        "complete",
        "position",
        "store",
    ]
    assert first["rank"] == 1
    assert first["complete"] == "1/1"
    assert first["value"] == "1.213"  # Фёдорова, as in `report bonus` (rounded 0.1 %)
    values = [float(row["value"]) for row in rows]
    assert values == sorted(values, reverse=True)
    for row in rows:
        # the printed value minus the printed previous, exactly (SPEC §2.9)
        assert Decimal(row["change"]) == Decimal(row["value"]) - Decimal(row["previous"])


def test_department_rating_counts_complete_matrices(kpidesk: Run, demo_db: Path) -> None:
    rows = _json(kpidesk, demo_db, "--period", "2026-10", "--by", "department")["rows"]
    assert isinstance(rows, list)
    by_name = {row["name"]: row for row in rows}
    assert by_name["Розница"]["complete"] == "11/12"
    assert by_name["Склад"]["complete"] == "2/2"
    document = _json(kpidesk, demo_db, "--period", "2026-10", "--by", "department")
    company = document["company_kpi"]
    assert isinstance(company, dict) and list(company) == ["kpi", "complete"]
    assert document["company"]["location"] == str(demo_db.resolve())
    assert company["complete"] == f"{sum(int(r['complete'].split('/')[0]) for r in rows)}/" + str(
        sum(int(r["complete"].split("/")[1]) for r in rows)
    )


def test_store_rating_by_an_indicator_over_dates(kpidesk: Run, demo_db: Path) -> None:
    document = _json(
        kpidesk,
        demo_db,
        "--from",
        "01.10.2026",
        "--to",
        "31.10.2026",
        "--by",
        "store",
        "--indicator",
        "conversion",
    )
    assert document["period"] == "2026-10"  # a whole month given by dates is the month
    assert document["indicator"] == "conversion"
    rows = document["rows"]
    assert isinstance(rows, list)
    assert [row["rank"] for row in rows] == [1, 2, 3]
    assert rows[0]["name"] == "Центральный" and rows[0]["value"] == "23.38"
    assert rows[0]["complete"] == "31/31"


def test_lower_is_better_ranks_lowest_first(kpidesk: Run, demo_db: Path) -> None:
    rows = _json(
        kpidesk, demo_db, "--period", "2026-10", "--by", "employee", "--indicator", "complaints"
    )["rows"]
    assert isinstance(rows, list)
    values = [float(row["value"]) for row in rows]
    assert values == sorted(values)


def test_empty_range_gives_null_values(kpidesk: Run, demo_db: Path) -> None:
    rows = _json(
        kpidesk, demo_db, "--period", "2025-03", "--by", "store", "--indicator", "revenue"
    )["rows"]
    assert isinstance(rows, list) and rows
    assert all(row["value"] is None and row["rank"] is None for row in rows)


def test_csv_and_xlsx(kpidesk: Run, demo_db: Path, tmp_path: Path) -> None:
    done = kpidesk(
        "--db", str(demo_db), "report", "rating", "--period", "2026-10", "--by", "store",
        "--format", "csv", check_code=0,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert lines[0].startswith("# ") and str(demo_db.resolve()) in lines[0]
    assert lines[1] == "rank,name,value,previous,change,complete"
    assert len(lines) == 5
    target = tmp_path / "rating.xlsx"
    kpidesk(
        "--db", str(demo_db), "report", "rating", "--period", "2026-10", "--by", "employee",
        "--format", "xlsx", "-o", str(target), check_code=0,
    )  # fmt: skip
    from openpyxl import load_workbook

    workbook = load_workbook(target)
    sheet = workbook.active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == [
        "rank",
        "name",
        "value",
        "previous",
        "change",
        "complete",
        "position",
        "store",
    ]
    assert sheet.cell(row=3, column=1).value == 1
    assert abs(float(sheet.cell(row=3, column=3).value) - 1.213) < 1e-9  # type: ignore[arg-type]
    workbook.close()


def test_stores_report_xlsx(kpidesk: Run, demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "stores.xlsx"
    kpidesk(
        "--db", str(demo_db), "report", "stores", "--from", "01.10.2026", "--to", "31.10.2026",
        "--format", "xlsx", "-o", str(target), check_code=0,
    )  # fmt: skip
    from openpyxl import load_workbook

    workbook = load_workbook(target)
    sheet = workbook.active
    assert sheet is not None
    header = [c.value for c in sheet[2]]
    assert header[:3] == ["store", "revenue", "receipts"]
    names = [sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)]
    assert names == ["ТЦ «Мега»", "Центральный", "На Садовой", "*"]
    workbook.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2026-10", "--by", "store", "--indicator", "nope"], "Unknown indicator"),
        (["--from", "01.10.2026", "--by", "store"], "--from needs --to"),
        (["--from", "31.10.2026", "--to", "01.10.2026", "--by", "store"], "is before"),
        (["--period", "2026-10", "--by", "store", "--format", "xlsx"], "needs -o"),
    ],
)
def test_bad_input_is_a_clear_message(
    kpidesk: Run, demo_db: Path, args: list[str], message: str
) -> None:
    done = kpidesk("--db", str(demo_db), "report", "rating", *args)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_usage_errors_exit_2(kpidesk: Run, demo_db: Path) -> None:
    done = kpidesk("--db", str(demo_db), "report", "rating", "--period", "2026-10")
    assert done.returncode == 2
    done = kpidesk("--db", str(demo_db), "report", "rating", "--period", "2026-13", "--by", "store")
    assert done.returncode == 2 and "not a period" in done.stderr

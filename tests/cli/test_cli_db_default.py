"""``--db`` on the command line never changes which company later commands use by default
(SPEC §5: only opening a company in the window does), and every report names the company
it came from — its first line (text) or its ``company`` field (JSON)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from kpidesk.services import locations
from kpidesk.services.demo_setup import create_demo_database


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    return path


def _company(report: str) -> dict[str, str]:
    found = json.loads(report)["company"]
    assert isinstance(found, dict)
    return found


def test_db_on_one_command_leaves_the_next_commands_default(  # type: ignore[no-untyped-def]
    kpidesk, kpidesk_home: Path, built: Path, tmp_path: Path
) -> None:
    usual = tmp_path / "usual.kpidesk"
    other = tmp_path / "other.kpidesk"
    shutil.copy(built, usual)
    shutil.copy(built, other)
    locations.remember_database(usual)  # the window opened "usual" last
    before = _company(kpidesk("report", "bonus", "--period", "2026-10", check_code=0).stdout)
    assert before["location"] == str(usual.resolve())
    for args in (
        ("report", "bonus", "--period", "2026-10"),
        ("report", "stores", "--from", "01.10.2026", "--to", "31.10.2026"),
        ("check",),
        ("demo", "--no-gui"),
    ):
        kpidesk("--db", str(other), *args, check_code=0)
        after = kpidesk("report", "bonus", "--period", "2026-10", check_code=0).stdout
        assert _company(after)["location"] == str(usual.resolve()), args
    assert locations.last_database() == usual


def test_every_report_names_its_company(kpidesk, built: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    company = tmp_path / "named.kpidesk"
    shutil.copy(built, company)
    db = ("--db", str(company))
    expected = {"name": "ООО «Уютный дом»", "location": str(company.resolve())}
    for args in (
        ("report", "bonus", "--period", "2026-10"),
        ("report", "stores", "--from", "01.10.2026", "--to", "31.10.2026"),
        ("report", "rating", "--period", "2026-10", "--by", "store"),
        ("report", "tasks", "--period", "2026-10"),
    ):
        document = json.loads(kpidesk(*db, *args, check_code=0).stdout)
        assert next(iter(document)) == "company" and document["company"] == expected, args
        text = kpidesk(*db, *args, "--format", "csv", check_code=0).stdout
        assert text.splitlines()[0] == f"# ООО «Уютный дом» — {company.resolve()}", args

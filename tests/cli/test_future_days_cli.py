"""``kpidesk daily set`` refuses a day after today (issue 15, item 2) with a Russian
message naming the date, and writes nothing."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from kpidesk.services import daily_entry
from kpidesk.services.company import CompanyService
from tests.engines import demo_company

Run = Callable[..., subprocess.CompletedProcess[str]]
STORE = "ТЦ «Мега»"


@pytest.fixture
def db(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    found = demo_company("sqlite", tmp_path, request, date(2026, 11, 22))
    assert isinstance(found, Path)
    return found


def test_daily_set_refuses_tomorrow(kpidesk: Run, db: Path) -> None:
    tomorrow = date.today() + timedelta(days=1)
    shown = f"{tomorrow:%d.%m.%Y}"
    full = ["--revenue", "1000", "--receipts", "3", "--visitors", "30"]
    done = kpidesk(
        "--db", str(db), "daily", "set", "--store", STORE, "--date", shown, *full, check_code=1
    )
    assert "Traceback" not in done.stderr
    assert f"{shown} — позже сегодняшнего дня" in done.stderr, done.stderr
    with CompanyService.open(db, backup=False) as service:
        assert daily_entry.saved_day(service, STORE, tomorrow) is None

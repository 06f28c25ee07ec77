"""``kpidesk period lock|reopen|status`` and ``kpidesk daily set`` as a user runs them: exit
codes, messages, JSON, and the refusal of a locked period."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kpidesk.services.demo_setup import create_demo_database

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli_demo") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    import sqlite3

    target = tmp_path / "demo.kpidesk"
    source, copy = sqlite3.connect(template), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def kpidesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "kpidesk", "--lang", "en", "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_lock_refuses_daily_set_and_reopen_logs_the_reason(db: Path) -> None:
    day = ["--store", "ТЦ «Мега»", "--date", "05.10.2026"]
    numbers = ["--revenue", "90 000,50", "--receipts", "35", "--visitors", "160"]
    done = kpidesk(db, "daily", "set", *day, *numbers)
    assert done.returncode == 0, done.stderr
    assert "saved ТЦ «Мега» 05.10.2026" in done.stdout

    done = kpidesk(db, "period", "lock", "2026-10")
    assert done.returncode == 0 and "period 2026-10 locked" in done.stdout
    again = kpidesk(db, "period", "lock", "2026-10")
    assert again.returncode == 1 and "already locked" in again.stderr

    refused = kpidesk(
        db, "daily", "set", *day, "--revenue", "1", "--receipts", "1", "--visitors", "1"
    )
    assert refused.returncode == 1
    assert "Period 2026-10 is locked" in refused.stderr
    assert "Traceback" not in refused.stderr

    status = kpidesk(db, "period", "status", "2026-10", "--format", "json")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["locked"] is True

    no_reason = kpidesk(db, "period", "reopen", "2026-10")
    assert no_reason.returncode == 2  # --reason is required (usage error)
    reopened = kpidesk(db, "period", "reopen", "2026-10", "--reason", "ошибка в чеках")
    assert reopened.returncode == 0, reopened.stderr
    text = kpidesk(db, "period", "status", "2026-10")
    assert text.returncode == 0 and "2026-10: open" in text.stdout

    from kpidesk.services.company import CompanyService

    with CompanyService.open(db, backup=False) as service:
        (entry,) = service.database.audit.entries(entity="period", limit=1)
    assert (entry.action, entry.new) == ("reopen", "ошибка в чеках")


def test_status_lists_what_is_missing(db: Path) -> None:
    from kpidesk.services.company import CompanyService

    with CompanyService.open(db, backup=False) as service:
        service.database.daily.delete_daily("Центральный", date(2026, 10, 9))
    done = kpidesk(db, "period", "status", "2026-10", "--format", "json")
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert status["missing_days"] == {"Центральный": ["2026-10-09"]}
    assert status["missing_facts"] == [{"employee": "Соколова Анна Игоревна", "indicator": "nps"}]
    text = kpidesk(db, "period", "status", "2026-10")
    assert "Центральный: 1 day(s) without data: 09.10" in text.stdout
    assert "missing fact: Соколова Анна Игоревна — nps" in text.stdout


def test_daily_set_refusals_name_what_and_where(db: Path) -> None:
    base = ["daily", "set", "--store", "ТЦ «Мега»", "--date", "05.10.2026"]
    done = kpidesk(db, *base, "--revenue", "5000", "--receipts", "0", "--visitors", "10")
    assert done.returncode == 1 and "0 receipts" in done.stderr
    done = kpidesk(db, *base, "--revenue", "abc", "--receipts", "1", "--visitors", "10")
    assert done.returncode == 1 and "--revenue: 'abc' is not a number" in done.stderr
    done = kpidesk(
        db,
        "daily",
        "set",
        "--store",
        "Нет",
        "--date",
        "05.10.2026",
        "--revenue",
        "1",
        "--receipts",
        "1",
        "--visitors",
        "1",
    )
    assert done.returncode == 1 and "Unknown store 'Нет'" in done.stderr
    warned = kpidesk(db, *base, "--revenue", "5000", "--receipts", "12", "--visitors", "10")
    assert warned.returncode == 0 and "conversion is above 100%" in warned.stderr
    bad_period = kpidesk(db, "period", "status", "октябрь")
    assert bad_period.returncode == 2 and "not a period" in bad_period.stderr

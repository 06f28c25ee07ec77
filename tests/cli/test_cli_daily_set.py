"""``kpidesk daily set`` changes only the values it is given (issue 13, item 4): on a saved
day an option left out keeps its saved value (units and returns were silently set to 0 and
cleared before); ``--returns ""`` clears the returns; a new day still needs revenue,
receipts and visitors."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.engines import demo_company

Run = Callable[..., subprocess.CompletedProcess[str]]
TODAY = date(2026, 11, 22)
STORE = "ТЦ «Мега»"


@pytest.fixture
def db(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A fresh copy of the demo company file (built once per run)."""
    found = demo_company("sqlite", tmp_path, request, TODAY)
    assert isinstance(found, Path)
    return found


def stored(db: Path, day: str) -> tuple[str, int, int, int, str | None] | None:
    """The saved day of the store: revenue, receipts, visitors, units, returns."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT d.revenue, d.receipts, d.visitors, d.units, d.returns FROM daily d "
            "JOIN stores s ON s.id = d.store_id WHERE s.name = ? AND d.day = ?",
            (STORE, day),
        ).fetchone()
    finally:
        conn.close()
    return None if row is None else (str(row[0]), int(row[1]), int(row[2]), int(row[3]), row[4])


def _number(text: str | None) -> float | None:
    return None if text is None else float(text)


def test_only_the_given_values_change(kpidesk: Run, db: Path) -> None:
    day = ["--store", STORE, "--date", "05.10.2026"]
    full = ["--revenue", "90 000", "--receipts", "35", "--visitors", "160"]
    kpidesk("--db", str(db), "daily", "set", *day, *full, "--units", "77", "--returns", "500")
    first = stored(db, "2026-10-05")
    assert first is not None
    assert (float(first[0]), first[1:4], _number(first[4])) == (90000, (35, 160, 77), 500)

    kpidesk("--db", str(db), "daily", "set", *day, "--revenue", "91 500,50", check_code=0)
    after = stored(db, "2026-10-05")
    assert after is not None
    assert float(after[0]) == 91500.5
    assert after[1:4] == (35, 160, 77) and _number(after[4]) == 500  # kept as saved

    kpidesk("--db", str(db), "daily", "set", *day, "--units", "80", check_code=0)
    units = stored(db, "2026-10-05")
    assert units is not None and units[3] == 80 and float(units[0]) == 91500.5
    assert _number(units[4]) == 500

    kpidesk("--db", str(db), "daily", "set", *day, "--returns", "", check_code=0)
    cleared = stored(db, "2026-10-05")
    assert cleared is not None and cleared[4] is None and cleared[3] == 80


def test_a_new_day_needs_its_required_values(kpidesk: Run, db: Path) -> None:
    new = ["--store", STORE, "--date", "01.12.2026"]  # after the demo, not after today
    assert stored(db, "2026-12-01") is None
    done = kpidesk("--db", str(db), "daily", "set", *new, "--revenue", "1000", check_code=1)
    assert "Traceback" not in done.stderr and "чеки, посетители" in done.stderr.lower()
    assert stored(db, "2026-12-01") is None
    nothing = kpidesk("--db", str(db), "daily", "set", *new, check_code=1)
    assert "Сохранять нечего" in nothing.stderr, nothing.stderr
    full = ["--revenue", "1000", "--receipts", "3", "--visitors", "30"]
    kpidesk("--db", str(db), "daily", "set", *new, *full, check_code=0)
    saved = stored(db, "2026-12-01")
    assert saved is not None and float(saved[0]) == 1000 and saved[1:] == (3, 30, 0, None)


def test_a_changed_value_is_still_checked_with_the_saved_ones(kpidesk: Run, db: Path) -> None:
    """Revenue without receipts is refused although only the receipts were given."""
    day = ["--store", STORE, "--date", "05.10.2026"]
    full = ["--revenue", "90 000", "--receipts", "35", "--visitors", "160"]
    kpidesk("--db", str(db), "daily", "set", *day, *full, check_code=0)
    before = stored(db, "2026-10-05")
    done = kpidesk("--db", str(db), "daily", "set", *day, "--receipts", "0")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert stored(db, "2026-10-05") == before

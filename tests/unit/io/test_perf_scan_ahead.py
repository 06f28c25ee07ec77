"""The safety scan run ahead in a child process (``io.scan_ahead``) gives the reader exactly
what its own scan gives: the same content, origins and located problems for a good
workbook, the same refusal for every hostile or damaged one; and when the child cannot
finish (it failed, it was killed, the file changed since it started), the reader scans
the file itself. The child never outlives :meth:`ScanAhead.close`."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kpidesk.entry import workbook_to_import
from kpidesk.io import safety, scan_ahead
from kpidesk.io.reader import ReadResult, read_workbook
from kpidesk.io.scan_ahead import ScanAhead, UnfinishedScanError
from tests.unit.io.attacks import build_attacks, filled_template

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the scan forks on Linux only")
ACTIVE_COUNT = threading.active_count


@pytest.fixture(autouse=True)
def _single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan forks only in a process with one Python thread; a test run may have more
    (a finished Qt test's helpers): the child here runs only the scan either way."""
    monkeypatch.setattr(scan_ahead.threading, "active_count", lambda: 1)


def _ahead(path: Path) -> ReadResult:
    scan = ScanAhead.start(path)
    assert scan is not None
    with scan:
        return read_workbook(path, scan=scan)


def _exited(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped
    return False


def test_a_good_workbook_reads_the_same(tmp_path: Path) -> None:
    path = filled_template(tmp_path / "good.xlsx")
    here = read_workbook(path)
    assert len(here.content.daily) == 10 and len(here.content.facts) == 2
    assert _ahead(path) == here


def test_every_attack_is_refused_the_same(tmp_path: Path) -> None:
    base = filled_template(tmp_path / "base.xlsx")
    attacks = build_attacks(base, tmp_path / "attacks")
    assert len(attacks) >= 15
    for name, path in attacks.items():
        here = read_workbook(path)
        assert _ahead(path) == here, name


def test_files_that_are_no_workbook_are_refused_the_same(tmp_path: Path) -> None:
    csv = tmp_path / "daily.csv"
    csv.write_text("Дата;Магазин\n01.10.2026;Центральный\n", encoding="utf-8")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    for path in (csv, empty):
        here = read_workbook(path)
        assert here.problems and here.problems[0].code in ("csv_not_supported", "not_xlsx")
        assert _ahead(path) == here


def test_a_file_changed_after_the_scan_started_is_scanned_again(tmp_path: Path) -> None:
    path = filled_template(tmp_path / "book.xlsx")
    other = filled_template(tmp_path / "other.xlsx")
    attack = build_attacks(other, tmp_path / "attacks")["far_cell_lower_case"]
    scan = ScanAhead.start(path)
    assert scan is not None
    with scan:
        time.sleep(0.05)
        shutil.copyfile(attack, path)  # replaced by a hostile file while it was scanned
        result = read_workbook(path, scan=scan)
    assert [p.code for p in result.problems] == ["sheet_too_large"]
    assert result == read_workbook(path)


def test_a_child_that_fails_or_dies_leaves_the_scan_to_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled_template(tmp_path / "book.xlsx")
    here = read_workbook(path)
    parent = os.getpid()
    real = safety.check_sheets

    def failing_in_the_child(*args: object, **kwargs: object) -> dict[str, int]:
        if os.getpid() != parent:
            raise MemoryError
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(safety, "check_sheets", failing_in_the_child)
        scan = ScanAhead.start(path)
        assert scan is not None
        with scan, pytest.raises(UnfinishedScanError):
            scan.check_sheets(path, lambda name, rows: None)
        assert _ahead(path) == here  # the reader's own scan

    scan = ScanAhead.start(path)
    assert scan is not None
    with scan:
        os.kill(scan._pid or 0, signal.SIGKILL)
        assert read_workbook(path, scan=scan) == here


def test_a_verdict_is_given_once(tmp_path: Path) -> None:
    path = filled_template(tmp_path / "book.xlsx")
    scan = ScanAhead.start(path)
    assert scan is not None
    with scan:
        passed: list[str] = []
        rows = scan.check_sheets(path, lambda name, count: passed.append(name))
        assert list(rows) == passed and "Ежедневно" in passed
        with pytest.raises(UnfinishedScanError):
            scan.check_sheets(path, lambda name, count: None)


def test_the_child_is_reaped_and_never_outlives_close(tmp_path: Path) -> None:
    path = filled_template(tmp_path / "book.xlsx")
    scan = ScanAhead.start(path)
    assert scan is not None
    pid = scan._pid
    assert pid is not None
    scan.close()  # at once: killed if still scanning
    assert _exited(pid)
    scan.close()  # twice is harmless


def test_no_fork_where_it_is_not_safe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = filled_template(tmp_path / "book.xlsx")
    monkeypatch.setattr(scan_ahead.threading, "active_count", ACTIVE_COUNT)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert ScanAhead.start(path) is None  # another thread may hold a lock
    finally:
        stop.set()
        other.join()
    monkeypatch.setattr(scan_ahead.threading, "active_count", lambda: 1)
    monkeypatch.setattr(scan_ahead, "ENABLED", False)
    assert ScanAhead.start(path) is None
    monkeypatch.setattr(scan_ahead, "ENABLED", True)
    assert ScanAhead.start(tmp_path / "missing.xlsx") is None
    assert ScanAhead.start(tmp_path) is None  # a folder


def test_the_import_command_takes_the_scan_from_the_child(
    book: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kpidesk.cli import main

    daily: list[list[object]] = [["Дата", "Магазин", "Выручка", "Чеки", "Посетители"]]
    daily += [[date(2026, 10, day), "S0", 1000.5 + day, 20, 80] for day in range(1, 11)]
    path = book({"Магазины": [["Название"], ["S0"]], "Ежедневно": daily})
    verdicts: list[dict[str, int]] = []
    real = ScanAhead.check_sheets

    def spy(self: ScanAhead, workbook: Path, passed: Callable[[str, int], None]) -> dict[str, int]:
        rows = real(self, workbook, passed)
        verdicts.append(rows)
        return rows

    monkeypatch.setattr(ScanAhead, "check_sheets", spy)
    assert main(["--lang", "en", "--db", str(tmp_path / "c.kpidesk"), "import", str(path)]) == 0
    assert "daily: 10 added" in capsys.readouterr().out
    assert len(verdicts) == 1 and "Ежедневно" in verdicts[0]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["import", "a.xlsx"], "a.xlsx"),
        (["--db", "x.kpidesk", "import", "--dry-run", "a.xlsx"], "a.xlsx"),
        (["--db=import", "--lang", "en", "--user", "anna", "import", "a.xlsx"], "a.xlsx"),
        (["--db", "import", "export", "a.xlsx"], None),
        (["import", "--", "-odd.xlsx"], "-odd.xlsx"),
        (["import"], None),
        (["export", "a.xlsx"], None),
        ([], None),
    ],
)
def test_the_command_line_guess_of_the_workbook(arguments: list[str], expected: str | None) -> None:
    guessed = workbook_to_import(arguments)
    assert guessed == (None if expected is None else Path(expected))


def test_what_the_fork_waits_for_stays_light() -> None:
    """The entry point and the scan's modules are all that is imported before the fork
    (issue 17): none of them may import dataclasses (≈ 8 ms here), typing, json or signal
    (a Python without ``site``, so that nothing else loads them first)."""
    root = Path(__file__).resolve().parents[3]
    heavy = ("dataclasses", "typing", "json", "signal", "kpidesk.io.sheets")
    probe = (
        f"import sys; sys.path.insert(0, {str(root)!r}); "
        "import kpidesk.entry, kpidesk.io.scan_ahead; "
        f"print(sorted(set({heavy!r}) & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr

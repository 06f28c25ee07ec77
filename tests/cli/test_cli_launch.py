"""How the ``kpidesk`` command ends (``cli.launch``): after ``import`` the process leaves
with ``os._exit`` once its output is flushed (issue 17: the interpreter's teardown is
15–25 ms of a 0.5 s import), every other command through ``sys.exit``; either way nothing
written is lost."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from kpidesk import cli

CLI_LANG = "en"


class _ExitCalledError(Exception):
    """``os._exit`` was called (with ``code``)."""

    def __init__(self, code: int) -> None:
        self.code = code


def _launch(monkeypatch: pytest.MonkeyPatch, arguments: list[str], code: int) -> list[str]:
    """``cli.launch`` with ``main`` replaced; returns what it did, in order."""
    done: list[str] = []

    def main(given: list[str], scan: object = None) -> int:
        assert given == arguments and scan is None
        done.append("main")
        return code

    def leave(exit_code: int) -> None:
        done.append(f"os._exit({exit_code})")
        raise _ExitCalledError(exit_code)

    monkeypatch.setattr(sys, "argv", ["kpidesk", *arguments])
    monkeypatch.setattr(cli, "main", main)
    monkeypatch.setattr(cli.os, "_exit", leave)
    monkeypatch.setattr(cli.logging, "shutdown", lambda: done.append("logging.shutdown"))
    return done


def test_an_import_leaves_with_os_exit_after_logging_is_shut_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    arguments = ["--lang", "ru", "--db", "c.kpidesk", "import", "--dry-run", "kpi.xlsx"]
    done = _launch(monkeypatch, arguments, 1)
    with pytest.raises(_ExitCalledError) as left:
        cli.launch()
    assert left.value.code == 1
    assert done == ["main", "logging.shutdown", "os._exit(1)"]


@pytest.mark.parametrize(
    "arguments",
    [["template", "-o", "t.xlsx"], ["--db", "c.kpidesk", "export", "import.xlsx"], ["gui"], []],
)
def test_every_other_command_ends_through_sys_exit(
    monkeypatch: pytest.MonkeyPatch, arguments: list[str]
) -> None:
    done = _launch(monkeypatch, arguments, 2)
    with pytest.raises(SystemExit) as ended:
        cli.launch()
    assert ended.value.code == 2
    assert done == ["main"]  # no os._exit: atexit handlers and Qt's destructors run


def test_a_whole_import_through_the_command_keeps_its_output_and_its_data(
    kpidesk, tmp_path: Path
) -> None:
    demo, workbook, company = tmp_path / "demo.kpidesk", tmp_path / "demo.xlsx", tmp_path / "c"
    kpidesk("--db", str(demo), "demo", "--no-gui", check_code=0)
    kpidesk("--db", str(demo), "export", str(workbook), check_code=0)
    done = kpidesk("--db", str(company), "import", str(workbook), check_code=0)
    # stdout is a pipe here (block-buffered): every line reached it before the process left
    lines = done.stdout.splitlines()
    assert lines[0] == f"imported {workbook.name}:"
    assert lines[-1].startswith("  tasks: ")  # the last line, written just before leaving
    assert done.stdout.endswith("\n")
    # the company was closed before the process left: no write-ahead log remains
    assert not Path(f"{company}-wal").exists()
    source, target = sqlite3.connect(demo), sqlite3.connect(company)
    try:
        for table in ("daily", "facts", "employees"):
            (expected,) = source.execute(f"SELECT count(*) FROM {table}").fetchone()
            (found,) = target.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert found == expected > 0, table
            assert f"  {table}: {found} added," in done.stdout, (table, lines)
    finally:
        source.close()
        target.close()
    # and a refused import still says why on stderr, with exit code 1
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    refused = kpidesk("--db", str(company), "import", str(bad), check_code=1)
    assert f"cannot import {bad.name}" in refused.stderr


def _demo_workbook(kpidesk, tmp_path: Path) -> tuple[Path, Path]:
    """The demo company and its export, the workbook the import tests read."""
    demo, workbook = tmp_path / "demo.kpidesk", tmp_path / "demo.xlsx"
    kpidesk("--db", str(demo), "demo", "--no-gui", check_code=0)
    kpidesk("--db", str(demo), "export", str(workbook), check_code=0)
    return demo, workbook


# what ``kpidesk import`` never needs: each costs its start a few ms (issue 17), most of
# it Python's making of their dataclasses' methods (≈ 0.5 ms a class on the build machine)
_NOT_FOR_AN_IMPORT = (
    "_hashlib",  # a company without users checks no password
    "hashlib",
    "hmac",
    "platformdirs",  # --db with KPIDESK_HOME needs no default folder
    "kpidesk.services.login",  # nor a login (nor its users)
    "kpidesk.services.users",
    "kpidesk.core.results",  # an import computes no period
    "kpidesk.core.visibility",
    "kpidesk.core.snapshot",
    "kpidesk.services.import_preview",  # only a dry run previews
)


def test_an_import_loads_neither_openssl_nor_platformdirs_nor_the_calculation(
    kpidesk, python_code, tmp_path: Path
) -> None:
    """The import command loads none of :data:`_NOT_FOR_AN_IMPORT` (it would still work if
    it did: the modules are only slower to start); a dry run loads the preview."""
    _, workbook = _demo_workbook(kpidesk, tmp_path)
    probe = (
        "import sys\n"
        "from kpidesk.cli import main\n"
        "code = main(sys.argv[1:])\n"
        f"print(sorted(m for m in {_NOT_FOR_AN_IMPORT!r} if m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    done = python_code(probe, "--db", str(tmp_path / "c"), "import", str(workbook))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
    dry = python_code(probe, "--db", str(tmp_path / "d"), "import", "--dry-run", str(workbook))
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[-1] == "['kpidesk.services.import_preview']", dry.stdout


def test_the_entry_point_starts_the_scan_before_it_imports_the_command_line(
    kpidesk, python_code, tmp_path: Path
) -> None:
    """``kpidesk import FILE`` forks the file's safety scan first (``entry.launch``), so
    that the child scans while the parent imports argparse, logging and the handlers
    (issue 17); the reader then takes that very scan. Any other command starts none."""
    demo, workbook = _demo_workbook(kpidesk, tmp_path)
    probe = (
        "import sys\n"
        "import kpidesk.io.scan_ahead as scan_ahead\n"
        "real_start, real_check = scan_ahead.ScanAhead.start.__func__,"
        " scan_ahead.ScanAhead.check_sheets\n"
        "def start(cls, path):\n"
        "    print('start', path.name, 'kpidesk.cli' in sys.modules, 'argparse' in sys.modules)\n"
        "    return real_start(cls, path)\n"
        "def check_sheets(self, path, passed):\n"
        "    print('taken', path.name)\n"
        "    return real_check(self, path, passed)\n"
        "scan_ahead.ScanAhead.start = classmethod(start)\n"
        "scan_ahead.ScanAhead.check_sheets = check_sheets\n"
        "import kpidesk.entry\n"
        "kpidesk.entry.launch()\n"
    )
    done = python_code(probe, "--db", str(tmp_path / "c"), "import", str(workbook))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["start demo.xlsx False False", "taken demo.xlsx"], lines
    assert lines.count("start demo.xlsx False False") == 1  # main did not start another
    other = python_code(probe, "--db", str(demo), "export", str(tmp_path / "again.xlsx"))
    assert other.returncode == 0, other.stderr
    assert not any(line.startswith(("start", "taken")) for line in other.stdout.splitlines())

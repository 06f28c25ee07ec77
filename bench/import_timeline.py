"""Where the time of one ``kpidesk import`` goes: the milestones of the whole process, in
milliseconds since the process started (read from ``/proc``, so the interpreter's own
start is counted), with the thread that reached each. Linux only; run bench/generate.py
first. Not a target of its own: ``bench_import.py`` measures the import, this says why
it takes what it takes (bench/RESULTS.md, "where the time goes").

    python bench/import_timeline.py [--python PATH] [--runs 3]

Each run imports the reference workbook into a fresh database, as ``python -m kpidesk``
does, with a few functions of the import wrapped to note when they start and end:

- ``fork``: the safety scan's child starts (``io.scan_ahead``);
- ``passed SHEET``: the reader has the scan's verdict for a sheet;
- ``parse> / parse< SHEET``: python-calamine parses a sheet in a loader thread;
- ``take> / take< SHEET``: the reader waits for, then has, a parsed sheet;
- ``validate``, ``apply`` (the inserts, in the runner's transaction), ``close`` (the
  checkpoint), ``exit``: the rest.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# runs inside the measured process: wraps the milestones, then ``cli.launch`` as usual
_PROBE = r"""
import os, sys, threading, time

def _started():
    with open("/proc/self/stat") as stat:
        ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as uptime:
        up = float(uptime.read().split()[0])
    return time.time() - (up - ticks / os.sysconf("SC_CLK_TCK"))

START = _started()
MARKS = []

def mark(what):
    MARKS.append(((time.time() - START) * 1000, threading.current_thread().name, what))

def timed(owner, name, label=None):
    real = getattr(owner, name)
    label = label or name
    def wrapper(*args, **kwargs):
        mark(label + ">")
        try:
            return real(*args, **kwargs)
        finally:
            mark(label + "<")
    setattr(owner, name, wrapper)

mark("python started")
import kpidesk.io.scan_ahead as scan_ahead
mark("scan imported")
real_start = scan_ahead.ScanAhead.start.__func__
def start(cls, path):
    mark("fork")
    scan = real_start(cls, path)
    wrap_the_command()  # the command line is imported now, after the fork, as usual
    return scan
scan_ahead.ScanAhead.start = classmethod(start)

def wrap_the_command():
    import kpidesk.cli as cli
    if hasattr(cli, "real_command"):
        return
    mark("cli imported")
    cli.real_command = cli.cmd_import
    def cmd_import(args):
        mark("import command")
        import kpidesk.commands.company as company
        import kpidesk.io.sheet_loader as loader
        import kpidesk.services.importing as importing
        import kpidesk.store.database as database

        real_passed = loader.SheetLoader.passed
        def passed(self, name, rows=loader.LARGE_ROWS):
            mark("passed " + name)
            return real_passed(self, name, rows)
        loader.SheetLoader.passed = passed
        real_open = loader.SheetLoader._open
        class Timed:
            def __init__(self, workbook):
                self.workbook = workbook
            def get_sheet_by_name(self, name):
                mark("parse> " + name)
                try:
                    return self.workbook.get_sheet_by_name(name)
                finally:
                    mark("parse< " + name)
            def __getattr__(self, name):
                return getattr(self.workbook, name)
        loader.SheetLoader._open = lambda self: Timed(real_open(self))
        real_take = loader.SheetLoader.take
        def take(self, name):
            mark("take> " + name)
            try:
                return real_take(self, name)
            finally:
                mark("take< " + name)
        loader.SheetLoader.take = take
        timed(company, "open_company")
        timed(importing, "read_workbook", "read")
        timed(importing, "validate_content", "validate")
        timed(importing.ApplyContent, "apply")
        timed(database.Database, "close")
        try:
            return cli.real_command(args)
        finally:
            mark("import command done")
    cli.cmd_import = cmd_import

    real_exit, parent = os._exit, os.getpid()
    def leave(code):  # (patched after the fork: a child leaves as it would)
        if os.getpid() != parent:
            real_exit(code)
        mark("exit")
        for at, thread, what in MARKS:
            sys.stderr.write(f"{at:8.1f}  {thread[-9:]:>9}  {what}\n")
        sys.stderr.flush()
        real_exit(code)
    cli.os._exit = leave
import kpidesk.entry
kpidesk.entry.launch()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DATA / "reference.xlsx")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"no {args.file}: run bench/generate.py first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            database = Path(folder) / f"timeline-{run}.kpidesk"
            done = subprocess.run(
                [args.python, "-c", _PROBE, "--db", str(database), "import", str(args.file)],
                capture_output=True,
                text=True,
                env=dict(os.environ, KPIDESK_HOME=folder),
            )
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
            print(f"run {run + 1}: ms since the process started, thread, milestone")
            print(done.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

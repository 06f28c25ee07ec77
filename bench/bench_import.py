"""`kpidesk import` of the 3-year reference workbook, whole process (a fresh empty
database each run), against `pandas.read_excel` reading every sheet of the same file
(SPEC §9 target: ≤ 0.6 s and ≤ half of pandas). Run bench/generate.py first.

    python bench/bench_import.py [--runs 5] [--also VARIANT …] [--python PATH]

``--also`` times variants of the import, run by run alternately with the usual one, so
that all see the same load:

- ``serial``: python-calamine parses each sheet in the reader's own thread
  (``io.reader.THREADED = False``, the reference path of ``io.sheet_loader``);
- ``one-worker``: one parsing thread, not two (``io.sheet_loader.WORKERS = 1``);
- ``scan-here``: the safety scan in the importing process, not ahead in a child
  (``io.scan_ahead.ENABLED = False``);
- ``triggers-kept``: a first import keeps the lock triggers while it inserts
  (``sqlite_dialect.lock_guard_lifted`` does nothing).

``--python``: the interpreter to run both with, e.g. that of a virtual environment with
kpidesk installed as a user installs it (``pip install .``): the default is this one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import median_seconds

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[1]
# ``python -m kpidesk`` with one setting changed: before the entry point (which forks the
# scan ahead before it imports the command line) only what is light to import, the rest at
# the start of the import command, so that the variant does not import the store before
# the fork; the command is wrapped once the command line is imported, after the fork
_VARIANT = (
    "import sys\n"
    "{before}\n"
    "import kpidesk.io.scan_ahead as scan_ahead\n"
    "real_start = scan_ahead.ScanAhead.start.__func__\n"
    "def start(cls, path):\n"
    "    scan = real_start(cls, path)\n"
    "    import kpidesk.cli as cli\n"
    "    if not hasattr(cli, 'real_import'):\n"
    "        cli.real_import = cli.cmd_import\n"
    "        def cmd_import(args):\n"
    "            {inside}\n"
    "            return cli.real_import(args)\n"
    "        cli.cmd_import = cmd_import\n"
    "    return scan\n"
    "scan_ahead.ScanAhead.start = classmethod(start)\n"
    "import kpidesk.entry\n"
    "kpidesk.entry.launch()\n"  # as ``python -m kpidesk``: ``os._exit`` after an import
)
VARIANTS = {  # name → (before main, inside the command)
    "serial": ("pass", "import kpidesk.io.reader as m; m.THREADED = False"),
    "one-worker": ("import kpidesk.io.sheet_loader as m; m.WORKERS = 1", "pass"),
    "scan-here": ("import kpidesk.io.scan_ahead as m; m.ENABLED = False", "pass"),
    # the command line imported before the scan starts (as before ``kpidesk.entry``)
    "fork-after-cli": ("import kpidesk.cli", "pass"),
    "triggers-kept": (
        "pass",
        "import contextlib, kpidesk.store.sqlite_dialect as m; "
        "m.lock_guard_lifted = lambda conn, table: contextlib.nullcontext()",
    ),
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", type=Path, default=DATA / "reference.xlsx")
    parser.add_argument("--also", nargs="*", choices=sorted(VARIANTS), default=[])
    parser.add_argument("--python", default=sys.executable, help="default: this interpreter")
    args = parser.parse_args()
    workbook: Path = args.file.resolve()
    if not workbook.exists():
        print(f"{workbook} is missing: run bench/generate.py first", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="kpidesk-bench-"))
    counter = iter(range(10_000))
    python: str = args.python

    def run_import(start: list[str]) -> None:
        database = folder / f"import-{next(counter)}.kpidesk"
        env = {"KPIDESK_HOME": str(folder), "PATH": "/usr/bin:/bin"}
        subprocess.run(  # run from the temporary folder: the interpreter's own kpidesk
            [*start, "--db", str(database), "import", str(workbook)],
            check=True,
            capture_output=True,
            env=env,
            cwd=folder,
        )

    def kpidesk_import() -> None:
        run_import([python, "-m", "kpidesk"])

    def variant(name: str) -> Callable[[], None]:
        before, inside = VARIANTS[name]
        code = _VARIANT.format(before=before, inside=inside)
        return lambda: run_import([python, "-c", code])

    def pandas_read() -> None:
        subprocess.run(
            [python, "-c", f"import pandas; pandas.read_excel({str(workbook)!r}, None)"],
            check=True,
            capture_output=True,
        )

    print(f"load average before: {os.getloadavg()[0]:.2f}; python: {python}")
    if args.also:
        runs: dict[str, Callable[[], None]] = {"usual": kpidesk_import}
        runs.update({name: variant(name) for name in args.also})
        samples: dict[str, list[float]] = {name: [] for name in runs}
        kpidesk_import()  # warm-up
        for _ in range(args.runs):
            for name, action in runs.items():
                samples[name].append(_timed(action))
        for name in args.also:
            print(f"{name}: median {statistics.median(samples[name]):.3f} s (alternating)")
        ours = statistics.median(samples["usual"])
    else:
        ours = median_seconds(kpidesk_import, runs=args.runs)
    theirs = median_seconds(pandas_read, runs=max(3, args.runs // 2))
    print(f"kpidesk import (whole process): median {ours:.3f} s over {args.runs} runs")
    print(f"pandas.read_excel of every sheet (whole process): median {theirs:.3f} s")
    print(f"ratio: {ours / theirs:.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


def _timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())

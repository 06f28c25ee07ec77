"""`kpidesk import` of the 3-year reference workbook, whole process (a fresh empty
database each run), against `pandas.read_excel` reading every sheet of the same file
(SPEC §9 target: ≤ 0.6 s and ≤ half of pandas). Run bench/generate.py first.

    python bench/bench_import.py [--runs 5] [--serial-too]

``--serial-too`` also times the import with python-calamine parsing each sheet in the
reader's own thread (``io.reader.THREADED = False``, the reference path of
``io.sheet_loader``), run by run alternately with the usual import, so that both see the
same load: the worker thread gains only where a second core is free.
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
# ``python -m kpidesk`` with python-calamine parsing in the reader's thread
_SERIAL = (
    "import runpy, sys\n"
    "import kpidesk.io.reader as reader\n"
    "reader.THREADED = False\n"
    "sys.argv = ['kpidesk', *sys.argv[1:]]\n"
    "runpy.run_module('kpidesk', run_name='__main__')\n"
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", type=Path, default=DATA / "reference.xlsx")
    parser.add_argument("--serial-too", action="store_true")
    args = parser.parse_args()
    workbook: Path = args.file
    if not workbook.exists():
        print(f"{workbook} is missing: run bench/generate.py first", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="kpidesk-bench-"))
    counter = iter(range(10_000))

    def run_import(start: list[str]) -> None:
        database = folder / f"import-{next(counter)}.kpidesk"
        env = {"KPIDESK_HOME": str(folder), "PATH": "/usr/bin:/bin"}
        subprocess.run(
            [*start, "--db", str(database), "import", str(workbook)],
            check=True,
            capture_output=True,
            env=env,
            cwd=ROOT,
        )

    def kpidesk_import() -> None:
        run_import([sys.executable, "-m", "kpidesk"])

    def serial_import() -> None:
        run_import([sys.executable, "-c", _SERIAL])

    def pandas_read() -> None:
        subprocess.run(
            [sys.executable, "-c", f"import pandas; pandas.read_excel({str(workbook)!r}, None)"],
            check=True,
            capture_output=True,
        )

    print(f"load average before: {os.getloadavg()[0]:.2f}")
    if args.serial_too:
        ours_samples, serial_samples = [], []
        kpidesk_import()  # warm-up
        for _ in range(args.runs):
            ours_samples.append(_timed(kpidesk_import))
            serial_samples.append(_timed(serial_import))
        ours = statistics.median(ours_samples)
        serial = statistics.median(serial_samples)
        print(f"sheets parsed in the reader's thread: median {serial:.3f} s (alternating)")
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

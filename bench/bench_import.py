"""`kpidesk import` of the 3-year reference workbook, whole process (a fresh empty
database each run), against `pandas.read_excel` reading every sheet of the same file
(SPEC §9 target: ≤ 0.6 s and ≤ half of pandas). Run bench/generate.py first.

    python bench/bench_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_seconds

DATA = Path(__file__).resolve().parent / "data"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", type=Path, default=DATA / "reference.xlsx")
    args = parser.parse_args()
    workbook: Path = args.file
    if not workbook.exists():
        print(f"{workbook} is missing: run bench/generate.py first", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="kpidesk-bench-"))
    counter = iter(range(10_000))

    def kpidesk_import() -> None:
        database = folder / f"import-{next(counter)}.kpidesk"
        env = {"KPIDESK_HOME": str(folder), "PATH": "/usr/bin:/bin"}
        subprocess.run(
            [sys.executable, "-m", "kpidesk", "--db", str(database), "import", str(workbook)],
            check=True,
            capture_output=True,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
        )

    def pandas_read() -> None:
        subprocess.run(
            [sys.executable, "-c", f"import pandas; pandas.read_excel({str(workbook)!r}, None)"],
            check=True,
            capture_output=True,
        )

    ours = median_seconds(kpidesk_import, runs=args.runs)
    theirs = median_seconds(pandas_read, runs=max(3, args.runs // 2))
    print(f"kpidesk import (whole process): median {ours:.3f} s over {args.runs} runs")
    print(f"pandas.read_excel of every sheet (whole process): median {theirs:.3f} s")
    print(f"ratio: {ours / theirs:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Recompute every matrix and bonus of one period from raw daily data on the reference
database (SPEC §9 target: ≤ 20 ms): loading the period's inputs, and the pure calculation,
timed separately and together. Run bench/generate.py first.

    python bench/bench_recompute.py [--period 2026-10] [--runs 21]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from timing import median_seconds, ms, python_floor_seconds, reference_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpidesk.core.compute import compute_period
from kpidesk.core.periods import Period
from kpidesk.store.database import Database


def main() -> int:
    args = reference_args(runs=21)
    period = Period.parse(args.period)
    with Database.open(args.db, actor="bench", backup_on_open=False) as database:
        company = database.content.load_company()
        inputs = database.content.load_period_inputs(period)
        result = compute_period(company, period, inputs)
        complete = sum(1 for e in result.employees if e.pay is not None)
        rows = sum(len(e.rows) for e in result.employees)
        floor_before = python_floor_seconds()
        load = median_seconds(lambda: database.content.load_period_inputs(period), runs=args.runs)
        pure = median_seconds(lambda: compute_period(company, period, inputs), runs=args.runs)
        whole = median_seconds(
            lambda: compute_period(company, period, database.content.load_period_inputs(period)),
            runs=args.runs,
        )
        floor = (floor_before + python_floor_seconds()) / 2
    print(
        f"period {period.code}: {len(result.employees)} employees, {rows} rows, {complete} complete"
    )
    print(f"load period inputs:        median {ms(load)}")
    print(f"compute_period (pure):     median {ms(pure)}")
    print(f"load + compute (recompute): median {ms(whole)}")
    print(f"floor, pure Python (a million integers summed, same run): median {ms(floor)}")
    # the machine is shared: a figure means little without the load it was measured at
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

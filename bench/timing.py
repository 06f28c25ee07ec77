"""Helpers of the bench scripts: repeat a callable and report the median; the common
arguments of the scripts that run on the reference database."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def median_seconds(
    action: Callable[[], object],
    runs: int = 7,
    warmup: int = 1,
    setup: Callable[[], object] | None = None,
) -> float:
    """Run ``action`` ``warmup`` times untimed, then ``runs`` times; the median in seconds.
    ``setup`` runs untimed before every run (e.g. dropping the caches as a change does)."""
    for _ in range(warmup):
        if setup is not None:
            setup()
        action()
    samples = []
    for _ in range(runs):
        if setup is not None:
            setup()
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def python_floor_seconds(runs: int = 21) -> float:
    """The machine's pure-Python speed in the same run, the floor beside a target that is
    Python-bound and has no library to compare with (a recompute): the median time to sum
    a million integers. This VM's speed moves by ±30 % from minute to minute, so a figure
    of such a target is read beside this one (same minute, same process)."""
    return median_seconds(lambda: sum(range(1_000_000)), runs=runs)


def ms(seconds: float) -> str:
    """Seconds as milliseconds text."""
    return f"{seconds * 1000:.1f} ms"


def reference_args(runs: int) -> argparse.Namespace:
    """``--period`` (default 2026-10), ``--runs`` and ``--db`` (the reference database);
    exits with a message when the database has not been generated yet."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--period", default="2026-10")
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--db", type=Path, default=DATA / "reference.kpidesk")
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: run bench/generate.py first")
    return args

"""Analytics on the reference data set (SPEC §9, issue 6): a 3-year daily chart of one store
(data series + drawing + rendering to pixels) and the full KPI rating of every employee,
each ≤ 200 ms at 1×; at 10× (200 stores, 2 000 employees, 10 years) the dashboard, a rating
and a 3-year chart ≤ 300 ms each and peak memory ≤ 300 MB.

Every timed run starts from a fresh ``Analytics`` with the service's period cache dropped
as a fact edit drops it (untimed), so the times include reading the database and
computing the periods — what the window pays after a change or on a new period.

    python bench/generate.py                       # the 1× database
    python bench/generate.py --scale 10 --no-xlsx  # the 10× database
    python bench/bench_analytics.py [--scale 1|10] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
from datetime import date
from pathlib import Path

from timing import median_seconds, ms

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kpidesk.core.periods import Period
from kpidesk.core.ratings import KPI, Subject
from kpidesk.services.analytics import Analytics
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService

DATA = Path(__file__).resolve().parent / "data"
PERIOD = Period.month(2026, 10)
THREE_YEARS = Period.custom(date(2023, 11, 1), date(2026, 10, 31))


def _rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    stem = "reference" if args.scale == 1 else f"reference-x{args.scale}"
    path = DATA / f"{stem}.kpidesk"
    if not path.exists():
        print(f"{path} is missing: run bench/generate.py --scale {args.scale}", file=sys.stderr)
        return 1
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from kpidesk.gui.analytics import charts_draw, charts_store

    limit = 200 if args.scale == 1 else 300
    service = CompanyService.open(path, backup=False)
    store = service.company().stores[0].name
    figure = Figure(figsize=(9, 5), dpi=100)
    canvas = FigureCanvasAgg(figure)

    def chart() -> None:
        analytics = Analytics(service)
        frame = analytics.daily_series(store, THREE_YEARS, "D")
        with charts_draw.style():
            charts_store.draw_store_days(figure, frame, store, THREE_YEARS, "D", "ru")
            canvas.draw()

    def chart_weekly() -> None:
        analytics = Analytics(service)
        frame = analytics.daily_series(store, THREE_YEARS, "W")
        with charts_draw.style():
            charts_store.draw_store_days(figure, frame, store, THREE_YEARS, "W", "ru")
            canvas.draw()

    def cold() -> None:
        # what a fact edit does: the periods computed are dropped, the directories kept
        service.invalidate(Change(ChangeKind.FACT))

    def rating() -> None:
        Analytics(service).rating(Subject.EMPLOYEE, KPI, PERIOD)

    def store_rating() -> None:
        Analytics(service).rating(Subject.STORE, "conversion", PERIOD)

    def dashboard() -> None:
        Analytics(service).dashboard(PERIOD, date(2026, 11, 22))

    warm = Analytics(service)
    warm.rating(Subject.EMPLOYEE, KPI, PERIOD)

    def rating_warm() -> None:
        # the window's case after the first look: the period results are cached
        warm.rating(Subject.EMPLOYEE, KPI, PERIOD)

    employees = len(Analytics(service).rating(Subject.EMPLOYEE, KPI, PERIOD).rows)
    print(
        f"{path.name}: {len(service.company().stores)} stores, "
        f"{len(service.company().employees)} employees; {employees} rated for {PERIOD.code}"
    )
    results = {
        "3-year daily chart, one store (series + draw + render)": median_seconds(
            chart, runs=args.runs, setup=cold
        ),
        "3-year weekly chart, one store (pandas resample)": median_seconds(
            chart_weekly, runs=args.runs, setup=cold
        ),
        f"KPI rating of all employees ({PERIOD.code} and the previous month)": median_seconds(
            rating, runs=args.runs, setup=cold
        ),
        "KPI rating again, periods already computed (cached)": median_seconds(
            rating_warm, runs=args.runs
        ),
        "store rating by conversion (ratio of sums)": median_seconds(
            store_rating, runs=args.runs, setup=cold
        ),
        "dashboard (KPI, stores, top/bottom, period status)": median_seconds(
            dashboard, runs=args.runs, setup=cold
        ),
    }
    failed = False
    for name, seconds in results.items():
        verdict = "ok" if seconds * 1000 <= limit else f"OVER {limit} ms"
        failed |= seconds * 1000 > limit
        print(f"{name:<72} median {ms(seconds):>10}  {verdict}")
    memory = _rss_mb()
    print(
        f"{'peak memory (RSS)':<72} {memory:>10.0f} MB  {'ok' if memory <= 300 else 'OVER 300 MB'}"
    )
    service.close()
    return 1 if failed or memory > 300 else 0


if __name__ == "__main__":
    raise SystemExit(main())

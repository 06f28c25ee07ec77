"""The company server over the internet (SPEC §9, issue 12 item 8): every action measured
through a loopback proxy that adds 30 ms each way (``latency_proxy``), beside its floor —
the same action straight to the server — and the round trips it costs (counted by the
proxy: how many times the client waited for the server).

Targets: saving a day ≤ 250 ms (≤ 3 round trips), a fact edit ≤ 250 ms, switching the
dashboard's period ≤ 1 s, opening the window ≤ 3 s; five PCs saving days at once lose
nothing and each save stays ≤ 500 ms.

The reference company (``bench/generate.py``) is uploaded to a fresh database on the
server (``--name``, dropped at the end unless ``--keep``); the role of the URL must be
allowed to create databases and roles (``server init``).

    python bench/generate.py
    PGPASSWORD=… python bench/bench_server.py --server postgresql://USER@localhost:5432/DB
    (default --server: $KPIDESK_TEST_PG)

The measured actions are the services the window calls: ``daily_entry.save_day``,
``facts.set_fact``, ``Analytics.dashboard`` for a period not computed yet (a fresh period
each run), and the real main window opened under offscreen Qt in a new process
(``CompanyService.open(URL)`` + ``build_main_window`` + show + one turn of the event loop).
Five PCs are five processes, each saving its own store's day at the same moment, round
after round; afterwards every acknowledged save is read back.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from latency_proxy import LatencyProxy
from timing import DATA

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period

ROOT = Path(__file__).resolve().parents[1]

LAST_MONTH = Period.month(2026, 10)
TODAY = date(2026, 11, 22)
STORE = "Магазин 001"
EMPLOYEE = "Магазин 001 сотрудник 02"
CONCURRENT_MONTH = Period.month(2026, 11)  # no data yet: the five PCs add new days

WINDOW = """
import json, sys, time
started = time.perf_counter()
from datetime import date
from PySide6.QtCore import QTimer
from kpidesk.app import application, build_main_window
from kpidesk.core.periods import Period
from kpidesk.services.company import CompanyService
app = application()
imported = time.perf_counter()
service = CompanyService.open(sys.argv[1])
connected = time.perf_counter()
window = build_main_window(service, period=Period.parse("2026-10"), today=date(2026, 11, 22))
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
shown = time.perf_counter()
statements = service.database.connection.statements
print(json.dumps({"imports": imported - started, "connect": connected - imported,
                  "window": shown - connected, "statements": statements}))
"""

# what the window asks of the services when it opens (its title, the status bar's period
# status, the dashboard, the live-update watch's first revision): the fallback while the
# real window cannot open on a server
WINDOW_SERVICES = """
import json, sys, time
started = time.perf_counter()
from datetime import date
from kpidesk.core.periods import Period
from kpidesk.services.analytics import Analytics
from kpidesk.services.company import CompanyService
imported = time.perf_counter()
service = CompanyService.open(sys.argv[1])
connected = time.perf_counter()
period, today = Period.parse("2026-10"), date(2026, 11, 22)
service.title
service.period_status(period, today)
Analytics(service).dashboard(period, today)
service.database.revision()
shown = time.perf_counter()
statements = service.database.connection.statements
print(json.dumps({"imports": imported - started, "connect": connected - imported,
                  "window": shown - connected, "statements": statements}))
"""


# --- the bench database ------------------------------------------------------------------
def with_database(url: str, name: str, *, port: int | None = None) -> str:
    """``url`` naming the database ``name`` (and, with ``port``, 127.0.0.1:port)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if port is not None:
        user = netloc.rsplit("@", 1)[0] + "@" if "@" in netloc else ""
        netloc = f"{user}127.0.0.1:{port}"
    return urlunsplit((parts.scheme, netloc, "/" + name, parts.query, parts.fragment))


def fresh_database(server: str, name: str, source: Path) -> tuple[str, float]:
    """A new database ``name`` holding the company file ``source``; its URL and the time
    the upload took (straight to the server)."""
    import psycopg

    from kpidesk.store.database import Database
    from kpidesk.store.server import ServerDatabase

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = with_database(server, name)
    ServerDatabase.initialise(url, actor="bench").close()
    started = time.perf_counter()
    with Database.open_readonly(source, actor="bench") as company:
        target = ServerDatabase.connect(url, actor="bench")
        try:
            target.upload(company)
        finally:
            target.close()
    return url, time.perf_counter() - started


def drop_database(server: str, name: str) -> None:
    """Drop the bench database (its connections are ended)."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- measuring -------------------------------------------------------------------------------
@dataclass
class Figure:
    """One action's median through the proxy, its floor, and what it costs."""

    name: str
    median: float
    floor: float
    round_trips: float
    statements: float
    target: float
    limit_round_trips: int | None = None
    worst: float | None = None

    @property
    def met(self) -> bool:
        within = (self.worst if self.worst is not None else self.median) <= self.target
        if self.limit_round_trips is not None:
            within = within and self.round_trips <= self.limit_round_trips
        return within


def measure(
    action: Callable[[], object],
    proxy: LatencyProxy,
    statements: Callable[[], int],
    runs: int,
    warmup: int = 2,
) -> tuple[float, float, float]:
    """Median seconds, round trips through ``proxy`` and statements of ``action``."""
    for _ in range(warmup):
        action()
    times, trips, sent = [], [], []
    for _ in range(runs):
        before, count = proxy.round_trips, statements()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
        trips.append(proxy.round_trips - before)
        sent.append(statements() - count)
    return statistics.median(times), statistics.median(trips), statistics.median(sent)


def service_actions(url: str, proxied: str, proxy: LatencyProxy, runs: int) -> list[Figure]:
    """Saving a day, a fact edit and switching the dashboard's period, through the proxy
    and straight to the server."""
    from kpidesk.services import daily_entry, facts
    from kpidesk.services.analytics import Analytics
    from kpidesk.services.company import CompanyService

    figures: dict[str, list[float]] = {}
    for label, location in (("proxy", proxied), ("floor", url)):
        service = CompanyService.open(location)
        conn = service.database.connection
        service.company()  # the window holds the directories already
        values = iter(range(1, 1_000_000))

        def save_day(service: CompanyService = service, values: Iterator[int] = values) -> None:
            n = next(values)
            entry = DailyEntry(
                STORE, date(2026, 10, 1 + n % 28), Decimal(100_000 + n), 40 + n % 9, 180, 60
            )
            daily_entry.save_day(service, entry)

        def set_fact(service: CompanyService = service, values: Iterator[int] = values) -> None:
            n = next(values)
            facts.set_fact(service, LAST_MONTH, EMPLOYEE, "nps", Decimal(40 + n % 40))

        analytics = Analytics(service)
        periods = iter(LAST_MONTH.shifted(-3 * k) for k in range(12))

        def dashboard(
            analytics: Analytics = analytics, periods: Iterator[Period] = periods
        ) -> None:
            analytics.dashboard(next(periods), TODAY)

        def count(conn: object = conn) -> int:
            return int(getattr(conn, "statements", 0))

        dashboard_runs = min(runs, 10)  # 12 periods three months apart: never cached
        for name, action, n in (
            ("save", save_day, runs),
            ("fact", set_fact, runs),
            ("dashboard", dashboard, dashboard_runs),
        ):
            figures[f"{name}-{label}"] = list(measure(action, proxy, count, n, warmup=2))
        service.close()
    return [
        Figure(
            "saving a day (`daily_entry.save_day`)",
            figures["save-proxy"][0],
            figures["save-floor"][0],
            figures["save-proxy"][1],
            figures["save-proxy"][2],
            0.250,
            3,
        ),
        Figure(
            "a fact edit (`facts.set_fact`)",
            figures["fact-proxy"][0],
            figures["fact-floor"][0],
            figures["fact-proxy"][1],
            figures["fact-proxy"][2],
            0.250,
        ),
        Figure(
            "switching the dashboard's period (`Analytics.dashboard`, not cached)",
            figures["dashboard-proxy"][0],
            figures["dashboard-floor"][0],
            figures["dashboard-proxy"][1],
            figures["dashboard-proxy"][2],
            1.0,
        ),
    ]


def open_window(
    url: str, proxied: str, proxy: LatencyProxy, runs: int
) -> tuple[Figure, dict[str, Any]]:
    """The real main window opened in a new process (offscreen Qt), through the proxy and
    straight to the server; the last proxied run's stages."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KPIDESK_HOME=tempfile.mkdtemp())
    env["PYTHONPATH"] = str(ROOT)

    code = WINDOW

    def run(location: str) -> dict[str, Any]:
        done = subprocess.run(
            [sys.executable, "-c", code, location],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip().splitlines()[-1])
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))

    samples: dict[str, list[float]] = {"proxy": [], "floor": []}
    trips: list[int] = []
    stages: dict[str, Any] = {}
    try:
        run(url)  # warms the file cache, and tells whether the real window opens
        what = "the main window shown"
    except RuntimeError as error:
        print(
            f"the real window does not open on a server now ({error}); measuring the "
            "services it calls on open instead"
        )
        code, what = WINDOW_SERVICES, "the services the window calls on open"
        run(url)
    for _ in range(runs):
        for label, location in (("proxy", proxied), ("floor", url)):
            before = proxy.round_trips
            started = time.perf_counter()
            found = run(location)
            samples[label].append(time.perf_counter() - started)
            if label == "proxy":
                trips.append(proxy.round_trips - before)
                stages = found
    figure = Figure(
        f"opening the window (new process: connect + {what})",
        statistics.median(samples["proxy"]),
        statistics.median(samples["floor"]),
        statistics.median(trips),
        float(stages.get("statements", 0)),
        3.0,
    )
    return figure, stages


# --- five PCs at once ------------------------------------------------------------------------
def worker(location: str, store: str) -> int:
    """One PC: on each line ``go`` from stdin, save the store's next day of November and
    print what happened as one JSON line."""
    from kpidesk.services import daily_entry
    from kpidesk.services.company import CompanyService
    from kpidesk.services.errors import UserError

    service = CompanyService.open(location)
    service.company()
    rng = random.Random(store)
    day = CONCURRENT_MONTH.start
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "go":
            break
        entry = DailyEntry(
            store, day, Decimal(rng.randint(50_000, 200_000)), rng.randint(20, 60), 200, 70
        )
        started = time.perf_counter()
        try:
            daily_entry.save_day(service, entry)
            ok, code = True, ""
        except UserError as error:
            ok, code = False, error.codes[0] if error.codes else "?"
        took = time.perf_counter() - started
        print(
            json.dumps(
                {
                    "store": store,
                    "day": day.isoformat(),
                    "revenue": str(entry.revenue),
                    "receipts": entry.receipts,
                    "ok": ok,
                    "code": code,
                    "seconds": took,
                }
            ),
            flush=True,
        )
        day += timedelta(days=1)
    service.close()
    return 0


def five_pcs(url: str, proxied: str, pcs: int, rounds: int) -> tuple[Figure, dict[str, Any]]:
    """``pcs`` processes through the proxy, each saving its own store's day at the same
    moment, ``rounds`` times; every acknowledged save is read back straight afterwards."""
    from kpidesk.services import daily_entry
    from kpidesk.services.company import CompanyService

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    stores = [f"Магазин {n:03d}" for n in range(1, pcs + 1)]
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", proxied, store],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for store in stores
    ]
    results: list[dict[str, Any]] = []
    try:
        for process in workers:
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        for _ in range(rounds):
            for process in workers:
                assert process.stdin is not None
                process.stdin.write("go\n")
                process.stdin.flush()
            for process in workers:
                assert process.stdout is not None
                results.append(json.loads(process.stdout.readline()))
    finally:
        for process in workers:
            if process.stdin is not None:
                process.stdin.close()
        for process in workers:
            process.wait(30)
    acknowledged = [r for r in results if r["ok"]]
    lost = []
    with CompanyService.open(url) as service:
        for saved in acknowledged:
            day = date.fromisoformat(saved["day"])
            found = daily_entry.saved_day(service, saved["store"], day)
            if (
                found is None
                or str(found.revenue) != saved["revenue"]
                or found.receipts != saved["receipts"]
            ):
                lost.append(saved)
    seconds = [r["seconds"] for r in results]
    figure = Figure(
        f"{pcs} PCs saving days at once (each save; worst ≤ 500 ms)",
        statistics.median(seconds),
        float("nan"),
        float("nan"),
        float("nan"),
        0.500,
        worst=max(seconds),
    )
    summary = {
        "saves": len(results),
        "acknowledged": len(acknowledged),
        "refused": sorted({r["code"] for r in results if not r["ok"]}),
        "lost": len(lost),
        "p90": statistics.quantiles(seconds, n=10)[-1] if len(seconds) > 1 else seconds[0],
    }
    return figure, summary


# --- the report ------------------------------------------------------------------------------
def ms_text(seconds: float) -> str:
    """Seconds as milliseconds, or a dash."""
    return "—" if seconds != seconds else f"{seconds * 1000:.0f} ms"


def report(figures: list[Figure]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| action | median through the proxy | floor (no proxy) | round trips | statements "
        "| target | met? |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        median = ms_text(f.median)
        if f.worst is not None:
            median += f" (worst {ms_text(f.worst)})"
        trips = "—" if f.round_trips != f.round_trips else f"{f.round_trips:g}"
        sent = "—" if f.statements != f.statements else f"{f.statements:g}"
        target = ms_text(f.target)
        if f.limit_round_trips is not None:
            target += f", ≤ {f.limit_round_trips} round trips"
        lines.append(
            f"| {f.name} | {median} | {ms_text(f.floor)} | {trips} | {sent} | {target} "
            f"| {'yes' if f.met else 'no'} |"
        )
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        return worker(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=os.environ.get("KPIDESK_TEST_PG"))
    parser.add_argument("--name", default="kpidesk_bench", help="the bench database")
    parser.add_argument("--db", type=Path, default=DATA / "reference.kpidesk")
    parser.add_argument("--delay", type=float, default=0.030, help="seconds each way")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--window-runs", type=int, default=5)
    parser.add_argument("--pcs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()
    if not args.server:
        raise SystemExit("give --server URL (or set KPIDESK_TEST_PG)")
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: run bench/generate.py first")
    url, upload = fresh_database(args.server, args.name, args.db)
    print(f"uploaded {args.db.name} to {args.name} in {upload:.1f} s (no proxy)")
    parts = urlsplit(args.server)
    proxy = LatencyProxy(parts.hostname or "localhost", parts.port or 5432, delay=args.delay)
    proxied = with_database(args.server, args.name, port=proxy.start())
    try:
        figures = service_actions(url, proxied, proxy, args.runs)
        window, stages = open_window(url, proxied, proxy, args.window_runs)
        figures.append(window)
        concurrent, summary = five_pcs(url, proxied, args.pcs, args.rounds)
        figures.append(concurrent)
    finally:
        proxy.stop()
        if not args.keep:
            drop_database(args.server, args.name)
    print(f"proxy: {args.delay * 1000:.0f} ms each way; load average {os.getloadavg()[0]:.1f}")
    print(report(figures))
    print(
        "window stages (last proxied run): "
        + ", ".join(
            f"{k} {v * 1000:.0f} ms" if isinstance(v, float) else f"{k} {v}"
            for k, v in stages.items()
        )
    )
    print(
        f"{args.pcs} PCs: {summary['saves']} saves, {summary['acknowledged']} acknowledged, "
        f"refused {summary['refused'] or 'none'}, lost {summary['lost']}; "
        f"p90 {ms_text(summary['p90'])}"
    )
    return 0 if summary["lost"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

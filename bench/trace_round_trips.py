"""Where the round trips of opening the window on a company server go (the "where the time
goes" of ``bench_server.py``): opens the company at a server URL in this process, builds and
shows the real main window under offscreen Qt (or, with ``--services``, calls what the window
calls on opening), and lists every round trip the client waited for with the kpidesk
callers that caused it and the statements it carried.

    PGPASSWORD=… python bench/trace_round_trips.py postgresql://USER@localhost:5432/DB
    (a database that holds a company, e.g. ``bench_server.py --keep``'s kpidesk_bench)

The login (libpq's SSL request, start-up and SCRAM steps: 4 through the proxy) and the
closing message are not statements, so they are not listed here.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kpidesk.core.periods import Period
from kpidesk.store import postgres_dialect

Trip = tuple[list[str], str]


def _caller() -> str:
    frames = [
        f"{frame.filename.split('/kpidesk/')[-1]}:{frame.name}"
        for frame in traceback.extract_stack()[:-3]
        if "/kpidesk/" in frame.filename and "postgres_dialect" not in frame.filename
    ]
    return " < ".join(reversed(frames[-3:]))


def traced() -> list[Trip]:
    """Record every round trip of every ``PgConnection`` from now on."""
    trips: list[Trip] = []
    connection = postgres_dialect.PgConnection
    flush, execute = connection.flush, connection.execute

    def traced_flush(self: Any) -> None:
        if self.pending:
            trips.append(([item.sql[:80] for item in self.pending], _caller()))
        flush(self)

    def traced_execute(self: Any, sql: str, params: Any = ()) -> Any:
        if not params and ";" in sql:  # sent at once, not through ``flush``
            trips.append(([sql[:80]], _caller()))
        return execute(self, sql, params)

    connection.flush = traced_flush  # type: ignore[method-assign]
    connection.execute = traced_execute  # type: ignore[method-assign]
    return trips


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--services", action="store_true", help="no window: its services")
    parser.add_argument("--statements", action="store_true", help="list each statement")
    args = parser.parse_args()
    period, today = Period.parse("2026-10"), date(2026, 11, 22)
    trips = traced()
    if args.services:
        from kpidesk.services.analytics import Analytics
        from kpidesk.services.company import CompanyService

        service = CompanyService.open(args.url)
        _ = service.title
        service.period_status(period, today)
        Analytics(service).dashboard(period, today)
        service.database.revision()
    else:
        from PySide6.QtCore import QTimer

        from kpidesk.app import application, build_main_window
        from kpidesk.services.company import CompanyService

        app = application()
        service = CompanyService.open(args.url)
        window = build_main_window(service, period=period, today=today)
        window.show()
        QTimer.singleShot(0, app.quit)
        app.exec()
    for number, (statements, caller) in enumerate(trips, 1):
        print(f"{number:3d}  {len(statements):2d} statement(s)  {caller}")
        if args.statements:
            for text in statements:
                print(f"          {text}")
    print(f"{len(trips)} round trips with statements (+ the login's 4 and the closing 1)")
    service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

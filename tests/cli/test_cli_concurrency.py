"""Several PCs at once (SPEC §3.2, §8): two processes save days into one company while a
third locks the period; every acknowledged save is there, and nothing lands in the locked
period after its lock — on the company server and on the company file alike. A dropped
connection in the middle of a save leaves nothing of it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.services.company import CompanyService
from tests.engines import demo_company

ROOT = Path(__file__).resolve().parents[2]
OCT = Period.month(2026, 10)
WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import date, timedelta
    from decimal import Decimal
    from kpidesk.core.daily import DailyEntry
    from kpidesk.services.company import CompanyService
    from kpidesk.services.daily_entry import save_day
    from kpidesk.services.errors import UserError

    from pathlib import Path

    location, store, base = sys.argv[1], sys.argv[2], int(sys.argv[3])
    location = location if location.startswith("postgresql") else Path(location)
    with CompanyService.open(location, backup=False) as service:
        for step in range(45):
            day = date(2026, 10, 1) + timedelta(days=step)
            revenue = Decimal(base + step)
            try:
                save_day(service, DailyEntry(store, day, revenue, 10 + step, 100))
            except UserError as error:
                print("refused", day.isoformat(), ",".join(error.codes), flush=True)
            else:
                print("ok", day.isoformat(), revenue, flush=True)
            time.sleep(0.03)  # a person at a till, not a loop: the lock lands in between
    """
)
LOCKER = textwrap.dedent(
    """
    import sys, time
    from kpidesk.core.periods import Period
    from kpidesk.services.company import CompanyService
    from kpidesk.services.periods import lock_period

    from pathlib import Path

    location, flag = sys.argv[1], Path(sys.argv[2])
    location = location if location.startswith("postgresql") else Path(location)
    with CompanyService.open(location, backup=False) as service:
        while not flag.exists():  # the test raises the flag once saves are under way
            time.sleep(0.005)
        lock_period(service, Period.month(2026, 10))
    print("locked", flush=True)
    """
)


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def test_two_writers_and_a_lock_lose_nothing(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    location = demo_company(engine, tmp_path, request, date(2026, 11, 22))
    stores = ("Центральный", "ТЦ «Мега»")
    writers = [
        _start(WRITER, str(location), store, str(base))
        for store, base in zip(stores, (10_000, 20_000), strict=True)
    ]
    flag = tmp_path / "lock-now"
    locker = _start(LOCKER, str(location), str(flag))
    early = []
    for writer in writers:  # both have saved a few days
        assert writer.stdout is not None
        early.append("".join(writer.stdout.readline() for _ in range(3)))
    flag.touch()
    outputs = []
    for process in (*writers, locker):  # read on through the same buffers as above
        assert process.stdout is not None and process.stderr is not None
        with process.stdout, process.stderr:
            out, err = process.stdout.read(), process.stderr.read()
        process.wait(timeout=240)
        outputs.append((out, err))
    for number, lines in enumerate(early):
        outputs[number] = (lines + outputs[number][0], outputs[number][1])
    for process, (_, err) in zip((*writers, locker), outputs, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err
    assert outputs[2][0].strip() == "locked"
    with CompanyService.open(location, backup=False) as service:
        assert service.is_locked(OCT)
        rows = {
            (e.store, e.day): e
            for e in service.database.daily.daily_rows(date(2026, 10, 1), date(2026, 11, 14))
        }
        frozen = service.snapshot(OCT)
        assert frozen is not None
        for store, (out, _) in zip(stores, outputs[:2], strict=True):
            acknowledged = [line.split() for line in out.splitlines()]
            assert len(acknowledged) == 45
            for word, day, value in acknowledged:
                stored = rows[(store, date.fromisoformat(day))]
                if word == "ok":  # every acknowledged save is there
                    assert stored.revenue == Decimal(value), (store, day)
                else:
                    assert value == "period_locked" and OCT.contains(date.fromisoformat(day))
            refused = [day for word, day, _ in acknowledged if word == "refused"]
            assert refused and all(OCT.contains(date.fromisoformat(day)) for day in refused)
            assert acknowledged[0][0] == "ok"  # the lock came in between
            november = [day for word, day, _ in acknowledged if day >= "2026-11-01"]
            assert len(november) == 14 and all(
                word == "ok" for word, day, _ in acknowledged if day >= "2026-11-01"
            )
        # nothing landed in October after the lock: its rows are the ones it froze
        locked_rows = sorted(
            (e.store, e.day, e.revenue)
            for e in service.database.daily.daily_rows(OCT.start, OCT.end)
        )
        snapshot_rows = sorted((e.store, e.day, e.revenue) for e in decode_inputs(frozen))
        assert locked_rows == snapshot_rows


def decode_inputs(frozen: object) -> list:  # type: ignore[type-arg]
    """The October daily rows a snapshot froze."""
    inputs = frozen.inputs  # type: ignore[attr-defined]
    return [e for e in inputs.daily if OCT.contains(e.day)]


def test_a_dropped_connection_leaves_nothing_half_written(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from dataclasses import dataclass
    from typing import ClassVar

    import psycopg

    from kpidesk.core.daily import DailyEntry
    from kpidesk.core.rights import Right
    from kpidesk.services.changes import Change, ChangeKind
    from kpidesk.services.errors import UserError
    from kpidesk.services.operations import Operation, Session

    location = demo_company("postgresql", tmp_path, request, date(2026, 11, 22))
    assert isinstance(location, str)
    first, second = date(2026, 11, 25), date(2026, 11, 26)

    @dataclass
    class TwoDays(Operation):
        """Saves a day, loses the connection (the server ends it), saves another."""

        name: ClassVar[str] = "two_days"
        right: ClassVar[Right] = Right.DAILY

        def apply(self, session: Session) -> Change:
            daily = session.db.daily
            daily.upsert_daily(DailyEntry("Центральный", first, Decimal(1), 1, 1))
            pid = session.db.connection.execute("SELECT pg_backend_pid()").fetchone()[0]
            with psycopg.connect(location, autocommit=True) as other:
                other.execute("SELECT pg_terminate_backend(%s)", (pid,))
            daily.upsert_daily(DailyEntry("Центральный", second, Decimal(2), 2, 2))
            return Change(ChangeKind.DAILY)

    with CompanyService.open(location, backup=False) as service:
        revision = service.database.revision()
        with pytest.raises(UserError) as refused:
            service.run(TwoDays())
        assert refused.value.codes == ["server_unreachable"]
    with CompanyService.open(location, backup=False) as fresh:
        assert fresh.database.daily.daily_rows(first, second) == []
        assert fresh.database.revision() == revision

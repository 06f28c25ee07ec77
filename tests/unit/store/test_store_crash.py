"""A writer killed in the middle of a transaction leaves every committed entry intact."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from kpidesk.store import Database, check_database

WRITER = textwrap.dedent(
    """
    import os, sys
    from datetime import date
    from decimal import Decimal
    from pathlib import Path
    from kpidesk.core.daily import DailyEntry
    from kpidesk.core.org import Store
    from kpidesk.store import Database
    from kpidesk.store.sqlite_dialect import write

    db = Database.open(Path(sys.argv[1]), actor="writer")
    db.org.save_store(None, Store("Мега"))
    db.daily.upsert_daily(DailyEntry("Мега", date(2026, 10, 1), Decimal("100.00"), 1, 2))
    with write(db._conn):
        db._conn.execute(
            "INSERT INTO daily (store_id, day, revenue, receipts, visitors)"
            " VALUES (1, '2026-10-02', '5', 1, 1)"
        )
        os._exit(9)  # killed before COMMIT
    """
)


def test_killed_writer_keeps_committed_rows(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    result = subprocess.run(
        [sys.executable, "-c", WRITER, str(path)],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 9, result.stderr.decode()
    with Database.open(path, actor="t") as db:
        rows = db.daily.daily_rows(date(2026, 10, 1), date(2026, 10, 31))
        assert [r.day.day for r in rows] == [1]
        assert db.integrity_check() == []
    assert check_database(path) == []

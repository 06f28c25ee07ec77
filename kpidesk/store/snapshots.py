"""Period snapshots: an opaque blob per period (e.g. the computed results frozen when the
period is locked), with the period's days and who took it when.

The store does not interpret the bytes. Saving and deleting are audited (so they bump the
revision) but never refused by period locks: a snapshot is what a lock preserves. Must
not: be written by ``apply_content`` or exported with the content.
"""

from __future__ import annotations

from kpidesk.core.periods import Period
from kpidesk.store.codec import utc_now
from kpidesk.store.context import StoreContext


class Snapshots:
    """Saved period snapshots (``db.snapshots``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def save(self, period: Period, data: bytes) -> None:
        """Store (or replace) the snapshot of ``period``."""
        ctx, code = self._ctx, period.code
        with ctx.write():
            replaced = ctx.execute(
                "SELECT 1 FROM period_snapshots WHERE period = ?", (code,)
            ).fetchone()
            ctx.execute(
                "INSERT INTO period_snapshots (period, start_date, end_date, taken_at, taken_by,"
                " data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (period) DO UPDATE SET"
                " start_date = excluded.start_date, end_date = excluded.end_date,"
                " taken_at = excluded.taken_at, taken_by = excluded.taken_by,"
                " data = excluded.data",
                (
                    code,
                    period.start.isoformat(),
                    period.end.isoformat(),
                    utc_now(),
                    ctx.actor,
                    bytes(data),
                ),
            )
            action = "change" if replaced else "add"
            text = f"{len(data)} bytes"
            ctx.audit([(action, "snapshot", code, None, None, text, code, None, None)])

    def load(self, period: Period | str) -> bytes | None:
        """The snapshot of ``period`` (a period or its code), or ``None``."""
        code = period if isinstance(period, str) else period.code
        row = self._ctx.execute(
            "SELECT data FROM period_snapshots WHERE period = ?", (code,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def delete(self, period: Period | str) -> bool:
        """Delete the snapshot of ``period``; whether there was one."""
        ctx = self._ctx
        code = period if isinstance(period, str) else period.code
        with ctx.write():
            cursor = ctx.execute("DELETE FROM period_snapshots WHERE period = ?", (code,))
            if cursor.rowcount == 0:
                return False
            ctx.audit([("delete", "snapshot", code, None, None, None, code, None, None)])
        return True

    def periods(self) -> list[str]:
        """The codes of the periods with a snapshot, earliest first."""
        rows = self._ctx.execute(
            "SELECT period FROM period_snapshots ORDER BY start_date, period"
        ).fetchall()
        return [str(row[0]) for row in rows]

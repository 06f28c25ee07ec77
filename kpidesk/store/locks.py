"""Period locks (SPEC §2.2): locking a paid period and reopening it, both audited; a
backup is taken before a lock.

Holding the lock is the schema's job: its ``BEFORE INSERT/UPDATE/DELETE`` triggers refuse
any write to a locked period's rows, whatever code runs. Must not: check locks for other
repositories or write anything but ``period_locks`` and its audit rows.
"""

from __future__ import annotations

from kpidesk.core.periods import Period
from kpidesk.store.codec import utc_now
from kpidesk.store.context import StoreContext
from kpidesk.store.errors import StoreError
from kpidesk.store.merge import read_locks


class PeriodLocks:
    """Locking and reopening periods (``db.locks``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def is_locked(self, period: Period) -> bool:
        """Whether this exact period (by code) is locked."""
        row = self._ctx.execute(
            "SELECT 1 FROM period_locks WHERE period = ?", (period.code,)
        ).fetchone()
        return row is not None

    def locked_periods(self) -> list[str]:
        """The codes of the locked periods, earliest first."""
        return [lock.period for lock in read_locks(self._ctx)]

    def lock(self, period: Period) -> bool:
        """Lock a period after its bonuses are paid; whether it was not locked before (the
        operations runner takes the backup before its transaction)."""
        if self.is_locked(period):
            return False
        ctx = self._ctx
        with ctx.write():
            cursor = ctx.execute(
                "INSERT INTO period_locks (period, start_date, end_date, locked_at, locked_by)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (period) DO NOTHING",
                (
                    period.code,
                    period.start.isoformat(),
                    period.end.isoformat(),
                    utc_now(),
                    ctx.actor,
                ),
            )
            if cursor.rowcount == 0:
                return False
            ctx.audit([("lock", "period", period.code, None, None, None, period.code, None, None)])
        return True

    def reopen(self, period: Period, reason: str) -> bool:
        """Unlock a period; the reason is recorded in the audit log. Whether it was locked.

        Raises:
            StoreError: the reason is empty.
        """
        if not reason.strip():
            raise StoreError(f"a reason is required to reopen period {period.code}")
        ctx = self._ctx
        with ctx.write():
            cursor = ctx.execute("DELETE FROM period_locks WHERE period = ?", (period.code,))
            if cursor.rowcount == 0:
                return False
            ctx.audit(
                [("reopen", "period", period.code, "reason", None, reason, period.code, None, None)]
            )
        return True

"""The audit log (who changed which value, from what to what, when) and period locks.

Audit rows are written by the other repositories inside their own transactions; this
module reads them back and owns locking and reopening periods (both audited, a backup is
taken before a lock). It must not write audit rows for anything but locks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kpidesk.core.periods import Period
from kpidesk.store.codec import utc_now
from kpidesk.store.connection import StoreError, write
from kpidesk.store.facts_repo import FactsRepo


@dataclass(frozen=True)
class AuditEntry:
    """One audit row.

    Attributes:
        at: when (UTC, timezone-aware).
        actor: who (the database's actor at the time).
        action: ``add``, ``change``, ``delete``, ``rename``, ``archive``, ``lock``,
            ``reopen``, ``meta``.
        entity: ``store``, ``employee``, ``matrix``, ``daily``, ``fact``, ``period``, …
        key: which item, e.g. ``"ТЦ «Мега» 2026-10-05"`` (empty for bulk summaries).
        field: which value changed (``None`` for whole-item actions).
        old, new: the value before and after as text (``None`` when absent); a bulk
            addition's summary (``"added 21900 daily rows"``) is in ``new``.
        period, store, employee: context for filtering, when known.
    """

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    key: str
    field: str | None
    old: str | None
    new: str | None
    period: str | None
    store: str | None
    employee: str | None


class AuditRepo(FactsRepo):
    """Reading the audit log; locking and reopening periods."""

    def audit_entries(
        self,
        period: str | None = None,
        store: str | None = None,
        employee: str | None = None,
        entity: str | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """The newest ``limit`` audit rows matching every filter given, newest first."""
        conditions, params = [], []
        for column, value in (
            ("period", period),
            ("store", store),
            ("employee", employee),
            ("entity", entity),
        ):
            if value is not None:
                conditions.append(f"{column} = ?")
                params.append(value)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self._conn.execute(
            "SELECT id, at, actor, action, entity, key, field, old, new, period, store, employee"
            f" FROM audit{where} ORDER BY id DESC LIMIT ?",
            (*params, int(limit)),
        ).fetchall()
        return [AuditEntry(int(r[0]), datetime.fromisoformat(r[1]), *r[2:]) for r in rows]

    def audit_count(self) -> int:
        """How many audit rows there are."""
        return int(self._conn.execute("SELECT count(*) FROM audit").fetchone()[0])

    # --- locks ------------------------------------------------------------------------
    def is_locked(self, period: Period) -> bool:
        """Whether this exact period (by code) is locked."""
        row = self._conn.execute(
            "SELECT 1 FROM period_locks WHERE period = ?", (period.code,)
        ).fetchone()
        return row is not None

    def locked_periods(self) -> list[str]:
        """The codes of the locked periods, earliest first."""
        return [lock.period for lock in self._locks()]

    def lock_period(self, period: Period) -> bool:
        """Lock a period after its bonuses are paid (a backup is taken first); whether it
        was not locked before."""
        if self.is_locked(period):
            return False
        self._backup(f"lock-{period.code}")
        with write(self._conn):
            cursor = self._conn.execute(
                "INSERT INTO period_locks (period, start_date, end_date, locked_at, locked_by)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (period) DO NOTHING",
                (
                    period.code,
                    period.start.isoformat(),
                    period.end.isoformat(),
                    utc_now(),
                    self.actor,
                ),
            )
            if cursor.rowcount == 0:
                return False
            self._write_audit(
                [("lock", "period", period.code, None, None, None, period.code, None, None)]
            )
        return True

    def reopen_period(self, period: Period, reason: str) -> bool:
        """Unlock a period; the reason is recorded in the audit log. Whether it was locked.

        Raises:
            StoreError: the reason is empty.
        """
        if not reason.strip():
            raise StoreError(f"a reason is required to reopen period {period.code}")
        with write(self._conn):
            cursor = self._conn.execute("DELETE FROM period_locks WHERE period = ?", (period.code,))
            if cursor.rowcount == 0:
                return False
            self._write_audit(
                [("reopen", "period", period.code, "reason", None, reason, period.code, None, None)]
            )
        return True

"""The pay list's sign-off steps (SPEC §8.1): per period, the step it reached (checked,
approved), the digest of the results that were signed off, and who took each step when.
A period with no row is a draft; a locked period is closed (``period_locks``). Rows of a
locked period cannot change: the schema's triggers refuse it (schema v5).

Must not: decide which step may follow which (``core.paylist`` does).
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.core.periods import Period
from kpidesk.store.codec import utc_now
from kpidesk.store.context import StoreContext


@dataclass(frozen=True)
class PaylistRow:
    """A period's stored sign-off."""

    period: str
    step: str
    digest: str
    checked_by: str | None
    checked_at: str | None
    approved_by: str | None
    approved_at: str | None


class Signoffs:
    """The pay lists' sign-off steps (``db.signoffs``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def step(self, period: Period) -> PaylistRow | None:
        """The stored sign-off of ``period``, or ``None`` (a draft)."""
        found = self._ctx.execute(
            "SELECT period, step, digest, checked_by, checked_at, approved_by, approved_at"
            " FROM paylist_steps WHERE period = ?",
            (period.code,),
        ).fetchone()
        if found is None:
            return None
        code, step, digest, *stamps = found
        return PaylistRow(
            str(code), str(step), str(digest), *(None if s is None else str(s) for s in stamps)
        )

    def mark(self, period: Period, step: str, digest: str) -> None:
        """Record that the period's pay list reached ``step`` ("checked" or "approved") by the
        actor now, over results of ``digest``."""
        ctx, code = self._ctx, period.code
        before = self.step(period)
        now = utc_now()
        checked = (before.checked_by, before.checked_at) if before else (None, None)
        approved: tuple[str | None, str | None] = (None, None)
        if step == "checked":
            checked = (ctx.actor, now)
        else:
            approved = (ctx.actor, now)
        with ctx.write():
            self._put(code, step, digest, checked, approved)
            old = before.step if before else "draft"
            ctx.audit([(step, "paylist", code, "step", old, step, code, None, None)])

    def back(self, period: Period, step: str | None, reason: str) -> bool:
        """Send the period's pay list back to ``step`` ("checked", or ``None``: a draft),
        forgetting the later signature; the reason is audited. Whether it was signed off."""
        ctx, code = self._ctx, period.code
        before = self.step(period)
        if before is None:
            return False
        with ctx.write():
            if step is None:
                ctx.execute("DELETE FROM paylist_steps WHERE period = ?", (code,))
            else:
                checked = (before.checked_by, before.checked_at)
                self._put(code, step, before.digest, checked, (None, None))
            new = step or "draft"
            ctx.audit(
                [
                    ("back", "paylist", code, "step", before.step, new, code, None, None),
                    ("back", "paylist", code, "reason", None, reason, code, None, None),
                ]
            )
        return True

    def _put(
        self,
        code: str,
        step: str,
        digest: str,
        checked: tuple[str | None, str | None],
        approved: tuple[str | None, str | None],
    ) -> None:
        self._ctx.execute(
            "INSERT INTO paylist_steps (period, step, digest, checked_by, checked_at,"
            " approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (period) DO UPDATE SET step = excluded.step,"
            " digest = excluded.digest, checked_by = excluded.checked_by,"
            " checked_at = excluded.checked_at, approved_by = excluded.approved_by,"
            " approved_at = excluded.approved_at",
            (code, step, digest, *checked, *approved),
        )

"""The pay list's sign-off (SPEC §8.1): черновик → проверен (accountant) → утверждён (owner) →
закрыт (the period lock), each step taken by the role that may, one at a time, and undone
only by the step back (the owner, with a reason).

A step signs the results as they were: their digest is kept with it, and when the period's
results change afterwards (a fact typed in late) the sign-off no longer holds — the list is
a draft again, marked as changed since it was signed. Without users (a one-person shop) the
steps are optional: the period may be locked from any step, as before logins existed.

Must not: read storage, or check rights (the runner does; this says what order is).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum

from kpidesk.core.money import plain
from kpidesk.core.results import PeriodResult


class PaylistStep(Enum):
    """Where a period's pay list stands, in order."""

    DRAFT = "draft"
    CHECKED = "checked"
    APPROVED = "approved"
    CLOSED = "closed"

    @property
    def order(self) -> int:
        """The step's place: 0 for a draft, 3 for closed."""
        return list(PaylistStep).index(self)


@dataclass(frozen=True)
class PaylistState:
    """A period's pay list: its step, who took the steps when, and whether the results
    changed after the last signature (then ``step`` is DRAFT and ``changed`` is true)."""

    step: PaylistStep = PaylistStep.DRAFT
    checked_by: str | None = None
    checked_at: str | None = None
    approved_by: str | None = None
    approved_at: str | None = None
    changed: bool = False


def results_digest(result: PeriodResult) -> str:
    """A fingerprint of every number the pay list shows (whole results, never a reader's
    view): who, status, KPI, fixed pay, bonus, total."""
    digest = hashlib.sha256()
    for item in result.employees:
        pay = item.pay
        fields = (
            item.employee.name,
            item.status.value,
            plain(item.kpi, 3),
            plain(pay.fixed_pay, 2) if pay else plain(item.employee.fixed_pay, 2),
            plain(pay.bonus, 2) if pay else "",
            plain(pay.total, 2) if pay else "",
        )
        digest.update("\x1f".join(str(field) for field in fields).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def state_of(
    stored_step: str | None,
    stored_digest: str | None,
    digest: str | None,
    locked: bool,
    stamps: tuple[str | None, str | None, str | None, str | None] = (None, None, None, None),
) -> PaylistState:
    """The pay list's state from what is stored: the step and digest signed, the digest
    of the results now (``None``: not computed, trust the signature) and the lock."""
    checked_by, checked_at, approved_by, approved_at = stamps
    if locked:
        return PaylistState(PaylistStep.CLOSED, checked_by, checked_at, approved_by, approved_at)
    if stored_step is None:
        return PaylistState()
    if digest is not None and digest != stored_digest:
        return PaylistState(changed=True)
    step = PaylistStep(stored_step)
    return PaylistState(step, checked_by, checked_at, approved_by, approved_at)


def refusal(state: PaylistState, wanted: PaylistStep, *, needs_check: bool) -> str | None:
    """Why the pay list cannot move to ``wanted`` now (a problem code), or ``None``.

    Args:
        state: where it stands.
        wanted: CHECKED, APPROVED or CLOSED.
        needs_check: approving needs an accountant's check first (the company has an
            active accountant); when false the owner may approve a draft.
    """
    if state.step is PaylistStep.CLOSED:
        return "paylist_closed"
    if wanted is PaylistStep.CHECKED:
        return None if state.step is PaylistStep.DRAFT else "paylist_already"
    if wanted is PaylistStep.APPROVED:
        if state.step is PaylistStep.APPROVED:
            return "paylist_already"
        if state.step is PaylistStep.DRAFT and needs_check:
            return "paylist_not_checked"
        return None
    if wanted is PaylistStep.CLOSED:
        return None if state.step is PaylistStep.APPROVED else "paylist_not_approved"
    return "paylist_out_of_order"


def step_back(state: PaylistState) -> PaylistStep | None:
    """The step a step back leads to (``None``: nothing to undo). A closed list goes back
    to approved (reopening the period), an approved one to checked when it was checked
    (else to a draft), a checked one to a draft."""
    if state.step is PaylistStep.CLOSED:
        return PaylistStep.APPROVED
    if state.step is PaylistStep.APPROVED:
        return PaylistStep.CHECKED if state.checked_by else PaylistStep.DRAFT
    if state.step is PaylistStep.CHECKED:
        return PaylistStep.DRAFT
    return None

"""The pay list's sign-off (SPEC §8.1) as operations: check (the accountant), approve (the
owner), and the step back (the owner, with a reason); closing is the period lock
(``services.periods``), which needs an approved list once the company has users.

Each step signs the period's whole results (their digest, ``core.paylist``): when they
change afterwards, the list is a draft again and says so. The owner may approve a draft
when the company has no active accountant to check it.

Must not: import Qt, or decide the order of steps (``core.paylist`` does).
"""

from __future__ import annotations

from abc import ABC
from dataclasses import dataclass
from typing import ClassVar

from kpidesk.core.periods import Period
from kpidesk.core.rights import Right, Role
from kpidesk.core.signoff import (
    PaylistState,
    PaylistStep,
    refusal,
    results_digest,
    state_of,
    step_back,
)
from kpidesk.services.bonus_sheets import require_pay_period
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session
from kpidesk.services.periods import ReopenPeriod

_STEP_TEXT = {
    PaylistStep.CHECKED: "checked",
    PaylistStep.APPROVED: "approved",
    PaylistStep.CLOSED: "closed",
}


def paylist_state(service: CompanyService, period: Period) -> PaylistState:
    """Where the period's pay list stands, who took its steps, and whether the results
    changed since it was signed."""
    locked = service.is_locked(period)
    stored = service.database.signoffs.step(period)
    if stored is None:
        return state_of(None, None, None, locked)
    digest = None if locked else results_digest(service.full_results(period))
    stamps = (stored.checked_by, stored.checked_at, stored.approved_by, stored.approved_at)
    return state_of(stored.step, stored.digest, digest, locked, stamps)


def needs_check(service: CompanyService) -> bool:
    """Whether approving needs an accountant's check first: the company has an active
    accountant."""
    return any(
        row.role == Role.ACCOUNTANT.value and not row.disabled
        for row in service.database.users.users()
    )


def refuse_step(service: CompanyService, period: Period, wanted: PaylistStep) -> None:
    """Refuse moving the pay list to ``wanted`` out of order.

    Raises:
        UserError: ``paylist_not_checked``, ``paylist_not_approved``, ``paylist_changed``
            (signed, then the results changed), ``paylist_already``, ``paylist_closed``.
    """
    require_pay_period(service, period)
    state = paylist_state(service, period)
    code = refusal(state, wanted, needs_check=needs_check(service))
    if code is None:
        return
    if state.changed and code in ("paylist_not_checked", "paylist_not_approved"):
        code = "paylist_changed"
    raise UserError.of(
        code,
        f"the pay list of {period.code} is {state.step.value}: it cannot be "
        f"{_STEP_TEXT.get(wanted, wanted.value)} now",
        period=period.code,
        step=state.step.value,
        wanted=wanted.value,
    )


@dataclass
class _SignStep(Operation, ABC):
    """Sign the period's pay list at ``step``, over the digest of its whole results."""

    period: Period
    step: ClassVar[PaylistStep]

    def apply(self, session: Session) -> Change:
        service = session.service
        refuse_step(service, self.period, self.step)
        digest = results_digest(service.full_results(self.period))
        session.db.signoffs.mark(self.period, self.step.value, digest)
        return Change(ChangeKind.PAYLIST, self.period)


@dataclass
class CheckPaylist(_SignStep):
    """The accountant marks the period's pay list checked."""

    name: ClassVar[str] = "check_paylist"
    right: ClassVar[Right] = Right.CHECK_PAYLIST
    step: ClassVar[PaylistStep] = PaylistStep.CHECKED


@dataclass
class ApprovePaylist(_SignStep):
    """The owner approves the period's pay list (checked, or a draft when no accountant
    checks)."""

    name: ClassVar[str] = "approve_paylist"
    right: ClassVar[Right] = Right.APPROVE_PAYLIST
    step: ClassVar[PaylistStep] = PaylistStep.APPROVED


@dataclass
class StepBack(Operation):
    """The owner takes the pay list one step back, with a reason: approved → checked (or a
    draft when it was never checked), checked → draft. Closed → approved is reopening the
    period (:class:`ReopenPeriod`)."""

    period: Period
    reason: str
    name: ClassVar[str] = "paylist_back"
    right: ClassVar[Right] = Right.REOPEN_PERIOD

    def apply(self, session: Session) -> Change:
        reason = " ".join(self.reason.split())
        if not reason:
            raise UserError.of(
                "paylist_reason_required",
                f"give a reason to take the pay list of {self.period.code} back",
                period=self.period.code,
            )
        state = paylist_state(session.service, self.period)
        back = step_back(state)
        if state.step is PaylistStep.CLOSED:
            return ReopenPeriod(self.period, reason).apply(session)
        if back is None:
            raise UserError.of(
                "paylist_draft",
                f"the pay list of {self.period.code} is a draft: there is no step to undo",
                period=self.period.code,
            )
        step = None if back is PaylistStep.DRAFT else back.value
        session.db.signoffs.back(self.period, step, reason)
        return Change(ChangeKind.PAYLIST, self.period)


def check_paylist(service: CompanyService, period: Period) -> Change:
    """Mark the period's pay list checked (see :class:`CheckPaylist`)."""
    return service.run(CheckPaylist(period))


def approve_paylist(service: CompanyService, period: Period) -> Change:
    """Approve the period's pay list (see :class:`ApprovePaylist`)."""
    return service.run(ApprovePaylist(period))


def paylist_back(service: CompanyService, period: Period, reason: str) -> Change:
    """Take the period's pay list one step back (see :class:`StepBack`)."""
    return service.run(StepBack(period, reason))

"""Closing a period (SPEC §2.2): the lock and reopen operations, the status, and the early
lock checks the write use cases use for a clear answer before they write (the database
refuses a change of a locked period on its own, inside the runner's transaction).

Locking posts the period's snapshot (``core.snapshot``) in the same transaction as the
lock; reopening discards it. While locked, the period's results are computed from the
snapshot, so edits of things that are not per-period (an employee's pay or dates, an
indicator's method, a payout schedule) apply only to open periods.

Must not: know about Qt, or compute anything (``period_status`` does the counting).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from kpidesk.core import snapshot
from kpidesk.core.periods import Period
from kpidesk.core.results import Status
from kpidesk.core.rights import Right
from kpidesk.core.signoff import PaylistStep
from kpidesk.services.bonus_sheets import require_pay_period
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session
from kpidesk.services.period_status import PeriodStatus


# --- locks as seen by the write use cases ----------------------------------------------------
def locked_periods(service: CompanyService) -> list[Period]:
    """Every locked period, earliest first."""
    return [Period.parse(code) for code in service.database.locks.locked_periods()]


def lock_for_day(service: CompanyService, day: date) -> Period | None:
    """The locked period containing ``day``, or ``None``."""
    return next((lock for lock in locked_periods(service) if lock.contains(day)), None)


def lock_for_period(service: CompanyService, period: Period) -> Period | None:
    """A locked period overlapping ``period``, or ``None``."""
    return next((lock for lock in locked_periods(service) if lock.overlaps(period)), None)


def locked_refusal(lock: Period, what: str) -> UserError:
    """The coded refusal of a change of a locked period (``period_locked``)."""
    return UserError.of(
        "period_locked",
        f"period {lock.code} is locked: {what} cannot change until the owner reopens it",
        period=lock.code,
        item=what,
    )


def refuse_locked_day(service: CompanyService, day: date, what: str) -> None:
    """Raise the coded refusal when ``day`` lies in a locked period (an early, clear answer
    for the GUI; the database refuses on its own inside the runner's transaction)."""
    lock = lock_for_day(service, day)
    if lock is not None:
        raise locked_refusal(lock, what)


def refuse_locked_period(service: CompanyService, period: Period, what: str) -> None:
    """Raise the coded refusal when ``period`` overlaps a locked period."""
    lock = lock_for_period(service, period)
    if lock is not None:
        raise locked_refusal(lock, what)


# --- closing and reopening ---------------------------------------------------------------
@dataclass
class LockPeriod(Operation):
    """Lock a pay period after its bonuses are paid, posting the snapshot of what its
    results are computed from in the same transaction (SPEC §2.2)."""

    period: Period
    name: ClassVar[str] = "lock_period"
    right: ClassVar[Right] = Right.LOCK_PERIOD
    backup: ClassVar[str | None] = "lock"

    def apply(self, session: Session) -> Change:
        db = session.db
        require_pay_period(session.service, self.period)
        if db.locks.is_locked(self.period):
            raise UserError.of(
                "period_already_locked",
                f"period {self.period.code} is already locked",
                period=self.period.code,
            )
        if session.service.logins_on():
            # with users, a pay list is closed only once approved (SPEC §8.1)
            from kpidesk.services.signoff import refuse_step

            refuse_step(session.service, self.period, PaylistStep.CLOSED)
        company = session.company()
        inputs = db.content.load_period_inputs(self.period)
        frozen = snapshot.take(company, self.period, inputs)
        db.locks.lock(self.period)
        db.snapshots.save(self.period, snapshot.encode(frozen))
        return Change(ChangeKind.LOCK, self.period)


@dataclass
class ReopenPeriod(Operation):
    """Reopen a locked period (the owner, with a reason for the audit log); its snapshot is
    discarded, so its numbers follow the data again."""

    period: Period
    reason: str
    name: ClassVar[str] = "reopen_period"
    right: ClassVar[Right] = Right.REOPEN_PERIOD

    def apply(self, session: Session) -> Change:
        reason = " ".join(self.reason.split())
        if not reason:
            raise UserError.of(
                "reopen_reason_required",
                f"give a reason to reopen period {self.period.code}",
                period=self.period.code,
            )
        db = session.db
        if not db.locks.reopen(self.period, reason):
            raise UserError.of(
                "period_not_locked",
                f"period {self.period.code} is not locked",
                period=self.period.code,
            )
        db.snapshots.delete(self.period)
        return Change(ChangeKind.LOCK, self.period)


def lock_period(service: CompanyService, period: Period) -> Change:
    """Lock ``period`` (see :class:`LockPeriod`).

    Raises:
        UserError: the period is already locked, or the store refused.
    """
    return service.run(LockPeriod(period))


def reopen_period(service: CompanyService, period: Period, reason: str) -> Change:
    """Reopen a locked period (see :class:`ReopenPeriod`).

    Raises:
        UserError: no reason given, or the period is not locked.
    """
    return service.run(ReopenPeriod(period, reason))


def incomplete_before_lock(service: CompanyService, period: Period) -> list[str]:
    """The employees whose matrices are incomplete in ``period`` — what locking warns
    about (SPEC §2.2)."""
    result = service.full_results(period)
    return [r.employee.name for r in result.employees if r.status is Status.INCOMPLETE]


def period_status(service: CompanyService, period: Period, today: date) -> PeriodStatus:
    """Locked or not, and what is still missing (days per store, facts, matrices)."""
    return service.period_status(period, today)


def status_json(status: PeriodStatus) -> dict[str, object]:
    """The status as JSON-ready data (``kpidesk period status P --format json``)."""
    with_missing_fact = {fact.employee for fact in status.missing_facts}
    return {
        "period": status.period.code,
        "locked": status.locked,
        "complete": status.complete,
        "employees": status.employees,
        "problems": status.problem_count,
        "missing_days": {
            store: [day.isoformat() for day in days] for store, days in status.missing_days.items()
        },
        "missing_facts": [
            {"employee": fact.employee, "indicator": fact.indicator}
            for fact in status.missing_facts
        ],
        "incomplete": list(status.incomplete),
        "incomplete_without_missing_fact": [
            name for name in status.incomplete if name not in with_missing_fact
        ],
    }

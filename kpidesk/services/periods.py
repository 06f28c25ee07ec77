"""Closing a period (SPEC §2.2): lock, reopen with a reason, status — and the guard every
write use case goes through: one store transaction that refuses anything feeding a locked
period with a clear :class:`UserError` (before touching the file when possible, and again
inside the store, which refuses on its own).

A user action such as pasting a block of days or clearing several facts is *one*
transaction of several single writes: ``transaction`` opens ``Database.transaction()``, in
which the store's single writes nest as savepoints.

Must not: know about Qt, or compute anything (``period_status`` does the counting).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from kpidesk.core.periods import Period
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.period_status import PeriodStatus
from kpidesk.services.period_status import period_status as build_status
from kpidesk.store.connection import LockedPeriodError, StoreError
from kpidesk.store.database import Database


# --- locks as seen by the write use cases ----------------------------------------------------
def locked_periods(service: CompanyService) -> list[Period]:
    """Every locked period, earliest first."""
    return [Period.parse(code) for code in service.database.locked_periods()]


def lock_for_day(service: CompanyService, day: date) -> Period | None:
    """The locked period containing ``day``, or ``None``."""
    return next((lock for lock in locked_periods(service) if lock.contains(day)), None)


def lock_for_period(service: CompanyService, period: Period) -> Period | None:
    """A locked period overlapping ``period``, or ``None``."""
    return next((lock for lock in locked_periods(service) if lock.overlaps(period)), None)


def locked_message(lock: Period, what: str) -> str:
    """``period 2026-10 is locked: <what> cannot change until the owner reopens it``."""
    return f"period {lock.code} is locked: {what} cannot change until the owner reopens it"


def refuse_locked_day(service: CompanyService, day: date, what: str) -> None:
    """Raise :class:`UserError` when ``day`` lies in a locked period."""
    lock = lock_for_day(service, day)
    if lock is not None:
        raise UserError(locked_message(lock, what))


def refuse_locked_period(service: CompanyService, period: Period, what: str) -> None:
    """Raise :class:`UserError` when ``period`` overlaps a locked period."""
    lock = lock_for_period(service, period)
    if lock is not None:
        raise UserError(locked_message(lock, what))


@contextmanager
def transaction(service: CompanyService, action: str) -> Iterator[Database]:
    """One write transaction for one user action; the store's refusals become
    :class:`UserError` naming the action (nothing is written then).

    Args:
        service: the open company.
        action: what the user did, for the message (``"saving 05.10.2026"``).
    """
    try:
        with service.database.transaction() as database:
            yield database
    except LockedPeriodError as error:
        raise UserError(f"{action}: {error}; nothing was changed") from None
    except StoreError as error:
        raise UserError(f"{action}: {error}; nothing was changed") from None


# --- closing and reopening ---------------------------------------------------------------
def lock_period(service: CompanyService, period: Period) -> Change:
    """Lock ``period`` after its bonuses are paid (the store backs the file up first and
    writes the audit row).

    Raises:
        UserError: the period is already locked, or the store refused.
    """
    if service.is_locked(period):
        raise UserError(f"period {period.code} is already locked")
    try:
        service.database.lock_period(period)
    except (OSError, StoreError) as error:
        raise UserError(f"cannot lock period {period.code}: {error}") from None
    return Change(ChangeKind.LOCK, period)


def reopen_period(service: CompanyService, period: Period, reason: str) -> Change:
    """Reopen a locked period; the reason goes into the audit log.

    Raises:
        UserError: no reason given, or the period is not locked.
    """
    if not reason.strip():
        raise UserError(f"give a reason to reopen period {period.code}")
    if not service.is_locked(period):
        raise UserError(f"period {period.code} is not locked")
    try:
        service.database.reopen_period(period, reason.strip())
    except StoreError as error:
        raise UserError(f"cannot reopen period {period.code}: {error}") from None
    return Change(ChangeKind.LOCK, period)


def period_status(service: CompanyService, period: Period, today: date) -> PeriodStatus:
    """Locked or not, and what is still missing (days per store, facts, matrices)."""
    return build_status(service, period, today)


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

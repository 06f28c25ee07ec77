"""The operations runner: the only place that writes (STYLE.md: one road for every change).

``run(service, operation)``, for every operation alike:

1. checks the actor's right (``core.rights``; until a company has users every right is
   granted, but the check is made);
2. takes the operation's backup, if it asks for one (imports, period locks), before the
   transaction — a backup of a connection inside its own write transaction would wait
   for itself;
3. opens one transaction, in which the period lock is checked — by the database itself:
   every per-period table refuses a change of a locked period in a trigger (schema v3), so
   no write path, present or future, can slip past it — and applies the operation; the
   store writes the audit rows in the same transaction, and each audit row bumps the
   company's revision (a trigger too), so a change costs no extra statement for either;
4. drops the company service's caches (the one period-results cache, and the directories
   when the change can touch them); a refusal rolls back and drops nothing;
5. returns the operation's ``Change``.

Store failures become coded problems (``period_locked``, ``unknown_reference``,
``database_busy``, …) that the GUI and the CLI translate; nothing is half-applied.

Must not: import Qt, or know about any particular operation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpidesk.core.problems import Location, Problem
from kpidesk.services.changes import Change
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session
from kpidesk.store import errors as store_errors

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService


def run(service: CompanyService, operation: Operation) -> Change:
    """Apply ``operation`` to the open company; see the module docstring.

    Raises:
        UserError: the right is missing, or the operation or the store refused (coded
            problems; nothing was written).
    """
    session = Session(service, service.actor)
    target = operation.target(session)
    if not service.actor.may(operation.right, store=target.store, employee=target.employee):
        raise UserError.of(
            "right_denied",
            f"{service.actor.name or 'this user'} may not {operation.name}",
            operation=operation.name,
            user=service.actor.name,
        )
    try:
        reason = operation.backup_reason()
        if reason is not None and service.database.audit.count() > 0:
            # (a never-written file has nothing to lose)
            service.database.backup(None, reason=reason)
        if operation.transactional:
            with service.database.transaction():
                change = operation.apply(session)
        else:
            change = operation.apply(session)
    except store_errors.LockedPeriodError as error:
        raise UserError.of(
            "period_locked",
            f"period {error.period} is locked: {error.item} cannot change "
            "until the owner reopens it",
            period=error.period,
            item=error.item,
        ) from None
    except store_errors.StoreError as error:
        raise store_refusal(error) from None
    service.invalidate(change)
    return change


def store_refusal(error: store_errors.StoreError) -> UserError:
    """A store failure as a coded :class:`UserError` (nothing was written)."""
    if isinstance(error, store_errors.ContentError):
        where = error.where if error.where.describe() else Location()
        problem = Problem(
            "unknown_reference",
            str(error),
            where,
            params=(("what", str(getattr(error, "what", "") or "")),),
        )
        return UserError(str(error), [problem])
    code = _STORE_CODES.get(type(error).__name__, "store_error")
    return UserError.of(code, str(error), detail=str(error))


# Store error classes (by name, so that a dialect may add its own) → problem codes.
_STORE_CODES = {
    "BusyError": "database_busy",
    "ReadOnlyError": "database_readonly",
    "DiskFullError": "disk_full",
    "DamagedError": "database_damaged",
    "NotADatabaseError": "not_a_database",
    "NewerSchemaError": "newer_schema",
}

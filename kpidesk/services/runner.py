"""The operations runner: the only place that writes (STYLE.md: one road for every change).

``run(service, operation)``, for every operation alike:

1. checks the actor's right (``core.rights``, through ``Operation.allowed``; until a
   company has users every right is granted, but the check is made; a company with users
   and no one logged in grants none);
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
``database_busy``, ``server_unreachable``, …) that the GUI and the CLI translate; nothing is
half-applied. On the company server a transaction refused for racing another is applied
again (up to :data:`RETRIES` times), and a dropped connection leaves nothing written (the
server rolls the transaction back).

Must not: import Qt, or know about any particular operation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpidesk.core.problems import Location, Problem
from kpidesk.core.rights import Actor, Right
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
    if not operation.allowed(service.actor, target):
        raise right_refusal(service.actor, operation.right, operation.name)
    database = service.database
    try:
        reason = operation.backup_reason()
        if reason is not None and not database.is_server and database.audit.count() > 0:
            # (a never-written file has nothing to lose; a server keeps its own backups)
            database.backup(None, reason=reason)
        change = _apply(service, operation, session)
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


def _apply(service: CompanyService, operation: Operation, session: Session) -> Change:
    """Apply in one transaction; a transaction the company server refused for racing
    another (a serialization failure, a deadlock) is rolled back whole and applied again,
    a few times."""
    if not operation.transactional:
        return operation.apply(session)
    for attempt in range(RETRIES):
        try:
            with service.database.transaction():
                return operation.apply(session)
        except store_errors.RetryError:
            if attempt == RETRIES - 1:
                raise
            service.invalidate()  # what the operation read may have changed
    raise AssertionError("unreachable")


def right_refusal(actor: Actor, right: Right, what: str) -> UserError:
    """The coded refusal of something ``actor`` has no ``right`` for (``right_denied``,
    naming the right; ``login_required`` when no one has logged in to a company with
    users)."""
    if actor.anonymous:
        return UserError.of("login_required", f"log in to {what}", operation=what)
    return UserError.of(
        "right_denied",
        f"{actor.name or 'this user'} has no right '{right.value}' to {what}",
        operation=what,
        right=right.value,
        user=actor.name,
        role=actor.role.value if actor.role else "",
    )


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


RETRIES = 3

# Store error classes (by name, so that a dialect may add its own) → problem codes.
_STORE_CODES = {
    "ConnectionLostError": "server_unreachable",
    "ServerRefusedError": "server_no_right",
    "RetryError": "database_busy",
    "BusyError": "database_busy",
    "ReadOnlyError": "database_readonly",
    "DiskFullError": "disk_full",
    "DamagedError": "database_damaged",
    "NotADatabaseError": "not_a_database",
    "NewerSchemaError": "newer_schema",
}

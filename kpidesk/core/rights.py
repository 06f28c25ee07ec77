"""Users' roles and rights: the one table of SPEC §8.1 that the operations runner checks for
every write and the services check for every read of people's money or other stores' data.

A right is granted to a role for everything (``Scope.ALL``), for the user's own store, for
the user's own person (their linked employee), or not at all. Until a company has users
(logins off, a one-person shop) the :data:`NOBODY` actor stands for whoever opened the file
and holds every right.

Must not: read storage, know about Qt, or decide anything but "may this actor do that".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Role(Enum):
    """A user's role."""

    OWNER = "owner"
    ACCOUNTANT = "accountant"
    MANAGER = "manager"
    EMPLOYEE = "employee"
    VIEWER = "viewer"


class Right(Enum):
    """What an operation or a read needs (one line of the SPEC §8.1 table each)."""

    DIRECTORIES = "directories"  # directories, matrices, plans, payout schedules, users
    DAILY = "daily"  # daily data, sales by seller
    FACTS = "facts"  # manual facts and period inputs
    ASSIGN_TASKS = "assign_tasks"  # create and assign tasks, generate duties
    OWN_TASKS = "own_tasks"  # mark one's own task done, accept as its controller
    SEE_RESULTS = "see_results"
    SEE_MONEY = "see_money"
    BONUS_SHEETS = "bonus_sheets"
    CHECK_PAYLIST = "check_paylist"
    APPROVE_PAYLIST = "approve_paylist"
    LOCK_PERIOD = "lock_period"
    REOPEN_PERIOD = "reopen_period"
    IMPORT = "import"  # import, restore, replace the whole company
    EXPORT = "export"
    BACKUP = "backup"
    AUDIT = "audit"


class Scope(Enum):
    """How far a granted right reaches."""

    ALL = "all"
    OWN_STORE = "own_store"
    OWN = "own"
    NONE = "none"


_O, _A, _M, _E, _V = Role.OWNER, Role.ACCOUNTANT, Role.MANAGER, Role.EMPLOYEE, Role.VIEWER
_ALL, _STORE, _OWN, _NO = Scope.ALL, Scope.OWN_STORE, Scope.OWN, Scope.NONE

# SPEC §8.1, column by column: owner, accountant, manager, employee, viewer.
RIGHTS: dict[Right, dict[Role, Scope]] = {
    right: dict(zip((_O, _A, _M, _E, _V), scopes, strict=True))
    for right, scopes in (
        (Right.DIRECTORIES, (_ALL, _NO, _NO, _NO, _NO)),
        (Right.DAILY, (_ALL, _NO, _STORE, _NO, _NO)),
        (Right.FACTS, (_ALL, _NO, _STORE, _NO, _NO)),
        (Right.ASSIGN_TASKS, (_ALL, _NO, _STORE, _NO, _NO)),
        (Right.OWN_TASKS, (_ALL, _OWN, _OWN, _OWN, _NO)),
        (Right.SEE_RESULTS, (_ALL, _ALL, _STORE, _OWN, _ALL)),
        (Right.SEE_MONEY, (_ALL, _ALL, _OWN, _OWN, _NO)),
        (Right.BONUS_SHEETS, (_ALL, _ALL, _OWN, _OWN, _NO)),
        (Right.CHECK_PAYLIST, (_NO, _ALL, _NO, _NO, _NO)),
        (Right.APPROVE_PAYLIST, (_ALL, _NO, _NO, _NO, _NO)),
        (Right.LOCK_PERIOD, (_ALL, _ALL, _NO, _NO, _NO)),
        (Right.REOPEN_PERIOD, (_ALL, _NO, _NO, _NO, _NO)),
        (Right.IMPORT, (_ALL, _NO, _NO, _NO, _NO)),
        (Right.EXPORT, (_ALL, _ALL, _NO, _NO, _NO)),
        (Right.BACKUP, (_ALL, _NO, _NO, _NO, _NO)),
        (Right.AUDIT, (_ALL, _ALL, _STORE, _NO, _ALL)),
    )
}


@dataclass(frozen=True)
class Actor:
    """Who is working: a user's name and role, their store (a manager) and linked employee.

    ``role`` is ``None`` while the company has no users: then every right is granted.
    Once it has users, who has not logged in is ``anonymous`` and holds none.
    """

    name: str
    role: Role | None = None
    store: str | None = None
    employee: str | None = None
    anonymous: bool = False  # a company with users, and no one logged in: no rights

    def scope(self, right: Right) -> Scope:
        """How far ``right`` reaches for this actor."""
        if self.anonymous:
            return Scope.NONE
        if self.role is None:
            return Scope.ALL
        return RIGHTS[right][self.role]

    def may(self, right: Right, *, store: str | None = None, employee: str | None = None) -> bool:
        """Whether this actor may use ``right`` on something of ``store`` / ``employee``
        (``None``: not limited to one, which needs the whole right)."""
        scope = self.scope(right)
        if scope is Scope.ALL:
            return True
        if scope is Scope.OWN_STORE:
            return store is not None and store == self.store
        if scope is Scope.OWN:
            return employee is not None and employee == self.employee
        return False


NOBODY = Actor("")

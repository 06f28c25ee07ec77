"""What the window shows to who is working (SPEC §4, §8.1): which sections are in the
navigation, which stores the store choosers offer, whose data may be typed in, whose money
is shown, and the role's name for the status bar.

Everything here reads the one rights table of ``core.rights`` through the signed-in
``Actor`` (``context.service.actor``); a company without users (role ``None``) shows
everything, as before logins existed. The services refuse what a role may not do whatever
the window shows; this module only keeps the window from offering it.

Must not: decide a right itself (``core.rights`` does), or write anything.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpidesk.core.org import Employee
from kpidesk.core.rights import Actor, Right, Role, Scope
from kpidesk.core.visibility import sees_money_of, sees_results_of, sees_store

# The navigation: each section and the right that shows it (``None``: every role).
_SEES_STORES = (Scope.ALL, Scope.OWN_STORE)
_SECTION_RIGHTS: dict[str, tuple[Right, tuple[Scope, ...]] | None] = {
    "dashboard": (Right.SEE_RESULTS, _SEES_STORES),
    "matrix": (Right.SEE_RESULTS, (Scope.ALL, Scope.OWN_STORE, Scope.OWN)),
    "daily": (Right.SEE_RESULTS, _SEES_STORES),
    "month_grid": (Right.SEE_RESULTS, _SEES_STORES),
    "facts": (Right.SEE_RESULTS, _SEES_STORES),
    "plans": (Right.SEE_RESULTS, _SEES_STORES),
    "tasks": None,
    "ratings": (Right.SEE_RESULTS, _SEES_STORES),
    "charts": (Right.SEE_RESULTS, _SEES_STORES),
    "bonus": (Right.BONUS_SHEETS, (Scope.ALL, Scope.OWN_STORE, Scope.OWN)),
    "directories": (Right.DIRECTORIES, (Scope.ALL,)),
    "users": (Right.DIRECTORIES, (Scope.ALL,)),
    "audit": (Right.AUDIT, (Scope.ALL, Scope.OWN_STORE, Scope.OWN)),
}


def shows_section(actor: Actor, key: str) -> bool:
    """Whether the navigation offers the section ``key`` to ``actor`` (an unknown key:
    yes, a section added later is shown until it says otherwise)."""
    if actor.anonymous:
        return False
    if key not in _SECTION_RIGHTS:
        return True
    needed = _SECTION_RIGHTS[key]
    if needed is None:
        return True
    right, scopes = needed
    return actor.scope(right) in scopes


def start_section(actor: Actor) -> str | None:
    """The section the window opens on (``None``: the first of the navigation); an
    employee starts on their personal report."""
    return "tasks" if actor.role is Role.EMPLOYEE else None


def fixed_store(actor: Actor) -> str | None:
    """The store a store manager's window is fixed to (``None``: free to choose)."""
    if actor.scope(Right.SEE_RESULTS) is Scope.OWN_STORE:
        return actor.store
    return None


def chooses_store(actor: Actor) -> bool:
    """Whether the toolbar's store filter means anything to ``actor`` (an employee sees
    only their own results: no store to choose)."""
    return actor.scope(Right.SEE_RESULTS) in _SEES_STORES


def visible_stores(actor: Actor, stores: list[str]) -> list[str]:
    """Of ``stores``, those whose daily data ``actor`` may see."""
    return [store for store in stores if sees_store(actor, store)]


def may_enter_daily(actor: Actor, store: str | None) -> bool:
    """Whether ``actor`` may type in or change ``store``'s daily data."""
    return store is not None and actor.may(Right.DAILY, store=store)


def may_enter_facts(actor: Actor, employee: Employee | None) -> bool:
    """Whether ``actor`` may type in this employee's facts."""
    if employee is None:
        return actor.scope(Right.FACTS) is Scope.ALL
    return actor.may(Right.FACTS, store=employee.store, employee=employee.name)


def sees_results(actor: Actor, employee: Employee) -> bool:
    """Whether ``actor`` may see this employee's KPI results (and so their rows)."""
    return sees_results_of(actor, employee)


def sees_money(actor: Actor, employee: Employee | None) -> bool:
    """Whether ``actor`` may see this employee's fixed pay, bonus and total."""
    if employee is None:
        return actor.scope(Right.SEE_MONEY) is Scope.ALL
    return sees_money_of(actor, employee)


def edits_directories(actor: Actor) -> bool:
    """Whether ``actor`` may change the directories, matrices and users."""
    return actor.scope(Right.DIRECTORIES) is Scope.ALL


WITHHELD = "—"
"""What a cell shows instead of money the reader may not see."""


def role_name(role: Role | None) -> str:
    """A role as a word in the interface language."""
    translate = QCoreApplication.translate
    names = {
        Role.OWNER: translate("Rights", "owner"),
        Role.ACCOUNTANT: translate("Rights", "accountant"),
        Role.MANAGER: translate("Rights", "store manager"),
        Role.EMPLOYEE: translate("Rights", "employee"),
        Role.VIEWER: translate("Rights", "viewer"),
    }
    return names.get(role, "") if role is not None else ""


def who_text(actor: Actor) -> str:
    """ "Анна (владелец)" for the status bar; empty while the company has no users."""
    if actor.role is None:
        return ""
    text = QCoreApplication.translate("Rights", "User: %1 (%2)")
    text = text.replace("%1", actor.name).replace("%2", role_name(actor.role))
    if actor.store and actor.role is Role.MANAGER:
        text += " — " + actor.store
    return text

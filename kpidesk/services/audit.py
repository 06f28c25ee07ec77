"""Reading the audit log (SPEC §3): who changed which value, from what to what, when —
filtered by period, store, employee and kind (the audited entity).

The store records the period of facts, plans and locks, but a daily row's audit carries
only its store and the day in its key (``"ТЦ «Мега» 2026-10-05"``); the period filter here
matches both, so that "October 2026" finds the days of October too.

Must not: know about Qt, or write anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from kpidesk.core.periods import Period
from kpidesk.core.rights import Actor, Right, Scope
from kpidesk.services.company import CompanyService
from kpidesk.store.audit import AuditEntry

__all__ = ["KINDS", "AuditEntry", "AuditFilter", "audit_log", "entry_day"]

# The audited entities a user filters by, in the order a filter lists them.
KINDS = (
    "daily",
    "seller_day",
    "fact",
    "plan",
    "input",
    "matrix",
    "period",
    "employee",
    "store",
    "department",
    "position",
    "indicator",
    "schedule",
    "company",
    "user",
    "paylist",
)
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})")
_SCAN_LIMIT = 200_000
_MONEY_FIELDS = frozenset({"fixed_pay", "target_bonus"})
_MONEY_ENTITIES = frozenset({"pay_rate", "snapshot"})


@dataclass(frozen=True)
class AuditFilter:
    """What to show (``None`` = any)."""

    period: Period | None = None
    store: str | None = None
    employee: str | None = None
    entity: str | None = None
    limit: int = 2000


def entry_day(entry: AuditEntry) -> date | None:
    """The day an entry's key names (daily rows, seller days), if any."""
    match = _DAY.search(entry.key or "")
    if match is None:
        return None
    try:
        return date.fromisoformat(match[1])
    except ValueError:
        return None


def _in_period(entry: AuditEntry, period: Period) -> bool:
    if entry.period is not None:
        if entry.period == period.code:
            return True
        try:
            return Period.parse(entry.period).overlaps(period)
        except ValueError:
            return False
    day = entry_day(entry)
    return day is not None and period.contains(day)


def audit_log(service: CompanyService, chosen: AuditFilter | None = None) -> list[AuditEntry]:
    """The newest audit entries matching the filter, newest first (at most ``limit``), as
    the actor may see them (SPEC §8.1): a manager's store only, and no one's old and new
    pay but what the actor may see of money.

    Raises:
        UserError: the actor may not read the audit log at all.
    """
    chosen = chosen or AuditFilter()
    actor = service.actor
    if actor.scope(Right.AUDIT) is Scope.OWN_STORE:
        if chosen.store not in (None, actor.store):
            return []
        chosen = replace(chosen, store=actor.store)
    service.require(Right.AUDIT, "read the audit log", store=chosen.store)
    limit = max(1, chosen.limit)
    scan = _SCAN_LIMIT if chosen.period is not None else limit
    rows = service.database.audit.entries(
        store=chosen.store, employee=chosen.employee, entity=chosen.entity, limit=scan
    )
    if chosen.period is not None:
        period = chosen.period
        rows = [entry for entry in rows if _in_period(entry, period)]
    rows = rows[:limit]
    if actor.scope(Right.SEE_MONEY) is not Scope.ALL:
        rows = [_without_money(entry, actor) for entry in rows]
    return rows


def _without_money(entry: AuditEntry, actor: Actor) -> AuditEntry:
    """The entry with its old and new amounts removed when they are someone's pay the
    actor may not see (a pay change, a snapshot of a period's pay)."""
    money = entry.field in _MONEY_FIELDS or entry.entity in _MONEY_ENTITIES
    if not money or actor.may(Right.SEE_MONEY, store=entry.store, employee=_person(entry)):
        return entry
    return replace(entry, old=None, new=None)


def _person(entry: AuditEntry) -> str | None:
    if entry.employee:
        return entry.employee
    return entry.key if entry.entity == "employee" else None


def audit_employees(service: CompanyService) -> list[str]:
    """Employee names for the employee filter (directory order)."""
    return [employee.name for employee in service.company().employees]


def audit_stores(service: CompanyService) -> list[str]:
    """Store names for the store filter (directory order)."""
    return [store.name for store in service.company().stores]

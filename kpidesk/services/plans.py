"""Store revenue plans per pay period (SPEC §2.6 ``plan_completion``, §4.9; issue 14 item 3):
the plans grid of a period — each store's plan, its revenue so far and the completion —
and :class:`SetStorePlans`, the one operation that sets or clears plans, used by typing in
the grid, by "copy from the previous period" and by "from history +N %" alike.

The suggestions are computed here from the store's own figures: the previous period's plan,
or ``core.plans.plan_from_history`` over the revenue of the last six periods (the target of
that suggestion, mean × (1 + uplift), is the plan). Nothing is written until the caller
applies them with :func:`set_store_plans`.

The plan of the employee-sourced indicators (a seller's own revenue) is the norm of their
matrix row (SPEC §2.4); it has no table of its own and is edited in the matrix editor.

Must not: import Qt, write SQL, or round a plan the user typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from kpidesk.core.item_validation import problem
from kpidesk.core.limits import amount_problem, normal
from kpidesk.core.money import HUNDRED, round_money
from kpidesk.core.periods import Period
from kpidesk.core.plans import DEFAULT_UPLIFT, HISTORY_PERIODS, plan_from_history
from kpidesk.core.problems import Location, Problem
from kpidesk.core.rights import Right
from kpidesk.core.store_metrics import daily_sums, plan_for
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session, Target


@dataclass(frozen=True)
class PlanRow:
    """One store's line of the plans grid."""

    store: str
    plan: Decimal | None
    revenue: Decimal | None  # the period's revenue so far (``None``: no daily data)
    completion: Decimal | None  # revenue / plan × 100 (``None`` without either)
    previous_plan: Decimal | None


@dataclass(frozen=True)
class PlansSheet:
    """The store plans of one pay period."""

    period: Period
    rows: tuple[PlanRow, ...]
    locked: bool

    def row(self, store: str) -> PlanRow | None:
        """The line of ``store``, if shown."""
        return next((row for row in self.rows if row.store == store), None)


def _stores(service: CompanyService, store: str | None) -> list[str]:
    names = [s.name for s in service.company().stores if not s.archived]
    return [name for name in names if store is None or name == store]


def plans_sheet(service: CompanyService, period: Period, store: str | None = None) -> PlansSheet:
    """Every open store's plan for ``period`` (only ``store`` when given)."""
    stores = _stores(service, store)
    daily = service.database.daily
    plans = [p for p in daily.plans(period) if p.period == period]
    before = [p for p in daily.plans(period.previous()) if p.period == period.previous()]
    entries = daily.daily_rows(period.start, period.end, stores) if stores else []
    rows = []
    for name in stores:
        plan = plan_for(plans, {name}, period)
        sums = daily_sums(entries, {name}, period)
        revenue = sums.revenue if sums.rows else None
        completion = None
        if plan is not None and plan > 0 and revenue is not None:
            completion = revenue / plan * HUNDRED
        previous = plan_for(before, {name}, period.previous())
        rows.append(PlanRow(name, plan, revenue, completion, previous))
    return PlansSheet(period, tuple(rows), service.is_locked(period))


def from_previous(service: CompanyService, period: Period) -> dict[str, Decimal]:
    """The previous period's plan of each store that had one (for ``period``)."""
    return {
        row.store: row.previous_plan
        for row in plans_sheet(service, period).rows
        if row.previous_plan is not None
    }


def revenue_history(service: CompanyService, period: Period) -> dict[str, list[Decimal]]:
    """Each store's revenue over the last six periods before ``period``, oldest first
    (periods without daily data left out)."""
    stores = _stores(service, None)
    first = period.shifted(-HISTORY_PERIODS)
    entries = service.database.daily.daily_rows(first.start, period.previous().end, stores)
    history: dict[str, list[Decimal]] = {name: [] for name in stores}
    for steps in range(HISTORY_PERIODS, 0, -1):
        past = period.shifted(-steps)
        for name in stores:
            sums = daily_sums(entries, {name}, past)
            if sums.rows:
                history[name].append(sums.revenue)
    return history


def from_history(
    service: CompanyService, period: Period, uplift: Decimal = DEFAULT_UPLIFT
) -> dict[str, Decimal]:
    """Each store's suggested plan: the mean revenue of the last six periods × (1 + uplift),
    rounded to whole roubles; stores without history left out.

    Raises:
        UserError: a negative uplift or one above 1000 %.
    """
    if not uplift.is_finite() or uplift < 0 or uplift > 10:
        raise UserError.of(
            "uplift_out_of_range",
            f"the uplift must be from 0% to 1000% ({uplift * HUNDRED}%)",
            value=str(uplift * HUNDRED),
            uplift=str(uplift * HUNDRED),
        )
    suggested: dict[str, Decimal] = {}
    for store, facts in revenue_history(service, period).items():
        suggestion = plan_from_history(facts, uplift)
        if suggestion is not None and suggestion.target > 0:
            suggested[store] = round_money(suggestion.target).quantize(Decimal(1))
    return suggested


@dataclass
class SetStorePlans(Operation):
    """Set (``None``: clear) the revenue plans of stores for one pay period."""

    period: Period
    changes: Mapping[str, Decimal | None]
    name: ClassVar[str] = "set_store_plans"
    right: ClassVar[Right] = Right.DIRECTORIES

    def target(self, session: Session) -> Target:
        stores = set(self.changes)
        return Target(next(iter(stores)) if len(stores) == 1 else None)

    def apply(self, session: Session) -> Change:
        known = {s.name for s in session.company().stores}
        checked = check_plans(known, self.changes)
        for store, revenue in checked.items():
            session.db.daily.set_plan(store, self.period, revenue)
        stores = set(checked)
        return Change(
            ChangeKind.PLAN, self.period, next(iter(stores)) if len(stores) == 1 else None
        )


def check_plans(
    stores: set[str], changes: Mapping[str, Decimal | None]
) -> dict[str, Decimal | None]:
    """The changes with values normalised.

    Raises:
        UserError: nothing to change, an unknown store, a negative plan, a value that is not
            finite or beyond 10¹²; all problems found, each located at its store.
    """
    if not changes:
        raise UserError.of("nothing_to_change", "no plans to change")
    problems: list[Problem] = []
    checked: dict[str, Decimal | None] = {}
    for store, value in changes.items():
        where = Location(entity="plan", key=store, field="revenue")
        if store not in stores:
            problems.append(
                problem("unknown_store", f"Unknown store '{store}'.", where, name=store)
            )
            continue
        if value is not None:
            found = amount_problem(value, where)
            if found is None and value < 0:
                found = problem(
                    "negative_value",
                    f"Revenue cannot be negative ({value}).",
                    where,
                    value,
                    field="revenue",
                )
            if found is not None:
                problems.append(found)
                continue
            value = normal(value)
        checked[store] = value
    if problems:
        raise UserError("store plans refused", problems)
    return checked


def set_store_plans(
    service: CompanyService, period: Period, changes: Mapping[str, Decimal | None]
) -> Change:
    """Set or clear stores' plans for ``period`` in one transaction (audited).

    Raises:
        UserError: see :func:`check_plans`; a locked period (``period_locked``).
    """
    return service.run(SetStorePlans(period, dict(changes)))

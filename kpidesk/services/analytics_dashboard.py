"""The dashboard of a pay period (SPEC §4.1): what it shows (:class:`Dashboard`) and what
is still missing, each item with the place in the window that fixes it
(:class:`MissingItem`, :func:`missing_items`). ``Analytics.dashboard`` puts it together.

Must not: compute KPIs or metrics (``core`` does), import Qt, or format numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kpidesk.core.compute import PeriodKpis
from kpidesk.core.periods import Period
from kpidesk.core.ratings import Rating, RatingRow, Score
from kpidesk.core.results import PeriodResult, Status
from kpidesk.services.reporting import StoreReportRow

if TYPE_CHECKING:
    from kpidesk.services.period_status import PeriodStatus


@dataclass(frozen=True)
class MissingItem:
    """Something still missing for the period, and where it is fixed.

    ``kind``: ``"days"`` (a store's days without daily data: ``store``, ``days``),
    ``"fact"`` (a manual fact: ``employee``, ``indicator``), ``"matrix"`` (an incomplete
    matrix without a missing manual fact: ``employee``, ``reason`` = the missing codes).
    ``section``/``target`` are what ``MainWindow.show_section`` takes.
    """

    kind: str
    section: str
    target: dict[str, object]
    store: str | None = None
    employee: str | None = None
    indicator: str | None = None
    days: tuple[date, ...] = ()
    reason: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for a period.

    Attributes:
        period: the pay period.
        company: the company KPI with the complete matrices (company-wide).
        stores: each store's metrics (revenue, plan, completion, dynamics; the same rows as
            ``kpidesk report stores``); the company line (store ``None``) last unless a
            store is chosen.
        top: the best five employees by KPI; bottom: the worst five.
        rating: the whole employee KPI rating the top and bottom come from.
        status: the period's status (locked, counts).
        missing: what is missing, each with the place that fixes it.
    """

    period: Period
    company: Score
    stores: list[StoreReportRow]
    top: list[RatingRow]
    bottom: list[RatingRow]
    rating: Rating
    status: PeriodStatus
    missing: list[MissingItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing to show: no employees and no store data."""
        return self.status.employees == 0 and all(
            row.metrics.revenue is None for row in self.stores
        )


def missing_items(
    status: PeriodStatus,
    results: Sequence[PeriodResult | PeriodKpis],
    store: str | None,
    employees: set[str] | None,
) -> list[MissingItem]:
    """What is missing for the period: days without daily data per store, missing manual
    facts, then incomplete matrices without a missing fact (with the missing codes).

    Args:
        status: the period's status.
        results: the pay periods' results or KPIs (for the reasons a matrix is incomplete).
        store: only this store's days (``None`` = all).
        employees: only these employees' facts and matrices (``None`` = all).
    """
    items: list[MissingItem] = []
    for name, days in status.missing_days.items():
        if store is not None and name != store:
            continue
        items.append(
            MissingItem(
                "days",
                "month_grid",
                {"store": name, "day": days[0]},
                store=name,
                days=tuple(days),
            )
        )
    with_fact: set[str] = set()
    for fact in status.missing_facts:
        if employees is not None and fact.employee not in employees:
            continue
        with_fact.add(fact.employee)
        items.append(
            MissingItem(
                "fact",
                "facts",
                {"employee": fact.employee},
                employee=fact.employee,
                indicator=fact.indicator,
            )
        )
    reasons: dict[str, tuple[str, ...]] = {}
    for result in results:
        for employee in result.employees:
            if employee.status is Status.INCOMPLETE:
                reasons.setdefault(employee.employee.name, employee.missing)
    for name in status.incomplete:
        if name in with_fact or (employees is not None and name not in employees):
            continue
        items.append(
            MissingItem(
                "matrix",
                "matrix",
                {"employee": name},
                employee=name,
                reason=reasons.get(name, ()),
            )
        )
    return items

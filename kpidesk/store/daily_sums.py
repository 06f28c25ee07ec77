"""A period's daily rows summed per store in SQL (``DailyRepository.store_sums``), for the
calculations that need only sums (``PeriodInputs.store_sums``: a rating's KPIs, the
dashboard): one row per store and part instead of one per day (SPEC §9, 10×).

The counts and integer sums are SQL's; the decimal texts (revenue, returns) are joined in
SQL and summed as ``Decimal`` here, because a SQL sum of decimal text is a binary float on
SQLite — the one engine-specific piece, the join function, is chosen per engine below.
Must not: write, or round anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.money import ZERO
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import DailySums
from kpidesk.core.store_sums import StoreSums
from kpidesk.store.context import StoreContext

RowReader = Callable[[date, date, Sequence[str] | None], list[DailyEntry]]

# A period's daily rows summed per store (``DailyRepository.store_sums``): the part (1 = the
# period, 0 = the previous equal period), the integer sums in SQL, the decimal texts joined
# and summed as ``Decimal`` in Python (a SQL sum of decimal text is a binary float).
_SUMS = (
    "SELECT d.store_id, CASE WHEN d.day >= ? THEN 1 WHEN d.day <= ? THEN 0 END AS part,"
    " COUNT(*), SUM(d.receipts), SUM(d.visitors), SUM(d.units), {revenue}, {returns}"
    " FROM daily d WHERE d.day BETWEEN ? AND ? GROUP BY d.store_id, part"
)
_JOINED = {  # engine → how a column's decimal texts are joined (NULLs skipped)
    "sqlite": "group_concat({column}, ',')",
    "postgresql": "string_agg(({column})::text, ',')",
}


def _decimal_sum(joined: str | None) -> Decimal | None:
    """The exact sum of comma-joined decimal texts (``None``: none)."""
    if joined is None:
        return None
    return sum(map(Decimal, joined.split(",")), ZERO)  # added in turn, as row by row


def store_sums(
    ctx: StoreContext, period: Period, plans: Sequence[StorePlan], daily_rows: RowReader
) -> dict[str, StoreSums]:
    """Each store's daily rows of ``period`` and of its previous equal period summed,
    with the revenue of the period's days that its ``plans`` (those overlapping the
    period) cover: the same figures as summing ``DailyRepository.daily_rows`` from the previous
    period's start (``core.store_metrics``), a row per store read instead of a row per
    day — and per day only for a store whose plans cover part of the period."""
    joined = _JOINED[ctx.engine.NAME]
    sql = _SUMS.format(
        revenue=joined.format(column="d.revenue"), returns=joined.format(column="d.returns")
    )
    previous = period.previous()
    start, end = period.start.isoformat(), period.end.isoformat()
    params = (start, previous.end.isoformat(), previous.start.isoformat(), end)
    names = ctx.names("stores")
    parts: dict[str, dict[int, DailySums]] = {}
    for store, part, rows, receipts, visitors, units, revenue, returns in ctx.execute(sql, params):
        if part is not None:  # else between the previous period and this one
            total = _decimal_sum(revenue)
            parts.setdefault(names[store], {})[int(part)] = DailySums(
                int(rows),
                ZERO if total is None else total,
                int(receipts),
                int(visitors),
                int(units),
                _decimal_sum(returns),
            )
    covered = _covered_revenue(period, plans, parts, daily_rows)
    empty = DailySums()
    return {
        name: StoreSums(own.get(1, empty), own.get(0, empty), covered.get(name, ZERO))
        for name, own in parts.items()
    }


def _covered_revenue(
    period: Period,
    plans: Sequence[StorePlan],
    parts: dict[str, dict[int, DailySums]],
    daily_rows: RowReader,
) -> dict[str, Decimal]:
    """Per store, the revenue of the period's days its plans cover (as
    ``core.store_metrics.plan_coverage`` counts it): the period's revenue when a plan
    covers the whole period, else summed from that store's rows of the covered days."""
    spans: dict[str, list[tuple[date, date]]] = {}
    for plan in plans:
        if plan.period.overlaps(period):
            first = max(plan.period.start, period.start)
            last = min(plan.period.end, period.end)
            spans.setdefault(plan.store, []).append((first, last))
    covered: dict[str, Decimal] = {}
    partly: list[str] = []
    for store, own in spans.items():
        if any(first == period.start and last == period.end for first, last in own):
            current = parts.get(store, {}).get(1)
            covered[store] = current.revenue if current is not None else ZERO
        else:
            partly.append(store)
    if partly:
        for entry in daily_rows(period.start, period.end, partly):
            if any(first <= entry.day <= last for first, last in spans[entry.store]):
                covered[entry.store] = covered.get(entry.store, ZERO) + entry.revenue
    return covered

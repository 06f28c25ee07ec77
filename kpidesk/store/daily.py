"""Daily store data, per-seller days and store revenue plans.

Rows are keyed by (store, day), (store, day, employee) and (store, period). Date ranges
are answered with indexed ``BETWEEN`` queries on the ISO day text. A row whose day lies in
a locked period (a plan overlapping one) cannot be added, changed or deleted: the schema's
lock triggers refuse it, whatever code writes.

A single write costs one read (the old row with the store and employee ids resolved in
the same statement), one write (none when nothing changed) and one audit statement.

Reading a period's rows is on the path of every recompute (SPEC §9), so the range queries
select store and employee ids and map them to names in Python (no join), and the frozen
row dataclasses are filled without their generated ``__init__`` (``daily_rows._filler``,
checked against the constructor by the tests). Must not: write directories or matrices.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.periods import Period
from kpidesk.core.store_sums import StoreSums
from kpidesk.store.codec import dec_text, dec_texts, iso_days, opt_dec_texts, to_day
from kpidesk.store.context import StoreContext
from kpidesk.store.daily_rows import (
    daily_by_id,
    daily_entries,
    plans_of,
    seller_days_by_id,
    seller_days_of,
)
from kpidesk.store.daily_sums import store_sums
from kpidesk.store.errors import ContentError
from kpidesk.store.merge import (
    AuditMode,
    Item,
    ItemRow,
    KindSummary,
    Origin,
    PeriodLock,
    Table,
    columns,
    delete_found,
    fresh,
    fresh_rows,
    insert_fresh,
    known_id,
    merge,
    no_origin,
    per_object,
    write_one,
)

DAILY = Table(
    "daily",
    "daily",
    ("store_id", "day"),
    ("revenue", "receipts", "visitors", "units", "returns"),
    numeric=frozenset({"revenue", "returns"}),
)
SELLER_DAYS = Table(
    "seller_day",
    "seller_days",
    ("store_id", "day", "employee_id"),
    ("revenue", "receipts", "units"),
    numeric=frozenset({"revenue"}),
)
PLANS = Table(
    "plan",
    "store_plans",
    ("store_id", "period"),
    ("start_date", "end_date", "revenue"),
    numeric=frozenset({"revenue"}),
)

DAILY_SELECT = (
    "SELECT s.name, d.day, d.revenue, d.receipts, d.visitors, d.units, d.returns"
    " FROM daily d JOIN stores s ON s.id = d.store_id"
)
SELLER_SELECT = (
    "SELECT s.name, d.day, e.name, d.revenue, d.receipts, d.units FROM seller_days d"
    " JOIN stores s ON s.id = d.store_id JOIN employees e ON e.id = d.employee_id"
)
PLAN_SELECT = (
    "SELECT s.name, p.period, p.revenue FROM store_plans p JOIN stores s ON s.id = p.store_id"
)


_DAILY_RANGE = (
    "SELECT d.store_id, d.day, d.revenue, d.receipts, d.visitors, d.units, d.returns"
    " FROM daily d WHERE d.day BETWEEN ? AND ?"
)
_SELLER_RANGE = (
    "SELECT d.store_id, d.day, d.employee_id, d.revenue, d.receipts, d.units"
    " FROM seller_days d WHERE d.day BETWEEN ? AND ?"
)


# One statement each: the old row with the ids it needs resolved (an unknown name gives a
# NULL id, told apart on the error path only).
_DAILY_ONE = (
    "SELECT s.id, d.id, d.revenue, d.receipts, d.visitors, d.units, d.returns"
    " FROM (SELECT (SELECT id FROM stores WHERE name = ?) AS id) s"
    " LEFT JOIN daily d ON d.store_id = s.id AND d.day = ?"
)
_SELLER_ONE = (
    "SELECT s.id, e.id, d.id, d.revenue, d.receipts, d.units"
    " FROM (SELECT (SELECT id FROM stores WHERE name = ?) AS id) s"
    " CROSS JOIN (SELECT (SELECT id FROM employees WHERE name = ?) AS id) e"
    " LEFT JOIN seller_days d ON d.store_id = s.id AND d.day = ? AND d.employee_id = e.id"
)
_PLAN_ONE = (
    "SELECT s.id, p.id, p.start_date, p.end_date, p.revenue"
    " FROM (SELECT (SELECT id FROM stores WHERE name = ?) AS id) s"
    " LEFT JOIN store_plans p ON p.store_id = s.id AND p.period = ?"
)


def _found(row: Sequence[Any], at: int) -> tuple[int, tuple[object, ...]] | None:
    """(id, values) of the stored row in columns ``at``… of a one-row read, if any."""
    return None if row[at] is None else (int(row[at]), tuple(row[at + 1 :]))


class DailyRepository:
    """Daily rows, seller days, store plans (``db.daily``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    # --- reading ----------------------------------------------------------------------
    def days_with_data(self, start: date, end: date) -> set[tuple[str, date]]:
        """(store, day) of every daily row from ``start`` to ``end`` — what a check for
        missing days needs, without reading the rows' figures."""
        names = self._ctx.names("stores")
        rows = self._ctx.execute(
            "SELECT store_id, day FROM daily WHERE day BETWEEN ? AND ?",
            (start.isoformat(), end.isoformat()),
        )
        return {(names[store_id], to_day(day)) for store_id, day in rows}

    def daily_rows(
        self, start: date, end: date, stores: Sequence[str] | None = None
    ) -> list[DailyEntry]:
        """The daily rows from ``start`` to ``end`` inclusive, ordered by day then store;
        only of ``stores`` when given."""
        names = self._ctx.names("stores")
        sql = _DAILY_RANGE
        params: list[object] = [start.isoformat(), end.isoformat()]
        if stores is not None:
            wanted = set(stores)
            ids = [store_id for store_id, name in names.items() if name in wanted]
            if not ids:
                return []
            sql += f" AND d.store_id IN ({', '.join('?' for _ in ids)})"
            params.extend(ids)
        return daily_by_id(self._ctx.execute(sql + " ORDER BY d.day, d.store_id", params), names)

    def store_sums(self, period: Period, plans: Sequence[StorePlan]) -> dict[str, StoreSums]:
        """Each store's daily rows of ``period`` and of its previous equal period summed,
        with the revenue of the period's days that its ``plans`` cover (see
        ``store.daily_sums``): the figures of summing :meth:`daily_rows`, a row per store
        read instead of a row per day."""
        return store_sums(self._ctx, period, plans, self.daily_rows)

    def seller_days(self, start: date, end: date) -> list[SellerDay]:
        """The per-seller rows from ``start`` to ``end`` inclusive."""
        sql = f"{_SELLER_RANGE} ORDER BY d.day, d.store_id, d.employee_id"
        rows = self._ctx.execute(sql, (start.isoformat(), end.isoformat())).fetchall()
        if not rows:
            return []
        return seller_days_by_id(rows, self._ctx.names("stores"), self._ctx.names("employees"))

    def plans(self, period: Period) -> list[StorePlan]:
        """The store plans whose period overlaps ``period``."""
        sql = f"{PLAN_SELECT} WHERE p.start_date <= ? AND p.end_date >= ? ORDER BY p.id"
        return plans_of(self._ctx.execute(sql, (period.end.isoformat(), period.start.isoformat())))

    def all_daily(self) -> list[DailyEntry]:
        """Every daily row, in the order they were added (for the export)."""
        return daily_entries(self._ctx.execute(f"{DAILY_SELECT} ORDER BY d.id"))

    def all_seller_days(self) -> list[SellerDay]:
        """Every seller day, in the order they were added (for the export)."""
        return seller_days_of(self._ctx.execute(f"{SELLER_SELECT} ORDER BY d.id"))

    def all_plans(self) -> list[StorePlan]:
        """Every store plan, in the order they were added (for the export)."""
        return plans_of(self._ctx.execute(f"{PLAN_SELECT} ORDER BY p.id"))

    # --- merging ----------------------------------------------------------------------
    def merge_daily(
        self,
        entries: Sequence[DailyEntry],
        locks: Sequence[PeriodLock],
        origin: Origin = no_origin,
        *,
        audit: AuditMode = AuditMode.SUMMARY,
    ) -> KindSummary:
        """Upsert daily rows by (store, day).

        Raises:
            ContentError: unknown store.
            LockedPeriodError: a changed day lies in one of ``locks``.
        """
        ctx, stores = self._ctx, self._ctx.ids("stores")
        if fresh(ctx, DAILY, len(entries), locks, audit):  # a first import: in columns
            names, days, revenues, receipts, visitors, units, returns = columns(
                entries, *_DAILY_FIELDS
            )
            store_ids = list(map(stores.get, names))
            if None not in store_ids:  # else refused below, with the row's origin
                rows = fresh_rows(
                    (store_ids, iso_days(days)),
                    (dec_texts(revenues), receipts, visitors, units, opt_dec_texts(returns)),
                )
                return insert_fresh(ctx, DAILY, rows)
        keyed: list[tuple[tuple[object, ...], tuple[object, ...]]] = []
        append = keyed.append
        for i, e in enumerate(entries):
            store_id = stores.get(e.store)  # the origin is looked up only for a bad row
            if store_id is None:
                store_id = known_id(stores, e.store, "daily row: unknown store", origin(i))
            append(((store_id, e.day.isoformat()), _daily_values(e)))
        items: list[ItemRow] = [
            (key, values, f"{e.store} {key[1]}", None, e.store, None, (e.day, e.day))
            for (key, values), e in zip(keyed, entries, strict=True)
        ]
        return merge(ctx, DAILY, items, locks, audit=audit)

    def merge_seller_days(
        self,
        entries: Sequence[SellerDay],
        locks: Sequence[PeriodLock],
        origin: Origin = no_origin,
        *,
        audit: AuditMode = AuditMode.SUMMARY,
    ) -> KindSummary:
        """Upsert seller days by (store, day, employee).

        Raises:
            ContentError: unknown store or employee.
            LockedPeriodError: a changed day lies in one of ``locks``.
        """
        stores, employees = self._ctx.ids("stores"), self._ctx.ids("employees")
        items: list[ItemRow] = []
        append = items.append
        for i, e in enumerate(entries):
            store_id = known_id(stores, e.store, "seller day: unknown store", origin(i))
            employee_id = known_id(employees, e.employee, "seller day: unknown employee", origin(i))
            day = e.day
            text = day.isoformat()
            append(
                (
                    (store_id, text, employee_id),
                    (dec_text(e.revenue), e.receipts, e.units),
                    f"{e.store} {text} {e.employee}",
                    None,
                    e.store,
                    e.employee,
                    (day, day),
                )
            )
        return merge(self._ctx, SELLER_DAYS, items, locks, audit=audit)

    def merge_plans(
        self,
        plans: Sequence[StorePlan],
        locks: Sequence[PeriodLock],
        origin: Origin = no_origin,
        *,
        audit: AuditMode = AuditMode.SUMMARY,
    ) -> KindSummary:
        """Upsert store plans by (store, period).

        Raises:
            ContentError: unknown store.
            LockedPeriodError: a changed plan overlaps one of ``locks``.
        """
        ctx, stores = self._ctx, self._ctx.ids("stores")
        for i, p in enumerate(plans):
            if p.store not in stores:
                raise ContentError(f"plan: unknown store {p.store!r}", origin(i))
        if fresh(ctx, PLANS, len(plans), locks, audit):  # a first import: in columns
            names, periods, revenues = columns(plans, "store", "period", "revenue")
            codes, starts, ends = zip(*per_object(periods, _plan_period), strict=True)
            rows = fresh_rows(
                (list(map(stores.__getitem__, names)), codes),
                (starts, ends, dec_texts(revenues)),
            )
            return insert_fresh(ctx, PLANS, rows)
        items = [
            Item(
                (stores[p.store], p.period.code),
                _plan_values(p.period, p.revenue),
                f"{p.store} {p.period.code}",
                p.period.code,
                p.store,
                None,
                (p.period.start, p.period.end),
            )
            for p in plans
        ]
        return merge(self._ctx, PLANS, items, locks, audit=audit)

    # --- single writes ----------------------------------------------------------------
    def upsert_daily(self, entry: DailyEntry) -> bool:
        """Add or update one store's day; whether anything changed.

        Raises:
            LockedPeriodError: the day lies in a locked period.
            ContentError: unknown store.
        """
        ctx, day = self._ctx, entry.day
        text = day.isoformat()
        label = f"{entry.store} {text}"
        with ctx.single_write(f"daily {label}", (day, day)):
            row = ctx.execute(_DAILY_ONE, (entry.store, text)).fetchone()
            if row[0] is None:
                raise ContentError(f"daily row: unknown store {entry.store!r}")
            return write_one(
                ctx,
                DAILY,
                (row[0], text),
                _daily_values(entry),
                _found(row, 1),
                label,
                (None, entry.store, None),
            )

    def delete_daily(self, store: str, day: date) -> bool:
        """Delete one store's day; whether there was one.

        Raises:
            LockedPeriodError: the day lies in a locked period.
            ContentError: unknown store.
        """
        ctx, text = self._ctx, day.isoformat()
        label = f"{store} {text}"
        with ctx.single_write(f"daily {label}", (day, day)):
            row = ctx.execute(_DAILY_ONE, (store, text)).fetchone()
            if row[0] is None:
                raise ContentError(f"unknown store {store!r}")
            return delete_found(ctx, DAILY, _found(row, 1), label, (None, store, None))

    def _seller_row(self, store: str, day: date, employee: str) -> Sequence[Any]:
        row = self._ctx.execute(_SELLER_ONE, (store, employee, day.isoformat())).fetchone()
        if row[0] is None:
            raise ContentError(f"seller day: unknown store {store!r}")
        if row[1] is None:
            raise ContentError(f"seller day: unknown employee {employee!r}")
        return tuple(row)

    def upsert_seller_day(self, entry: SellerDay) -> bool:
        """Add or update one seller's day; whether anything changed.

        Raises:
            LockedPeriodError: the day lies in a locked period.
            ContentError: unknown store or employee.
        """
        ctx, day = self._ctx, entry.day
        text = day.isoformat()
        label = f"{entry.store} {text} {entry.employee}"
        with ctx.single_write(f"seller_day {label}", (day, day)):
            row = self._seller_row(entry.store, day, entry.employee)
            return write_one(
                ctx,
                SELLER_DAYS,
                (row[0], text, row[1]),
                (dec_text(entry.revenue), entry.receipts, entry.units),
                _found(row, 2),
                label,
                (None, entry.store, entry.employee),
            )

    def delete_seller_day(self, store: str, day: date, employee: str) -> bool:
        """Delete one seller's day; whether there was one.

        Raises:
            LockedPeriodError: the day lies in a locked period.
            ContentError: unknown store or employee.
        """
        ctx = self._ctx
        label = f"{store} {day.isoformat()} {employee}"
        with ctx.single_write(f"seller_day {label}", (day, day)):
            row = self._seller_row(store, day, employee)
            return delete_found(ctx, SELLER_DAYS, _found(row, 2), label, (None, store, employee))

    def set_plan(self, store: str, period: Period, revenue: Decimal | None) -> bool:
        """Set a store's revenue plan for a period (``None`` deletes it); whether anything
        changed.

        Raises:
            LockedPeriodError: the plan's period overlaps a locked period.
            ContentError: unknown store.
        """
        ctx, code = self._ctx, period.code
        label = f"{store} {code}"
        with ctx.single_write(f"plan {label}", (period.start, period.end)):
            row = ctx.execute(_PLAN_ONE, (store, code)).fetchone()
            if row[0] is None:
                raise ContentError(f"plan: unknown store {store!r}")
            context = (code, store, None)
            if revenue is None:
                return delete_found(ctx, PLANS, _found(row, 1), label, context)
            values = _plan_values(period, revenue)
            return write_one(ctx, PLANS, (row[0], code), values, _found(row, 1), label, context)


_DAILY_FIELDS = ("store", "day", "revenue", "receipts", "visitors", "units", "returns")


def _daily_values(e: DailyEntry) -> tuple[object, ...]:
    returns = e.returns
    return (
        dec_text(e.revenue),
        e.receipts,
        e.visitors,
        e.units,
        None if returns is None else dec_text(returns),
    )


def _plan_period(period: Period) -> tuple[str, str, str]:
    """A plan's period as stored: its code, first and last day."""
    return (period.code, period.start.isoformat(), period.end.isoformat())


def _plan_values(period: Period, revenue: Decimal) -> tuple[object, ...]:
    return (period.start.isoformat(), period.end.isoformat(), dec_text(revenue))

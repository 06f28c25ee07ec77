"""Daily store data, per-seller days and store revenue plans.

Rows are keyed by (store, day), (store, day, employee) and (store, period). Date ranges
are answered with indexed ``BETWEEN`` queries on the ISO day text. A row whose day lies in
a locked period (a plan overlapping one) cannot be added, changed or deleted.

Reading a period's rows is on the path of every recompute (SPEC §9), so the range queries
select store and employee ids and map them to names in Python (no join), and the frozen
row dataclasses are filled without their generated ``__init__`` (see :func:`_filler`,
checked against the constructor by the tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.periods import Period
from kpidesk.store.codec import dec_text, to_day
from kpidesk.store.connection import write
from kpidesk.store.matrix_repo import MatrixRepo
from kpidesk.store.repository import (
    ContentError,
    Item,
    ItemRow,
    KindSummary,
    Origin,
    PeriodLock,
    Table,
    known_id,
    no_origin,
)

DAILY = Table(
    "daily",
    "daily",
    ("store_id", "day"),
    ("revenue", "receipts", "visitors", "units", "returns"),
    numeric=frozenset({"revenue", "returns"}),
    bulk=True,
)
SELLER_DAYS = Table(
    "seller_day",
    "seller_days",
    ("store_id", "day", "employee_id"),
    ("revenue", "receipts", "units"),
    numeric=frozenset({"revenue"}),
    bulk=True,
)
PLANS = Table(
    "plan",
    "store_plans",
    ("store_id", "period"),
    ("start_date", "end_date", "revenue"),
    numeric=frozenset({"revenue"}),
    bulk=True,
)

_DAILY_SELECT = (
    "SELECT s.name, d.day, d.revenue, d.receipts, d.visitors, d.units, d.returns"
    " FROM daily d JOIN stores s ON s.id = d.store_id"
)
_SELLER_SELECT = (
    "SELECT s.name, d.day, e.name, d.revenue, d.receipts, d.units FROM seller_days d"
    " JOIN stores s ON s.id = d.store_id JOIN employees e ON e.id = d.employee_id"
)
_PLAN_SELECT = (
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


def _filler(cls: type[Any]) -> Any:
    """A fast maker of ``cls`` instances (a frozen dataclass without ``__post_init__``):
    ``object.__new__`` and the instance dictionary, which is what the generated
    ``__init__`` ends with, for about half the time of its ``object.__setattr__`` per
    field. Many thousands of rows are read per period."""
    assert not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
    new = object.__new__

    def make(**values: Any) -> Any:
        item = new(cls)
        item.__dict__.update(values)
        return item

    return make


_new_daily = _filler(DailyEntry)
_new_seller_day = _filler(SellerDay)


def _daily_by_id(rows: Iterable[Any], stores: dict[int, str]) -> list[DailyEntry]:
    """Daily rows from ``_DAILY_RANGE`` (store ids mapped to names by ``stores``)."""
    fromiso = date.fromisoformat
    new = _new_daily
    return [
        new(
            store=stores[store],
            day=fromiso(day),
            revenue=Decimal(revenue),
            receipts=receipts,
            visitors=visitors,
            units=units,
            returns=None if returns is None else Decimal(returns),
        )
        for store, day, revenue, receipts, visitors, units, returns in rows
    ]


def _seller_days_by_id(
    rows: Iterable[Any], stores: dict[int, str], employees: dict[int, str]
) -> list[SellerDay]:
    """Seller rows from ``_SELLER_RANGE`` (ids mapped to names)."""
    fromiso = date.fromisoformat
    new = _new_seller_day
    return [
        new(
            store=stores[store],
            day=fromiso(day),
            employee=employees[employee],
            revenue=Decimal(revenue),
            receipts=receipts,
            units=units,
        )
        for store, day, employee, revenue, receipts, units in rows
    ]


def _daily(rows: Iterable[Any]) -> list[DailyEntry]:
    fromiso = date.fromisoformat
    return [
        DailyEntry(
            store,
            fromiso(day),
            Decimal(revenue),
            receipts,
            visitors,
            units,
            None if returns is None else Decimal(returns),
        )
        for store, day, revenue, receipts, visitors, units, returns in rows
    ]


def _seller_days(rows: Iterable[Any]) -> list[SellerDay]:
    fromiso = date.fromisoformat
    return [
        SellerDay(store, fromiso(day), employee, Decimal(revenue), receipts, units)
        for store, day, employee, revenue, receipts, units in rows
    ]


def _plans(rows: Iterable[Any]) -> list[StorePlan]:
    return [StorePlan(store, Period.parse(code), Decimal(revenue)) for store, code, revenue in rows]


class DailyRepo(MatrixRepo):
    """Daily rows, seller days, store plans."""

    # --- reading ----------------------------------------------------------------------
    def days_with_data(self, start: date, end: date) -> set[tuple[str, date]]:
        """(store, day) of every daily row from ``start`` to ``end`` — what a check for
        missing days needs, without reading the rows' figures."""
        names = self._names("stores")
        rows = self._conn.execute(
            "SELECT store_id, day FROM daily WHERE day BETWEEN ? AND ?",
            (start.isoformat(), end.isoformat()),
        )
        return {(names[store_id], to_day(day)) for store_id, day in rows}

    def daily_rows(
        self, start: date, end: date, stores: Sequence[str] | None = None
    ) -> list[DailyEntry]:
        """The daily rows from ``start`` to ``end`` inclusive, ordered by day then store;
        only of ``stores`` when given."""
        names = self._names("stores")
        sql = _DAILY_RANGE
        params: list[object] = [start.isoformat(), end.isoformat()]
        if stores is not None:
            wanted = set(stores)
            ids = [store_id for store_id, name in names.items() if name in wanted]
            if not ids:
                return []
            sql += f" AND d.store_id IN ({', '.join('?' for _ in ids)})"
            params.extend(ids)
        return _daily_by_id(self._conn.execute(sql + " ORDER BY d.day, d.store_id", params), names)

    def seller_days(self, start: date, end: date) -> list[SellerDay]:
        """The per-seller rows from ``start`` to ``end`` inclusive."""
        sql = f"{_SELLER_RANGE} ORDER BY d.day, d.store_id, d.employee_id"
        rows = self._conn.execute(sql, (start.isoformat(), end.isoformat())).fetchall()
        if not rows:
            return []
        return _seller_days_by_id(rows, self._names("stores"), self._names("employees"))

    def plans(self, period: Period) -> list[StorePlan]:
        """The store plans whose period overlaps ``period``."""
        sql = f"{_PLAN_SELECT} WHERE p.start_date <= ? AND p.end_date >= ? ORDER BY p.id"
        return _plans(self._conn.execute(sql, (period.end.isoformat(), period.start.isoformat())))

    # --- merging ----------------------------------------------------------------------
    def _merge_daily(
        self, entries: Sequence[DailyEntry], locks: Sequence[PeriodLock], origin: Origin = no_origin
    ) -> KindSummary:
        stores = self._ids("stores")
        items: list[ItemRow] = []
        append = items.append
        for i, e in enumerate(entries):
            store_id = known_id(stores, e.store, "daily row: unknown store", origin(i))
            day = e.day
            text = day.isoformat()
            returns = e.returns
            values = (
                dec_text(e.revenue),
                e.receipts,
                e.visitors,
                e.units,
                None if returns is None else dec_text(returns),
            )
            append(((store_id, text), values, f"{e.store} {text}", None, e.store, None, (day, day)))
        return self._merge(DAILY, items, locks)

    def _merge_seller_days(
        self, entries: Sequence[SellerDay], locks: Sequence[PeriodLock], origin: Origin = no_origin
    ) -> KindSummary:
        stores, employees = self._ids("stores"), self._ids("employees")
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
        return self._merge(SELLER_DAYS, items, locks)

    def _merge_plans(
        self, plans: Sequence[StorePlan], locks: Sequence[PeriodLock], origin: Origin = no_origin
    ) -> KindSummary:
        stores = self._ids("stores")
        for i, p in enumerate(plans):
            if p.store not in stores:
                raise ContentError(f"plan: unknown store {p.store!r}", origin(i))
        items = [
            Item(
                (stores[p.store], p.period.code),
                (p.period.start.isoformat(), p.period.end.isoformat(), dec_text(p.revenue)),
                f"{p.store} {p.period.code}",
                p.period.code,
                p.store,
                None,
                (p.period.start, p.period.end),
            )
            for i, p in enumerate(plans)
        ]
        return self._merge(PLANS, items, locks)

    # --- single writes ----------------------------------------------------------------
    def upsert_daily(self, entry: DailyEntry) -> bool:
        """Add or update one store's day; whether anything changed.

        Raises:
            LockedPeriodError: the day lies in a locked period.
            ContentError: unknown store.
        """
        with self._single():
            summary = self._merge_daily([entry], self._locks())
        return summary.added + summary.changed > 0

    def delete_daily(self, store: str, day: date) -> bool:
        """Delete one store's day; whether there was one.

        Raises:
            LockedPeriodError: the day lies in a locked period.
        """
        with write(self._conn):
            key = (self._id_of("stores", store, "store"), day.isoformat())
            item = Item(key, (), f"{store} {day.isoformat()}", None, store, None, (day, day))
            return self._delete_one(DAILY, item)

    def upsert_seller_day(self, entry: SellerDay) -> bool:
        """Add or update one seller's day; whether anything changed."""
        with self._single():
            summary = self._merge_seller_days([entry], self._locks())
        return summary.added + summary.changed > 0

    def delete_seller_day(self, store: str, day: date, employee: str) -> bool:
        """Delete one seller's day; whether there was one."""
        with write(self._conn):
            key = (
                self._id_of("stores", store, "store"),
                day.isoformat(),
                self._id_of("employees", employee, "employee"),
            )
            label = f"{store} {day.isoformat()} {employee}"
            return self._delete_one(
                SELLER_DAYS, Item(key, (), label, None, store, employee, (day, day))
            )

    def set_plan(self, store: str, period: Period, revenue: Decimal | None) -> bool:
        """Set a store's revenue plan for a period (``None`` deletes it); whether anything
        changed.

        Raises:
            LockedPeriodError: the plan's period overlaps a locked period.
        """
        with self._single():
            if revenue is not None:
                summary = self._merge_plans([StorePlan(store, period, revenue)], self._locks())
                return summary.added + summary.changed > 0
            key = (self._id_of("stores", store, "store"), period.code)
            label = f"{store} {period.code}"
            span = (period.start, period.end)
            return self._delete_one(PLANS, Item(key, (), label, period.code, store, None, span))

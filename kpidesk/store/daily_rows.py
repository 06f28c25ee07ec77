"""The daily store data's rows read back into domain objects: a store's days, the sellers'
days and the store plans (``store.daily``'s reads and the export).

Reading a period's rows is on the path of every recompute (SPEC §9): the range queries
select store and employee ids, mapped to names here (no join), and the frozen row
dataclasses are filled without their generated ``__init__`` (:func:`_filler`, checked
against the constructor by the tests). No SQL here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from kpidesk.core.daily import DailyEntry, SellerDay, StorePlan
from kpidesk.core.periods import Period


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


new_daily = _filler(DailyEntry)
new_seller_day = _filler(SellerDay)


def daily_by_id(rows: Iterable[Any], stores: dict[int, str]) -> list[DailyEntry]:
    """Daily rows from ``store.daily._DAILY_RANGE`` (store ids mapped to names by ``stores``)."""
    fromiso = date.fromisoformat
    new = new_daily
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


def seller_days_by_id(
    rows: Iterable[Any], stores: dict[int, str], employees: dict[int, str]
) -> list[SellerDay]:
    """Seller rows from ``store.daily._SELLER_RANGE`` (ids mapped to names)."""
    fromiso = date.fromisoformat
    new = new_seller_day
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
        if employee in employees  # a company server shows a reader only whom it may
    ]


def daily_entries(rows: Iterable[Any]) -> list[DailyEntry]:
    """Daily rows from ``store.daily.DAILY_SELECT`` (store names joined)."""
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


def seller_days_of(rows: Iterable[Any]) -> list[SellerDay]:
    """Seller rows from ``store.daily.SELLER_SELECT`` (names joined)."""
    fromiso = date.fromisoformat
    return [
        SellerDay(store, fromiso(day), employee, Decimal(revenue), receipts, units)
        for store, day, employee, revenue, receipts, units in rows
    ]


def plans_of(rows: Iterable[Any]) -> list[StorePlan]:
    """Store plans from ``store.daily.PLAN_SELECT`` (each period code parsed once: a period's
    plans of every store share it)."""
    periods: dict[str, Period] = {}
    plans = []
    for store, code, revenue in rows:
        period = periods.get(code)
        if period is None:
            period = periods[code] = Period.parse(code)
        plans.append(StorePlan(store, period, Decimal(revenue)))
    return plans

"""Manual facts (period, employee, indicator → value) and raw period inputs of the
warehouse / marketing / sales families (period, employee, name → value).

Both are keyed by the period's code; a fact or input of a period overlapping a locked
period cannot be added, changed or deleted. Indicators may be referred to by code or name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from kpidesk.core.daily import Fact, PeriodInput
from kpidesk.core.periods import Period
from kpidesk.store.codec import dec_text, to_dec
from kpidesk.store.daily_repo import DailyRepo
from kpidesk.store.repository import (
    Item,
    ItemRow,
    KindSummary,
    Origin,
    PeriodLock,
    Table,
    known_id,
    no_origin,
)

FACTS = Table(
    "fact",
    "facts",
    ("period", "employee_id", "indicator_id"),
    ("value",),
    numeric=frozenset({"value"}),
    bulk=True,
)
INPUTS = Table(
    "input",
    "period_inputs",
    ("period", "employee_id", "name"),
    ("value",),
    numeric=frozenset({"value"}),
    bulk=True,
)


class FactsRepo(DailyRepo):
    """Facts and period inputs."""

    # --- reading ----------------------------------------------------------------------
    def facts(self, period: Period) -> list[Fact]:
        """The manual facts of the period (by its code)."""
        rows = self._conn.execute(
            "SELECT e.name, i.code, f.value FROM facts f JOIN employees e ON e.id = f.employee_id"
            " JOIN indicators i ON i.id = f.indicator_id WHERE f.period = ? ORDER BY f.id",
            (period.code,),
        )
        return [Fact(period, str(e), str(i), to_dec(str(v))) for e, i, v in rows]

    def fact_values(self, period: Period) -> dict[tuple[str, str], Decimal]:
        """The manual facts of the period as ``(employee, indicator code) → value`` — what
        a calculation reads (``PeriodInputs.facts``), without a ``Fact`` per value."""
        employees, indicators = self._names("employees"), self._names("indicators")
        rows = self._conn.execute(
            "SELECT employee_id, indicator_id, value FROM facts WHERE period = ? ORDER BY id",
            (period.code,),
        )
        return {
            (employees[employee], indicators[indicator]): Decimal(value)
            for employee, indicator, value in rows
        }

    def period_inputs(self, period: Period) -> list[PeriodInput]:
        """The raw family inputs of the period (by its code)."""
        rows = self._conn.execute(
            "SELECT e.name, p.name, p.value FROM period_inputs p"
            " JOIN employees e ON e.id = p.employee_id WHERE p.period = ? ORDER BY p.id",
            (period.code,),
        )
        return [PeriodInput(period, str(e), str(n), to_dec(str(v))) for e, n, v in rows]

    # --- merging ----------------------------------------------------------------------
    def _indicator_ids(self) -> dict[str, int]:
        """Indicator ids by code, and by name where a name is not also some code."""
        ids = self._ids("indicators")
        result = dict(ids)
        for name, row_id in self._conn.execute("SELECT name, id FROM indicators"):
            result.setdefault(str(name), int(row_id))
        return result

    @staticmethod
    def _period_keys(
        cache: dict[int, tuple[str, tuple[date, date]]], period: Period
    ) -> tuple[str, tuple[date, date]]:
        """The period's code and days, cached by object identity: an import repeats the
        same few Period objects thousands of times (they stay alive in the content)."""
        found = cache.get(id(period))
        if found is None:
            found = cache[id(period)] = (period.code, (period.start, period.end))
        return found

    def _merge_facts(
        self, facts: Sequence[Fact], locks: Sequence[PeriodLock], origin: Origin = no_origin
    ) -> KindSummary:
        employees, indicators = self._ids("employees"), self._indicator_ids()
        cache: dict[int, tuple[str, tuple[date, date]]] = {}
        items: list[ItemRow] = []
        append = items.append
        for i, f in enumerate(facts):
            employee_id = known_id(employees, f.employee, "fact: unknown employee", origin(i))
            indicator_id = known_id(indicators, f.indicator, "fact: unknown indicator", origin(i))
            code, span = self._period_keys(cache, f.period)
            append(
                (
                    (code, employee_id, indicator_id),
                    (dec_text(f.value),),
                    f"{code} {f.employee} {f.indicator}",
                    code,
                    None,
                    f.employee,
                    span,
                )
            )
        return self._merge(FACTS, items, locks)

    def _merge_inputs(
        self, inputs: Sequence[PeriodInput], locks: Sequence[PeriodLock], origin: Origin = no_origin
    ) -> KindSummary:
        employees = self._ids("employees")
        cache: dict[int, tuple[str, tuple[date, date]]] = {}
        items: list[ItemRow] = []
        append = items.append
        for i, p in enumerate(inputs):
            employee_id = known_id(
                employees, p.employee, "period input: unknown employee", origin(i)
            )
            code, span = self._period_keys(cache, p.period)
            append(
                (
                    (code, employee_id, p.name),
                    (dec_text(p.value),),
                    f"{code} {p.employee} {p.name}",
                    code,
                    None,
                    p.employee,
                    span,
                )
            )
        return self._merge(INPUTS, items, locks)

    # --- single writes ----------------------------------------------------------------
    def set_fact(
        self, period: Period, employee: str, indicator: str, value: Decimal | None
    ) -> bool:
        """Set (``None``: delete) an employee's manual fact; whether anything changed.

        Raises:
            LockedPeriodError: the period overlaps a locked period.
            ContentError: unknown employee or indicator.
        """
        with self._single():
            if value is not None:
                summary = self._merge_facts(
                    [Fact(period, employee, indicator, value)], self._locks()
                )
                return summary.added + summary.changed > 0
            indicator_id = known_id(self._indicator_ids(), indicator, "fact: unknown indicator")
            key = (period.code, self._id_of("employees", employee, "employee"), indicator_id)
            label = f"{period.code} {employee} {indicator}"
            span = (period.start, period.end)
            return self._delete_one(FACTS, Item(key, (), label, period.code, None, employee, span))

    def set_input(self, period: Period, employee: str, name: str, value: Decimal | None) -> bool:
        """Set (``None``: delete) a raw period input such as ``marketing:clicks``; whether
        anything changed.

        Raises:
            LockedPeriodError: the period overlaps a locked period.
        """
        with self._single():
            if value is not None:
                item = PeriodInput(period, employee, name, value)
                summary = self._merge_inputs([item], self._locks())
                return summary.added + summary.changed > 0
            key = (period.code, self._id_of("employees", employee, "employee"), name)
            label = f"{period.code} {employee} {name}"
            span = (period.start, period.end)
            return self._delete_one(INPUTS, Item(key, (), label, period.code, None, employee, span))

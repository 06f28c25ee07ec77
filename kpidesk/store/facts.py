"""Manual facts (period, employee, indicator → value) and raw period inputs of the
warehouse / marketing / sales families (period, employee, name → value).

Both are keyed by the period's code; a fact or input of a locked period cannot be added,
changed or deleted (the schema's lock triggers refuse it; an import also checks each item
against the locks' days to name it). Indicators may be referred to by code or name. A
single write costs one read (ids resolved in it), one write and one audit statement.
Must not: write directories.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from operator import attrgetter

from kpidesk.core.daily import Fact, PeriodInput
from kpidesk.core.periods import Period
from kpidesk.store.codec import dec_text, dec_texts, to_dec
from kpidesk.store.context import StoreContext
from kpidesk.store.errors import ContentError
from kpidesk.store.merge import (
    AuditMode,
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

FACTS = Table(
    "fact",
    "facts",
    ("period", "employee_id", "indicator_id"),
    ("value",),
    numeric=frozenset({"value"}),
)
INPUTS = Table(
    "input",
    "period_inputs",
    ("period", "employee_id", "name"),
    ("value",),
    numeric=frozenset({"value"}),
)


# The old fact with the employee and indicator ids resolved in the same statement (an
# indicator by code, else by name); a NULL id means an unknown name.
_FACT_FIELDS = ("period", "employee", "indicator", "value")
_FACT_ONE = (
    "SELECT e.id, i.id, f.id, f.value"
    " FROM (SELECT (SELECT id FROM employees WHERE name = ?) AS id) e"
    " CROSS JOIN (SELECT coalesce((SELECT id FROM indicators WHERE code = ?),"
    " (SELECT min(id) FROM indicators WHERE name = ?)) AS id) i"
    " LEFT JOIN facts f ON f.period = ? AND f.employee_id = e.id AND f.indicator_id = i.id"
)
_INPUT_ONE = (
    "SELECT e.id, p.id, p.value FROM (SELECT (SELECT id FROM employees WHERE name = ?) AS id) e"
    " LEFT JOIN period_inputs p ON p.period = ? AND p.employee_id = e.id AND p.name = ?"
)


class FactsRepository:
    """Facts and period inputs (``db.facts``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    # --- reading ----------------------------------------------------------------------
    def facts(self, period: Period) -> list[Fact]:
        """The manual facts of the period (by its code)."""
        rows = self._ctx.execute(
            "SELECT e.name, i.code, f.value FROM facts f JOIN employees e ON e.id = f.employee_id"
            " JOIN indicators i ON i.id = f.indicator_id WHERE f.period = ? ORDER BY f.id",
            (period.code,),
        )
        return [Fact(period, str(e), str(i), to_dec(str(v))) for e, i, v in rows]

    def fact_values(self, period: Period) -> dict[tuple[str, str], Decimal]:
        """The manual facts of the period as ``(employee, indicator code) → value`` — what
        a calculation reads (``PeriodInputs.facts``), without a ``Fact`` per value."""
        employees, indicators = self._ctx.names("employees"), self._ctx.names("indicators")
        rows = self._ctx.execute(
            "SELECT employee_id, indicator_id, value FROM facts WHERE period = ? ORDER BY id",
            (period.code,),
        )
        return {  # (on a company server a reader sees only the people it may: skip others)
            (employees[employee], indicators[indicator]): Decimal(value)
            for employee, indicator, value in rows
            if employee in employees
        }

    def period_inputs(self, period: Period) -> list[PeriodInput]:
        """The raw family inputs of the period (by its code)."""
        rows = self._ctx.execute(
            "SELECT e.name, p.name, p.value FROM period_inputs p"
            " JOIN employees e ON e.id = p.employee_id WHERE p.period = ? ORDER BY p.id",
            (period.code,),
        )
        return [PeriodInput(period, str(e), str(n), to_dec(str(v))) for e, n, v in rows]

    def all_facts(self) -> list[Fact]:
        """Every fact, in the order they were added (for the export)."""
        periods: dict[str, Period] = {}
        return [
            Fact(_parse(periods, p), str(e), str(i), to_dec(str(v)))
            for p, e, i, v in self._ctx.execute(
                "SELECT f.period, e.name, i.code, f.value FROM facts f"
                " JOIN employees e ON e.id = f.employee_id"
                " JOIN indicators i ON i.id = f.indicator_id ORDER BY f.id"
            )
        ]

    def all_inputs(self) -> list[PeriodInput]:
        """Every period input, in the order they were added (for the export)."""
        periods: dict[str, Period] = {}
        return [
            PeriodInput(_parse(periods, p), str(e), str(n), to_dec(str(v)))
            for p, e, n, v in self._ctx.execute(
                "SELECT p.period, e.name, p.name, p.value FROM period_inputs p"
                " JOIN employees e ON e.id = p.employee_id ORDER BY p.id"
            )
        ]

    # --- merging ----------------------------------------------------------------------
    def _indicator_ids(self) -> dict[str, int]:
        """Indicator ids by code, and by name where a name is not also some code."""
        result = self._ctx.ids("indicators")
        for name, row_id in self._ctx.execute("SELECT name, id FROM indicators ORDER BY id"):
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

    def merge_facts(
        self,
        facts: Sequence[Fact],
        locks: Sequence[PeriodLock],
        origin: Origin = no_origin,
        *,
        audit: AuditMode = AuditMode.SUMMARY,
    ) -> KindSummary:
        """Upsert facts by (period, employee, indicator).

        Raises:
            ContentError: unknown employee or indicator.
            LockedPeriodError: a changed fact's period overlaps one of ``locks``.
        """
        employees, indicators = self._ctx.ids("employees"), self._indicator_ids()
        if fresh(self._ctx, FACTS, len(facts), locks, audit):  # a first import: in columns
            periods, names, indicator_names, numbers = columns(facts, *_FACT_FIELDS)
            employee_ids = list(map(employees.get, names))
            indicator_ids = list(map(indicators.get, indicator_names))
            if None not in employee_ids and None not in indicator_ids:  # else refused below
                codes = per_object(periods, attrgetter("code"))
                rows = fresh_rows(
                    (codes, employee_ids, indicator_ids),
                    (dec_texts(numbers),),
                )
                return insert_fresh(self._ctx, FACTS, rows)
        cache: dict[int, tuple[str, tuple[date, date]]] = {}
        keyed: list[tuple[tuple[object, ...], tuple[object, ...]]] = []
        append = keyed.append
        for i, f in enumerate(facts):
            # the origin is looked up only for a bad row
            employee_id = employees.get(f.employee)
            if employee_id is None:
                employee_id = known_id(employees, f.employee, "fact: unknown employee", origin(i))
            indicator_id = indicators.get(f.indicator)
            if indicator_id is None:
                indicator_id = known_id(
                    indicators, f.indicator, "fact: unknown indicator", origin(i)
                )
            found = cache.get(id(f.period))  # ``_period_keys``, inline: 21 600 facts
            code = found[0] if found is not None else self._period_keys(cache, f.period)[0]
            append(((code, employee_id, indicator_id), (dec_text(f.value),)))
        items: list[ItemRow] = []
        for (key, values), f in zip(keyed, facts, strict=True):
            code, span = cache[id(f.period)]
            label = f"{code} {f.employee} {f.indicator}"
            items.append((key, values, label, code, None, f.employee, span))
        return merge(self._ctx, FACTS, items, locks, audit=audit)

    def merge_inputs(
        self,
        inputs: Sequence[PeriodInput],
        locks: Sequence[PeriodLock],
        origin: Origin = no_origin,
        *,
        audit: AuditMode = AuditMode.SUMMARY,
    ) -> KindSummary:
        """Upsert period inputs by (period, employee, name).

        Raises:
            ContentError: unknown employee.
            LockedPeriodError: a changed input's period overlaps one of ``locks``.
        """
        employees = self._ctx.ids("employees")
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
        return merge(self._ctx, INPUTS, items, locks, audit=audit)

    # --- single writes ----------------------------------------------------------------
    def set_fact(
        self, period: Period, employee: str, indicator: str, value: Decimal | None
    ) -> bool:
        """Set (``None``: delete) an employee's manual fact; whether anything changed.

        Raises:
            LockedPeriodError: the period overlaps a locked period.
            ContentError: unknown employee or indicator.
        """
        ctx, code = self._ctx, period.code
        label = f"{code} {employee} {indicator}"
        with ctx.single_write(f"fact {label}", (period.start, period.end)):
            row = ctx.execute(_FACT_ONE, (employee, indicator, indicator, code)).fetchone()
            if row[0] is None:
                raise ContentError(f"fact: unknown employee {employee!r}")
            if row[1] is None:
                raise ContentError(f"fact: unknown indicator {indicator!r}")
            found = None if row[2] is None else (int(row[2]), (row[3],))
            context = (code, None, employee)
            if value is None:
                return delete_found(ctx, FACTS, found, label, context)
            key = (code, row[0], row[1])
            return write_one(ctx, FACTS, key, (dec_text(value),), found, label, context)

    def set_input(self, period: Period, employee: str, name: str, value: Decimal | None) -> bool:
        """Set (``None``: delete) a raw period input such as ``marketing:clicks``; whether
        anything changed.

        Raises:
            LockedPeriodError: the period overlaps a locked period.
            ContentError: unknown employee.
        """
        ctx, code = self._ctx, period.code
        label = f"{code} {employee} {name}"
        with ctx.single_write(f"input {label}", (period.start, period.end)):
            row = ctx.execute(_INPUT_ONE, (employee, code, name)).fetchone()
            if row[0] is None:
                raise ContentError(f"period input: unknown employee {employee!r}")
            found = None if row[1] is None else (int(row[1]), (row[2],))
            context = (code, None, employee)
            if value is None:
                return delete_found(ctx, INPUTS, found, label, context)
            key = (code, row[0], name)
            return write_one(ctx, INPUTS, key, (dec_text(value),), found, label, context)


def _parse(cache: dict[str, Period], code: str) -> Period:
    found = cache.get(code)
    if found is None:
        found = cache[code] = Period.parse(code)
    return found

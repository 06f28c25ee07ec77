"""Daily entry use cases (SPEC §2.6, §4.3): check one store's day as it is typed (with the
store's usual day for the 3× warning), save or delete a day, a month of days for the grid,
a block of days applied as a whole, the day's audit trail, the first missing day and the
month's revenue plan progress. The per-seller days of a store are in ``seller_days``.

Every check comes from ``core.item_validation``; every figure from ``core.store_metrics``.
Each write is one store transaction with its audit rows, refused in a locked period, and
returns the ``Change`` the GUI publishes.

Must not: know about Qt, parse text typed by a user (the caller passes numbers), or write
anything that has an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import ClassVar

from kpidesk.core.daily import DailyEntry
from kpidesk.core.item_validation import (
    at,
    problem,
    validate_daily_entry,
    validate_day_not_future,
)
from kpidesk.core.limits import amount_problem, count_problem
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.problems import Location, Problem, Severity, has_errors
from kpidesk.core.rights import Right
from kpidesk.core.store_metrics import StoreMetrics, daily_sums, metrics_from_sums, plan_for
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.daily_warnings import USUAL_LOOKBACK, day_warnings, usual_from
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session, Target
from kpidesk.services.periods import locked_periods
from kpidesk.store.audit import AuditEntry

FIELDS = ("revenue", "receipts", "visitors", "units", "returns")
REQUIRED = ("revenue", "receipts", "visitors")
WHOLE = ("receipts", "visitors", "units")  # counts: no fractions

DayValues = Mapping[str, Decimal | None]


@dataclass(frozen=True)
class DayCheck:
    """A day as typed, checked.

    Attributes:
        entry: the day to save, or ``None`` while a required value is missing.
        problems: refusals and warnings (a missing required value is an error).
        usual: the store's usual day the 3× warning compared with (``None``: too little data).
        metrics: conversion, average check, UPT, revenue per visitor of the typed values;
            all "no data" when a typed value is refused (a refused value never feeds a
            figure: no negative average check).
        counted_revenue: the typed revenue the month's plan progress may count (``None``:
            none typed, or the day is refused).
    """

    entry: DailyEntry | None
    problems: list[Problem]
    usual: DailyEntry | None
    metrics: StoreMetrics
    counted_revenue: Decimal | None = None

    @property
    def can_save(self) -> bool:
        """Nothing refuses the day."""
        return self.entry is not None and not has_errors(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        """The warnings (shown, not refusing)."""
        return [p for p in self.problems if not p.is_error]

    @property
    def errors(self) -> list[Problem]:
        """The refusals."""
        return [p for p in self.problems if p.is_error]


@dataclass(frozen=True)
class MonthDays:
    """One store's days of a period for the month grid.

    Attributes:
        entries: the saved days by date.
        totals: the period's metrics as ratios of sums (``core.store_metrics``).
        plan: the store's revenue plan prorated to the period (``None``: no plan).
        locked: the locked period overlapping, if any (its days are read-only).
        warnings: the saved days that look wrong (conversion above 100 %, 3× away from the
            usual day) with their warnings (``daily_warnings``).
    """

    store: str
    period: Period
    entries: dict[date, DailyEntry]
    totals: StoreMetrics
    plan: Decimal | None
    locked_days: frozenset[date] = field(default_factory=frozenset)
    warnings: dict[date, tuple[Problem, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanProgress:
    """Revenue so far in the day's month against the store's plan for it."""

    period: Period
    revenue: Decimal
    plan: Decimal | None
    completion: Decimal | None  # percent (core: plan_completion), None without a plan


# --- reading ------------------------------------------------------------------------------
def usual_day(service: CompanyService, store: str, day: date) -> DailyEntry | None:
    """The store's usual day before ``day``: the median (low) of each measure over its last
    28 days with data; ``None`` with fewer than 3 such days."""
    start = day - timedelta(days=USUAL_LOOKBACK)
    rows = service.database.daily.daily_rows(start, day - timedelta(days=1), [store])
    return usual_from(rows, store, day)


def saved_day(service: CompanyService, store: str, day: date) -> DailyEntry | None:
    """The store's saved day, or ``None``."""
    rows = service.database.daily.daily_rows(day, day, [store])
    return rows[0] if rows else None


def day_metrics(entry: DailyEntry) -> StoreMetrics:
    """Conversion, average check, UPT and revenue per visitor of one day (core)."""
    return metrics_from_sums(daily_sums([entry], None, Period.day(entry.day)))


def month_days(service: CompanyService, store: str, period: Period) -> MonthDays:
    """The store's saved days of ``period``, their totals and the prorated plan."""
    entries = service.database.daily.daily_rows(period.start, period.end, [store])
    plan = plan_for(service.database.daily.plans(period), {store}, period)
    totals = metrics_from_sums(daily_sums(entries, {store}, period), None, plan)
    locks = [lock for lock in locked_periods(service) if lock.overlaps(period)]
    locked = frozenset(day for day in period.days() if any(lock.contains(day) for lock in locks))
    warnings = day_warnings(service, store, period)
    return MonthDays(store, period, {e.day: e for e in entries}, totals, plan, locked, warnings)


def missing_days(service: CompanyService, store: str, period: Period, today: date) -> list[date]:
    """The days of ``period`` up to yesterday without the store's data."""
    last = min(period.end, today - timedelta(days=1))
    if last < period.start:
        return []
    present = {e.day for e in service.database.daily.daily_rows(period.start, last, [store])}
    return [day for day in Period.custom(period.start, last).days() if day not in present]


def first_missing_day(
    service: CompanyService, store: str, period: Period, today: date
) -> date | None:
    """The first day of ``period`` up to yesterday without the store's data."""
    days = missing_days(service, store, period, today)
    return days[0] if days else None


def default_day(service: CompanyService, store: str, period: Period, today: date) -> date:
    """The day the form opens on: the period's first missing day up to yesterday, else
    yesterday (or the period's last day when the period is over)."""
    yesterday = today - timedelta(days=1)
    if period.start > yesterday:
        return yesterday
    return first_missing_day(service, store, period, today) or min(period.end, yesterday)


def plan_progress(service: CompanyService, store: str, day: date) -> PlanProgress:
    """Revenue of the month of ``day`` so far against the store's plan for that month."""
    month = Period.containing(day, PeriodKind.MONTH)
    entries = service.database.daily.daily_rows(month.start, month.end, [store])
    plan = plan_for(service.database.daily.plans(month), {store}, month)
    sums = daily_sums(entries, {store}, month)
    metrics = metrics_from_sums(sums, None, plan)
    completion = metrics.plan_completion if sums.rows else (Decimal(0) if plan else None)
    return PlanProgress(month, sums.revenue, plan, completion)


def day_audit(service: CompanyService, store: str, day: date) -> list[AuditEntry]:
    """Who changed the store's day (and its sellers' rows), from what to what, newest first."""
    key = f"{store} {day.isoformat()}"
    return service.database.audit.for_key(("daily", "seller_day"), key, store, limit=100_000)


# --- checking -----------------------------------------------------------------------------
def _where(store: str, day: date) -> Location:
    return Location(entity="daily", key=f"{store} {day:%d.%m.%Y}")


def _refuses(problems: list[Problem]) -> bool:
    """Whether a typed value is refused (a value still missing is not a refused one)."""
    return any(p.is_error and p.code != "required" for p in problems)


def check_values(
    store: str,
    day: date,
    values: DayValues,
    usual: DailyEntry | None = None,
    *,
    today: date | None = None,
) -> DayCheck:
    """Check typed values of a day (``None`` = empty): a day after ``today`` (when given),
    required values, whole counts, and the core's rules (negatives, revenue without
    receipts, conversion over 100 %, 3× off the usual day). Rules about a value not typed
    yet wait until it is typed. The figures of a refused day are all "no data"."""
    where = _where(store, day)
    future = validate_day_not_future(day, today, where) if today is not None else []
    found: list[Problem] = []
    values = dict(values)
    for name, value in list(values.items()):
        if value is None:
            continue
        out_of_range = amount_problem(value, at(where, name))
        if out_of_range is None and name in WHOLE and value.is_finite():
            out_of_range = count_problem(int(value), at(where, name))
        if out_of_range is not None:
            found.append(replace(out_of_range, params=(*out_of_range.params, ("field", name))))
            values[name] = None
    if found:
        return DayCheck(None, future + found, usual, StoreMetrics())
    missing = [name for name in REQUIRED if values.get(name) is None]
    for name in WHOLE:
        value = values.get(name)
        if value is not None and value != value.to_integral_value():
            found.append(
                problem(
                    "not_whole",
                    f"{name.capitalize()} must be a whole number ({value}).",
                    at(where, name),
                    value,
                    field=name,
                )
            )
    if missing:
        found.append(
            problem(
                "required",
                f"Enter {', '.join(missing)} of {day:%d.%m.%Y}.",
                at(where, missing[0]),
                fields=", ".join(missing),
            )
        )

    def number(name: str) -> Decimal:
        return values.get(name) or Decimal(0)

    entry = DailyEntry(
        store,
        day,
        number("revenue"),
        int(number("receipts")),
        int(number("visitors")),
        int(number("units")),
        values.get("returns"),
    )
    for item in validate_daily_entry(entry, usual, where):
        if item.where.field not in missing:
            found.append(item)
    found = future + found
    ready = not missing and not any(p.code == "not_whole" for p in found)
    if _refuses(found):
        return DayCheck(entry if ready else None, found, usual, StoreMetrics())
    counted = values.get("revenue")
    return DayCheck(entry if ready else None, found, usual, day_metrics(entry), counted)


def check_day(
    service: CompanyService,
    store: str,
    day: date,
    values: DayValues,
    *,
    today: date | None = None,
) -> DayCheck:
    """:func:`check_values` against the store's usual day (a day after ``today``, when
    given, is refused)."""
    return check_values(store, day, values, usual_day(service, store, day), today=today)


def entry_values(entry: DailyEntry) -> dict[str, Decimal | None]:
    """A saved day as typed values."""
    return {
        "revenue": entry.revenue,
        "receipts": Decimal(entry.receipts),
        "visitors": Decimal(entry.visitors),
        "units": Decimal(entry.units),
        "returns": entry.returns,
    }


def check_block(
    service: CompanyService,
    store: str,
    entries: Sequence[DailyEntry],
    *,
    today: date | None = None,
) -> list[Problem]:
    """Every problem of a block of days, each checked against the store's usual day (a
    day after ``today``, when given, refused)."""
    found: list[Problem] = []
    for entry in entries:
        found += check_day(service, store, entry.day, entry_values(entry), today=today).problems
    return found


# --- writing ------------------------------------------------------------------------------
def require_known_store(service: CompanyService, store: str) -> None:
    """Refuse a store that is not in the directory (raises ``UserError``)."""
    if not any(s.name == store for s in service.company().stores):
        raise UserError.of("unknown_store", f"unknown store {store!r}", name=store)


def refuse_errors(problems: list[Problem], what: str) -> None:
    """Raise ``UserError`` with every error, if ``problems`` has any."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise UserError(f"{what}: {errors[0].message}", errors)


@dataclass
class SaveDays(Operation):
    """Add, change or delete days of one store as a whole — one day typed in the form, a
    block pasted into the month grid, or the undo of either. Every day is checked first
    (the core's refusals, a day after ``today`` — the system's date unless given; warnings
    do not stop a save); the lock is the database's. Deleting a day is never refused for
    its date (a wrong future day can always be removed)."""

    store: str
    upserts: Sequence[DailyEntry] = ()
    deletes: Sequence[date] = ()
    today: date | None = None
    name: ClassVar[str] = "save_days"
    right: ClassVar[Right] = Right.DAILY

    def target(self, session: Session) -> Target:
        return Target(store=self.store)

    def apply(self, session: Session) -> Change:
        store = self.store
        require_known_store(session.service, store)
        days = [entry.day for entry in self.upserts] + list(self.deletes)
        if not days:
            raise UserError.of("nothing_to_change", "nothing to apply")
        found: list[Problem] = []
        today = self.today or date.today()
        for entry in self.upserts:
            if entry.store != store:
                raise UserError.of(
                    "misplaced_row", f"a day of {entry.store!r} in a block of {store!r}"
                )
            found += check_values(store, entry.day, entry_values(entry), today=today).problems
        refuse_errors(found, f"the days of {store}")
        daily = session.db.daily
        for entry in self.upserts:
            daily.upsert_daily(entry)
        for day in self.deletes:
            daily.delete_daily(store, day)
        return Change(ChangeKind.DAILY, Period.custom(min(days), max(days)), store)


def save_day(service: CompanyService, entry: DailyEntry, *, today: date | None = None) -> Change:
    """Save (add or change) one store's day (:class:`SaveDays`).

    Raises:
        UserError: unknown store, a day after ``today`` (default: the system's date), a
            refusal of the core's rules, or a locked period.
    """
    change = service.run(SaveDays(entry.store, (entry,), today=today))
    return replace(change, period=Period.day(entry.day))


def delete_day(service: CompanyService, store: str, day: date) -> Change:
    """Delete one store's day (and nothing else).

    Raises:
        UserError: unknown store, or a locked period.
    """
    change = service.run(SaveDays(store, (), (day,)))
    return replace(change, period=Period.day(day))


def apply_days(
    service: CompanyService,
    store: str,
    upserts: Sequence[DailyEntry] = (),
    deletes: Sequence[date] = (),
    *,
    today: date | None = None,
) -> Change:
    """Apply a block of days as a whole: every day checked first, then one transaction.

    Raises:
        UserError: any refusal (``problems`` lists every one; a day after ``today``, the
            system's date unless given, among them) or a locked day; nothing is written
            then.
    """
    return service.run(SaveDays(store, tuple(upserts), tuple(deletes), today))


def merged_values(saved: DailyEntry | None, given: DayValues) -> dict[str, Decimal | None]:
    """The values of a day after changing only the ``given`` fields of the ``saved`` day
    (``None`` in ``given``: that field cleared; a field not in ``given``: kept as saved)."""
    values: dict[str, Decimal | None] = (
        entry_values(saved) if saved is not None else dict.fromkeys(FIELDS)
    )
    values.update({name: value for name, value in given.items() if name in FIELDS})
    return values


@dataclass
class ChangeDay(Operation):
    """Change some values of one store's day and keep the others as saved (``kpidesk daily
    set``; a new day needs its required values). The saved day is read inside the write
    transaction, so a value saved a moment earlier elsewhere is never put back to an older
    one."""

    store: str
    day: date
    given: Mapping[str, Decimal | None]
    today: date | None = None  # a later day is refused (default: the system's date)
    name: ClassVar[str] = "change_day"
    right: ClassVar[Right] = Right.DAILY

    def target(self, session: Session) -> Target:
        return Target(store=self.store)

    def apply(self, session: Session) -> Change:
        store, day = self.store, self.day
        require_known_store(session.service, store)
        if not any(name in FIELDS for name in self.given):
            raise UserError.of("nothing_to_change", "nothing to apply")
        values = merged_values(saved_day(session.service, store, day), self.given)
        checked = check_values(store, day, values, today=self.today or date.today())
        refuse_errors(checked.problems, f"{store} {day:%d.%m.%Y}")
        if checked.entry is None:  # a refusal above names what is missing
            raise UserError.of(
                "day_incomplete",
                f"{store} {day:%d.%m.%Y}: the day is incomplete",
                store=store,
                day=f"{day:%d.%m.%Y}",
            )
        session.db.daily.upsert_daily(checked.entry)
        return Change(ChangeKind.DAILY, Period.day(day), store)


def change_day(
    service: CompanyService,
    store: str,
    day: date,
    given: DayValues,
    *,
    today: date | None = None,
) -> Change:
    """Change only the ``given`` values of one store's day (:class:`ChangeDay`).

    Raises:
        UserError: unknown store, nothing given, a day after ``today`` (default: the
            system's date), a new day without its required values, a refusal of the
            core's rules, or a locked period; nothing is written then.
    """
    return service.run(ChangeDay(store, day, dict(given), today))

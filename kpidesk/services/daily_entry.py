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
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from statistics import median_low

from kpidesk.core.daily import DailyEntry
from kpidesk.core.item_validation import at, problem, validate_daily_entry
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.problems import Location, Problem, Severity, has_errors
from kpidesk.core.store_metrics import StoreMetrics, daily_sums, metrics_from_sums, plan_for
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.periods import locked_periods, refuse_locked_day, transaction
from kpidesk.store.audit_repo import AuditEntry

FIELDS = ("revenue", "receipts", "visitors", "units", "returns")
REQUIRED = ("revenue", "receipts", "visitors")
WHOLE = ("receipts", "visitors", "units")  # counts: no fractions
USUAL_DAYS = 28  # the usual day is the median of the store's last 28 days with data
USUAL_MIN_DAYS = 3  # fewer days with data than this: no usual day, no 3× warning
USUAL_LOOKBACK = 120  # calendar days searched for those 28 days

DayValues = Mapping[str, Decimal | None]


@dataclass(frozen=True)
class DayCheck:
    """A day as typed, checked.

    Attributes:
        entry: the day to save, or ``None`` while a required value is missing.
        problems: refusals and warnings (a missing required value is an error).
        usual: the store's usual day the 3× warning compared with (``None``: too little data).
        metrics: conversion, average check, UPT, revenue per visitor of the typed values.
    """

    entry: DailyEntry | None
    problems: list[Problem]
    usual: DailyEntry | None
    metrics: StoreMetrics

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
    """

    store: str
    period: Period
    entries: dict[date, DailyEntry]
    totals: StoreMetrics
    plan: Decimal | None
    locked_days: frozenset[date] = field(default_factory=frozenset)


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
    rows = service.database.daily_rows(start, day - timedelta(days=1), [store])[-USUAL_DAYS:]
    if len(rows) < USUAL_MIN_DAYS:
        return None
    return DailyEntry(
        store,
        day,
        median_low(row.revenue for row in rows),
        median_low(row.receipts for row in rows),
        median_low(row.visitors for row in rows),
        median_low(row.units for row in rows),
    )


def saved_day(service: CompanyService, store: str, day: date) -> DailyEntry | None:
    """The store's saved day, or ``None``."""
    rows = service.database.daily_rows(day, day, [store])
    return rows[0] if rows else None


def day_metrics(entry: DailyEntry) -> StoreMetrics:
    """Conversion, average check, UPT and revenue per visitor of one day (core)."""
    return metrics_from_sums(daily_sums([entry], None, Period.day(entry.day)))


def month_days(service: CompanyService, store: str, period: Period) -> MonthDays:
    """The store's saved days of ``period``, their totals and the prorated plan."""
    entries = service.database.daily_rows(period.start, period.end, [store])
    plan = plan_for(service.database.plans(period), {store}, period)
    totals = metrics_from_sums(daily_sums(entries, {store}, period), None, plan)
    locks = [lock for lock in locked_periods(service) if lock.overlaps(period)]
    locked = frozenset(day for day in period.days() if any(lock.contains(day) for lock in locks))
    return MonthDays(store, period, {e.day: e for e in entries}, totals, plan, locked)


def missing_days(service: CompanyService, store: str, period: Period, today: date) -> list[date]:
    """The days of ``period`` up to yesterday without the store's data."""
    last = min(period.end, today - timedelta(days=1))
    if last < period.start:
        return []
    present = {e.day for e in service.database.daily_rows(period.start, last, [store])}
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
    entries = service.database.daily_rows(month.start, month.end, [store])
    plan = plan_for(service.database.plans(month), {store}, month)
    sums = daily_sums(entries, {store}, month)
    metrics = metrics_from_sums(sums, None, plan)
    completion = metrics.plan_completion if sums.rows else (Decimal(0) if plan else None)
    return PlanProgress(month, sums.revenue, plan, completion)


def day_audit(service: CompanyService, store: str, day: date) -> list[AuditEntry]:
    """Who changed the store's day (and its sellers' rows), from what to what, newest first."""
    key = f"{store} {day.isoformat()}"
    found = [
        entry
        for entity in ("daily", "seller_day")
        for entry in service.database.audit_entries(store=store, entity=entity, limit=100_000)
        if entry.key == key or entry.key.startswith(key + " ")
    ]
    return sorted(found, key=lambda entry: entry.id, reverse=True)


# --- checking -----------------------------------------------------------------------------
def _where(store: str, day: date) -> Location:
    return Location(entity="daily", key=f"{store} {day:%d.%m.%Y}")


def check_values(
    store: str, day: date, values: DayValues, usual: DailyEntry | None = None
) -> DayCheck:
    """Check typed values of a day (``None`` = empty): required values, whole counts, and
    the core's rules (negatives, revenue without receipts, conversion over 100 %, 3× off the
    usual day). Rules about a value not typed yet wait until it is typed."""
    where = _where(store, day)
    found: list[Problem] = []
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
    ready = not missing and not any(p.code == "not_whole" for p in found)
    return DayCheck(entry if ready else None, found, usual, day_metrics(entry))


def check_day(service: CompanyService, store: str, day: date, values: DayValues) -> DayCheck:
    """:func:`check_values` against the store's usual day."""
    return check_values(store, day, values, usual_day(service, store, day))


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
    service: CompanyService, store: str, entries: Sequence[DailyEntry]
) -> list[Problem]:
    """Every problem of a block of days, each checked against the store's usual day."""
    found: list[Problem] = []
    for entry in entries:
        found += check_day(service, store, entry.day, entry_values(entry)).problems
    return found


# --- writing ------------------------------------------------------------------------------
def require_known_store(service: CompanyService, store: str) -> None:
    """Refuse a store that is not in the directory (raises ``UserError``)."""
    if not any(s.name == store for s in service.company().stores):
        raise UserError(f"unknown store {store!r}")


def refuse_errors(problems: list[Problem], what: str) -> None:
    """Raise ``UserError`` naming ``what`` with the first error, if ``problems`` has any."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise UserError(f"{what}: {errors[0].message}", errors)


def save_day(service: CompanyService, entry: DailyEntry) -> Change:
    """Save (add or change) one store's day.

    Raises:
        UserError: unknown store, a refusal of the core's rules, or a locked period.
    """
    require_known_store(service, entry.store)
    what = f"the daily data of {entry.day:%d.%m.%Y} ({entry.store})"
    refuse_locked_day(service, entry.day, what)
    refuse_errors(check_day(service, entry.store, entry.day, entry_values(entry)).problems, what)
    with transaction(service, f"saving {what}") as database:
        database.upsert_daily(entry)
    return Change(ChangeKind.DAILY, Period.day(entry.day), entry.store)


def delete_day(service: CompanyService, store: str, day: date) -> Change:
    """Delete one store's day (and nothing else).

    Raises:
        UserError: unknown store, or a locked period.
    """
    require_known_store(service, store)
    what = f"the daily data of {day:%d.%m.%Y} ({store})"
    refuse_locked_day(service, day, what)
    with transaction(service, f"deleting {what}") as database:
        database.delete_daily(store, day)
    return Change(ChangeKind.DAILY, Period.day(day), store)


def apply_days(
    service: CompanyService,
    store: str,
    upserts: Sequence[DailyEntry] = (),
    deletes: Sequence[date] = (),
) -> Change:
    """Apply a block of days as a whole: every day checked first, then one transaction.

    Args:
        service: the open company.
        store: the store (every entry must be of it).
        upserts: days to add or change.
        deletes: days to delete.

    Raises:
        UserError: any refusal (``problems`` lists every one) or a locked day; nothing
            is written then.
    """
    require_known_store(service, store)
    days = [entry.day for entry in upserts] + list(deletes)
    if not days:
        raise UserError("nothing to apply")
    for entry in upserts:
        if entry.store != store:
            raise UserError(f"a day of {entry.store!r} in a block of {store!r}")
    for day in days:
        refuse_locked_day(service, day, f"the daily data of {day:%d.%m.%Y} ({store})")
    refuse_errors(check_block(service, store, upserts), f"the block of days of {store}")
    span = f"{min(days):%d.%m.%Y}–{max(days):%d.%m.%Y}"
    with transaction(service, f"saving the days {span} of {store}") as database:
        for entry in upserts:
            database.upsert_daily(entry)
        for day in deletes:
            database.delete_daily(store, day)
    return Change(ChangeKind.DAILY, Period.custom(min(days), max(days)), store)

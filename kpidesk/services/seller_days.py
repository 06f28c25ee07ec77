"""Per-seller days (SPEC §2.6, §4.3): when a matrix uses ``employee:`` metrics, the store's
sellers type their own revenue, receipts and units for a day; their rows are checked one by
one with ``core`` rules and, as a whole, against the store's own day (a warning when the
sums differ), and saved in one transaction, refused in a locked period.

Must not: know about Qt, parse text typed by a user (the caller passes numbers), or write
a row that has an error. The store's own days are ``daily_entry``'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from kpidesk.core.daily import DailyEntry, SellerDay
from kpidesk.core.indicators import SourceKind
from kpidesk.core.item_validation import (
    at,
    problem,
    validate_day_not_future,
    validate_seller_day,
)
from kpidesk.core.matrix import matrix_in_force
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem, Severity, has_errors
from kpidesk.core.rights import Right
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.daily_entry import (
    DayValues,
    refuse_errors,
    require_known_store,
    saved_day,
)
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session, Target

SELLER_FIELDS = ("revenue", "receipts", "units")


@dataclass(frozen=True)
class SellerSheet:
    """A store's day per seller.

    Attributes:
        sellers: the store's sellers (employees whose matrix uses ``employee:`` metrics,
            and anyone with a saved row that day), in directory order.
        rows: the saved rows by seller.
        store_day: the store's own day, which the sellers' sum is checked against.
    """

    store: str
    day: date
    sellers: tuple[str, ...]
    rows: dict[str, SellerDay]
    store_day: DailyEntry | None


def _uses_seller_metrics(service: CompanyService, employee: Employee, period: Period) -> bool:
    company = service.company()
    matrix = matrix_in_force(company.matrices, employee.name, employee.position, period)
    if matrix is None:
        return False
    kinds = {i.code: i.source.kind for i in company.indicators}
    return any(kinds.get(row.indicator) is SourceKind.EMPLOYEE for row in matrix.rows)


def seller_metrics_used(service: CompanyService, store: str, day: date) -> bool:
    """Whether any employee of the store has a matrix with ``employee:`` metrics then."""
    return bool(sellers_of(service, store, day))


def sellers_of(service: CompanyService, store: str, day: date) -> list[str]:
    """The store's sellers on ``day``: working employees of the store whose matrix in force
    uses ``employee:`` metrics."""
    period = Period.containing(day, service.company().pay_period)
    return [
        e.name
        for e in service.company().employees
        if e.store == store
        and not e.archived
        and e.works_in(Period.day(day))
        and _uses_seller_metrics(service, e, period)
    ]


def seller_sheet(service: CompanyService, store: str, day: date) -> SellerSheet:
    """The store's sellers and their saved rows of ``day``, with the store's day."""
    rows = {r.employee: r for r in service.database.daily.seller_days(day, day) if r.store == store}
    names = sellers_of(service, store, day)
    order = [e.name for e in service.company().employees]
    extra = sorted((n for n in rows if n not in names), key=lambda n: order.index(n))
    return SellerSheet(store, day, (*names, *extra), rows, saved_day(service, store, day))


def seller_from_values(
    store: str, day: date, employee: str, values: DayValues
) -> tuple[SellerDay | None, list[Problem]]:
    """A seller's typed values as a row (``None`` when every value is empty: no row) and
    their problems: revenue and receipts required, whole counts, the core's rules."""
    where = Location(entity="seller day", key=f"{employee} {day:%d.%m.%Y}")
    if all(values.get(name) is None for name in SELLER_FIELDS):
        return None, []
    found: list[Problem] = []
    missing = [name for name in ("revenue", "receipts") if values.get(name) is None]
    if missing:
        found.append(
            problem(
                "required",
                f"Enter {', '.join(missing)} of {employee}.",
                at(where, missing[0]),
                fields=", ".join(missing),
                employee=employee,
            )
        )
    for name in ("receipts", "units"):
        value = values.get(name)
        if value is not None and value != value.to_integral_value():
            found.append(
                problem(
                    "not_whole",
                    f"{name.capitalize()} of {employee} must be a whole number ({value}).",
                    at(where, name),
                    value,
                    field=name,
                    employee=employee,
                )
            )
    row = SellerDay(
        store,
        day,
        employee,
        values.get("revenue") or Decimal(0),
        int(values.get("receipts") or 0),
        int(values.get("units") or 0),
    )
    found += [p for p in validate_seller_day(row, where) if p.where.field not in missing]
    return (None if has_errors(found) else row), found


def check_sellers(
    store: str, day: date, rows: Sequence[SellerDay], store_day: DailyEntry | None
) -> list[Problem]:
    """Warnings when the sellers' sums differ from the store's day (or it has none)."""
    if not rows:
        return []
    where = Location(entity="daily", key=f"{store} {day:%d.%m.%Y}")
    if store_day is None:
        return [
            problem(
                "no_store_day",
                f"{store} has no data for {day:%d.%m.%Y}: the sellers' sales cannot be checked.",
                where,
                severity=Severity.WARNING,
            )
        ]
    found: list[Problem] = []
    for name in SELLER_FIELDS:
        sellers = sum((Decimal(getattr(row, name)) for row in rows), Decimal(0))
        total = Decimal(getattr(store_day, name))
        if sellers != total:
            found.append(
                problem(
                    "sellers_differ",
                    f"The sellers' {name} add up to {sellers}, the store's day has {total}.",
                    at(where, name),
                    sellers,
                    Severity.WARNING,
                    field=name,
                    sellers=sellers,
                    store=total,
                )
            )
    return found


@dataclass
class SaveSellers(Operation):
    """Save the sellers' rows of a store's day as a whole (``None`` deletes one)."""

    store: str
    day: date
    rows: Mapping[str, SellerDay | None]
    today: date | None = None  # a day after it is refused; the system's date unless given
    name: ClassVar[str] = "save_sellers"
    right: ClassVar[Right] = Right.DAILY

    def target(self, session: Session) -> Target:
        return Target(store=self.store)

    def apply(self, session: Session) -> Change:
        store, day = self.store, self.day
        require_known_store(session.service, store)
        what = f"the sellers' sales of {day:%d.%m.%Y} ({store})"
        known = {e.name for e in session.company().employees}
        where = Location(entity="daily", key=f"{store} {day:%d.%m.%Y}")
        found = validate_day_not_future(day, self.today or date.today(), where)
        for name, row in self.rows.items():
            if name not in known:
                raise UserError.of(
                    "unknown_employee", f"{what}: unknown employee {name!r}", name=name
                )
            if row is not None:
                if (row.store, row.day, row.employee) != (store, day, name):
                    raise UserError.of(
                        "misplaced_row",
                        f"{what}: a row of {row.employee} {row.day:%d.%m.%Y} is misplaced",
                    )
                found += validate_seller_day(row)
        refuse_errors(found, what)
        daily = session.db.daily
        for name, row in self.rows.items():
            if row is None:
                daily.delete_seller_day(store, day, name)
            else:
                daily.upsert_seller_day(row)
        return Change(ChangeKind.DAILY, Period.day(day), store)


def save_sellers(
    service: CompanyService,
    store: str,
    day: date,
    rows: Mapping[str, SellerDay | None],
    *,
    today: date | None = None,
) -> Change:
    """Save the sellers' rows of a store's day in one transaction (:class:`SaveSellers`).

    Raises:
        UserError: a refused row, an unknown seller, or a locked period.
    """
    return service.run(SaveSellers(store, day, dict(rows), today))

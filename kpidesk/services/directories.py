"""Directory use cases: save, rename and remove stores, departments, positions, employees
and indicators, and save or delete payout schedules (SPEC §2.1, §2.3, §2.5, §4.9).

Every call validates with ``core`` first, then runs one :class:`DirectoryWrite` operation
through the runner (one transaction; the store writes the audit rows) and returns its
:class:`Change`. Removing an entry that past
data refers to archives it instead of deleting it — the store decides, and the caller gets
the :class:`Removal` back to tell the user which happened.

Every refusal is a :class:`UserError` carrying :class:`Problem` records with stable codes
(``name_empty``, ``name_taken``, ``unknown_position``, …) that the GUI and the CLI
translate; the English message is for logs.

Must not: import Qt, write SQL, or compute anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar

from kpidesk.core.indicators import Indicator
from kpidesk.core.item_validation import problem, validate_employee, validate_schedule
from kpidesk.core.limits import amount_problem
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.periods import Period
from kpidesk.core.personnel_numbers import clean_number, number_clashes
from kpidesk.core.problems import Location, Problem, Severity, has_errors
from kpidesk.core.rights import Right
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session
from kpidesk.store import Removal

if TYPE_CHECKING:
    from kpidesk.store.database import Database

__all__ = [
    "Removal",
    "archive_department",
    "archive_employee",
    "archive_indicator",
    "archive_position",
    "archive_store",
    "delete_schedule",
    "save_department",
    "save_employee",
    "save_indicator",
    "save_position",
    "save_schedule",
    "save_store",
]

DIRECTORY = Change(ChangeKind.DIRECTORY)


def refuse(problems: list[Problem]) -> UserError:
    """A :class:`UserError` whose message lists every problem (English, for logs/CLI)."""
    return UserError("; ".join(p.describe() for p in problems), problems)


def _refusal(code: str, message: str, where: Location, **params: str) -> UserError:
    return refuse([problem(code, message, where, None, Severity.ERROR, **params)])


def _clean_name(entity: str, name: str, field: str = "name") -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise _refusal(
            "name_empty",
            f"The {entity}'s {field} cannot be empty.",
            Location(entity=entity, field=field),
            entity=entity,
        )
    return cleaned


def _check_new_name(
    entity: str, old: str | None, new: str, existing: Iterable[str], field: str = "name"
) -> None:
    if new != old and new in set(existing):
        raise _refusal(
            "name_taken",
            f"A {entity} called '{new}' already exists.",
            Location(entity=entity, key=new, field=field),
            entity=entity,
            name=new,
        )


def _check_known(entity: str, old: str | None, existing: Iterable[str]) -> None:
    if old is not None and old not in set(existing):
        raise _refusal(
            "unknown_item",
            f"There is no {entity} called '{old}'.",
            Location(entity=entity, key=old),
            entity=entity,
            name=old,
        )


@dataclass
class DirectoryWrite(Operation):
    """One directory write, already checked by its use case below (a store, department,
    position, employee, indicator or payout schedule saved, renamed, archived or deleted).
    """

    what: str
    write: Callable[[Database], object]
    change: Change
    name: ClassVar[str] = "directory_write"
    right: ClassVar[Right] = Right.DIRECTORIES
    result: object = None

    def apply(self, session: Session) -> Change:
        self.result = self.write(session.db)
        return self.change


def _write(
    service: CompanyService, what: str, write: Callable[[Database], object], change: Change
) -> Change:
    return service.run(DirectoryWrite(what, write, change))


# --- stores, departments, positions --------------------------------------------------------
def save_store(service: CompanyService, old_name: str | None, store: Store) -> Change:
    """Add a store (``old_name`` None) or update/rename the store called ``old_name``.

    Raises:
        UserError: empty name, a name already taken, or no store called ``old_name``.
    """
    names = [s.name for s in service.company().stores]
    store = replace(store, name=_clean_name("store", store.name))
    _check_known("store", old_name, names)
    _check_new_name("store", old_name, store.name, names)
    return _write(service, "save_store", lambda db: db.org.save_store(old_name, store), DIRECTORY)


def save_department(
    service: CompanyService, old_name: str | None, department: Department
) -> Change:
    """Add or update/rename a department (see :func:`save_store`)."""
    names = [d.name for d in service.company().departments]
    department = replace(department, name=_clean_name("department", department.name))
    _check_known("department", old_name, names)
    _check_new_name("department", old_name, department.name, names)
    return _write(
        service,
        "save_department",
        lambda db: db.org.save_department(old_name, department),
        DIRECTORY,
    )


def save_position(service: CompanyService, old_name: str | None, position: Position) -> Change:
    """Add or update/rename a position (see :func:`save_store`)."""
    names = [p.name for p in service.company().positions]
    position = replace(position, name=_clean_name("position", position.name))
    _check_known("position", old_name, names)
    _check_new_name("position", old_name, position.name, names)
    return _write(
        service, "save_position", lambda db: db.org.save_position(old_name, position), DIRECTORY
    )


# --- employees ------------------------------------------------------------------------------
def first_open_period(service: CompanyService) -> Period | None:
    """The pay period after the latest locked one (``None``: nothing is locked)."""
    codes = service.database.locks.locked_periods()
    if not codes:
        return None
    latest = max((Period.parse(code) for code in codes), key=lambda period: period.end)
    return Period.containing(latest.end + timedelta(days=1), service.company().pay_period)


def _with_pay_history(
    service: CompanyService, stored: Employee, edited: Employee, start: Period | None
) -> Employee:
    """``edited`` (showing its pay as the current one, ``Employee.as_current``) as the
    stored amounts from the start plus the pay changes: a changed pay applies from
    ``start``, by default from the first open period — a raise entered after a period was
    locked never reaches it — or, with nothing locked, replaces the latest amounts."""
    pay = (edited.fixed_pay, edited.target_bonus)
    kept = replace(
        edited, fixed_pay=stored.fixed_pay, target_bonus=stored.target_bonus, rates=stored.rates
    )
    if start is None:
        if pay == stored.current_pay:
            return kept
        start = first_open_period(service)
        if start is None and stored.rates:
            start = max(stored.rates, key=lambda rate: rate.start.start).start
    return kept.with_pay(pay[0], pay[1], start)


def save_employee(
    service: CompanyService,
    old_name: str | None,
    employee: Employee,
    from_period: Period | None = None,
) -> Change:
    """Add an employee or update/rename the one called ``old_name``. The employee's fixed
    pay and target bonus are the current ones (``Employee.as_current``); a change of them
    applies from ``from_period`` on (default: the first open pay period), earlier periods
    keeping the old amounts (SPEC §2.1).

    Raises:
        UserError: empty name, a name taken, an unknown position/store/department, negative
            pay, an end date before the start date.
    """
    company = service.company()
    employee = replace(employee, name=_clean_name("employee", employee.name))
    names = [e.name for e in company.employees]
    _check_known("employee", old_name, names)
    _check_new_name("employee", old_name, employee.name, names)
    where = Location(entity="employee", key=employee.name)
    references = (
        ("position", employee.position, [p.name for p in company.positions]),
        ("store", employee.store, [s.name for s in company.stores]),
        ("department", employee.department, [d.name for d in company.departments]),
    )
    for field, value, known in references:
        if field == "position" and not (value or "").strip():
            raise _refusal(
                "position_required",
                f"'{employee.name}' needs a position.",
                replace(where, field="position"),
                name=employee.name,
            )
        if value is not None and value not in known:
            raise _refusal(
                f"unknown_{field}",
                f"Unknown {field} '{value}'.",
                replace(where, field=field),
                name=value,
            )
    employee = replace(employee, personnel_number=clean_number(employee.personnel_number))
    problems = validate_employee(employee, where)
    others = [e for e in company.employees if e.name not in (old_name, employee.name)]
    problems += number_clashes([employee], others)
    for found in (
        amount_problem(employee.fixed_pay, replace(where, field="fixed_pay")),
        amount_problem(employee.target_bonus, replace(where, field="target_bonus")),
    ):
        if found is not None:
            problems.append(found)
    if has_errors(problems):
        raise refuse(problems)
    stored = company.employee(old_name) if old_name is not None else None
    if stored is not None:
        employee = _with_pay_history(service, stored, employee, from_period)
    elif from_period is not None:
        employee = replace(employee, rates=())
    return _write(
        service,
        "save_employee",
        lambda db: db.org.save_employee(old_name, employee),
        Change(ChangeKind.DIRECTORY, store=employee.store, employee=employee.name),
    )


# --- indicators -----------------------------------------------------------------------------
def save_indicator(service: CompanyService, old_code: str | None, indicator: Indicator) -> Change:
    """Add an indicator or update/re-code the one with ``old_code``.

    Raises:
        UserError: empty code or name, a code with spaces, a code already taken.
    """
    code = indicator.code.strip()
    if not code:
        raise _refusal(
            "name_empty",
            "The indicator's code cannot be empty.",
            Location(entity="indicator", field="code"),
            entity="indicator",
        )
    if any(char.isspace() for char in code):
        raise _refusal(
            "code_spaces",
            f"The indicator code '{code}' contains spaces; use letters, digits and '_'.",
            Location(entity="indicator", key=code, field="code"),
            name=code,
        )
    name = _clean_name("indicator", indicator.name)
    indicator = replace(indicator, code=code, name=name, unit=indicator.unit.strip())
    codes = [i.code for i in service.company().indicators]
    _check_known("indicator", old_code, codes)
    _check_new_name("indicator", old_code, code, codes, "code")
    return _write(
        service, "save_indicator", lambda db: db.org.save_indicator(old_code, indicator), DIRECTORY
    )


# --- removing -------------------------------------------------------------------------------
def _remove(
    service: CompanyService,
    entity: str,
    name: str,
    existing: Iterable[str],
    remove: Callable[[Database], Removal],
) -> tuple[Removal, Change]:
    _check_known(entity, name, existing)
    operation = DirectoryWrite(f"archive_{entity}", remove, DIRECTORY)
    change = service.run(operation)
    assert isinstance(operation.result, Removal)
    return operation.result, change


def archive_store(service: CompanyService, name: str) -> tuple[Removal, Change]:
    """Archive the store if past data refers to it, else delete it.

    Returns:
        What happened and the change to publish.
    """
    names = [s.name for s in service.company().stores]
    return _remove(service, "store", name, names, lambda db: db.org.archive_store(name))


def archive_department(service: CompanyService, name: str) -> tuple[Removal, Change]:
    """Archive the department if an employee refers to it, else delete it."""
    names = [d.name for d in service.company().departments]
    return _remove(service, "department", name, names, lambda db: db.org.archive_department(name))


def archive_position(service: CompanyService, name: str) -> tuple[Removal, Change]:
    """Archive the position if employees, matrices or schedules refer to it, else delete it."""
    names = [p.name for p in service.company().positions]
    return _remove(service, "position", name, names, lambda db: db.org.archive_position(name))


def archive_employee(service: CompanyService, name: str) -> tuple[Removal, Change]:
    """Archive the employee if facts, inputs, sales or matrices refer to them, else delete."""
    names = [e.name for e in service.company().employees]
    return _remove(service, "employee", name, names, lambda db: db.org.archive_employee(name))


def archive_indicator(service: CompanyService, code: str) -> tuple[Removal, Change]:
    """Archive the indicator if matrix rows or facts refer to it, else delete it."""
    codes = [i.code for i in service.company().indicators]
    return _remove(service, "indicator", code, codes, lambda db: db.org.archive_indicator(code))


# --- payout schedules -----------------------------------------------------------------------
def save_schedule(service: CompanyService, schedule: PayoutSchedule) -> Change:
    """Add or replace the payout schedule of ``schedule.position`` (``None``: the company's).

    Raises:
        UserError: an unknown position, or the schedule's own errors (negative numbers,
            duplicate thresholds, coefficients falling as the KPI rises, no steps).
    """
    where = Location(entity="payout", key=schedule.position or "")
    if schedule.position is not None:
        known = [p.name for p in service.company().positions]
        if schedule.position not in known:
            raise _refusal(
                "unknown_position",
                f"Unknown position '{schedule.position}'.",
                replace(where, field="position"),
                name=schedule.position,
            )
    problems = validate_schedule(schedule, where)
    if has_errors(problems):
        raise refuse(problems)
    steps = tuple(sorted(schedule.steps))
    schedule = replace(schedule, steps=steps)
    return _write(
        service,
        "save_schedule",
        lambda db: db.matrices.save_schedule(schedule),
        Change(ChangeKind.SCHEDULE),
    )


def delete_schedule(service: CompanyService, position: str | None) -> Change:
    """Delete a position's schedule (it then follows the company's); ``None`` resets the
    company's schedule to the default linear one."""
    return _write(
        service,
        "delete_schedule",
        lambda db: db.matrices.delete_schedule(position),
        Change(ChangeKind.SCHEDULE),
    )

"""Validation: of a whole import (SPEC §6) — a ``CompanyContent`` checked against itself and
the existing company before anything is written, all or nothing — and, re-exported from
``item_validation``, of single matrices, daily rows, employees and payout schedules.

Finds references to unknown stores, positions, departments, employees, indicators and raw
inputs (known = the existing company ∪ the content), duplicate keys inside the content
(``duplicate_key``; ``duplicate_row`` for matrix rows), every per-item check of
``item_validation`` and the weights of each matrix per (period, owner). Each problem's location
is the origin the reader recorded (``content.origin``), narrowed to the field.

Must not: read files or storage, or stop at the first problem (the user fixes them all at
once).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from operator import attrgetter
from typing import TypeVar

from kpidesk.core.company import Company, CompanyContent
from kpidesk.core.indicators import FAMILY_INPUTS, Indicator
from kpidesk.core.item_validation import (
    at,
    daily_entry_is_clean,
    problem,
    validate_daily_entry,
    validate_employee,
    validate_matrix,
    validate_matrix_row,
    validate_schedule,
    validate_seller_day,
)
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.personnel_numbers import number_clashes
from kpidesk.core.problems import Location, Problem

Item = TypeVar("Item")


def _duplicates(
    content: CompanyContent,
    kind: str,
    items: Sequence[Item],
    key: Callable[[Item], Hashable],
    describe: Callable[[Item], str],
) -> list[Problem]:
    keys = list(map(key, items))
    if len(set(keys)) == len(keys):  # the usual case: one hash per item, no dict of firsts
        return []
    first_seen: dict[Hashable, int] = {}
    found: list[Problem] = []
    for index, (item, item_key) in enumerate(zip(items, keys, strict=True)):
        if item_key not in first_seen:
            first_seen[item_key] = index
            continue
        first = content.origin(kind, first_seen[item_key]).describe() or "earlier"
        found.append(
            problem(
                "duplicate_key",
                f"{describe(item)} appears twice (first at {first}).",
                content.origin(kind, index),
                describe(item),
                kind=kind,
                first=first,
            )
        )
    return found


def _unknown(code: str, what: str, name: str, where: Location, field: str) -> Problem:
    return problem(code, f"Unknown {what} '{name}'.", at(where, field), name, name=name)


class _Known:
    """The names an import may refer to: the existing company's and the content's own."""

    def __init__(self, content: CompanyContent, existing: Company) -> None:
        self.stores = {s.name for s in (*existing.stores, *content.stores)}
        self.positions = {p.name for p in (*existing.positions, *content.positions)}
        self.departments = {d.name for d in (*existing.departments, *content.departments)}
        self.employees = {e.name for e in (*existing.employees, *content.employees)}
        self.indicators: dict[str, Indicator] = {}
        for indicator in (*existing.indicators, *content.indicators):
            self.indicators[indicator.code] = indicator
        for indicator in list(self.indicators.values()):
            self.indicators.setdefault(indicator.name, indicator)
        self.inputs = {
            f"{kind.value}:{name}" for kind, names in FAMILY_INPUTS.items() for name in names
        }


def _check_directories(content: CompanyContent, known: _Known) -> list[Problem]:
    found: list[Problem] = []
    named: tuple[tuple[str, Sequence[Store | Department | Position | Employee]], ...] = (
        ("stores", content.stores),
        ("departments", content.departments),
        ("positions", content.positions),
        ("employees", content.employees),
    )
    for kind, items in named:
        found.extend(
            _duplicates(content, kind, items, lambda x: x.name, lambda x: f"Name '{x.name}'")
        )
    found.extend(
        _duplicates(
            content,
            "indicators",
            content.indicators,
            lambda x: x.code,
            lambda x: f"Indicator code '{x.code}'",
        )
    )
    for i, employee in enumerate(content.employees):
        where = content.origin("employees", i)
        found.extend(validate_employee(employee, where))
        if employee.position not in known.positions:
            found.append(
                _unknown("unknown_position", "position", employee.position, where, "position")
            )
        if employee.store is not None and employee.store not in known.stores:
            found.append(_unknown("unknown_store", "store", employee.store, where, "store"))
        if employee.department is not None and employee.department not in known.departments:
            found.append(
                _unknown(
                    "unknown_department", "department", employee.department, where, "department"
                )
            )
    for i, schedule in enumerate(content.schedules):
        where = content.origin("schedules", i)
        found.extend(validate_schedule(schedule, where))
        if schedule.position is not None and schedule.position not in known.positions:
            found.append(
                _unknown("unknown_position", "position", schedule.position, where, "position")
            )
    found.extend(
        _duplicates(
            content,
            "schedules",
            content.schedules,
            lambda x: x.position,
            lambda x: f"Payout schedule of '{x.position or 'the company'}'",
        )
    )
    return found


def _check_matrices(content: CompanyContent, known: _Known) -> list[Problem]:
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, matrix in enumerate(content.matrices):
        groups.setdefault((matrix.period, matrix.position, matrix.employee), []).append(i)
    found: list[Problem] = []
    for indices in groups.values():
        first = content.matrices[indices[0]]
        rows: list[MatrixRow] = []
        places: list[Location] = []
        for i in indices:
            for j, row in enumerate(content.matrices[i].rows):
                indicator = known.indicators.get(row.indicator)
                # a row may name its indicator by name: compare rows by the code
                rows.append(replace(row, indicator=indicator.code) if indicator else row)
                places.append(content.matrix_row_origin(i, j))
        where = places[0] if places else content.origin("matrices", indices[0])
        merged = Matrix(first.period, tuple(rows), first.position, first.employee)
        found.extend(validate_matrix(merged, known.indicators, where, places.__getitem__))
        if first.position is not None and first.position not in known.positions:
            found.append(
                _unknown("unknown_position", "position", first.position, where, "position")
            )
        if first.employee is not None and first.employee not in known.employees:
            found.append(
                _unknown("unknown_employee", "employee", first.employee, where, "employee")
            )
    return found


def _check_period_data(content: CompanyContent, known: _Known) -> list[Problem]:
    found: list[Problem] = []
    for i, entry in enumerate(content.daily):
        # the origin is looked up only for a bad row: a 3-year sheet has 22 000 good ones
        unknown_store = entry.store not in known.stores
        if not unknown_store and daily_entry_is_clean(entry):
            continue
        where = content.origin("daily", i)
        found.extend(validate_daily_entry(entry, where=where))
        if unknown_store:
            found.append(_unknown("unknown_store", "store", entry.store, where, "store"))
    found.extend(
        _duplicates(
            content,
            "daily",
            content.daily,
            attrgetter("store", "day"),
            lambda x: f"Store '{x.store}' on {x.day:%d.%m.%Y}",
        )
    )
    for i, day in enumerate(content.seller_days):
        where = content.origin("seller_days", i)
        found.extend(validate_seller_day(day, where))
        if day.store not in known.stores:
            found.append(_unknown("unknown_store", "store", day.store, where, "store"))
        if day.employee not in known.employees:
            found.append(_unknown("unknown_employee", "employee", day.employee, where, "employee"))
    found.extend(
        _duplicates(
            content,
            "seller_days",
            content.seller_days,
            attrgetter("store", "day", "employee"),
            lambda x: f"Seller '{x.employee}' in '{x.store}' on {x.day:%d.%m.%Y}",
        )
    )
    for i, plan in enumerate(content.plans):
        where = content.origin("plans", i)
        if plan.revenue < 0:
            found.append(
                problem(
                    "negative_value",
                    f"Revenue plan cannot be negative ({plan.revenue}).",
                    at(where, "revenue"),
                    plan.revenue,
                    field="revenue",
                )
            )
        if plan.store not in known.stores:
            found.append(_unknown("unknown_store", "store", plan.store, where, "store"))
    found.extend(
        _duplicates(
            content,
            "plans",
            content.plans,
            attrgetter("store", "period"),
            lambda x: f"Plan of '{x.store}' for {x.period.code}",
        )
    )
    return found


def _check_facts(content: CompanyContent, known: _Known) -> list[Problem]:
    found: list[Problem] = []
    for i, fact in enumerate(content.facts):
        if fact.employee in known.employees and fact.indicator in known.indicators:
            continue
        where = content.origin("facts", i)
        if fact.employee not in known.employees:
            found.append(_unknown("unknown_employee", "employee", fact.employee, where, "employee"))
        if fact.indicator not in known.indicators:
            found.append(
                _unknown("unknown_indicator", "indicator", fact.indicator, where, "indicator")
            )
    found.extend(
        _duplicates(
            content,
            "facts",
            content.facts,
            attrgetter("period", "employee", "indicator"),
            lambda x: f"Fact of '{x.employee}' on '{x.indicator}' for {x.period.code}",
        )
    )
    for i, item in enumerate(content.inputs):
        where = content.origin("inputs", i)
        if item.employee not in known.employees:
            found.append(_unknown("unknown_employee", "employee", item.employee, where, "employee"))
        if item.name not in known.inputs:
            found.append(_unknown("unknown_input", "input", item.name, where, "name"))
    found.extend(
        _duplicates(
            content,
            "inputs",
            content.inputs,
            attrgetter("period", "employee", "name"),
            lambda x: f"Input '{x.name}' of '{x.employee}' for {x.period.code}",
        )
    )
    return found


def _check_tasks(content: CompanyContent, known: _Known) -> list[Problem]:
    """Tasks and duty lists name people (and positions) that must exist."""
    found: list[Problem] = []
    for i, task in enumerate(content.tasks):
        for field, name in (("assignee", task.assignee), ("controller", task.controller)):
            if name not in known.employees:
                where = content.origin("tasks", i)
                found.append(_unknown("unknown_employee", "employee", name, where, field))
    for i, duty in enumerate(content.duty_templates):
        where = content.origin("duty_templates", i)
        if duty.employee is not None and duty.employee not in known.employees:
            found.append(_unknown("unknown_employee", "employee", duty.employee, where, "employee"))
        # a duty's controller is an employee, or a position meaning its holder in the store
        if duty.controller not in known.employees and duty.controller not in known.positions:
            found.append(
                _unknown(
                    "unknown_employee",
                    "employee or position",
                    duty.controller,
                    where,
                    "controller",
                )
            )
    return found


def validate_content(content: CompanyContent, existing: Company) -> list[Problem]:
    """Check a whole import against itself and the existing company.

    Args:
        content: what the reader found, with the origin of every item.
        existing: the company as it is now (may be empty).

    Returns:
        Every problem found, errors and warnings, in the order of the content's kinds.
    """
    known = _Known(content, existing)
    return [
        *_check_directories(content, known),
        *number_clashes(
            content.employees, existing.employees, lambda i: content.origin("employees", i)
        ),
        *_check_matrices(content, known),
        *_check_period_data(content, known),
        *_check_facts(content, known),
        *_check_tasks(content, known),
    ]


__all__ = [
    "validate_content",
    "validate_daily_entry",
    "validate_employee",
    "validate_matrix",
    "validate_matrix_row",
    "validate_schedule",
    "validate_seller_day",
]

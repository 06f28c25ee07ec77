"""Validation of single items: matrices and their rows, daily rows, employees, payout
schedules (SPEC §2.4–2.6, §8). Each check returns structured ``problems.Problem`` records
with a stable code, an English message with the values in, a location and the params a
translator needs.

Codes: ``weights_sum``, ``base_equals_norm``, ``zero_norm``, ``negative_weight``,
``unknown_indicator``, ``duplicate_row``, ``matrix_owner``, ``ratio_needs_target``,
``target_wrong_side`` (warning);
``negative_value``, ``revenue_without_receipts``, ``receipts_over_visitors`` (warning),
``unusual_value`` (warning), ``future_day``; ``end_before_start``; ``steps_not_increasing``,
``duplicate_threshold``, ``no_steps``, ``cap_below_threshold`` (warning).
Whole imports are checked in ``validation``, which also re-exports these checks.

Must not: raise on bad data, change anything, or know about files (a caller passes the
locations).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import pairwise

from kpidesk.core.daily import DailyEntry, SellerDay
from kpidesk.core.indicators import IndexMethod, Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import ONE, plain
from kpidesk.core.org import Employee
from kpidesk.core.payout import PayoutKind, PayoutSchedule
from kpidesk.core.problems import Location, Problem, Severity

WARNING = Severity.WARNING
UNUSUAL_FACTOR = Decimal(3)


def problem(
    code: str,
    message: str,
    where: Location,
    value: object = None,
    severity: Severity = Severity.ERROR,
    **params: object,
) -> Problem:
    """Build a problem; ``value`` and ``params`` are turned into text (Decimals plainly)."""

    def text(item: object) -> str:
        return plain(item) or "" if isinstance(item, Decimal) else str(item)

    return Problem(
        code=code,
        message=message,
        where=where,
        value=None if value is None else text(value),
        severity=severity,
        params=tuple((key, text(item)) for key, item in params.items()),
    )


def at(where: Location, field: str) -> Location:
    """The same location narrowed to one field (the io layer maps it to a column)."""
    return replace(where, field=field)


def matrix_location(matrix: Matrix) -> Location:
    """The default location of a matrix: ``matrix 'Продавец 2026-10'``."""
    return Location(entity="matrix", key=f"{matrix.owner} {matrix.period.code}")


def validate_matrix_row(
    row: MatrixRow, method: IndexMethod | None = None, where: Location | None = None
) -> list[Problem]:
    """Check one matrix row on its own: weight, base against norm, target's side.

    Args:
        row: the row.
        method: its indicator's index method, when known (base may be empty for scale —
            it then counts as 0 — and the ratio method needs a non-zero norm).
        where: the row's location.
    """
    where = where or Location(entity="matrix row", key=row.indicator)
    code = row.indicator
    found: list[Problem] = []
    if row.weight < 0:
        found.append(
            problem(
                "negative_weight",
                f"The weight of '{code}' is negative ({plain(row.weight)}).",
                at(where, "weight"),
                row.weight,
                indicator=code,
            )
        )
    base = row.base
    if base is None and method is IndexMethod.SCALE:
        base = Decimal(0)
    if base is not None and base == row.norm and method is not IndexMethod.BINARY:
        found.append(
            problem(
                "base_equals_norm",
                f"The base of '{code}' equals its norm ({plain(row.norm)}): the index cannot "
                "be computed.",
                at(where, "norm"),
                row.norm,
                indicator=code,
            )
        )
    if method is IndexMethod.RATIO and row.norm == 0:
        found.append(
            problem(
                "zero_norm",
                f"The norm of '{code}' is 0: a fact/norm index cannot be computed.",
                at(where, "norm"),
                row.norm,
                indicator=code,
            )
        )
    if (
        method is IndexMethod.RATIO
        and row.lower_is_better
        and (row.target is None or row.target <= 0)
    ):
        found.append(
            problem(
                "ratio_needs_target",
                f"'{code}' is lower-is-better with the fact/norm method and needs a target "
                "above 0: at a fact of 0 its index would be unbounded.",
                at(where, "target"),
                row.target,
                indicator=code,
            )
        )
    if row.target is not None:
        wrong = row.target > row.norm if row.lower_is_better else row.target < row.norm
        if wrong:
            side = "above" if row.lower_is_better else "below"
            found.append(
                problem(
                    "target_wrong_side",
                    f"The target of '{code}' ({plain(row.target)}) is {side} its norm "
                    f"({plain(row.norm)}).",
                    at(where, "target"),
                    row.target,
                    WARNING,
                    indicator=code,
                    norm=row.norm,
                )
            )
    return found


def validate_matrix(
    matrix: Matrix,
    indicators: Mapping[str, Indicator] | None = None,
    where: Location | None = None,
    row_where: Callable[[int], Location] | None = None,
) -> list[Problem]:
    """Check a matrix: its owner, each row, duplicate indicators and the weights' sum.

    Args:
        matrix: the matrix.
        indicators: known indicators by code; ``None`` skips the unknown-indicator check.
        where: the matrix's location (matrix-level problems; its first row on import).
        row_where: the location of row ``i`` (defaults to ``where``).
    """
    where = where or matrix_location(matrix)
    locate = row_where or (lambda _: where)
    found: list[Problem] = []
    if (matrix.position is None) == (matrix.employee is None):
        both = "both a position and an employee" if matrix.position else "no owner"
        found.append(
            problem(
                "matrix_owner",
                f"The matrix from {matrix.period.code} has {both}; it must belong to either a "
                "position or an employee.",
                where,
                period=matrix.period.code,
            )
        )
    seen: set[str] = set()
    for i, row in enumerate(matrix.rows):
        row_at = locate(i)
        indicator = indicators.get(row.indicator) if indicators is not None else None
        if indicators is not None and indicator is None:
            found.append(
                problem(
                    "unknown_indicator",
                    f"Unknown indicator '{row.indicator}'.",
                    at(row_at, "indicator"),
                    row.indicator,
                    indicator=row.indicator,
                )
            )
        if row.indicator in seen:
            found.append(
                problem(
                    "duplicate_row",
                    f"Indicator '{row.indicator}' appears more than once in the matrix of "
                    f"'{matrix.owner}' from {matrix.period.code}.",
                    at(row_at, "indicator"),
                    row.indicator,
                    indicator=row.indicator,
                    owner=matrix.owner,
                    period=matrix.period.code,
                )
            )
        seen.add(row.indicator)
        method = indicator.method if indicator is not None else None
        found.extend(validate_matrix_row(row, method, row_at))
    total = matrix.weight_sum
    if total != ONE:
        found.append(
            problem(
                "weights_sum",
                f"The weights of the matrix of '{matrix.owner}' from {matrix.period.code} add "
                f"up to {plain(total)}, not 1 (100%).",
                at(where, "weight"),
                total,
                owner=matrix.owner,
                period=matrix.period.code,
                sum=total,
            )
        )
    return found


def _negative(where: Location, name: str, value: Decimal | int | None) -> list[Problem]:
    if value is None or value >= 0:
        return []
    return [
        problem(
            "negative_value",
            f"{name.replace('_', ' ').capitalize()} cannot be negative ({value}).",
            at(where, name),
            value,
            field=name,
        )
    ]


def daily_entry_is_clean(entry: DailyEntry) -> bool:
    """Whether :func:`validate_daily_entry` (without ``usual``) finds nothing — the same
    rules as one expression, for checking 22 000 imported rows before locating any."""
    returns = entry.returns
    return (
        entry.revenue >= 0
        and entry.visitors >= entry.receipts >= 0
        and (entry.units is None or entry.units >= 0)
        and (returns is None or returns >= 0)
        and not (entry.revenue > 0 and entry.receipts == 0)
    )


def validate_daily_entry(
    entry: DailyEntry, usual: DailyEntry | None = None, where: Location | None = None
) -> list[Problem]:
    """Check a store's day: no negatives, no revenue without receipts, conversion ≤ 100 %,
    and (given the store's usual day) nothing 3× above or below usual.

    Args:
        entry: the day.
        usual: the store's usual day (e.g. the median of recent days), for ``unusual_value``.
        where: the row's location.
    """
    where = where or Location(entity="daily", key=f"{entry.store} {entry.day:%d.%m.%Y}")
    found: list[Problem] = []
    for name in ("revenue", "receipts", "visitors", "units", "returns"):
        found.extend(_negative(where, name, getattr(entry, name)))
    if entry.revenue > 0 and entry.receipts == 0:
        found.append(
            problem(
                "revenue_without_receipts",
                f"Revenue {plain(entry.revenue)} with 0 receipts: enter the number of receipts.",
                at(where, "receipts"),
                entry.receipts,
                revenue=entry.revenue,
            )
        )
    if entry.receipts > entry.visitors >= 0:
        found.append(
            problem(
                "receipts_over_visitors",
                f"{entry.receipts} receipts but only {entry.visitors} visitors: conversion is "
                "above 100%.",
                at(where, "visitors"),
                entry.visitors,
                WARNING,
                receipts=entry.receipts,
                visitors=entry.visitors,
            )
        )
    if usual is not None:
        for name in ("revenue", "receipts", "visitors"):
            value = Decimal(getattr(entry, name))
            normal = Decimal(getattr(usual, name))
            if normal <= 0 or value < 0:
                continue
            if value > normal * UNUSUAL_FACTOR or value * UNUSUAL_FACTOR < normal:
                found.append(
                    problem(
                        "unusual_value",
                        f"{name.capitalize()} {plain(value)} is more than 3 times away from "
                        f"the store's usual {plain(normal)}.",
                        at(where, name),
                        value,
                        WARNING,
                        field=name,
                        usual=normal,
                    )
                )
    return found


def validate_day_not_future(day: date, today: date, where: Location) -> list[Problem]:
    """Refuse data of a day after ``today`` (a day that has not come yet has no sales).

    Args:
        day: the day of the row.
        today: the day the data is entered on.
        where: the row's location (narrowed to its ``day`` field).
    """
    if day <= today:
        return []
    shown, now = f"{day:%d.%m.%Y}", f"{today:%d.%m.%Y}"
    return [
        problem(
            "future_day",
            f"{shown} is after today ({now}): a day that has not come yet cannot have data.",
            at(where, "day"),
            shown,
            day=shown,
            today=now,
        )
    ]


def validate_seller_day(day: SellerDay, where: Location | None = None) -> list[Problem]:
    """Check a seller's day: no negatives, no revenue without receipts."""
    where = where or Location(entity="seller day", key=f"{day.employee} {day.day:%d.%m.%Y}")
    found: list[Problem] = []
    for name in ("revenue", "receipts", "units"):
        found.extend(_negative(where, name, getattr(day, name)))
    if day.revenue > 0 and day.receipts == 0:
        found.append(
            problem(
                "revenue_without_receipts",
                f"Revenue {plain(day.revenue)} with 0 receipts: enter the number of receipts.",
                at(where, "receipts"),
                day.receipts,
                revenue=day.revenue,
            )
        )
    return found


def validate_employee(employee: Employee, where: Location | None = None) -> list[Problem]:
    """Check an employee: fixed pay and target bonus not negative, end not before start."""
    where = where or Location(entity="employee", key=employee.name)
    found = _negative(where, "fixed_pay", employee.fixed_pay)
    found.extend(_negative(where, "target_bonus", employee.target_bonus))
    if employee.start is not None and employee.end is not None and employee.end < employee.start:
        found.append(
            problem(
                "end_before_start",
                f"'{employee.name}' leaves ({employee.end:%d.%m.%Y}) before joining "
                f"({employee.start:%d.%m.%Y}).",
                at(where, "end"),
                f"{employee.end:%d.%m.%Y}",
                start=f"{employee.start:%d.%m.%Y}",
            )
        )
    return found


def validate_schedule(schedule: PayoutSchedule, where: Location | None = None) -> list[Problem]:
    """Check a payout schedule: nothing negative; steps with distinct thresholds whose
    coefficients do not fall as the KPI rises; a linear cap not below its threshold."""
    where = where or Location(entity="payout", key=schedule.position or "")
    found = _negative(where, "threshold", schedule.threshold)
    found.extend(_negative(where, "cap", schedule.cap))
    if schedule.kind is PayoutKind.LINEAR:
        if schedule.cap is not None and 0 <= schedule.cap < schedule.threshold:
            found.append(
                problem(
                    "cap_below_threshold",
                    f"The cap {plain(schedule.cap)} is below the threshold "
                    f"{plain(schedule.threshold)}.",
                    at(where, "cap"),
                    schedule.cap,
                    WARNING,
                    threshold=schedule.threshold,
                )
            )
        return found
    if not schedule.steps:
        found.append(problem("no_steps", "A steps schedule needs at least one step.", where))
    for step in schedule.steps:
        found.extend(_negative(where, "threshold", step.threshold))
        found.extend(_negative(where, "coefficient", step.coefficient))
    ordered = sorted(schedule.steps)
    for before, after in pairwise(ordered):
        if after.threshold == before.threshold:
            found.append(
                problem(
                    "duplicate_threshold",
                    f"Threshold {plain(after.threshold)} appears more than once.",
                    at(where, "threshold"),
                    after.threshold,
                    threshold=after.threshold,
                )
            )
        elif after.coefficient < before.coefficient:
            found.append(
                problem(
                    "steps_not_increasing",
                    f"Coefficient {plain(after.coefficient)} from threshold "
                    f"{plain(after.threshold)} is lower than {plain(before.coefficient)} from "
                    f"{plain(before.threshold)}: a higher KPI must not pay less.",
                    at(where, "coefficient"),
                    after.coefficient,
                    threshold=after.threshold,
                )
            )
    return found

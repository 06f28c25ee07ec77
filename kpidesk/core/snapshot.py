"""A locked period's snapshot (SPEC §2.2): what its results were computed from, posted when
the period is locked so that its numbers never change while it stays locked.

A :class:`PeriodSnapshot` holds the part of the company that the period's calculation reads
— the employees working in it (with the pay then in force), their positions, stores and
departments, the indicators, the matrices and payout schedules in force — and the period's
:class:`PeriodInputs`. ``compute_period(snapshot.company, period, snapshot.inputs)`` gives
exactly the results that were paid, whatever is edited later (an employee's pay or end
date, an indicator's method, a deleted payout schedule). Keeping the inputs rather than the
results keeps every explanation and "what do I need" answer of the locked sheets, at a
fraction of the size.

:func:`encode` / :func:`decode` turn a snapshot into compressed JSON and back with a
small generic codec over the core's frozen dataclasses (``Decimal`` as text, dates in ISO
form, enums by value, periods by code, mappings with tuple keys as lists of pairs); the
codec refuses what it does not know instead of guessing.

Must not: read storage, know about Qt, or compute anything.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.matrix import Matrix
from kpidesk.core.periods import Period, PeriodKind

FORMAT = 1


class SnapshotError(ValueError):
    """A snapshot could not be read (damaged, or written in an unknown format)."""


@dataclass(frozen=True)
class PeriodSnapshot:
    """What a locked period's results are computed from."""

    period: Period
    company: Company
    inputs: PeriodInputs


def take(company: Company, period: Period, inputs: PeriodInputs) -> PeriodSnapshot:
    """The snapshot of ``period``: only what its calculation reads.

    Matrices: per owner, the one in force in the period (the latest starting no later);
    employees: those working in the period, with the pay in force then as their amounts.
    """
    in_force: dict[tuple[str | None, str | None], Matrix] = {}
    for matrix in company.matrices:
        if matrix.period.start > period.start:
            continue
        key = (matrix.position, matrix.employee)
        found = in_force.get(key)
        if found is None or matrix.period.start > found.period.start:
            in_force[key] = matrix
    employees = tuple(
        replace(employee.in_period(period), rates=())
        for employee in company.employees
        if not employee.archived and employee.works_in(period)
    )
    trimmed = replace(
        company,
        employees=employees,
        matrices=tuple(m for m in company.matrices if in_force.get((m.position, m.employee)) is m),
    )
    return PeriodSnapshot(period, trimmed, inputs)


def encode(snapshot: PeriodSnapshot) -> bytes:
    """Compressed JSON of the snapshot."""
    document = {"format": FORMAT, "snapshot": _encode(snapshot)}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def decode(data: bytes) -> PeriodSnapshot:
    """The snapshot :func:`encode` wrote.

    Raises:
        SnapshotError: the data is damaged or of an unknown format.
    """
    try:
        document = json.loads(zlib.decompress(data).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SnapshotError(f"damaged period snapshot ({error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SnapshotError("unknown period snapshot format")
    try:
        found = _decode(PeriodSnapshot, document["snapshot"])
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise SnapshotError(f"damaged period snapshot ({error!r})") from None
    assert isinstance(found, PeriodSnapshot)
    return found


# --- the codec -------------------------------------------------------------------------------
def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Period):
        return [value.start.isoformat(), value.end.isoformat(), value.kind.value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return [[_encode(key), _encode(item)] for key, item in value.items()]
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    raise TypeError(f"cannot snapshot a {type(value).__name__}")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def _decode(kind: Any, value: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin is typing.Union or origin is types.UnionType:
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        if value is None:
            return None
        if len(options) != 1:
            raise TypeError(f"ambiguous type {kind}")
        return _decode(options[0], value)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in value)
        return tuple(_decode(arg, item) for arg, item in zip(args, value, strict=True))
    if origin in (Mapping, dict, typing.Mapping):
        key_type, item_type = typing.get_args(kind)
        return {_decode(key_type, key): _decode(item_type, item) for key, item in value}
    if kind is Period:
        start, end, period_kind = value
        return Period(date.fromisoformat(start), date.fromisoformat(end), PeriodKind(period_kind))
    if kind is Decimal:
        if not isinstance(value, str):
            raise TypeError("a decimal is stored as text")
        return Decimal(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind in (str, int, bool):
        if not isinstance(value, kind):
            raise TypeError(f"expected {kind.__name__}, found {type(value).__name__}")
        return value
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        # a field added later (with a default) is absent from older snapshots
        names = {
            f.name
            for f in dataclasses.fields(kind)
            if f.name in value
            or (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
        }
        return kind(**{name: _decode(hints[name], value[name]) for name in names})
    raise TypeError(f"cannot read a snapshot field of type {kind}")

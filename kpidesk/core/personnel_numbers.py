"""Personnel numbers (табельные номера, SPEC §2.1): how one is written down and when two
are the same. A number is optional (a one-person shop has none); when given it is unique in
the company, compared after trimming and ignoring case ("T-07" and " t-07 " clash).

Codes: ``duplicate_personnel_number``.

Must not: read storage or files (callers pass the employees and the locations).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from kpidesk.core.item_validation import at, problem
from kpidesk.core.org import Employee
from kpidesk.core.problems import Location, Problem


def clean_number(text: str | None) -> str | None:
    """The number as stored: trimmed, ``None`` when empty."""
    if text is None:
        return None
    cleaned = " ".join(str(text).split())
    return cleaned or None


def number_key(text: str | None) -> str | None:
    """What two numbers are compared by (trimmed, case folded); ``None`` for no number."""
    cleaned = clean_number(text)
    return None if cleaned is None else cleaned.casefold()


def number_clashes(
    employees: Sequence[Employee],
    existing: Iterable[Employee] = (),
    where: Callable[[int], Location] | None = None,
) -> list[Problem]:
    """``duplicate_personnel_number`` for each of ``employees`` whose number another of them,
    or an ``existing`` employee of another name, already has.

    Args:
        employees: the incoming employees (an import's, or the one being saved).
        existing: the stored employees; one with the same name as an incoming one that
            gives a number is that employee itself, whose stored number is replaced (an
            incoming employee without a number keeps the stored one).
        where: the location of incoming employee ``index``.
    """
    incoming = {e.name for e in employees if number_key(e.personnel_number) is not None}
    holders: dict[str, str] = {}
    for stored in existing:
        key = number_key(stored.personnel_number)
        if key is not None and stored.name not in incoming:
            holders.setdefault(key, stored.name)
    found: list[Problem] = []
    for index, employee in enumerate(employees):
        key = number_key(employee.personnel_number)
        if key is None:
            continue
        holder = holders.get(key)
        if holder is None:
            holders[key] = employee.name
            continue
        location = where(index) if where else Location(entity="employee", key=employee.name)
        number = clean_number(employee.personnel_number)
        found.append(
            problem(
                "duplicate_personnel_number",
                f"Personnel number '{number}' of '{employee.name}' is already '{holder}'s.",
                at(location, "personnel_number"),
                number,
                number=number,
                name=employee.name,
                holder=holder,
            )
        )
    return found

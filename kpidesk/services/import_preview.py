"""What an import would change, row by row (SPEC §6, issue 14 item 9): the workbook's
content compared with what the company holds, without writing anything — per sheet the
rows added, the rows changed (each field old → new) and how many are unchanged.

Items are matched by the keys the store upserts by (``store.content.apply_content``): names
for stores, departments, positions and employees, the code for an indicator, (period,
owner) for a matrix — whose rows are compared by indicator — and so on. What the import
keeps rather than clears is not a change here either: an employee row without a personnel
number keeps the stored one.

Must not: write, import Qt, or decide whether the content is valid (``importing`` does,
before a preview is made).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import TYPE_CHECKING, Any

from kpidesk.core.company import CompanyContent
from kpidesk.core.matrix import Matrix, MatrixRow

if TYPE_CHECKING:
    from kpidesk.store.database import Database


@dataclass(frozen=True)
class FieldChange:
    """One field of a changed row: its name (the ``CompanyContent`` item's attribute, or an
    indicator's code for a matrix row) and the values before and after (``None`` = empty)."""

    field: str
    old: object
    new: object


@dataclass(frozen=True)
class RowChange:
    """A changed row: its key as words (``"Павлов Денис Олегович"``, ``"2026-10 ·
    Продавец-консультант"``) and what changes in it."""

    key: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SheetPreview:
    """One kind of content (one sheet of the workbook): the keys of the rows added, the
    rows changed, and how many rows are as they are stored."""

    kind: str
    added: tuple[str, ...] = ()
    changed: tuple[RowChange, ...] = ()
    unchanged: int = 0

    @property
    def changes_anything(self) -> bool:
        """Whether this sheet adds or changes a row."""
        return bool(self.added or self.changed)


@dataclass(frozen=True)
class ImportPreview:
    """Every sheet with rows in the workbook, in the order of the workbook's sheets."""

    sheets: tuple[SheetPreview, ...]

    @property
    def changes_anything(self) -> bool:
        """Whether the import would add or change anything."""
        return any(sheet.changes_anything for sheet in self.sheets)

    def sheet(self, kind: str) -> SheetPreview:
        """The preview of one kind (empty when the workbook has none of it)."""
        return next((s for s in self.sheets if s.kind == kind), SheetPreview(kind))


def _period(item: Any) -> str:
    return str(item.period.code)


def _words(*parts: object) -> str:
    return " · ".join(str(part) for part in parts if part not in (None, ""))


# kind → (the key an item is matched by, the key in words, fields not compared)
_Key = Callable[[Any], object]
_KINDS: dict[str, tuple[_Key, _Key, frozenset[str]]] = {
    "stores": (lambda i: i.name, lambda i: i.name, frozenset({"name"})),
    "departments": (lambda i: i.name, lambda i: i.name, frozenset({"name"})),
    "positions": (lambda i: i.name, lambda i: i.name, frozenset({"name"})),
    "employees": (lambda i: i.name, lambda i: i.name, frozenset({"name"})),
    "indicators": (lambda i: i.code, lambda i: _words(i.code, i.name), frozenset({"code"})),
    "schedules": (
        lambda i: i.position,
        lambda i: i.position or "",
        frozenset({"position"}),
    ),
    "daily": (
        lambda i: (i.store, i.day),
        lambda i: _words(f"{i.day:%d.%m.%Y}", i.store),
        frozenset({"store", "day"}),
    ),
    "seller_days": (
        lambda i: (i.store, i.day, i.employee),
        lambda i: _words(f"{i.day:%d.%m.%Y}", i.store, i.employee),
        frozenset({"store", "day", "employee"}),
    ),
    "plans": (
        lambda i: (i.store, i.period),
        lambda i: _words(_period(i), i.store),
        frozenset({"store", "period"}),
    ),
    "facts": (
        lambda i: (i.period, i.employee, i.indicator),
        lambda i: _words(_period(i), i.employee, i.indicator),
        frozenset({"period", "employee", "indicator"}),
    ),
    "inputs": (
        lambda i: (i.period, i.employee, i.name),
        lambda i: _words(_period(i), i.employee, i.name),
        frozenset({"period", "employee", "name"}),
    ),
    "duty_templates": (
        lambda i: (i.position, i.employee, i.title),
        lambda i: _words(i.position or i.employee, i.title),
        frozenset({"position", "employee", "title"}),
    ),
    "tasks": (
        lambda i: (i.period, i.assignee, i.title),
        lambda i: _words(_period(i), i.assignee, i.title),
        frozenset({"period", "assignee", "title"}),
    ),
}
ORDER = (
    "company",
    "stores",
    "departments",
    "positions",
    "employees",
    "indicators",
    "matrices",
    *(
        k
        for k in _KINDS
        if k not in ("stores", "departments", "positions", "employees", "indicators")
    ),
)


def _field_changes(old: Any, new: Any, skip: frozenset[str]) -> tuple[FieldChange, ...]:
    assert is_dataclass(old) and is_dataclass(new)
    changes = []
    for each in fields(new):
        if each.name in skip or not each.compare:
            continue
        before, after = getattr(old, each.name), getattr(new, each.name)
        if each.name == "personnel_number" and after is None:
            continue  # an import without numbers keeps the stored ones
        if before != after:
            changes.append(FieldChange(each.name, before, after))
    return tuple(changes)


def _compare(kind: str, incoming: Sequence[Any], stored: Sequence[Any]) -> SheetPreview | None:
    if not incoming:
        return None
    key, words, skip = _KINDS[kind]
    known = {key(item): item for item in stored}
    added: list[str] = []
    changed: list[RowChange] = []
    unchanged = 0
    seen: dict[object, Any] = {}
    for item in incoming:
        seen[key(item)] = item  # a later row of the same key wins, as in the store
    for item_key, item in seen.items():
        before = known.get(item_key)
        if before is None:
            added.append(str(words(item)))
            continue
        found = _field_changes(before, item, skip)
        if found:
            changed.append(RowChange(str(words(item)), found))
        else:
            unchanged += 1
    return SheetPreview(kind, tuple(added), tuple(changed), unchanged)


def _row_text(row: MatrixRow) -> tuple[object, ...]:
    return (row.weight, row.base, row.norm, row.target)


def _compare_matrices(incoming: Sequence[Matrix], stored: Sequence[Matrix]) -> SheetPreview | None:
    if not incoming:
        return None
    known = {(m.period, m.position, m.employee): m for m in stored}
    added: list[str] = []
    changed: list[RowChange] = []
    unchanged = 0
    for matrix in incoming:
        words = _words(matrix.period.code, matrix.employee or matrix.position)
        before = known.get((matrix.period, matrix.position, matrix.employee))
        if before is None:
            added.append(words)
            continue
        if before.rows == matrix.rows:
            unchanged += 1
            continue
        old = {row.indicator: row for row in before.rows}
        new = {row.indicator: row for row in matrix.rows}
        rows = [
            FieldChange(
                code,
                _row_text(old[code]) if code in old else None,
                _row_text(new[code]) if code in new else None,
            )
            for code in [*new, *(c for c in old if c not in new)]
            if old.get(code) != new.get(code)
        ]
        if not rows:  # the same rows in another order
            rows = [FieldChange("order", tuple(old), tuple(new))]
        changed.append(RowChange(words, tuple(rows)))
    return SheetPreview("matrices", tuple(added), tuple(changed), unchanged)


def _company(content: CompanyContent, database: Database) -> SheetPreview | None:
    changes = []
    if content.company_name is not None:
        name = database.content.company_name()
        if name != content.company_name:
            changes.append(FieldChange("name", name or None, content.company_name))
    if content.pay_period is not None:
        kind = database.content.pay_period()
        if kind != content.pay_period:
            changes.append(FieldChange("pay_period", kind, content.pay_period))
    if content.company_name is None and content.pay_period is None:
        return None
    if changes:
        return SheetPreview("company", changed=(RowChange("", tuple(changes)),))
    return SheetPreview("company", unchanged=1)


def preview_content(content: CompanyContent, database: Database) -> ImportPreview:
    """Compare ``content`` with the company in ``database`` (read only).

    Args:
        content: checked content, indicator names already resolved to codes.
        database: the open company.

    Returns:
        One :class:`SheetPreview` per kind the content has items of.
    """
    stored = database.content.export_content()
    sheets: list[SheetPreview] = []
    company = _company(content, database)
    if company is not None:
        sheets.append(company)
    for kind in _KINDS:
        found = _compare(kind, getattr(content, kind), getattr(stored, kind))
        if found is not None:
            sheets.append(found)
    matrices = _compare_matrices(content.matrices, stored.matrices)
    if matrices is not None:
        sheets.append(matrices)
    order = {kind: at for at, kind in enumerate(ORDER)}
    return ImportPreview(tuple(sorted(sheets, key=lambda s: order[s.kind])))

"""The template workbook's drop-down lists (SPEC §6): a hidden ``Списки`` / ``Lists`` sheet
holding one column per list — sources, index methods, units, and, when the template is
written for a company, its positions, stores, employees and indicator codes — each a named
range, and list validations on the data sheets' columns that take those values, so that
an owner picks ``store:conversion`` or a position's exact name instead of typing it.

A drop-down only offers: the reader still accepts any value it understands (an indicator's
name, a Russian method word) and the validation is not strict (``showErrorMessage`` off).
The reader ignores the lists sheet like any sheet it does not know.

Must not: read storage or Qt; openpyxl is imported only where a workbook is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kpidesk.core.indicators import UNITS
from kpidesk.core.source_names import CATALOGUE
from kpidesk.io.sheets import SheetSpec

FIRST_ROW, LAST_ROW = 2, 2000  # the data rows a drop-down covers

# (sheet kind, column field) → the list it takes its values from
COLUMN_LISTS: dict[tuple[str, str], str] = {
    ("indicators", "source"): "sources",
    ("indicators", "method"): "methods",
    ("indicators", "unit"): "units",
    ("employees", "position"): "positions",
    ("employees", "store"): "stores",
    ("matrices", "position"): "positions",
    ("matrices", "employee"): "employees",
    ("matrices", "indicator"): "indicators",
    ("daily", "store"): "stores",
    ("seller_days", "store"): "stores",
    ("seller_days", "employee"): "employees",
    ("plans", "store"): "stores",
    ("facts", "employee"): "employees",
    ("facts", "indicator"): "indicators",
    ("inputs", "employee"): "employees",
    ("schedules", "position"): "positions",
}
_HEADERS = {
    "ru": {
        "sources": "Источники",
        "methods": "Методы",
        "units": "Ед.",
        "positions": "Должности",
        "stores": "Магазины",
        "employees": "Сотрудники",
        "indicators": "Показатели",
    },
    "en": {
        "sources": "Sources",
        "methods": "Methods",
        "units": "Units",
        "positions": "Positions",
        "stores": "Stores",
        "employees": "Employees",
        "indicators": "Indicators",
    },
}
_METHODS = {"ru": ("шкала", "отношение", "бинарный"), "en": ("scale", "ratio", "binary")}


@dataclass(frozen=True)
class TemplateLists:
    """The values each drop-down offers (an empty list gets no drop-down)."""

    sources: tuple[str, ...]
    methods: tuple[str, ...]
    units: tuple[str, ...]
    positions: tuple[str, ...] = ()
    stores: tuple[str, ...] = ()
    employees: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        lang: str = "ru",
        *,
        positions: Sequence[str] = (),
        stores: Sequence[str] = (),
        employees: Sequence[str] = (),
        indicators: Sequence[str] = (),
    ) -> TemplateLists:
        """The lists in ``lang``: every source code, the method words, the units, and the
        company's names given."""
        return cls(
            sources=tuple(entry.code for entry in CATALOGUE),
            methods=_METHODS.get(lang, _METHODS["en"]),
            units=tuple(unit for unit in UNITS if unit),
            positions=tuple(positions),
            stores=tuple(stores),
            employees=tuple(employees),
            indicators=tuple(indicators),
        )

    def values(self, name: str) -> tuple[str, ...]:
        """One list by name (``"sources"``, ``"positions"``, …)."""
        found: tuple[str, ...] = getattr(self, name)
        return found


def range_name(name: str) -> str:
    """The workbook-level name of a list's range (``kpidesk_sources``)."""
    return f"kpidesk_{name}"


def add_drop_downs(ws: Any, spec: SheetSpec, fields: Sequence[str], lists: TemplateLists) -> None:
    """List validations on the columns of ``ws`` (written with ``fields``, in order) whose
    values come from a non-empty list."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for number, field in enumerate(fields, start=1):
        name = COLUMN_LISTS.get((spec.kind, field))
        if name is None or not lists.values(name):
            continue
        validation = DataValidation(
            type="list", formula1=range_name(name), allow_blank=True, showErrorMessage=False
        )
        letter = get_column_letter(number)
        validation.add(f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}")
        ws.data_validations.append(validation)


def add_lists_sheet(workbook: Any, lists: TemplateLists, lang: str) -> None:
    """The hidden sheet with one column per non-empty list, each a named range."""
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName

    title = "Списки" if lang == "ru" else "Lists"
    ws = workbook.create_sheet(title)
    ws.sheet_state = "hidden"
    headers = _HEADERS.get(lang, _HEADERS["en"])
    names = [name for name in headers if lists.values(name)]
    columns = [(headers[name], *lists.values(name)) for name in names]
    depth = max((len(column) for column in columns), default=0)
    for row in range(depth):
        ws.append([column[row] if row < len(column) else None for column in columns])
    for number, name in enumerate(names, start=1):
        letter = get_column_letter(number)
        last = len(lists.values(name)) + 1
        reference = f"'{title}'!${letter}${FIRST_ROW}:${letter}${last}"
        workbook.defined_names[range_name(name)] = DefinedName(
            range_name(name), attr_text=reference
        )

"""The Directories section's tables of stores, departments and positions (one model for
the three named kinds), employees and indicators (SPEC §4.9): which items each shows, its
columns and choices, and the service call that writes or removes one.

Must not: write SQL or decide what is valid (``core`` and ``services.directories`` do).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
)

from kpidesk.core.company import Company
from kpidesk.core.indicators import UNITS, IndexMethod, Indicator, Source
from kpidesk.core.money import format_money
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.personnel_numbers import clean_number
from kpidesk.gui.directories.model import Column, DirectoryModel
from kpidesk.reports.source_words import description_text, grouped, label_text
from kpidesk.services import directories
from kpidesk.services.changes import Change
from kpidesk.services.company import CompanyService


def method_label(method: IndexMethod) -> str:
    """An index method as the user reads it."""
    return {
        IndexMethod.SCALE: QCoreApplication.translate("DirectoryModel", "scale (base → norm)"),
        IndexMethod.RATIO: QCoreApplication.translate("DirectoryModel", "ratio (fact / norm)"),
        IndexMethod.BINARY: QCoreApplication.translate("DirectoryModel", "yes / no"),
    }[method]


def source_choices() -> list[tuple[str, str]]:
    """Every source by family, as (label, source text): the name in the user's language
    with the code the workbook uses (``Конверсия магазина (store:conversion)``)."""
    return [
        (label_text(Source.parse(entry.code)), entry.code)
        for _kind, _family, entries in grouped()
        for entry in entries
    ]


class NamedModel(DirectoryModel):
    """A directory of names: stores, departments or positions."""

    def __init__(self, service: CompanyService, kind: str, lang: str = "ru") -> None:
        super().__init__(service, lang)
        self.kind = kind
        self.columns = (Column("name", QCoreApplication.translate("DirectoryModel", "Name")),)

    def all_items(self, company: Company) -> list[Any]:
        return list(getattr(company, f"{self.kind}s"))

    def new_item(self, name: str) -> Store | Department | Position:
        """A new, unsaved entry called ``name``."""
        if self.kind == "store":
            return Store(name)
        if self.kind == "department":
            return Department(name)
        return Position(name)

    def write(self, old: Any | None, new: Any) -> Change:
        save: Callable[[CompanyService, str | None, Any], Change] = getattr(
            directories, f"save_{self.kind}"
        )
        return save(self.service, None if old is None else old.name, new)

    def stored(self, new: Any) -> Any:
        return replace(new, name=" ".join(new.name.split()))

    def remove(self, item: Any) -> tuple[directories.Removal, Change]:
        """Archive or delete the entry."""
        archive: Callable[[CompanyService, str], tuple[directories.Removal, Change]] = getattr(
            directories, f"archive_{self.kind}"
        )
        return archive(self.service, item.name)


# --- employees --------------------------------------------------------------------------------
class EmployeesModel(DirectoryModel):
    """Employees: position, store, department, pay, dates and personnel number."""

    def __init__(self, service: CompanyService, lang: str = "ru") -> None:
        super().__init__(service, lang)
        self.columns = (
            Column("name", QCoreApplication.translate("DirectoryModel", "Name")),
            Column("position", QCoreApplication.translate("DirectoryModel", "Position"), "choice"),
            Column(
                "store",
                QCoreApplication.translate("DirectoryModel", "Store"),
                "choice",
                optional=True,
            ),
            Column(
                "department",
                QCoreApplication.translate("DirectoryModel", "Department"),
                "choice",
                optional=True,
            ),
            Column(
                "fixed_pay", QCoreApplication.translate("DirectoryModel", "Fixed pay, ₽"), "number"
            ),
            Column(
                "target_bonus",
                QCoreApplication.translate("DirectoryModel", "Target bonus, ₽"),
                "number",
            ),
            Column(
                "start",
                QCoreApplication.translate("DirectoryModel", "Start"),
                "date",
                optional=True,
            ),
            Column(
                "end", QCoreApplication.translate("DirectoryModel", "End"), "date", optional=True
            ),
            Column(
                "personnel_number",
                QCoreApplication.translate("DirectoryModel", "Personnel No."),
                optional=True,
            ),
        )

    def all_items(self, company: Company) -> list[Any]:
        # the pay shown and edited is the current one; a change applies from the first
        # open period on (``services.directories.save_employee``)
        return [employee.as_current() for employee in company.employees]

    def tooltip(self, item: Any, key: str) -> str | None:
        """The pay history on the pay cells: the amounts from the start, then each change."""
        stored = self.service.company().employee(item.name)
        if key not in ("fixed_pay", "target_bonus") or stored is None or not stored.rates:
            return None
        lines = [
            QCoreApplication.translate("DirectoryModel", "Pay history:"),
            QCoreApplication.translate("DirectoryModel", "from the start: %1 / %2")
            .replace("%1", format_money(stored.fixed_pay, lang=self.lang))
            .replace("%2", format_money(stored.target_bonus, lang=self.lang)),
        ]
        for rate in stored.rates:
            lines.append(
                QCoreApplication.translate("DirectoryModel", "from %1: %2 / %3")
                .replace("%1", rate.start.code)
                .replace("%2", format_money(rate.fixed_pay, lang=self.lang))
                .replace("%3", format_money(rate.target_bonus, lang=self.lang))
            )
        return "\n".join(lines)

    def choices(self, key: str) -> list[tuple[str, Any]]:
        company = self.service.company()
        named: tuple[Store | Department | Position, ...] = ()
        if key == "position":
            named = company.positions
        elif key == "store":
            named = company.stores
        elif key == "department":
            named = company.departments
        found: list[tuple[str, Any]] = [] if key == "position" else [("—", None)]
        return found + [(entry.name, entry.name) for entry in named if not entry.archived]

    def stored(self, new: Any) -> Any:
        return replace(
            new,
            name=" ".join(new.name.split()),
            personnel_number=clean_number(new.personnel_number),
        )

    def write(self, old: Any | None, new: Any) -> Change:
        return directories.save_employee(self.service, None if old is None else old.name, new)

    def remove(self, item: Employee) -> tuple[directories.Removal, Change]:
        """Archive or delete the employee."""
        return directories.archive_employee(self.service, item.name)


# --- indicators -------------------------------------------------------------------------------
class IndicatorsModel(DirectoryModel):
    """Indicators: code, name, unit, source and index method."""

    def __init__(self, service: CompanyService, lang: str = "ru") -> None:
        super().__init__(service, lang)
        self.columns = (
            Column("code", QCoreApplication.translate("DirectoryModel", "Code")),
            Column("name", QCoreApplication.translate("DirectoryModel", "Name")),
            Column("unit", QCoreApplication.translate("DirectoryModel", "Unit"), "choice"),
            Column("source", QCoreApplication.translate("DirectoryModel", "Source"), "choice"),
            Column("method", QCoreApplication.translate("DirectoryModel", "Method"), "choice"),
        )

    def all_items(self, company: Company) -> list[Any]:
        return list(company.indicators)

    def tooltip(self, item: Any, key: str) -> str | None:
        """The source's one-line description (and its code, the workbook's word)."""
        if key != "source":
            return None
        description = description_text(item.source)
        return f"{description}\n{item.source.text}" if description else item.source.text

    def value(self, item: Any, key: str) -> Any:
        if key == "source":
            return item.source.text
        if key == "method":
            return item.method.value
        return getattr(item, key)

    def with_value(self, item: Any, key: str, value: Any) -> Any:
        if key == "source":
            return replace(item, source=Source.parse(str(value)))
        if key == "method":
            return replace(item, method=IndexMethod(str(value)))
        return replace(item, **{key: value})

    def choices(self, key: str) -> list[tuple[str, Any]]:
        if key == "unit":
            return [
                (unit or QCoreApplication.translate("DirectoryModel", "(none)"), unit)
                for unit in UNITS
            ]
        if key == "source":
            return list(source_choices())
        if key == "method":
            return [(method_label(method), method.value) for method in IndexMethod]
        return []

    def write(self, old: Any | None, new: Any) -> Change:
        return directories.save_indicator(self.service, None if old is None else old.code, new)

    def stored(self, new: Any) -> Any:
        return replace(new, code=new.code.strip(), name=" ".join(new.name.split()))

    def remove(self, item: Indicator) -> tuple[directories.Removal, Change]:
        """Archive or delete the indicator."""
        return directories.archive_indicator(self.service, item.code)


# --- payout schedules -------------------------------------------------------------------------

"""Turning a recognised owner's workbook into interchange content (SPEC §6.1 → §6), so that
it is imported by the same road as an interchange workbook: the same validation (every
bad item located by sheet, row and column), locks, audit and all-or-nothing apply.

What it creates: the stores the logs and labels name, the positions, the employees (an
existing employee keeps what the sheet does not say; a fixed pay or target bonus that
differs from the one in force becomes a raise from that period on), manual indicators for
indicator names the company does not know (matched by name, case and "ё" aside), one
matrix per employee and period (the employee's own, as on the sheet) and the facts of its
manual indicators, and the days of the logs. An employee without a position written beside
the matrix gets the position ``DEFAULT_POSITION``.

Must not: touch the store (the existing company is passed in), or apply anything.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from kpidesk.core.company import Company, CompanyContent, ContentKind
from kpidesk.core.daily import DailyEntry, Fact
from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee, Position, Store
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem, Severity
from kpidesk.io.adopt.model import MatrixBlock, Recognition
from kpidesk.io.adopt.vocabulary import key
from kpidesk.io.cells import UNITS
from kpidesk.io.reader import ReadResult

DEFAULT_POSITION = "Сотрудник"

_UNITS = {**UNITS, "дней": "дн."}  # an owner's sheet also writes the word out
_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "h",
            "ts",
            "ch",
            "sh",
            "sch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


@dataclass(frozen=True)
class SheetKpi:
    """The KPI a sheet computed for an employee and period, to compare with kpidesk's."""

    sheet: str
    row: int | None
    employee: str
    period: Period
    kpi: Decimal


@dataclass(frozen=True)
class Adopted:
    """The content to import (with origins and headers, as the interchange reader gives
    it), plus the sheets' own KPIs."""

    read: ReadResult
    sheet_kpis: tuple[SheetKpi, ...]


def indicator_code(name: str, taken: set[str]) -> str:
    """A code for a new indicator from its name: Latin letters, digits and ``_``
    ("Выручка, ₽" → ``vyruchka``), made unique against ``taken``."""
    latin = "".join(_LATIN.get(ch, ch) for ch in key(name))
    slug = "_".join("".join(ch if ch.isascii() and ch.isalnum() else " " for ch in latin).split())
    slug = slug[:40] or "indicator"
    code, number = slug, 2
    while code in taken:
        code, number = f"{slug}_{number}", number + 1
    taken.add(code)
    return code


def adopted_content(recognition: Recognition, existing: Company) -> Adopted:
    """The interchange content of everything recognised (blocks without an employee or a
    period are left out: their problem is already among the recognition's)."""
    builder = _Builder(existing)
    for sheet in recognition.sheets:
        for block in sorted(sheet.blocks, key=lambda b: (b.period is None, b.period)):
            if block.employee and block.period is not None and block.lines:
                builder.block(sheet.name, block)
        for log in sheet.logs:
            for day in log.days:
                builder.store(day.store)
                builder.add(
                    "daily",
                    DailyEntry(
                        day.store, day.day, day.revenue, day.receipts, day.visitors, day.units
                    ),
                    Location(sheet=sheet.name, row=day.row),
                )
        for table in sheet.tables:
            builder.headers.setdefault(sheet.name, {}).update(table.mapping)
    return builder.result(recognition)


class _Builder:
    def __init__(self, existing: Company) -> None:
        self.existing = existing
        self.items: dict[ContentKind, list[object]] = {}
        self.origins: dict[tuple[ContentKind, int], Location] = {}
        self.headers: dict[str, dict[str, str]] = {}
        self.problems: list[Problem] = []
        self.kpis: list[SheetKpi] = []
        self.stores = {s.name for s in existing.stores}
        self.positions = {p.name for p in existing.positions}
        self.employees: dict[str, Employee] = {e.name: e for e in existing.employees}
        self.changed: dict[str, Location] = {}
        self.indicators = {key(i.name): i for i in existing.indicators}
        self.indicators.update({key(i.code): i for i in existing.indicators})
        self.codes = {i.code for i in existing.indicators}

    def add(self, kind: ContentKind, item: object, where: Location) -> int:
        items = self.items.setdefault(kind, [])
        items.append(item)
        self.origins[(kind, len(items) - 1)] = where
        return len(items) - 1

    def store(self, name: str | None) -> None:
        if name and name not in self.stores:
            self.stores.add(name)
            self.add("stores", Store(name), Location())

    def position(self, name: str) -> None:
        if name not in self.positions:
            self.positions.add(name)
            self.add("positions", Position(name), Location())

    def block(self, sheet: str, block: MatrixBlock) -> None:
        assert block.employee is not None and block.period is not None
        where = Location(sheet=sheet, row=block.table.row)
        self.employee(block, where)
        rows: list[MatrixRow] = []
        origins: list[Location] = []
        facts: list[tuple[Fact, Location]] = []
        for line in block.lines:
            indicator = self.indicator(line.indicator, line.unit, line.method, sheet, line.row)
            rows.append(MatrixRow(indicator.code, line.weight, line.base, line.norm, line.target))
            origins.append(Location(sheet=sheet, row=line.row))
            if line.fact is None:
                continue
            fact_where = Location(sheet=sheet, row=line.row, field="fact")
            if indicator.source.is_manual:
                facts.append(
                    (Fact(block.period, block.employee, indicator.code, line.fact), fact_where)
                )
            else:
                self.problems.append(
                    Problem(
                        code="adopt_fact_computed",
                        message=f"'{indicator.name}' is computed by kpidesk "
                        f"({indicator.source.text}); the sheet's fact is not imported",
                        where=fact_where,
                        value=str(line.fact),
                        severity=Severity.WARNING,
                        params=(("indicator", indicator.name),),
                    )
                )
        matrix = Matrix(block.period, tuple(rows), employee=block.employee)
        index = self.add("matrices", matrix, replace(origins[0], row=origins[0].row))
        for j, origin in enumerate(origins):
            self.origins[(f"matrices/{index}", j)] = origin
        for fact, fact_where in facts:
            self.add("facts", fact, fact_where)
        if block.sheet_kpi is not None:
            self.kpis.append(
                SheetKpi(sheet, block.total_row, block.employee, block.period, block.sheet_kpi)
            )

    def employee(self, block: MatrixBlock, where: Location) -> None:
        assert block.employee is not None and block.period is not None
        found = self.employees.get(block.employee)
        position = block.position or (found.position if found else DEFAULT_POSITION)
        store = block.store or (found.store if found else None)
        self.position(position)
        self.store(store)
        if found is None:
            employee = Employee(
                block.employee,
                position,
                store,
                fixed_pay=block.fixed_pay or Decimal(0),
                target_bonus=block.target_bonus or Decimal(0),
            )
        else:
            employee = replace(found, position=position, store=store)
            current = found.in_period(block.period)
            fixed = block.fixed_pay if block.fixed_pay is not None else current.fixed_pay
            bonus = block.target_bonus if block.target_bonus is not None else current.target_bonus
            if (fixed, bonus) != (current.fixed_pay, current.target_bonus):
                employee = employee.with_pay(fixed, bonus, block.period)
        if employee != found:
            self.employees[block.employee] = employee
            self.changed[block.employee] = where

    def indicator(self, name: str, unit: str, method: object, sheet: str, row: int) -> Indicator:
        found = self.indicators.get(key(name))
        if found is not None:
            if found.method != method:
                self.problems.append(
                    Problem(
                        code="adopt_method_differs",
                        message=f"the sheet's index of '{name}' follows the {method} method, "
                        f"the company's indicator uses {found.method.value}",
                        where=Location(sheet=sheet, row=row),
                        severity=Severity.WARNING,
                        params=(("indicator", name), ("method", found.method.value)),
                    )
                )
            return found
        from kpidesk.core.indicators import IndexMethod

        assert isinstance(method, IndexMethod)
        indicator = Indicator(
            indicator_code(name, self.codes), name, _UNITS.get(key(unit), ""), method=method
        )
        self.indicators[key(name)] = indicator
        self.add("indicators", indicator, Location(sheet=sheet, row=row))
        return indicator

    def result(self, recognition: Recognition) -> Adopted:
        for name, where in self.changed.items():
            self.add("employees", self.employees[name], where)
        items = self.items
        content = CompanyContent(
            stores=tuple(items.get("stores", ())),  # type: ignore[arg-type]
            positions=tuple(items.get("positions", ())),  # type: ignore[arg-type]
            employees=tuple(items.get("employees", ())),  # type: ignore[arg-type]
            indicators=tuple(items.get("indicators", ())),  # type: ignore[arg-type]
            matrices=tuple(items.get("matrices", ())),  # type: ignore[arg-type]
            facts=tuple(items.get("facts", ())),  # type: ignore[arg-type]
            daily=tuple(items.get("daily", ())),  # type: ignore[arg-type]
            origins=self.origins,
        )
        problems = [*recognition.all_problems, *self.problems]
        return Adopted(ReadResult(content, problems, self.headers), tuple(self.kpis))

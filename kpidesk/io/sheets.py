"""The layout of the interchange workbook (SPEC §6): sheets, their columns, and the English
and Russian header texts, shared by the reader and the writer.

Each column has a ``field`` (the attribute it fills, e.g. ``"weight"``) so that a problem
found later with ``Location.field`` can be shown under the header the file used.
Sheets beyond SPEC §6 (``Positions``, ``Departments``, ``Plans``, ``Sales by seller``,
``Inputs``, ``Duties``) carry data the spec's sheets cannot, so that an export reads back whole.
The sheets' names are :mod:`kpidesk.io.sheet_names`' (the safety scan needs them before its
child forks, without this module's dataclasses).
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.io.sheet_names import SHEET_NAMES, kind_for_name
from kpidesk.io.sheet_names import is_read as is_read
from kpidesk.io.sheet_names import normalize as normalize


@dataclass(frozen=True)
class Column:
    """One column of a sheet: which field it fills and its headers in both languages."""

    field: str
    en: str
    ru: str
    required: bool = True  # the header must be present (cells may still be optional)
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        """The header text in ``lang`` ("ru" or "en")."""
        return self.ru if lang == "ru" else self.en

    def both(self) -> str:
        """``'Weight' / 'Вес'`` for messages."""
        return f"'{self.en}' / '{self.ru}'"


@dataclass(frozen=True)
class SheetSpec:
    """One sheet: ``kind`` is the ``CompanyContent`` attribute it fills (``company`` fills
    the company name and pay period)."""

    kind: str
    en: str
    ru: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        """The sheet name in ``lang``."""
        return self.ru if lang == "ru" else self.en

    def column(self, field: str) -> Column:
        """The column that fills ``field``."""
        for column in self.columns:
            if column.field == field:
                return column
        raise KeyError(field)


def _sheet(kind: str, columns: tuple[Column, ...]) -> SheetSpec:
    """The sheet of ``kind``, named as :data:`~kpidesk.io.sheet_names.SHEET_NAMES` says."""
    en, ru, aliases = SHEET_NAMES[kind]
    return SheetSpec(kind, en, ru, columns, aliases)


def _c(field: str, en: str, ru: str, *aliases: str, required: bool = True) -> Column:
    return Column(field, en, ru, required, aliases)


_ARCHIVED = _c("archived", "Archived", "В архиве", "архив", required=False)
_NAME = _c("name", "Name", "Название", "наименование")

COMPANY = _sheet(
    "company",
    (_NAME, _c("pay_period", "Pay period", "Период выплат", required=False)),
)
STORES = _sheet("stores", (_NAME, _ARCHIVED))
DEPARTMENTS = _sheet("departments", (_NAME, _ARCHIVED))
POSITIONS = _sheet("positions", (_NAME, _ARCHIVED))
EMPLOYEES = _sheet(
    "employees",
    (
        _c(
            "personnel_number",
            "Personnel number",
            "Табельный номер",
            "таб. номер",
            "таб. №",
            "табельный №",
            required=False,
        ),
        _c("name", "Name", "ФИО", "сотрудник", "employee"),
        _c("position", "Position", "Должность"),
        _c("store", "Store", "Магазин", required=False),
        _c("department", "Department", "Отдел", required=False),
        _c("fixed_pay", "Fixed pay", "Оклад", "salary"),
        _c("target_bonus", "Target bonus", "Премия", "bonus", "целевая премия"),
        _c("start", "Start", "Начало", "дата приема", "дата приёма", required=False),
        _c("end", "End", "Окончание", "дата увольнения", required=False),
        _ARCHIVED,
        # a row with a period is the employee's pay from that period on (SPEC §2.1)
        _c("from", "From", "С периода", "с", required=False),
    ),
)
INDICATORS = _sheet(
    "indicators",
    (
        _c("code", "Code", "Код"),
        _NAME,
        _c("unit", "Unit", "Ед.", "ед", "единица", "единица измерения", required=False),
        _c("source", "Source", "Источник", required=False),
        _c("method", "Method", "Метод", required=False),
        _ARCHIVED,
    ),
)
MATRICES = _sheet(
    "matrices",
    (
        _c("period", "Period", "Период"),
        _c("position", "Position", "Должность", required=False),
        _c("employee", "Employee", "Сотрудник", required=False),
        _c("indicator", "Indicator", "Показатель"),
        _c("weight", "Weight", "Вес"),
        _c("base", "Base", "База", required=False),
        _c("norm", "Norm", "Норма"),
        _c("target", "Target", "Цель", required=False),
    ),
)
SCHEDULES = _sheet(
    "schedules",
    (
        _c("threshold", "Threshold", "Порог"),
        _c("coefficient", "Coefficient", "Коэффициент"),
        _c("position", "Position", "Должность", required=False),
        _c("kind", "Kind", "Вид", "type", "тип", required=False),
        _c("per_indicator", "Per indicator", "По показателям", required=False),
    ),
)
DAILY = _sheet(
    "daily",
    (
        _c("day", "Date", "Дата"),
        _c("store", "Store", "Магазин"),
        _c("revenue", "Revenue", "Выручка"),
        _c("receipts", "Receipts", "Чеки", "checks"),
        _c("visitors", "Visitors", "Посетители"),
        _c("units", "Units", "Единицы", required=False),
        _c("returns", "Returns", "Возвраты", required=False),
    ),
)
SELLER_DAYS = _sheet(
    "seller_days",
    (
        _c("day", "Date", "Дата"),
        _c("store", "Store", "Магазин"),
        _c("employee", "Employee", "Сотрудник", "seller", "продавец"),
        _c("revenue", "Revenue", "Выручка"),
        _c("receipts", "Receipts", "Чеки", "checks"),
        _c("units", "Units", "Единицы", required=False),
    ),
)
PLANS = _sheet(
    "plans",
    (
        _c("period", "Period", "Период"),
        _c("store", "Store", "Магазин"),
        _c("revenue", "Revenue plan", "План выручки", "plan", "план"),
    ),
)
FACTS = _sheet(
    "facts",
    (
        _c("period", "Period", "Период"),
        _c("employee", "Employee", "Сотрудник"),
        _c("indicator", "Indicator", "Показатель"),
        _c("value", "Fact", "Факт"),
    ),
)
INPUTS = _sheet(
    "inputs",
    (
        _c("period", "Period", "Период"),
        _c("employee", "Employee", "Сотрудник"),
        _c("name", "Input", "Параметр"),
        _c("value", "Value", "Значение"),
    ),
)
DUTIES = _sheet(
    "duty_templates",
    (
        _c("position", "Position", "Должность", required=False),
        _c("employee", "Employee", "Сотрудник", required=False),
        _c("title", "Title", "Название", "обязанность", "duty"),
        _c("controller", "Controller", "Контролёр", "контролер", "контроллер"),
        _c("due_day", "Due day", "День срока", "срок", "due", required=False),
        _c("description", "Description", "Описание", required=False),
    ),
)
TASKS = _sheet(
    "tasks",
    (
        _c("title", "Title", "Название", "задача", "task"),
        _c("kind", "Kind", "Вид", "type", "тип"),
        _c("assignee", "Assignee", "Исполнитель"),
        _c("controller", "Controller", "Контролёр", "контролер", "контроллер"),
        _c("period", "Period", "Период"),
        _c("due", "Due", "Срок", "due date", "срок выполнения", required=False),
        _c("status", "Status", "Статус"),
        _c("done_on", "Done on", "Выполнена", "дата выполнения", required=False),
        _c("accepted_on", "Accepted on", "Принята", "дата приемки", required=False),
        _c("description", "Description", "Описание", required=False),
        _c("comment", "Comment", "Комментарий", required=False),
    ),
)

# Write order; the reader accepts any order.
SHEETS: tuple[SheetSpec, ...] = (
    COMPANY,
    STORES,
    DEPARTMENTS,
    POSITIONS,
    EMPLOYEES,
    INDICATORS,
    MATRICES,
    SCHEDULES,
    DAILY,
    SELLER_DAYS,
    PLANS,
    FACTS,
    INPUTS,
    DUTIES,
    TASKS,
)

SHEET_BY_KIND: dict[str, SheetSpec] = {spec.kind: spec for spec in SHEETS}


def sheet_for_name(name: str) -> SheetSpec | None:
    """The sheet spec a workbook sheet name stands for (either language), or ``None``."""
    kind = kind_for_name(name)
    return None if kind is None else SHEET_BY_KIND[kind]


def header_keys(column: Column) -> set[str]:
    """Every normalized header text that names ``column``."""
    return {normalize(column.en), normalize(column.ru), *map(normalize, column.aliases)}

"""Editable table models of the Directories section: stores, departments, positions,
employees, indicators, payout schedules and a schedule's steps (SPEC §4.9).

Each cell edit builds the changed item and hands it to ``services.directories`` (one
transaction, audited); a refused edit keeps the typed text in the cell in red with the
reason in its tooltip (and ``last_error`` for the message line) until the cell is edited
again. Archived items are greyed and hidden unless "show archived" is on.

Must not: write SQL or decide what is valid (``core`` and the services do).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kpidesk.core.company import Company
from kpidesk.core.indicators import KNOWN_METRICS, UNITS, IndexMethod, Indicator, Source
from kpidesk.core.money import HUNDRED, format_money, format_number, parse_number
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import parse_date
from kpidesk.gui.numbers import edit_text
from kpidesk.gui.problem_text import error_text
from kpidesk.services import directories
from kpidesk.services.changes import Change
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError

AnyIndex = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1  # [(label, value)] for a choice cell's editor
_ERROR = QColor("#f8d7da")
_ARCHIVED = QColor("#9e9e9e")


@dataclass(frozen=True)
class Column:
    """One column: its key, header and how its cells are typed.

    ``kind``: ``text``, ``number`` (money or a coefficient), ``ratio`` (a share typed as
    ``80%``), ``date`` (``dd.MM.yyyy``), ``choice`` (a combo box), ``check`` (a box).
    """

    key: str
    header: str
    kind: str = "text"
    optional: bool = False


def method_label(method: IndexMethod) -> str:
    """An index method as the user reads it."""
    return {
        IndexMethod.SCALE: QCoreApplication.translate("DirectoryModel", "scale (base → norm)"),
        IndexMethod.RATIO: QCoreApplication.translate("DirectoryModel", "ratio (fact / norm)"),
        IndexMethod.BINARY: QCoreApplication.translate("DirectoryModel", "yes / no"),
    }[method]


def source_choices() -> list[tuple[str, str]]:
    """``manual`` and every known computed metric, as (label, source text)."""
    choices = [(QCoreApplication.translate("DirectoryModel", "manual (typed in)"), "manual")]
    for kind, metrics in KNOWN_METRICS.items():
        choices += [(f"{kind.value}:{metric}", f"{kind.value}:{metric}") for metric in metrics]
    return choices


class DirectoryModel(QAbstractTableModel):
    """Base of the directory tables: items, archived filter, refused cells, saving.

    Signals:
        saved(object): a change was committed (the ``Change`` to publish).
    """

    saved = Signal(object)
    columns: tuple[Column, ...] = ()

    def __init__(self, service: CompanyService, lang: str = "ru") -> None:
        super().__init__()
        self.service = service
        self.lang = lang
        self.show_archived = False
        self.last_error: str | None = None
        self.items: list[Any] = []
        self._refused: dict[tuple[int, int], tuple[str, str]] = {}

    # --- what subclasses provide --------------------------------------------------------------
    def all_items(self, company: Company) -> list[Any]:
        """Every item of the directory, archived ones included."""
        raise NotImplementedError

    def value(self, item: Any, key: str) -> Any:
        """A cell's raw value."""
        return getattr(item, key)

    def with_value(self, item: Any, key: str, value: Any) -> Any:
        """The item with one value changed."""
        return replace(item, **{key: value})

    def write(self, old: Any | None, new: Any) -> Change:
        """Save through the service; raises ``UserError``."""
        raise NotImplementedError

    def choices(self, key: str) -> list[tuple[str, Any]]:
        """The (label, value) pairs of a choice column."""
        return []

    def is_archived(self, item: Any) -> bool:
        """Whether the item is archived."""
        return bool(getattr(item, "archived", False))

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the directory from the company."""
        self.beginResetModel()
        items = self.all_items(self.service.company())
        self.items = [i for i in items if self.show_archived or not self.is_archived(i)]
        self._refused.clear()
        self.endResetModel()

    def set_show_archived(self, show: bool) -> None:
        """Show or hide archived items."""
        self.show_archived = show
        self.reload()

    # --- editing ------------------------------------------------------------------------------
    def parse(self, column: Column, value: object) -> Any:
        """Typed text (or a chosen value) → the raw value; raises ``ValueError`` with the
        reason in the user's language."""
        if column.kind == "choice" or column.kind == "check":
            return value
        text = "" if value is None else str(value).strip()
        if not text:
            if column.optional:
                return None
            if column.kind == "text":
                return ""
            raise ValueError(
                QCoreApplication.translate("DirectoryModel", "%1 cannot be empty.").replace(
                    "%1", column.header
                )
            )
        try:
            if column.kind == "number":
                return parse_number(text)
            if column.kind == "ratio":
                number = parse_number(text.rstrip("%"))
                return number / HUNDRED if text.endswith("%") or number > 5 else number
            if column.kind == "date":
                return parse_date(text)
        except ValueError:
            if column.kind == "date":
                raise ValueError(
                    QCoreApplication.translate(
                        "DirectoryModel", "'%1' is not a date (expected dd.mm.yyyy)."
                    ).replace("%1", text)
                ) from None
            raise ValueError(
                QCoreApplication.translate("DirectoryModel", "'%1' is not a number.").replace(
                    "%1", text
                )
            ) from None
        return text

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "check":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        row = index.row()
        item = self.items[row]
        key = (row, index.column())
        try:
            parsed = self.parse(column, value)
            new = self.with_value(item, column.key, parsed)
            if new == item:
                self._refused.pop(key, None)
                return True
            change = self.write(item, new)
        except (ValueError, UserError) as error:
            reason = error_text(error, self.lang) if isinstance(error, UserError) else str(error)
            self._refused[key] = ("" if value is None else str(value), reason)
            self.last_error = f"{self.display_name(item)}, {column.header}: {reason}"
            self.dataChanged.emit(index, index)
            return False
        self._refused.pop(key, None)
        self.items[row] = self.stored(new)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.saved.emit(change)
        return True

    def stored(self, new: Any) -> Any:
        """The item as saved (re-read from the company, e.g. a cleaned-up name)."""
        return new

    def display_name(self, item: Any) -> str:
        """How the item is named in messages."""
        return str(self.value(item, self.columns[0].key))

    # --- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.kind == "check":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def text(self, column: Column, value: Any) -> str | None:
        """A raw value as shown."""
        if column.kind == "choice":
            for label, choice in self.choices(column.key):
                if choice == value:
                    return label
            return None if value is None else str(value)
        if value is None:
            return None
        if column.kind == "number" and isinstance(value, Decimal):
            return format_money(value, lang=self.lang, symbol=False)
        if column.kind == "ratio" and isinstance(value, Decimal):
            return format_number(value * HUNDRED, None, lang=self.lang) + "%"
        if column.kind == "date" and isinstance(value, date):
            return f"{value:%d.%m.%Y}"
        if column.kind == "check":
            return None
        return str(value)

    def edit_value(self, column: Column, value: Any) -> object:
        """A raw value as it appears in an editor (and in a copy)."""
        if column.kind == "number" and isinstance(value, Decimal):
            return edit_text(value, self.lang)
        if column.kind in ("choice", "check"):
            return value
        return self.text(column, value) or ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        item = self.items[index.row()]
        column = self.columns[index.column()]
        value = self.value(item, column.key)
        refused = self._refused.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.DisplayRole:
            return refused[0] if refused else self.text(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_value(column, value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == CHOICES_ROLE:
            return self.choices(column.key) if column.kind == "choice" else None
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "check":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if refused:
                return refused[1]
            return (
                QCoreApplication.translate("DirectoryModel", "Archived")
                if self.is_archived(item)
                else None
            )
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return QBrush(_ERROR)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_archived(item):
            return QBrush(_ARCHIVED)
        if role == Qt.ItemDataRole.FontRole and self.is_archived(item):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("number", "ratio"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --- stores, departments, positions -----------------------------------------------------------
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
    """Employees: position, store, department, pay and dates."""

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
        )

    def all_items(self, company: Company) -> list[Any]:
        return list(company.employees)

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
        return replace(new, name=" ".join(new.name.split()))

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
DEFAULT_STEPS = tuple(
    PayoutStep(Decimal(t), Decimal(c))
    for t, c in (("0.8", "0.5"), ("0.9", "0.8"), ("1", "1"), ("1.2", "1.2"))
)


class SchedulesModel(DirectoryModel):
    """Payout schedules: the company's first (the default one when none is stored), then
    each position's."""

    def __init__(self, service: CompanyService, lang: str = "ru") -> None:
        super().__init__(service, lang)
        self.columns = (
            Column(
                "position", QCoreApplication.translate("DirectoryModel", "Applies to"), "choice"
            ),
            Column("kind", QCoreApplication.translate("DirectoryModel", "Kind"), "choice"),
            Column("threshold", QCoreApplication.translate("DirectoryModel", "Threshold"), "ratio"),
            Column(
                "cap", QCoreApplication.translate("DirectoryModel", "Cap"), "ratio", optional=True
            ),
            Column(
                "per_indicator",
                QCoreApplication.translate("DirectoryModel", "Per indicator"),
                "check",
            ),
        )

    def all_items(self, company: Company) -> list[Any]:
        stored = list(company.schedules)
        if not any(s.position is None for s in stored):
            stored.insert(0, PayoutSchedule())
        return sorted(stored, key=lambda s: (s.position is not None, s.position or ""))

    def value(self, item: Any, key: str) -> Any:
        if key == "kind":
            return item.kind.value
        return getattr(item, key)

    def with_value(self, item: Any, key: str, value: Any) -> Any:
        if key == "kind":
            kind = PayoutKind(str(value))
            steps = item.steps or (DEFAULT_STEPS if kind is PayoutKind.STEPS else ())
            return replace(item, kind=kind, steps=steps)
        return replace(item, **{key: value})

    def choices(self, key: str) -> list[tuple[str, Any]]:
        if key == "kind":
            return [
                (
                    QCoreApplication.translate("DirectoryModel", "linear (threshold, cap)"),
                    PayoutKind.LINEAR.value,
                ),
                (QCoreApplication.translate("DirectoryModel", "steps"), PayoutKind.STEPS.value),
            ]
        if key == "position":
            positions = self.service.company().positions
            return [(QCoreApplication.translate("DirectoryModel", "Company (everyone)"), None)] + [
                (p.name, p.name) for p in positions if not p.archived
            ]
        return []

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key == "position":
            return flags & ~Qt.ItemFlag.ItemIsEditable
        return flags

    def write(self, old: Any | None, new: Any) -> Change:
        return directories.save_schedule(self.service, new)

    def display_name(self, item: Any) -> str:
        return item.position or QCoreApplication.translate("DirectoryModel", "Company (everyone)")

    def is_archived(self, item: Any) -> bool:
        return False

    def schedule(self, row: int) -> PayoutSchedule | None:
        """The schedule shown in ``row``."""
        return self.items[row] if 0 <= row < len(self.items) else None

    def replace_schedule(self, row: int, schedule: PayoutSchedule) -> str | None:
        """Save a changed schedule (e.g. its steps); the reason when refused."""
        try:
            change = self.write(self.items[row], schedule)
        except UserError as error:
            return error_text(error, self.lang)
        self.items[row] = replace(schedule, steps=tuple(sorted(schedule.steps)))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.saved.emit(change)
        return None


class StepsModel(QAbstractTableModel):
    """The steps of one payout schedule: threshold (a KPI, typed as ``90%``) → coefficient.
    Each edit saves the whole schedule through :class:`SchedulesModel`."""

    def __init__(self, schedules: SchedulesModel) -> None:
        super().__init__()
        self.schedules = schedules
        self.row = -1
        self.steps: list[PayoutStep] = []
        self.last_error: str | None = None

    def show(self, row: int) -> None:
        """Show the steps of the schedule in ``row`` of the schedules table."""
        self.beginResetModel()
        self.row = row
        schedule = self.schedules.schedule(row)
        self.steps = list(schedule.steps) if schedule is not None else []
        self.endResetModel()

    def _save(self, steps: list[PayoutStep]) -> str | None:
        schedule = self.schedules.schedule(self.row)
        if schedule is None:
            return QCoreApplication.translate("DirectoryModel", "Choose a schedule first.")
        refusal = self.schedules.replace_schedule(self.row, replace(schedule, steps=tuple(steps)))
        if refusal is None:
            self.show(self.row)
        return refusal

    def add_step(self) -> str | None:
        """Add a step 10 % above the last one."""
        last = self.steps[-1] if self.steps else PayoutStep(Decimal("0.7"), Decimal(0))
        step = PayoutStep(last.threshold + Decimal("0.1"), last.coefficient)
        return self._save([*self.steps, step])

    def remove_step(self, row: int) -> str | None:
        """Remove a step."""
        if not 0 <= row < len(self.steps):
            return None
        return self._save([s for i, s in enumerate(self.steps) if i != row])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (
                QCoreApplication.translate("DirectoryModel", "From KPI"),
                QCoreApplication.translate("DirectoryModel", "Coefficient"),
            )[section]
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self.steps)):
            return None
        step = self.steps[index.row()]
        lang = self.schedules.lang
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return format_number(step.threshold * HUNDRED, None, lang=lang) + "%"
            return format_number(step.coefficient, None, lang=lang)
        if role == Qt.ItemDataRole.EditRole:
            if index.column() == 0:
                return format_number(step.threshold * HUNDRED, None, lang=lang) + "%"
            return edit_text(step.coefficient, lang)
        if role == Qt.ItemDataRole.UserRole:
            return step.threshold if index.column() == 0 else step.coefficient
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = "" if value is None else str(value).strip()
        try:
            number = parse_number(text.rstrip("%"))
        except ValueError:
            self.last_error = QCoreApplication.translate(
                "DirectoryModel", "'%1' is not a number."
            ).replace("%1", text)
            return False
        step = self.steps[index.row()]
        if index.column() == 0:
            threshold = number / HUNDRED if text.endswith("%") or number > 5 else number
            step = PayoutStep(threshold, step.coefficient)
        else:
            step = PayoutStep(step.threshold, number)
        steps = list(self.steps)
        steps[index.row()] = step
        refusal = self._save(steps)
        if refusal is not None:
            self.last_error = refusal
            return False
        return True

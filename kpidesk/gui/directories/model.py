"""The base of the Directories section's editable tables (SPEC §4.9): :class:`Column` (how
a column's cells are typed) and :class:`DirectoryModel`, which shows a directory's items,
parses typed cells and hands each changed item to ``services.directories`` (one
transaction, audited). A refused edit keeps the typed text in the cell in red with the
reason in its tooltip (and ``last_error`` for the message line) until the cell is edited
again. Archived items are greyed and hidden unless "show archived" is on.

The kinds of directory are in ``directory_kinds`` (stores, departments, positions,
employees, indicators) and ``payout_schedule_models`` (schedules and their steps).

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
from kpidesk.core.money import HUNDRED, format_money, format_number, parse_number
from kpidesk.core.periods import parse_date
from kpidesk.gui.widgets.cell_delegates import CHOICES_ROLE
from kpidesk.gui.widgets.numbers import edit_text
from kpidesk.reports.problem_text import error_text
from kpidesk.services.changes import Change
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError

AnyIndex = QModelIndex | QPersistentModelIndex
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


class DirectoryModel(QAbstractTableModel):
    """Base of the directory tables: items, archived filter, refused cells, saving.

    Signals:
        saved(object): a change was committed (the ``Change``, already announced).

    ``run`` carries every write to the window's one announcing wrapper
    (``AppContext.run``); the section sets it.
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
        self.run: Callable[[Callable[[], Change]], Change] = lambda write: write()

    # --- what subclasses provide --------------------------------------------------------------
    # Every item of the directory, archived ones included.
    all_items: Callable[[Company], list[Any]]
    # Save an item through the service (``old`` None = a new item); raises ``UserError``.
    write: Callable[[Any | None, Any], Change]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        missing = [
            name for name in ("all_items", "write") if not callable(getattr(cls, name, None))
        ]
        if missing:
            raise TypeError(f"{cls.__name__} must define {', '.join(missing)}")

    def tooltip(self, item: Any, key: str) -> str | None:
        """A cell's tooltip (subclasses: e.g. an employee's pay history)."""
        return None

    def value(self, item: Any, key: str) -> Any:
        """A cell's raw value."""
        return getattr(item, key)

    def with_value(self, item: Any, key: str, value: Any) -> Any:
        """The item with one value changed."""
        return replace(item, **{key: value})

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
            change = self.run(lambda: self.write(item, new))
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
            if self.is_archived(item):
                return QCoreApplication.translate("DirectoryModel", "Archived")
            return self.tooltip(item, column.key)
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

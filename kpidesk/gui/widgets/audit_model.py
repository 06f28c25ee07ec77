"""``AuditTableModel``: a read-only table of audit entries — when (local time,
``dd.MM.yyyy HH:mm``), who, what was done to which item, and the value from → to. Used by
the audit viewer and by the daily form's trail of one day."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from kpidesk.gui.widgets.titled_table import TitledTableModel
from kpidesk.services.audit import AuditEntry

AnyIndex = QModelIndex | QPersistentModelIndex
_BULK = re.compile(r"added (\d+) (\w+) rows")
_ROWS = re.compile(r"(\d+) rows")


class AuditTableModel(TitledTableModel):
    """Audit entries, newest first; the raw ``AuditEntry`` under ``Qt.UserRole``."""

    WHEN, WHO, ACTION, KIND, ITEM, FIELD, OLD, NEW = range(8)
    COLUMNS = 8

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._entries: list[AuditEntry] = []

    # --- content ----------------------------------------------------------------------
    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        """Show these entries."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> AuditEntry:
        """The entry shown in ``row``."""
        return self._entries[row]

    # --- texts ------------------------------------------------------------------------
    def action_text(self, action: str) -> str:
        """A translated audit action."""
        names = {
            "add": self.tr("added"),
            "change": self.tr("changed"),
            "delete": self.tr("deleted"),
            "rename": self.tr("renamed"),
            "archive": self.tr("archived"),
            "lock": self.tr("locked"),
            "reopen": self.tr("reopened"),
            "meta": self.tr("settings"),
        }
        return names.get(action, action)

    def kind_text(self, entity: str) -> str:
        """A translated audited entity."""
        names = {
            "daily": self.tr("daily data"),
            "seller_day": self.tr("seller's day"),
            "fact": self.tr("fact"),
            "plan": self.tr("plan"),
            "input": self.tr("period input"),
            "matrix": self.tr("matrix"),
            "period": self.tr("period"),
            "employee": self.tr("employee"),
            "store": self.tr("store"),
            "department": self.tr("department"),
            "position": self.tr("position"),
            "indicator": self.tr("indicator"),
            "schedule": self.tr("payout schedule"),
            "company": self.tr("company"),
        }
        return names.get(entity, entity)

    def field_text(self, field: str | None) -> str:
        """A translated field name (``reason`` of a reopening, a daily measure, …)."""
        if field is None:
            return ""
        names = {
            "revenue": self.tr("revenue"),
            "receipts": self.tr("receipts"),
            "visitors": self.tr("visitors"),
            "units": self.tr("units"),
            "returns": self.tr("returns"),
            "value": self.tr("value"),
            "reason": self.tr("reason"),
        }
        return names.get(field, field)

    def new_text(self, entry: AuditEntry) -> str:
        """The value after; a bulk addition's summary ("added 339 daily rows") translated."""
        match = _BULK.fullmatch(entry.new or "")
        if entry.action == "add" and match is not None:
            text = self.tr("added %1 rows: %2").replace("%1", match[1])
            return text.replace("%2", self.kind_text(match[2]))
        rows = _ROWS.fullmatch(entry.new or "")
        if rows is not None:
            return self.tr("%1 rows").replace("%1", rows[1])
        return entry.new or ""

    # --- the model --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.OLD, self.NEW):
            return entry.old if index.column() == self.OLD else entry.new
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.WHEN:
            return entry.at.astimezone().strftime("%d.%m.%Y %H:%M")
        if column == self.WHO:
            return entry.actor
        if column == self.ACTION:
            return self.action_text(entry.action)
        if column == self.KIND:
            return self.kind_text(entry.entity)
        if column == self.ITEM:
            return entry.key
        if column == self.FIELD:
            return self.field_text(entry.field)
        if column == self.OLD:
            return entry.old or ""
        if column == self.NEW:
            return self.new_text(entry)
        return None

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Who"),
            self.tr("Action"),
            self.tr("Kind"),
            self.tr("Item"),
            self.tr("Field"),
            self.tr("Was"),
            self.tr("Became"),
        )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

"""What is saved for a store's day, under the daily entry form (SPEC §4.3): the saved
values in one line and the day's audit trail (who changed what, when).

Must not: read the database (the section passes the saved day and the trail's entries from
``services.daily_entry``) or change anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from kpidesk.core.daily import DailyEntry
from kpidesk.gui.widgets.audit_model import AuditTableModel
from kpidesk.gui.widgets.daily_entry_text import count_text, money_text
from kpidesk.services.audit import AuditEntry


class DayRecord(QWidget):
    """The saved day in a line and the table of its changes."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        left = QVBoxLayout(self)
        left.setContentsMargins(0, 0, 0, 0)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("daily_saved")
        self.saved_label.setWordWrap(True)
        left.addWidget(self.saved_label)
        trail_title = QLabel(self.tr("Changes of this day"), self)
        trail_title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        left.addWidget(trail_title)
        self.trail_model = AuditTableModel(self)
        self.trail = QTableView(self)
        self.trail.setObjectName("daily_trail")
        self.trail.setModel(self.trail_model)
        self.trail.verticalHeader().hide()
        self.trail.setWordWrap(False)
        self.trail.horizontalHeader().setStretchLastSection(True)
        self.trail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.trail.setMinimumHeight(120)
        left.addWidget(self.trail, 1)

    def show_day(self, saved: DailyEntry | None, entries: Sequence[AuditEntry]) -> None:
        """Show the saved day (``None``: nothing saved yet) and its trail."""
        lang = self.lang
        if saved is not None:
            parts = [
                self.tr("revenue %1").replace("%1", money_text(saved.revenue, lang)),
                self.tr("receipts %1").replace("%1", count_text(saved.receipts, lang)),
                self.tr("visitors %1").replace("%1", count_text(saved.visitors, lang)),
                self.tr("units %1").replace("%1", count_text(saved.units, lang)),
            ]
            if saved.returns is not None:
                parts.append(self.tr("returns %1").replace("%1", money_text(saved.returns, lang)))
            self.saved_label.setText(self.tr("Saved: %1").replace("%1", " · ".join(parts)))
        else:
            self.saved_label.setText(self.tr("Nothing saved for this day yet."))
        self.trail_model.set_entries(entries)
        self.trail.resizeColumnsToContents()

"""Per-seller entry (SPEC §2.3 ``employee:`` metrics): a store's day split by seller —
revenue, receipts and units per seller — checked against the store's own day (the sum of the
sellers against the store's total, a warning when they differ) and saved in one transaction.

``SellerTableModel`` holds the typed values until "Save sellers"; ``SellerPanel`` is the
widget the daily entry section shows as a tab.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.daily import SellerDay
from kpidesk.core.money import parse_number
from kpidesk.core.problems import Problem, has_errors
from kpidesk.gui.context import AppContext
from kpidesk.gui.rights import may_enter_daily
from kpidesk.gui.widgets.daily_entry_text import (
    DRAFT_BACKGROUND,
    ERROR_COLOR,
    OK_COLOR,
    count_text,
    field_label,
    money_text,
    problem_html,
)
from kpidesk.gui.widgets.numbers import NumberDelegate, edit_text
from kpidesk.gui.widgets.spreadsheet import SpreadsheetView
from kpidesk.reports.problem_text import error_text
from kpidesk.services import seller_days
from kpidesk.services.errors import UserError
from kpidesk.services.periods import lock_for_day

AnyIndex = QModelIndex | QPersistentModelIndex
FIELDS = seller_days.SELLER_FIELDS
Values = dict[str, Decimal | None]


class SellerTableModel(QAbstractTableModel):
    """Sellers (rows) × revenue, receipts, units (columns), edited locally.

    Signals:
        edited(): a value changed (the panel re-checks and enables Save).
    """

    REVENUE, RECEIPTS, UNITS = range(3)
    edited = Signal()

    def __init__(self, lang: str = "ru", parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.lang = lang
        self.sellers: list[str] = []
        self._values: dict[str, Values] = {}
        self._saved: dict[str, Values] = {}
        self.read_only = False
        self.last_error: str | None = None

    def load(self, sheet: seller_days.SellerSheet | None, read_only: bool) -> None:
        """Show a store's day by seller (``None``: nothing)."""
        self.beginResetModel()
        self.sellers = list(sheet.sellers) if sheet is not None else []
        self._saved = {}
        for name in self.sellers:
            row = sheet.rows.get(name) if sheet is not None else None
            self._saved[name] = (
                dict.fromkeys(FIELDS)
                if row is None
                else {
                    "revenue": row.revenue,
                    "receipts": Decimal(row.receipts),
                    "units": Decimal(row.units),
                }
            )
        self._values = {name: dict(values) for name, values in self._saved.items()}
        self.read_only = read_only
        self.endResetModel()

    def values(self, seller: str) -> Values:
        """The typed values of a seller."""
        return dict(self._values[seller])

    @property
    def dirty(self) -> bool:
        """Whether anything differs from what is saved."""
        return self._values != self._saved

    def changed_sellers(self) -> list[str]:
        """Sellers whose values differ from what is saved."""
        return [name for name in self.sellers if self._values[name] != self._saved[name]]

    # --- the model ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.sellers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FIELDS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.sellers):
            return None
        seller = self.sellers[index.row()]
        value = self._values[seller][FIELDS[index.column()]]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if index.column() == self.REVENUE:
                return money_text(value, self.lang)
            return count_text(value, self.lang)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(value, self.lang)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and value != self._saved[seller][FIELDS[index.column()]]
        ):
            return QBrush(QColor(DRAFT_BACKGROUND))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = (self.tr("Revenue, ₽"), self.tr("Receipts"), self.tr("Units"))
            return titles[section] if 0 <= section < len(titles) else None
        return self.sellers[section] if 0 <= section < len(self.sellers) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = "" if value is None else str(value).strip()
        seller, field = self.sellers[index.row()], FIELDS[index.column()]
        try:
            parsed = parse_number(text) if text else None
        except ValueError:
            self.last_error = (
                self.tr("%1, %2: not a number: %3")
                .replace("%1", seller)
                .replace("%2", field_label(field))
                .replace("%3", text)
            )
            return False
        self._values[seller][field] = parsed
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


class SellerPanel(QWidget):
    """A store's day by seller, with the check against the store's day and Save (read-only in
    a locked period; the section around it shows the "period locked" note)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: str | None = None
        self.day: date | None = None
        self.sheet: seller_days.SellerSheet | None = None
        self.model = SellerTableModel(context.lang, self)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.view = SpreadsheetView(self)
        self.view.setObjectName("seller_view")
        self.view.setModel(self.model)
        self.view.setItemDelegate(NumberDelegate(self.view))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)
        self.totals = QLabel(self)
        self.totals.setObjectName("seller_totals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.problems = QLabel(self)
        self.problems.setObjectName("seller_problems")
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save sellers"), self)
        self.save_button.setObjectName("save_sellers")
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.model.edited.connect(self.check)
        self.view.problem.connect(self._show_refusal)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

    # --- loading ------------------------------------------------------------------------
    def set_day(self, store: str | None, day: date | None) -> None:
        """Show ``store``'s ``day`` by seller."""
        self.store, self.day = store, day
        service = self.context.service
        lock = lock_for_day(service, day) if day is not None else None
        self.sheet = (
            seller_days.seller_sheet(service, store, day)
            if store is not None and day is not None
            else None
        )
        may_change = may_enter_daily(service.actor, store)  # sales by seller: the daily right
        self.model.load(self.sheet, read_only=lock is not None or not may_change)
        self.save_button.setVisible(may_change or store is None)
        if self.sheet is None or not self.sheet.sellers:
            self.intro.setText(
                self.tr(
                    "No seller of this store has personal sales in their matrix: there is "
                    "nothing to split by seller."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "The day's sales by seller (their personal sales count in their KPI). The "
                    "sellers' sum is checked against the store's day."
                )
            )
        self.check()

    @property
    def has_sellers(self) -> bool:
        """Whether the store has sellers to split the day by."""
        return bool(self.model.sellers)

    # --- checking -----------------------------------------------------------------------
    def collect(self) -> tuple[dict[str, SellerDay | None], list[Problem]]:
        """Every seller's row as typed (``None`` = no row) and every problem."""
        rows: dict[str, SellerDay | None] = {}
        found: list[Problem] = []
        if self.store is None or self.day is None:
            return rows, found
        for name in self.model.sellers:
            row, problems = seller_days.seller_from_values(
                self.store, self.day, name, self.model.values(name)
            )
            rows[name] = row
            found += problems
        if not has_errors(found) and self.sheet is not None:
            present = [row for row in rows.values() if row is not None]
            found += seller_days.check_sellers(self.store, self.day, present, self.sheet.store_day)
        return rows, found

    def check(self) -> list[Problem]:
        """Re-check the typed values; show the sums, the problems and enable Save."""
        rows, found = self.collect()
        lang = self.context.lang
        present = [row for row in rows.values() if row is not None]
        store_day = self.sheet.store_day if self.sheet is not None else None
        if present or store_day is not None:
            revenue = sum((row.revenue for row in present), Decimal(0))
            receipts = sum(row.receipts for row in present)
            units = sum(row.units for row in present)
            text = (
                self.tr("Sellers together: %1, %2 receipts, %3 units.")
                .replace("%1", money_text(revenue, lang))
                .replace("%2", count_text(receipts, lang))
                .replace("%3", count_text(units, lang))
            )
            if store_day is not None:
                text += " " + (
                    self.tr("The store's day: %1, %2 receipts, %3 units.")
                    .replace("%1", money_text(store_day.revenue, lang))
                    .replace("%2", count_text(store_day.receipts, lang))
                    .replace("%3", count_text(store_day.units, lang))
                )
            self.totals.setText(text)
        else:
            self.totals.clear()
        if found:
            self.problems.setText(problem_html(found, lang))
        elif present:
            ok = self.tr("The sellers add up to the store's day.")
            self.problems.setText(f'<span style="color:{OK_COLOR}">✔ {ok}</span>')
        else:
            self.problems.clear()
        self.save_button.setEnabled(
            not self.model.read_only and self.model.dirty and not has_errors(found)
        )
        return found

    def _show_refusal(self, text: str) -> None:
        safe = text.replace("&", "&amp;").replace("<", "&lt;")
        self.problems.setText(f'<span style="color:{ERROR_COLOR}">✖ {safe}</span>')

    # --- saving -------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the changed sellers' rows in one transaction. Returns whether it saved."""
        if self.store is None or self.day is None or not self.save_button.isEnabled():
            return False
        rows, found = self.collect()
        if has_errors(found):
            return False
        changed = {name: rows[name] for name in self.model.changed_sellers()}
        try:
            service, store, day = self.context.service, self.store, self.day
            today = self.context.today
            self.context.run(
                lambda: seller_days.save_sellers(service, store, day, changed, today=today),
                initiator=self,
            )
        except UserError as error:
            self._show_refusal(error_text(error))
            return False
        self.set_day(self.store, self.day)
        return True

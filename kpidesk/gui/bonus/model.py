"""The pay list of a period (SPEC §4.8) as a Qt model: one row per employee — position,
store, KPI, payout coefficient, bonus, fixed pay, total, status — and a totals row that
stays last however the list is sorted. Display text comes from ``core.money``; the raw
numbers (``Decimal``, ``None`` = no data) are under ``Qt.UserRole`` for sorting.

Must not: compute a number (every figure is the core's; the totals are
``core.pay_list.pay_list_totals``: fixed pay over everyone, bonus and total over the
complete rows, the incomplete ones named beside them, as SPEC §2.5 says).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kpidesk.core.money import format_money, format_number, format_percent
from kpidesk.core.pay_list import PayListTotals, pay_list_totals
from kpidesk.core.results import EmployeeResult, Status
from kpidesk.reports.sheet_text import explanation_text, incomplete_note, status_text

EMPLOYEE, POSITION, STORE, KPI, COEFFICIENT, BONUS, FIXED_PAY, TOTAL, STATUS = range(9)
WITHHELD = "—"  # a cell of money the reader may not see
COLUMN_COUNT = 9
NUMERIC_COLUMNS = (KPI, COEFFICIENT, BONUS, FIXED_PAY, TOTAL)
TOTALS_ROLE = Qt.ItemDataRole.UserRole + 1  # True on the totals row

Index = QModelIndex | QPersistentModelIndex


class PayListModel(QAbstractTableModel):
    """Employees' KPI and pay for a period, plus a totals row (the last row)."""

    def __init__(self, lang: str = "ru", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._results: tuple[EmployeeResult, ...] = ()
        self._locked = False
        self._totals: PayListTotals = pay_list_totals(())
        self._withheld = False  # someone's money is not the reader's to see

    # --- loading --------------------------------------------------------------------------
    def set_results(self, results: tuple[EmployeeResult, ...], locked: bool) -> None:
        """Show these employees (already filtered by store) of a period."""
        self.beginResetModel()
        self._results = tuple(results)
        self._locked = locked
        self._totals = pay_list_totals(self._results)
        self._withheld = any(result.money_withheld for result in self._results)
        self.endResetModel()

    @property
    def results(self) -> tuple[EmployeeResult, ...]:
        """The employees shown, in directory order."""
        return self._results

    @property
    def totals(self) -> tuple[Decimal, Decimal, Decimal]:
        """Σ bonus and Σ total of the complete rows, Σ fixed pay of every row (as
        (bonus, fixed pay, total))."""
        totals = self._totals
        return totals.bonus, totals.fixed_pay, totals.total

    @property
    def pay_list_totals(self) -> PayListTotals:
        """The list's totals with the numbers of complete and incomplete rows."""
        return self._totals

    def result_at(self, row: int) -> EmployeeResult | None:
        """The employee of a source row (``None`` for the totals row)."""
        return self._results[row] if 0 <= row < len(self._results) else None

    def is_totals(self, row: int) -> bool:
        """Whether a source row is the totals row."""
        return bool(self._results) and row == len(self._results)

    # --- the model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._results) + 1 if self._results else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Employee"),
                self.tr("Position"),
                self.tr("Store"),
                self.tr("KPI"),
                self.tr("Coefficient"),
                self.tr("Bonus"),
                self.tr("Fixed pay"),
                self.tr("Total"),
                self.tr("Status"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row, column = index.row(), index.column()
        if role == TOTALS_ROLE:
            return self.is_totals(row)
        if self.is_totals(row):
            return self._totals_data(column, role)
        result = self._results[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(result, column)
        if role == Qt.ItemDataRole.UserRole:
            return self._raw(result, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and result.status is Status.INCOMPLETE:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(result, column)
        return None

    # --- cells ----------------------------------------------------------------------------
    def _raw(self, result: EmployeeResult, column: int) -> object:
        employee, pay = result.employee, result.pay
        values: dict[int, object] = {
            EMPLOYEE: employee.name,
            POSITION: employee.position,
            STORE: employee.store or "",
            KPI: result.kpi if result.status is Status.COMPLETE else None,
            COEFFICIENT: pay.coefficient if pay is not None else None,
            BONUS: pay.bonus if pay is not None else None,
            FIXED_PAY: result.fixed_pay,  # None when the reader may not see it
            TOTAL: pay.total if pay is not None else None,
            STATUS: status_text(result, self._locked),
        }
        return values[column]

    def _text(self, result: EmployeeResult, column: int) -> str:
        value = self._raw(result, column)
        if column in (EMPLOYEE, POSITION, STORE, STATUS):
            return str(value)
        if result.money_withheld and column in (COEFFICIENT, BONUS, FIXED_PAY, TOTAL):
            return WITHHELD  # someone else's money (SPEC §8.1)
        if value is None:
            return self.tr("no data")
        assert isinstance(value, Decimal)
        if column == KPI:
            return format_percent(value, 1, lang=self.lang)
        if column == COEFFICIENT:
            return format_number(value, 3, lang=self.lang)
        return format_money(value, lang=self.lang)

    def _tooltip(self, result: EmployeeResult, column: int) -> str | None:
        pay = result.pay
        if column in (EMPLOYEE, POSITION, STORE, STATUS):
            return self._text(result, column) or None  # the whole text when it is cut
        if column == KPI and result.kpi_explanation is not None:
            return explanation_text(result.kpi_explanation)
        if pay is None:
            return None
        explanations = {
            COEFFICIENT: pay.coefficient_explanation,
            BONUS: pay.bonus_explanation,
            TOTAL: pay.total_explanation,
        }
        found = explanations.get(column)
        return explanation_text(found) if found is not None else None

    def _totals_data(self, column: int, role: int) -> Any:
        totals = self._totals
        amounts = {BONUS: totals.bonus, FIXED_PAY: totals.fixed_pay, TOTAL: totals.total}
        # beside the bonus and the total: which sheets they leave out (SPEC §2.5)
        note = incomplete_note(totals.incomplete, self.lang)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == EMPLOYEE:
                return (
                    self.tr("Total (%1 of %2 complete)")
                    .replace("%1", str(totals.complete))
                    .replace("%2", str(totals.employees))
                )
            if column in amounts and self._withheld:
                return WITHHELD  # a sum of one's own money only would mislead
            if column in amounts:
                return format_money(amounts[column], lang=self.lang)
            if column == STATUS and note:
                return self.tr("bonus and total %1").replace("%1", note)
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and column in amounts:
            if column == FIXED_PAY:
                return self.tr("Fixed pay of all %1 employees").replace("%1", str(totals.employees))
            if note:
                return self.tr("Complete sheets only, %1").replace("%1", note)
            return None
        if role == Qt.ItemDataRole.UserRole:
            return amounts.get(column)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#eef1f5"))
        return None


def _key(value: object) -> tuple[int, Any]:
    """Sort key: no data first, then numbers, then text (case-insensitive)."""
    if value is None:
        return (0, 0)
    if isinstance(value, Decimal):
        return (1, value)
    return (2, str(value).casefold())


class PayListProxy(QSortFilterProxyModel):
    """Sorts by the raw values (``Qt.UserRole``) and keeps the totals row last."""

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.data(TOTALS_ROLE):
            return self.sortOrder() == Qt.SortOrder.DescendingOrder
        if right.data(TOTALS_ROLE):
            return self.sortOrder() == Qt.SortOrder.AscendingOrder
        first = _key(left.data(Qt.ItemDataRole.UserRole))
        second = _key(right.data(Qt.ItemDataRole.UserRole))
        if first[0] != second[0]:
            return first[0] < second[0]
        return bool(first[1] < second[1])

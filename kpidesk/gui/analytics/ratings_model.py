"""Read-only table models of the analytics screens (ratings, the dashboard's tables) and
the text forms of their numbers.

:class:`RowsModel` shows rows of cells; each cell has its display text and a raw sort
value (``Qt.UserRole``: a float or a string, ``None`` for no data) so that a
``QSortFilterProxyModel`` with ``sortRole = Qt.UserRole`` sorts numbers as numbers. Each row
may carry a payload (``PAYLOAD_ROLE``): what a double-click drills down to.
Numbers are formatted with ``core.money`` in the window's language; nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kpidesk.core.money import HUNDRED, format_money, format_number, format_percent

PAYLOAD_ROLE = int(Qt.ItemDataRole.UserRole) + 1
GOOD = QColor("#1b5e20")
BAD = QColor("#b00020")
NO_DATA_COLOR = QColor("#757575")

Index = QModelIndex | QPersistentModelIndex


def no_data() -> str:
    """The text shown instead of a number that does not exist."""
    return QCoreApplication.translate("Analytics", "no data")


def format_kpi(value: Decimal | None, lang: str) -> str:
    """A KPI (1 = 100 %) as ``113,7%``."""
    return no_data() if value is None else format_percent(value, 1, lang=lang)


def format_value(value: Decimal | None, unit: str, lang: str) -> str:
    """A measured value with its unit: rubles as money, percentages as ``23,18%``."""
    if value is None:
        return no_data()
    if unit == "₽":
        return format_money(value, lang=lang)
    if unit == "%":
        return format_number(value, 2, lang=lang) + "%"
    places = 0 if value == value.to_integral_value() else 2
    text = format_number(value, places, lang=lang)
    return f"{text}\u00a0{unit}" if unit else text


def format_change(value: Decimal | None, unit: str, lang: str, *, kpi: bool = False) -> str:
    """A signed change: ``+5,2 п.п.`` for a KPI (percentage points), else the unit's form."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    if kpi:
        points = QCoreApplication.translate("Analytics", "pp")
        return f"{sign}{format_number(value * HUNDRED, 1, lang=lang)}\u00a0{points}"
    if unit == "%":
        points = QCoreApplication.translate("Analytics", "pp")
        return f"{sign}{format_number(value, 2, lang=lang)}\u00a0{points}"
    return sign + format_value(value, unit, lang)


def sort_value(value: Decimal | int | str | None) -> float | str | None:
    """What a proxy sorts a cell by."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return float(value)


@dataclass(frozen=True)
class Cell:
    """One cell: what is shown, what it sorts by, and an optional colour."""

    text: str
    raw: float | str | None = None
    color: QColor | None = None
    tooltip: str | None = None


class RowsModel(QAbstractTableModel):
    """A read-only table of :class:`Cell` rows with translated headers."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[Cell]] = []
        self._payloads: list[object] = []
        self._numeric: set[int] = set()

    def set_headers(self, headers: Sequence[str]) -> None:
        """Replace the column titles (same number of columns)."""
        self._headers = list(headers)
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def set_numeric(self, columns: Sequence[int]) -> None:
        """Columns shown right-aligned."""
        self._numeric = set(columns)

    def set_rows(self, rows: Sequence[Sequence[Cell]], payloads: Sequence[object] = ()) -> None:
        """Replace every row (``payloads[i]`` belongs to row ``i``)."""
        self.beginResetModel()
        self._rows = [list(row) for row in rows]
        self._payloads = list(payloads) + [None] * (len(rows) - len(payloads))
        self.endResetModel()

    def payload(self, row: int) -> object:
        """What row ``row`` drills down to (``None`` for nothing)."""
        return self._payloads[row] if 0 <= row < len(self._payloads) else None

    def cell(self, row: int, column: int) -> Cell:
        """The cell at ``row``/``column``."""
        return self._rows[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if index.column() >= len(row):
            return None
        cell = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.UserRole:
            return cell.raw
        if role == PAYLOAD_ROLE:
            return self._payloads[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            # a name cut with "…" in a narrow column reads in full in the tooltip
            return cell.tooltip or (cell.text if index.column() not in self._numeric else None)
        if role == Qt.ItemDataRole.ForegroundRole:
            if cell.color is not None:
                return QBrush(cell.color)
            if cell.raw is None and index.column() in self._numeric:
                return QBrush(NO_DATA_COLOR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() in self._numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def change_color(value: Decimal | None, lower_is_better: bool = False) -> QColor | None:
    """Green for a change for the better, red for the worse."""
    if value is None or value == 0:
        return None
    better = value < 0 if lower_is_better else value > 0
    return GOOD if better else BAD


def metric_title(metric: str) -> str:
    """The translated name of a store metric (``Analytics`` context)."""
    titles = {
        "revenue": QCoreApplication.translate("Analytics", "Revenue"),
        "receipts": QCoreApplication.translate("Analytics", "Receipts"),
        "visitors": QCoreApplication.translate("Analytics", "Visitors"),
        "conversion": QCoreApplication.translate("Analytics", "Conversion"),
        "avg_check": QCoreApplication.translate("Analytics", "Average check"),
        "upt": QCoreApplication.translate("Analytics", "Units per receipt"),
        "revenue_per_visitor": QCoreApplication.translate("Analytics", "Revenue per visitor"),
        "sales_dynamics": QCoreApplication.translate("Analytics", "Sales dynamics"),
        "plan_completion": QCoreApplication.translate("Analytics", "Plan completion"),
        "plan": QCoreApplication.translate("Analytics", "Plan"),
    }
    return titles.get(metric, metric)

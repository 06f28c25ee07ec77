"""The import preview as a tree (SPEC §6, issue 14 item 9): one line per sheet of the
workbook with how many rows it adds, changes and leaves as they are, and under it the rows
added and, for each changed row, every field old → new in the user's language.

Must not: compute what changes (``services.import_preview`` does) or import anything.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from kpidesk.core.money import HUNDRED, format_number
from kpidesk.core.periods import Period
from kpidesk.services.import_preview import FieldChange, ImportPreview, SheetPreview

translate = QCoreApplication.translate
_ADDED, _CHANGED = QColor("#1b5e20"), QColor("#8a4b00")
SHOWN_ROWS = 200  # rows listed under one sheet; the rest are counted


def sheet_title(kind: str) -> str:
    """A sheet's name as the workbook's Russian or English headers say it."""
    titles = {
        "company": translate("ImportPreview", "Company"),
        "stores": translate("ImportPreview", "Stores"),
        "departments": translate("ImportPreview", "Departments"),
        "positions": translate("ImportPreview", "Positions"),
        "employees": translate("ImportPreview", "Employees"),
        "indicators": translate("ImportPreview", "Indicators"),
        "matrices": translate("ImportPreview", "Matrix"),
        "schedules": translate("ImportPreview", "Payout schedules"),
        "daily": translate("ImportPreview", "Daily data"),
        "seller_days": translate("ImportPreview", "Sales by seller"),
        "plans": translate("ImportPreview", "Plans"),
        "facts": translate("ImportPreview", "Facts"),
        "inputs": translate("ImportPreview", "Inputs"),
        "duty_templates": translate("ImportPreview", "Duties"),
        "tasks": translate("ImportPreview", "Tasks"),
    }
    return titles.get(kind, kind)


def field_title(name: str) -> str:
    """A field's name in words (a matrix row's field is its indicator's code, kept)."""
    titles = {
        "name": translate("ImportPreview", "Name"),
        "pay_period": translate("ImportPreview", "Pay period"),
        "archived": translate("ImportPreview", "Archived"),
        "position": translate("ImportPreview", "Position"),
        "store": translate("ImportPreview", "Store"),
        "department": translate("ImportPreview", "Department"),
        "fixed_pay": translate("ImportPreview", "Fixed pay"),
        "target_bonus": translate("ImportPreview", "Target bonus"),
        "start": translate("ImportPreview", "Start"),
        "end": translate("ImportPreview", "End"),
        "rates": translate("ImportPreview", "Pay from a period"),
        "personnel_number": translate("ImportPreview", "Personnel number"),
        "unit": translate("ImportPreview", "Unit"),
        "source": translate("ImportPreview", "Source"),
        "method": translate("ImportPreview", "Method"),
        "revenue": translate("ImportPreview", "Revenue"),
        "receipts": translate("ImportPreview", "Receipts"),
        "visitors": translate("ImportPreview", "Visitors"),
        "units": translate("ImportPreview", "Units"),
        "returns": translate("ImportPreview", "Returns"),
        "value": translate("ImportPreview", "Value"),
        "threshold": translate("ImportPreview", "Threshold"),
        "cap": translate("ImportPreview", "Cap"),
        "steps": translate("ImportPreview", "Steps"),
        "per_indicator": translate("ImportPreview", "Per indicator"),
        "kind": translate("ImportPreview", "Kind"),
        "controller": translate("ImportPreview", "Controller"),
        "due": translate("ImportPreview", "Due"),
        "status": translate("ImportPreview", "Status"),
        "description": translate("ImportPreview", "Description"),
        "order": translate("ImportPreview", "Order of the rows"),
    }
    return titles.get(name, name)


def value_text(value: object, lang: str) -> str:
    """A stored or incoming value as read: numbers in the user's style, dates, periods,
    a matrix row as weight, base, norm, target."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return translate("ImportPreview", "yes") if value else translate("ImportPreview", "no")
    if isinstance(value, Decimal):
        return format_number(value, None, lang=lang)
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, Period):
        return value.code
    if isinstance(value, Enum):
        return str(value.value)
    if (
        isinstance(value, tuple)
        and len(value) == 4
        and not hasattr(value[0], "__dataclass_fields__")
    ):
        weight, base, norm, target = value
        weight_text = "—" if weight is None else format_number(weight * HUNDRED, None, lang=lang)
        return (
            translate("ImportPreview", "weight %1%, base %2, norm %3, target %4")
            .replace("%1", weight_text)
            .replace("%2", value_text(base, lang))
            .replace("%3", value_text(norm, lang))
            .replace("%4", value_text(target, lang))
        )
    if isinstance(value, tuple):
        return "; ".join(value_text(part, lang) for part in value) or "—"
    if hasattr(value, "__dataclass_fields__"):
        parts = (value_text(getattr(value, name), lang) for name in value.__dataclass_fields__)
        return " ".join(parts)
    return str(value)


def change_text(change: FieldChange, lang: str) -> str:
    """``Оклад: 32 000 → 33 000``."""
    old, new = value_text(change.old, lang), value_text(change.new, lang)
    return f"{field_title(change.field)}: {old} → {new}"


class ImportPreviewTree(QTreeWidget):
    """Sheet → rows added and changed; columns: what, added, changed, unchanged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_preview")
        self.setColumnCount(4)
        self.setHeaderLabels(
            [
                translate("ImportPreview", "Sheet and row"),
                translate("ImportPreview", "Added"),
                translate("ImportPreview", "Changed"),
                translate("ImportPreview", "Unchanged"),
            ]
        )
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)

    def show_preview(self, preview: ImportPreview, lang: str) -> None:
        """Fill the tree; sheets that change something are expanded."""
        self.clear()
        bold = QFont()
        bold.setBold(True)
        for sheet in preview.sheets:
            top = QTreeWidgetItem(
                [
                    sheet_title(sheet.kind),
                    str(len(sheet.added)),
                    str(len(sheet.changed)),
                    str(sheet.unchanged),
                ]
            )
            top.setFont(0, bold)
            self.addTopLevelItem(top)
            self._rows(top, sheet, lang)
            top.setExpanded(sheet.changes_anything)
            for at in range(top.childCount()):
                child = top.child(at)
                if child is not None:
                    child.setExpanded(True)

    def _rows(self, top: QTreeWidgetItem, sheet: SheetPreview, lang: str) -> None:
        shown = 0
        for key in sheet.added[:SHOWN_ROWS]:
            item = QTreeWidgetItem([translate("ImportPreview", "added: %1").replace("%1", key)])
            item.setForeground(0, QBrush(_ADDED))
            top.addChild(item)
            shown += 1
        for change in sheet.changed[: max(SHOWN_ROWS - shown, 0)]:
            key = change.key or sheet_title(sheet.kind)
            lines = [change_text(each, lang) for each in change.fields]
            if len(lines) == 1 and sheet.kind != "matrices":
                text = translate("ImportPreview", "changed: %1 — %2")
                item = QTreeWidgetItem([text.replace("%1", key).replace("%2", lines[0])])
            else:  # a matrix, or several fields: one line per changed row or field
                text = translate("ImportPreview", "changed: %1")
                item = QTreeWidgetItem([text.replace("%1", key)])
                for line in lines:
                    item.addChild(QTreeWidgetItem([line]))
                item.setExpanded(True)
            item.setForeground(0, QBrush(_CHANGED))
            item.setToolTip(0, "\n".join(lines))
            top.addChild(item)
            shown += 1
        rest = len(sheet.added) + len(sheet.changed) - shown
        if rest > 0:
            top.addChild(
                QTreeWidgetItem(
                    [translate("ImportPreview", "… and %1 more").replace("%1", str(rest))]
                )
            )

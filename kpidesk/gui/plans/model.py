"""The plans grid's model (issue 14 item 3): one row per store — the revenue plan of the
period (editable), the revenue so far, plan completion and the previous period's plan.

An edit is written at once through ``write`` (the section's ``context.run`` of
``services.plans.set_store_plans``) and pushed on the undo stack as an applied edit, so
that undo and redo go through the same operation, rights and lock checks. A paste of
several plans is one write and one undo step.

Must not: compute completion (``services.plans`` does), or write other than via ``write``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack

from kpidesk.core.money import format_money, format_number, parse_number
from kpidesk.gui.widgets.numbers import edit_text
from kpidesk.gui.widgets.undo import AppliedEditCommand
from kpidesk.reports.problem_text import error_text
from kpidesk.services.errors import UserError
from kpidesk.services.plans import PlansSheet

AnyIndex = QModelIndex | QPersistentModelIndex
Plans = dict[str, Decimal | None]
STORE, PLAN, REVENUE, COMPLETION, PREVIOUS = range(5)


class PlansModel(QAbstractTableModel):
    """Stores × (plan, revenue, completion, previous plan) of one period."""

    problem = Signal(str)  # a refusal, in the user's language (an undo refused, …)

    def __init__(
        self,
        write: Callable[[Mapping[str, Decimal | None]], None],
        undo_stack: QUndoStack,
        lang: str = "ru",
    ) -> None:
        super().__init__()
        self.write = write
        self.undo_stack = undo_stack
        self.lang = lang
        self.sheet: PlansSheet | None = None
        self.read_only = True
        self.last_error: str | None = None

    def load(self, sheet: PlansSheet | None, read_only: bool) -> None:
        """Show ``sheet``."""
        self.beginResetModel()
        self.sheet = sheet
        self.read_only = read_only
        self.endResetModel()

    def plans(self) -> Plans:
        """Each store's plan as shown."""
        return {row.store: row.plan for row in self.sheet.rows} if self.sheet else {}

    # --- writing --------------------------------------------------------------------------
    def apply(self, after: Mapping[str, Decimal | None], text: str) -> bool:
        """Write the plans that differ from what is shown as one undo step; whether any
        did. Raises the service's ``UserError`` when it refuses (nothing is written)."""
        before = self.plans()
        changed = {store: value for store, value in after.items() if before.get(store) != value}
        if not changed:
            return False
        self.write(changed)
        self.undo_stack.push(
            AppliedEditCommand(
                self._undo_write, {store: before.get(store) for store in changed}, changed, text
            )
        )
        return True

    def _undo_write(self, plans: Mapping[str, Decimal | None]) -> None:
        try:
            self.write(plans)
        except UserError as error:
            self.problem.emit(error_text(error, self.lang))

    def _parse(self, text: object) -> Decimal | None:
        cleaned = str(text).strip()
        if not cleaned:
            return None
        try:
            value = parse_number(cleaned)
        except ValueError:
            raise ValueError(self.tr("'%1' is not a number.").replace("%1", cleaned)) from None
        if value < 0:
            raise ValueError(self.tr("A plan cannot be negative."))
        return value

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        return self.paste_block(index.row(), index.column(), [[str(value)]]) is None

    def paste_block(self, row: int, column: int, values: Sequence[Sequence[str]]) -> str | None:
        """Set the plans of a pasted column block; the refusal's words, or ``None``."""
        if self.sheet is None or self.read_only or column != PLAN:
            return self.tr("Only the plan column can be changed.")
        after: Plans = {}
        for offset, cells in enumerate(values):
            if row + offset >= len(self.sheet.rows) or not cells:
                break
            try:
                after[self.sheet.rows[row + offset].store] = self._parse(cells[0])
            except ValueError as error:
                self.last_error = str(error)
                return self.last_error
        return self._applied(after, self.tr("Change plans"))

    def _applied(self, after: Mapping[str, Decimal | None], text: str) -> str | None:
        try:
            self.apply(after, text)
        except UserError as error:
            self.last_error = error_text(error, self.lang)
            return self.last_error
        return None

    def clear_cells(self, indexes: Sequence[AnyIndex]) -> str | None:
        """Clear the selected plans (one undo step)."""
        if self.sheet is None or self.read_only:
            return self.tr("Only the plan column can be changed.")
        stores = [self.sheet.rows[i.row()].store for i in indexes if i.column() == PLAN]
        return self._applied(dict.fromkeys(stores), self.tr("Clear plans"))

    # --- reading --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            self.tr("Store"),
            self.tr("Revenue plan"),
            self.tr("Revenue so far"),
            self.tr("Plan completion"),
            self.tr("Previous period's plan"),
        )
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PLAN and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.sheet is None or index.row() >= len(self.sheet.rows):
            return None
        row, column = self.sheet.rows[index.row()], index.column()
        values: tuple[object, ...] = (
            row.store,
            row.plan,
            row.revenue,
            row.completion,
            row.previous_plan,
        )
        raw = values[column]
        if role == Qt.ItemDataRole.UserRole:
            return raw
        if role == Qt.ItemDataRole.EditRole:
            if column == STORE:
                return row.store
            return edit_text(raw if isinstance(raw, Decimal) else None, self.lang)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STORE:
                return row.store
            if raw is None:
                return "" if column in (PLAN, PREVIOUS) else self.tr("no data")
            assert isinstance(raw, Decimal)
            if column == COMPLETION:
                return format_number(raw, 1, lang=self.lang) + "%"
            return format_money(raw, lang=self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft if column == STORE else Qt.AlignmentFlag.AlignRight
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == PLAN and not self.read_only:
            return self.tr("Type the revenue plan of the period; empty clears it.")
        return None

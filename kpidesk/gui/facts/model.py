"""``FactsModel``: the period's manual facts as employees × manual indicators (SPEC §4.4).
Cells a matrix needs are editable (missing ones highlighted); the others are greyed and
read-only; a locked period is read-only as a whole. An edit, a paste and a clear are each
one service call (one transaction) and one undo step.

The rows are the people whose results the logged-in user may see, and only the facts of
people they may enter facts for take typing (SPEC §8.1: a store manager, their store's
people; the accountant and a viewer read).

An edit the company server could not take (the connection is lost) stays in its cell,
marked unsaved (:attr:`FactsModel.pending`), and is written by :meth:`FactsModel.save_pending`
once the server is back (SPEC §3.2)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack

from kpidesk.core.money import format_number, parse_number
from kpidesk.core.periods import Period
from kpidesk.core.rights import Right, Scope
from kpidesk.gui.rights import may_enter_facts, sees_results
from kpidesk.gui.widgets.daily_entry_text import LOCKED_BACKGROUND, MISSING_BACKGROUND
from kpidesk.gui.widgets.numbers import edit_text
from kpidesk.gui.widgets.undo import AppliedEditCommand
from kpidesk.reports.problem_text import error_text
from kpidesk.services import facts
from kpidesk.services.changes import Change
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.live import is_connection_lost

AnyIndex = QModelIndex | QPersistentModelIndex
Cell = facts.Cell
NOT_NEEDED_BACKGROUND = "#f2f2f2"
UNSAVED_BACKGROUND = "#ffe0b2"  # typed, not on the server yet


class FactsModel(QAbstractTableModel):
    """Employees (rows) × manual indicators (columns) of one period.

    Signals:
        problem(str): an undo/redo could not be written (the reason).
        pendingChanged(): edits were kept unsaved for the lost server, or saved at last.
    """

    problem = Signal(str)
    pendingChanged = Signal()

    def __init__(
        self,
        service: CompanyService | Callable[[], CompanyService],
        undo_stack: QUndoStack,
        *,
        lang: str = "ru",
        run: Callable[[Callable[[], Change]], Change] | None = None,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        # a callable follows the window's company when another file is opened
        self._service = service if callable(service) else (lambda: service)
        self.undo_stack = undo_stack
        self.lang = lang
        self._run = run or (lambda write: write())
        self.period: Period | None = None
        self.sheet: facts.FactsSheet | None = None
        self.editable_people: frozenset[str] = frozenset()
        self.last_error: str | None = None
        # typed while the company server could not be reached: shown, saved when it is back
        self.pending: dict[Cell, Decimal | None] = {}

    @property
    def service(self) -> CompanyService:
        """The open company."""
        return self._service()

    # --- loading ------------------------------------------------------------------------
    def load(self, period: Period) -> None:
        """Show ``period`` (the undo history is dropped)."""
        self.beginResetModel()
        self.period = period
        self.sheet = self._read(period)
        self.pending.clear()
        self.endResetModel()
        self.undo_stack.clear()

    def refresh(self) -> None:
        """Re-read the period (rows and columns may change with the directories)."""
        if self.period is None:
            return
        sheet = self._read(self.period)
        old = self.sheet
        if (
            old is not None
            and old.employees == sheet.employees
            and [i.code for i in old.indicators] == [i.code for i in sheet.indicators]
        ):
            self.sheet = sheet
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
                )
            return
        self.beginResetModel()
        self.sheet = sheet
        self.endResetModel()

    def _read(self, period: Period) -> facts.FactsSheet:
        """The period's sheet with the rows the logged-in user may see, and whose facts
        they may type in noted."""
        service = self.service
        sheet = facts.facts_sheet(service, period)
        actor, company = service.actor, service.company()
        people = {name: company.employee(name) for name in sheet.employees}
        everyone = actor.scope(Right.SEE_RESULTS) is Scope.ALL
        shown = tuple(
            name
            for name, person in people.items()
            if everyone or (person is not None and sees_results(actor, person))
        )
        self.editable_people = frozenset(
            name for name in shown if may_enter_facts(actor, people[name])
        )
        return sheet if shown == sheet.employees else replace(sheet, employees=shown)

    def is_editable(self, cell: Cell) -> bool:
        """Whether a fact may be typed in this cell: the period open, a matrix needs it,
        and the user may enter this person's facts."""
        sheet = self.sheet
        return (
            sheet is not None
            and not sheet.locked
            and cell in sheet.needed
            and cell[0] in self.editable_people
        )

    @property
    def locked(self) -> bool:
        """Whether the period is locked."""
        return self.sheet is not None and self.sheet.locked

    @property
    def missing_count(self) -> int:
        """Needed facts still missing (as the status bar counts them)."""
        return self.sheet.missing_count if self.sheet is not None else 0

    def cell_of(self, index: AnyIndex) -> Cell:
        """(employee, indicator code) of a cell."""
        assert self.sheet is not None
        return (self.sheet.employees[index.row()], self.sheet.indicators[index.column()].code)

    def row_of(self, employee: str) -> int | None:
        """The row of an employee, if shown."""
        if self.sheet is None or employee not in self.sheet.employees:
            return None
        return self.sheet.employees.index(employee)

    # --- the model ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.isValid() or self.sheet is None:
            return 0
        return len(self.sheet.employees)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.isValid() or self.sheet is None:
            return 0
        return len(self.sheet.indicators)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.sheet is None or not index.isValid():
            return None
        if not (0 <= index.row() < self.rowCount() and 0 <= index.column() < self.columnCount()):
            return None
        cell = self.cell_of(index)
        unsaved = cell in self.pending
        value = self.pending[cell] if unsaved else self.sheet.values.get(cell)
        needed = cell in self.sheet.needed
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else format_number(value, None, lang=self.lang)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(value, self.lang)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if unsaved:
                return QBrush(QColor(UNSAVED_BACKGROUND))
            if not needed:
                return QBrush(QColor(NOT_NEEDED_BACKGROUND))
            if self.sheet.locked:
                return QBrush(QColor(LOCKED_BACKGROUND))
            if value is None:
                return QBrush(QColor(MISSING_BACKGROUND))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not needed:
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if unsaved:
                return self.tr(
                    "Not saved yet: no connection to the company server. "
                    "Saved when the connection is back."
                )
            if not needed:
                return self.tr("Not in this employee's matrix for the period.")
            if value is None:
                return self.tr("Missing: the matrix needs this fact.")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self.sheet is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.sheet.indicators):
                return None
            indicator = self.sheet.indicators[section]
            if role == Qt.ItemDataRole.DisplayRole:
                unit = f", {indicator.unit}" if indicator.unit else ""
                return f"{indicator.name}{unit}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return indicator.code
            return None
        if not 0 <= section < len(self.sheet.employees):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.sheet.employees[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid() or self.sheet is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(self.cell_of(index)):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- editing ------------------------------------------------------------------------
    def _parse(self, text: object, cell: Cell) -> Decimal | None:
        cleaned = "" if text is None else str(text).strip()
        if not cleaned:
            return None
        try:
            return parse_number(cleaned)
        except ValueError:
            raise ValueError(
                self.tr("%1, %2: not a number: %3")
                .replace("%1", cell[0])
                .replace("%2", cell[1])
                .replace("%3", cleaned)
            ) from None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        cell = self.cell_of(index)
        try:
            parsed = self._parse(value, cell)
        except ValueError as error:
            self.last_error = str(error)
            return False
        refusal = self._change({cell: parsed}, self.tr("Edit fact"))
        if refusal:
            self.last_error = refusal
            return False
        return True

    def paste_block(self, row: int, column: int, values: list[list[str]]) -> str | None:
        """Paste a block at (row, column): every cell must be one a matrix needs; one undo
        step. Returns why refused, or ``None``."""
        if self.sheet is None or not values:
            return None
        if self.sheet.locked:
            return self.tr("Period %1 is locked: its facts cannot change.").replace(
                "%1", self.sheet.period.code
            )
        width = max(len(line) for line in values)
        if row + len(values) > self.rowCount() or column + width > self.columnCount():
            return (
                self.tr("The block does not fit: %1 × %2 cells from here.")
                .replace("%1", str(len(values)))
                .replace("%2", str(width))
            )
        changes: dict[Cell, Decimal | None] = {}
        try:
            for r, line in enumerate(values):
                for c, text in enumerate(line):
                    index = self.index(row + r, column + c)
                    cell = self.cell_of(index)
                    if cell[0] not in self.editable_people:
                        return self.tr("Your role may not enter the facts of %1.").replace(
                            "%1", cell[0]
                        )
                    if cell not in self.sheet.needed:
                        if text.strip():
                            return (
                                self.tr("%1 has no %2 in the matrix: the cell cannot be filled.")
                                .replace("%1", cell[0])
                                .replace("%2", cell[1])
                            )
                        continue
                    changes[cell] = self._parse(text, cell)
        except ValueError as error:
            return str(error)
        return self._change(changes, self.tr("Paste facts"))

    def clear_cells(self, indexes: Iterable[AnyIndex]) -> str | None:
        """Clear editable cells in one undo step. Returns why refused, or ``None``."""
        changes: dict[Cell, Decimal | None] = {
            self.cell_of(index): None
            for index in indexes
            if self.flags(index) & Qt.ItemFlag.ItemIsEditable
        }
        return self._change(changes, self.tr("Clear facts")) if changes else None

    def _change(self, changes: dict[Cell, Decimal | None], text: str) -> str | None:
        assert self.sheet is not None
        before = {cell: self.sheet.values.get(cell) for cell in changes}
        if before == changes:
            return None
        try:
            self.write(changes, raise_errors=True)
        except UserError as error:
            if not is_connection_lost(error):
                return str(error)
            self._keep_unsaved(changes)
            return None
        for cell in changes:
            self.pending.pop(cell, None)
        self.undo_stack.push(AppliedEditCommand(self.write, before, dict(changes), text))
        return None

    def _keep_unsaved(self, changes: Mapping[Cell, Decimal | None]) -> None:
        """Show edits the server could not take in their cells, marked unsaved."""
        self.pending.update(changes)
        self.pendingChanged.emit()
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def save_pending(self) -> str | None:
        """Write the edits kept while the server could not be reached (one transaction,
        one undo step). Returns why refused, or ``None`` (written, or kept again)."""
        if not self.pending or self.sheet is None:
            return None
        changes = {cell: value for cell, value in self.pending.items() if self.is_editable(cell)}
        self.pending.clear()
        refusal = self._change(changes, self.tr("Edit fact")) if changes else None
        if refusal is not None:
            self.refresh()  # the refused edits go; what is saved shows
        self.pendingChanged.emit()
        return refusal

    def write(self, changes: Mapping[Cell, Decimal | None], *, raise_errors: bool = False) -> None:
        """Write these facts (one transaction) and show them; undo and redo come here."""
        if self.period is None or not changes:
            return
        try:
            period, values = self.period, dict(changes)
            self._run(lambda: facts.set_facts(self.service, period, values))
        except UserError as error:
            if raise_errors:
                raise
            self.problem.emit(error_text(error))
            if not is_connection_lost(error):  # (nothing can be read from a lost server)
                self.refresh()
            return
        self.refresh()

"""The KPI matrix editor's table model: rows of indicator, weight, base, norm, target (the
matrix, edited in memory with undo) and, for the employee shown, fact, index, weighted index
and "what do I need" (computed live by ``core`` through the matrix service).

Every edit of the matrix is a :class:`RowsCommand` on the undo stack (a paste or a clear of
many cells is one command); the clean state of the stack marks "saved". A manual fact is
not part of the matrix: it is written through the service at once and is not undone.
Cells are validated as they are typed (numbers, negative or too large weights, unknown or
repeated indicators are refused with their reason); whole-row and whole-matrix problems
from ``core`` validation (base equal to norm, weights not summing to 100 %) are kept and
shown in red with their reason.

The rows as typed and their parsing live in ``matrix_rows``, the undo command in
``matrix_commands``, the cells' texts and tooltips in ``matrix_text``.

Must not: compute an index, KPI or pay (``MatrixEditing.live_result`` does), or save the
matrix (the section does, through the service).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack

from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import Matrix
from kpidesk.core.needs import RowNeeds, result_needs
from kpidesk.core.problems import Problem
from kpidesk.core.results import EmployeeResult, RowResult
from kpidesk.gui.matrix.commands import RowsCommand, changed_span
from kpidesk.gui.matrix.rows import (
    COMPUTED_COLUMNS,
    FACT,
    INDICATOR,
    MATRIX_COLUMNS,
    NEED,
    TARGET,
    EditRow,
    MatrixTarget,
    RefusedError,
    check_duplicates,
    parse_amount,
    parsed_row,
    rows_problems,
)
from kpidesk.gui.matrix.text import (
    cell_display,
    cell_edit_text,
    cell_reason,
    cell_tooltip,
    cell_value,
    header_text,
    header_tip,
)
from kpidesk.reports.problem_text import error_text, problem_text
from kpidesk.services.changes import Change
from kpidesk.services.errors import UserError
from kpidesk.services.matrices import MatrixEditing

AnyIndex = QModelIndex | QPersistentModelIndex

_ERROR_BACKGROUND = QColor("#f8d7da")
_WARNING_BACKGROUND = QColor("#fff3cd")
_COMPUTED_BACKGROUND = QColor("#f1f3f5")


class MatrixModel(QAbstractTableModel):
    """The matrix being edited plus the live results of the employee shown.

    Signals:
        resultChanged(): the rows or results changed (labels under the grid refresh).
        factWritten(object): a manual fact was saved (the ``Change``, already announced
            through ``run``, which the section sets to the window's wrapper).
    """

    resultChanged = Signal()
    factWritten = Signal(object)

    def __init__(self, editing: MatrixEditing, undo_stack: QUndoStack, lang: str = "ru") -> None:
        super().__init__()
        self.run: Callable[[Callable[[], Change]], Change] = lambda write: write()
        self.editing = editing
        self.undo_stack = undo_stack
        self.lang = lang
        self.target: MatrixTarget | None = None
        self.read_only = False
        self.last_error: str | None = None
        self._rows: tuple[EditRow, ...] = ()
        self._indicators: dict[str, Indicator] = {}
        self.result: EmployeeResult | None = None
        self._row_results: dict[int, RowResult] = {}
        self._needs: dict[int, RowNeeds] = {}
        self.problems: list[Problem] = []
        self._cell_problems: dict[tuple[int, int], list[Problem]] = {}

    # --- loading ------------------------------------------------------------------------
    @property
    def rows(self) -> tuple[EditRow, ...]:
        """The rows as they stand (edited, maybe unsaved)."""
        return self._rows

    def load(self, target: MatrixTarget, matrix: Matrix | None, read_only: bool) -> None:
        """Show ``matrix`` (``None``: an empty one) for ``target``; clears the undo stack."""
        self.beginResetModel()
        self.target = target
        self.read_only = read_only
        self._indicators = {i.code: i for i in self.editing.company.indicators}
        self._rows = tuple(EditRow.of(row) for row in matrix.rows) if matrix else ()
        self._revalidate()
        self._recompute()
        self.endResetModel()
        self.undo_stack.clear()
        self.resultChanged.emit()

    def set_read_only(self, read_only: bool) -> None:
        """Make the grid read-only (a locked period) or editable again, keeping the rows as
        they stand (unsaved edits too); the cells' flags change, so every cell is
        announced."""
        if read_only == self.read_only:
            return
        self.read_only = read_only
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, NEED))

    def refresh_results(self) -> None:
        """Recompute after facts or directories changed elsewhere."""
        self._indicators = {i.code: i for i in self.editing.company.indicators}
        self._revalidate()
        self._recompute()
        self._computed_changed()
        self.resultChanged.emit()

    def set_live(self, employee: str | None) -> None:
        """Show another employee's facts and results (template mode)."""
        if self.target is None:
            return
        self.target = replace(self.target, live=employee)
        self._recompute()
        self._computed_changed()
        self.resultChanged.emit()

    # --- the matrix -----------------------------------------------------------------------
    def matrix(self) -> Matrix:
        """The edited matrix (complete rows only) for the target's owner and period."""
        assert self.target is not None
        rows = tuple(row.matrix_row() for row in self._rows if row.complete)
        return Matrix(self.target.period, rows, self.target.position, self.target.employee)

    def weight_sum(self) -> Decimal:
        """Σ weights of the complete rows — the rows that are saved and that validation
        sums, so the summary and the rows' problems always speak of the same total."""
        return sum((row.weight or Decimal(0) for row in self._rows if row.complete), Decimal(0))

    def pending_weight(self) -> Decimal:
        """Σ weights of rows still without an indicator or a norm (not counted yet)."""
        return sum((row.weight or Decimal(0) for row in self._rows if not row.complete), Decimal(0))

    def weights_ok(self) -> bool:
        """Whether the weights are accepted: no ``weights_sum`` problem among the rows'."""
        return not any(p.code == "weights_sum" for p in self.problems) and bool(
            any(row.complete for row in self._rows)
        )

    def indicator(self, row: int) -> Indicator | None:
        """The indicator of a row, if known."""
        if 0 <= row < len(self._rows):
            return self._indicators.get(self._rows[row].indicator)
        return None

    def row_result(self, row: int) -> RowResult | None:
        """The live result of a row, if it could be computed."""
        return self._row_results.get(row)

    def row_needs(self, row: int) -> RowNeeds | None:
        """What the row needs (SPEC §2.5 "Что нужно"), when its result is known."""
        return self._needs.get(row)

    def errors(self) -> list[Problem]:
        """The problems that refuse saving."""
        return [p for p in self.problems if p.is_error]

    def _revalidate(self) -> None:
        """Row and matrix problems from core validation, plus rows still incomplete."""
        included = [i for i, row in enumerate(self._rows) if row.complete]
        validated = self.editing.validate(self._matrix_of(included)) if self.target else []
        self.problems, self._cell_problems = rows_problems(self._rows, validated)

    def _matrix_of(self, included: Sequence[int]) -> Matrix:
        assert self.target is not None
        rows = tuple(self._rows[i].matrix_row() for i in included)
        owner = self.target.position if self.target.employee is None else None
        return Matrix(self.target.period, rows, owner, self.target.employee)

    def _recompute(self) -> None:
        self.result = None
        self._row_results = {}
        self._needs = {}
        target = self.target
        if target is None or target.live is None:
            return
        included = [i for i, row in enumerate(self._rows) if row.complete]
        position = target.position if target.employee is None else None
        matrix = Matrix(
            target.period,
            tuple(self._rows[i].matrix_row() for i in included),
            position,
            target.employee,
        )
        self.result = self.editing.live_result(matrix, target.live, target.period)
        self._row_results = dict(zip(included, self.result.rows, strict=False))
        self._needs = dict(zip(included, result_needs(self.result), strict=False))

    def _computed_changed(self) -> None:
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, NEED))

    # --- undoable changes -----------------------------------------------------------------
    def push(self, rows: Sequence[EditRow], text: str) -> None:
        """Change the rows as one undo step."""
        after = tuple(rows)
        if after != self._rows:
            self.undo_stack.push(RowsCommand(self.apply_rows, self._rows, after, text))

    def apply_rows(self, rows: tuple[EditRow, ...]) -> None:
        """Replace the rows, telling views exactly which rows changed, came or went."""
        before = self._rows
        start, removed, added = changed_span(before, rows)
        tail = len(before) - start - removed
        if removed == added:
            self._rows = rows
        else:
            if removed:
                self.beginRemoveRows(QModelIndex(), start, start + removed - 1)
                self._rows = before[:start] + before[len(before) - tail :]
                self.endRemoveRows()
            if added:
                self.beginInsertRows(QModelIndex(), start, start + added - 1)
                self._rows = rows
                self.endInsertRows()
            self._rows = rows
        self._revalidate()
        self._recompute()
        self._computed_changed()
        self.resultChanged.emit()

    def insert_row(self, at: int) -> int:
        """Add an empty row before ``at`` (the end when out of range); its index."""
        at = max(0, min(at, len(self._rows)))
        self.push(
            (*self._rows[:at], EditRow(), *self._rows[at:]),
            QCoreApplication.translate("MatrixModel", "Add row"),
        )
        return at

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Remove rows (one undo step)."""
        doomed = set(rows)
        kept = [row for i, row in enumerate(self._rows) if i not in doomed]
        self.push(kept, QCoreApplication.translate("MatrixModel", "Remove rows"))

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (−1) or down (+1); its new index (unchanged at an edge)."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        rows = list(self._rows)
        rows[row], rows[target] = rows[target], rows[row]
        self.push(rows, QCoreApplication.translate("MatrixModel", "Move row"))
        return target

    def replace_rows(self, rows: Sequence[EditRow], text: str) -> None:
        """Replace every row (copy from the previous period) as one step."""
        self.push(rows, text)

    def set_plan(self, row: int, base: Decimal, norm: Decimal, target: Decimal) -> None:
        """Put a plan from history into a row's base, norm and target (one step)."""
        rows = list(self._rows)
        rows[row] = replace(rows[row], base=base, norm=norm, target=target)
        self.push(rows, QCoreApplication.translate("MatrixModel", "Plan from history"))

    # --- typing and pasting ---------------------------------------------------------------
    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        row, column = index.row(), index.column()
        text = "" if value is None else str(value)
        if column == FACT:
            return self._set_fact(row, text)
        if column not in MATRIX_COLUMNS:
            return False
        try:
            edited = parsed_row(self._rows[row], column, text, self._indicators, self.lang)
            rows = list(self._rows)
            rows[row] = edited
            check_duplicates(rows, self._indicators, self.lang)
        except RefusedError as refusal:
            self.last_error = cell_reason(row, column, str(refusal))
            return False
        header = self.headerData(column, Qt.Orientation.Horizontal)
        self.push(
            rows, QCoreApplication.translate("MatrixModel", "Edit %1").replace("%1", str(header))
        )
        return True

    def _set_fact(self, row: int, text: str) -> bool:
        target = self.target
        indicator = self.indicator(row)
        if target is None or target.live is None or indicator is None:
            return False
        try:
            value = parse_amount(text, self.lang)
            period, live, code = target.period, target.live, indicator.code
            change = self.run(lambda: self.editing.set_fact(period, live, code, value))
        except RefusedError as refusal:
            self.last_error = cell_reason(row, FACT, str(refusal))
            return False
        except UserError as error:
            self.last_error = cell_reason(row, FACT, error_text(error, self.lang))
            return False
        self._recompute()
        self._computed_changed()
        self.resultChanged.emit()
        self.factWritten.emit(change)
        return True

    def paste_block(self, row: int, column: int, values: list[list[str]]) -> str | None:
        """Paste a rectangle of text at (row, column): every cell validated first, then one
        undo step; rows beyond the last are added. Returns why it was refused, or None."""
        if self.read_only:
            return QCoreApplication.translate(
                "MatrixModel", "The period is locked: the matrix cannot be changed."
            )
        width = max((len(line) for line in values), default=0)
        if column + width - 1 > TARGET:
            return problem_text(
                Problem(
                    "paste_outside",
                    "paste_outside",
                    params=(
                        (
                            "reason",
                            QCoreApplication.translate(
                                "MatrixModel",
                                "only the columns Indicator to Target take pasted values "
                                "(facts are typed in one by one).",
                            ),
                        ),
                    ),
                ),
                self.lang,
            )
        rows = list(self._rows)
        while len(rows) < row + len(values):
            rows.append(EditRow())
        try:
            for r, line in enumerate(values):
                edited = rows[row + r]
                for c, text in enumerate(line):
                    try:
                        edited = parsed_row(edited, column + c, text, self._indicators, self.lang)
                    except RefusedError as refusal:
                        raise RefusedError(cell_reason(row + r, column + c, str(refusal))) from None
                rows[row + r] = edited
            check_duplicates(rows, self._indicators, self.lang)
        except RefusedError as refusal:
            return str(refusal)
        self.push(rows, QCoreApplication.translate("MatrixModel", "Paste"))
        return None

    def clear_cells(self, indexes: Sequence[AnyIndex]) -> str | None:
        """Clear matrix cells as one undo step (facts of manual rows are deleted)."""
        if self.read_only:
            return QCoreApplication.translate(
                "MatrixModel", "The period is locked: the matrix cannot be changed."
            )
        rows = list(self._rows)
        facts: list[int] = []
        for index in indexes:
            row, column = index.row(), index.column()
            if column == FACT:
                facts.append(row)
            elif column in MATRIX_COLUMNS:
                rows[row] = parsed_row(rows[row], column, "", self._indicators, self.lang)
        self.push(rows, QCoreApplication.translate("MatrixModel", "Clear"))
        for row in facts:
            if not self._set_fact(row, ""):
                reason, self.last_error = self.last_error, None
                return reason
        return None

    # --- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else NEED + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tip(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return flags
        column = index.column()
        if column in MATRIX_COLUMNS:
            return flags | Qt.ItemFlag.ItemIsEditable
        if column == FACT and self._fact_editable(index.row()):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def _fact_editable(self, row: int) -> bool:
        indicator = self.indicator(row)
        return (
            indicator is not None
            and indicator.source.is_manual
            and self.target is not None
            and self.target.live is not None
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != INDICATOR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _raw(self, row: int, column: int) -> object:
        return cell_value(self._rows[row], self._row_results.get(row), column, self._needs.get(row))

    def _display(self, row: int, column: int) -> str | None:
        found = self._row_results.get(row)
        needs = self._needs.get(row)
        return cell_display(self._rows[row], found, column, self._indicators, self.lang, needs)

    def _edit(self, row: int, column: int) -> str | None:
        found = self._row_results.get(row)
        return cell_edit_text(self._rows[row], found, column, self._indicators, self.lang)

    def _tooltip(self, row: int, column: int) -> str | None:
        return cell_tooltip(
            column,
            self._indicators.get(self._rows[row].indicator),
            self._row_results.get(row),
            self._cell_problems.get((row, column), []),
            self.lang,
            self._needs.get(row),
        )

    def _background(self, row: int, column: int) -> QBrush | None:
        problems = self._cell_problems.get((row, column))
        if problems:
            errors = any(p.is_error for p in problems)
            return QBrush(_ERROR_BACKGROUND if errors else _WARNING_BACKGROUND)
        if column in COMPUTED_COLUMNS or (column == FACT and not self._fact_editable(row)):
            return QBrush(_COMPUTED_BACKGROUND)
        return None

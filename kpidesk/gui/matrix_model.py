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

Must not: compute an index, KPI or pay (``MatrixEditing.live_result`` does), or save the
matrix (the section does, through the service).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import HUNDRED, format_number, format_percent, parse_number, round_to
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem
from kpidesk.core.results import EmployeeResult, RowResult
from kpidesk.gui.numbers import edit_text
from kpidesk.gui.problem_text import error_text, explanation_text, problem_text
from kpidesk.services.errors import UserError
from kpidesk.services.matrices import MatrixEditing

AnyIndex = QModelIndex | QPersistentModelIndex

INDICATOR, WEIGHT, BASE, NORM, TARGET, FACT, INDEX, WEIGHTED, NEED = range(9)
MATRIX_COLUMNS = (INDICATOR, WEIGHT, BASE, NORM, TARGET)
COMPUTED_COLUMNS = (INDEX, WEIGHTED, NEED)
_FIELDS = {INDICATOR: "indicator", WEIGHT: "weight", BASE: "base", NORM: "norm", TARGET: "target"}
_COLUMN_OF_FIELD = {name: column for column, name in _FIELDS.items()}
_ERROR_BACKGROUND = QColor("#f8d7da")
_WARNING_BACKGROUND = QColor("#fff3cd")
_COMPUTED_BACKGROUND = QColor("#f1f3f5")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class EditRow:
    """A matrix row as typed: anything may still be missing (``""``/``None``)."""

    indicator: str = ""
    weight: Decimal | None = None
    base: Decimal | None = None
    norm: Decimal | None = None
    target: Decimal | None = None

    @classmethod
    def of(cls, row: MatrixRow) -> EditRow:
        """The editable form of a stored row."""
        return cls(row.indicator, row.weight, row.base, row.norm, row.target)

    @property
    def complete(self) -> bool:
        """Whether it can become a :class:`MatrixRow` (indicator and norm given)."""
        return bool(self.indicator) and self.norm is not None

    def matrix_row(self) -> MatrixRow:
        """The row for the calculation (an empty weight counts as 0)."""
        assert self.norm is not None
        return MatrixRow(
            self.indicator, self.weight or Decimal(0), self.base, self.norm, self.target
        )


@dataclass(frozen=True)
class MatrixTarget:
    """What the editor shows: the period, the matrix's owner (a position's template or an
    employee's override) and whose facts and results are shown (``live``)."""

    period: Period
    position: str | None = None
    employee: str | None = None
    live: str | None = None


class RefusedError(ValueError):
    """A typed value refused, with the reason already in the user's language."""


def parse_weight(text: str) -> Decimal | None:
    """A weight typed as ``30%``, ``0,3`` or ``30`` (a number above 1 is read as percent)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    percent = cleaned.endswith("%")
    value = parse_number(cleaned.rstrip("%"))
    if percent or abs(value) > 1:
        value = value / HUNDRED
    return value


def weight_text(weight: Decimal, lang: str = "ru") -> str:
    """``0.3`` → ``30%``."""
    return format_number(weight * HUNDRED, None, lang=lang) + "%"


class RowsCommand(QUndoCommand):
    """One undoable change of the matrix's rows (a cell, a paste, a row added, moved…)."""

    def __init__(
        self,
        model: MatrixModel,
        before: tuple[EditRow, ...],
        after: tuple[EditRow, ...],
        text: str,
    ) -> None:
        super().__init__(text)
        self.model = model
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.model.apply_rows(self.after)

    def undo(self) -> None:
        self.model.apply_rows(self.before)


class MatrixModel(QAbstractTableModel):
    """The matrix being edited plus the live results of the employee shown.

    Signals:
        resultChanged(): the rows or results changed (labels under the grid refresh).
        factWritten(object): a manual fact was saved; the ``Change`` to publish.
    """

    resultChanged = Signal()
    factWritten = Signal(object)

    def __init__(self, editing: MatrixEditing, undo_stack: QUndoStack, lang: str = "ru") -> None:
        super().__init__()
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
        """Σ weights of every row (empty counts as 0)."""
        return sum((row.weight or Decimal(0) for row in self._rows), Decimal(0))

    def indicator(self, row: int) -> Indicator | None:
        """The indicator of a row, if known."""
        if 0 <= row < len(self._rows):
            return self._indicators.get(self._rows[row].indicator)
        return None

    def row_result(self, row: int) -> RowResult | None:
        """The live result of a row, if it could be computed."""
        return self._row_results.get(row)

    def errors(self) -> list[Problem]:
        """The problems that refuse saving."""
        return [p for p in self.problems if p.is_error]

    def _revalidate(self) -> None:
        """Row and matrix problems from core validation, plus rows still incomplete."""
        problems: list[Problem] = []
        cells: dict[tuple[int, int], list[Problem]] = {}
        included = [i for i, row in enumerate(self._rows) if row.complete]
        for i, row in enumerate(self._rows):
            if not row.indicator:
                found = _missing("indicator_required", i)
                problems.append(found)
                cells.setdefault((i, INDICATOR), []).append(found)
            elif row.norm is None:
                found = _missing("norm_required", i)
                problems.append(found)
                cells.setdefault((i, NORM), []).append(found)
        if self.target is not None:
            for found in self.editing.validate(self._matrix_of(included)):
                problems.append(found)
                key = found.where.key if found.where.entity == "matrix row" else None
                column = _COLUMN_OF_FIELD.get(found.where.field or "")
                if key is not None and column is not None and key.isdigit():
                    at = included[int(key) - 1]
                    cells.setdefault((at, column), []).append(found)
        self.problems = problems
        self._cell_problems = cells

    def _matrix_of(self, included: Sequence[int]) -> Matrix:
        assert self.target is not None
        rows = tuple(self._rows[i].matrix_row() for i in included)
        owner = self.target.position if self.target.employee is None else None
        return Matrix(self.target.period, rows, owner, self.target.employee)

    def _recompute(self) -> None:
        self.result = None
        self._row_results = {}
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

    def _computed_changed(self) -> None:
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, NEED))

    # --- undoable changes -----------------------------------------------------------------
    def push(self, rows: Sequence[EditRow], text: str) -> None:
        """Change the rows as one undo step."""
        after = tuple(rows)
        if after != self._rows:
            self.undo_stack.push(RowsCommand(self, self._rows, after, text))

    def apply_rows(self, rows: tuple[EditRow, ...]) -> None:
        """Replace the rows, telling views exactly which rows changed, came or went."""
        before = self._rows
        start = 0
        while start < min(len(before), len(rows)) and before[start] == rows[start]:
            start += 1
        tail = 0
        while (
            tail < min(len(before), len(rows)) - start
            and before[len(before) - 1 - tail] == rows[len(rows) - 1 - tail]
        ):
            tail += 1
        removed = len(before) - start - tail
        added = len(rows) - start - tail
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
    def _resolve_indicator(self, text: str) -> str:
        cleaned = text.strip()
        if not cleaned:
            return ""
        if cleaned in self._indicators:
            return cleaned
        lowered = cleaned.casefold()
        for code, indicator in self._indicators.items():
            if lowered in (code.casefold(), indicator.name.casefold()):
                return code
            if lowered == f"{indicator.name} ({code})".casefold():
                return code
        raise RefusedError(
            problem_text(
                Problem(
                    "unknown_indicator",
                    f"Unknown indicator '{cleaned}'.",
                    params=(("indicator", cleaned),),
                ),
                self.lang,
            )
        )

    def _number(self, text: str) -> Decimal | None:
        if not text.strip():
            return None
        try:
            return parse_number(text)
        except ValueError:
            raise RefusedError(_not_a_number(text, self.lang)) from None

    def _parsed(self, row: EditRow, column: int, text: str) -> EditRow:
        """``row`` with one matrix cell set from typed text; refuses bad values."""
        if column == INDICATOR:
            return replace(row, indicator=self._resolve_indicator(text))
        if column == WEIGHT:
            try:
                weight = parse_weight(text)
            except ValueError:
                raise RefusedError(_not_a_number(text, self.lang)) from None
            if weight is not None and weight < 0:
                code = "negative_weight"
            elif weight is not None and weight > 1:
                code = "weight_too_large"
            else:
                return replace(row, weight=weight)
            raise RefusedError(
                problem_text(
                    Problem(
                        code,
                        code,
                        value=str(weight),
                        params=(("indicator", row.indicator),),
                    ),
                    self.lang,
                )
            )
        value = self._number(text)
        if column == BASE:
            return replace(row, base=value)
        if column == NORM:
            return replace(row, norm=value)
        return replace(row, target=value)

    def _check_duplicates(self, rows: Sequence[EditRow]) -> None:
        seen: set[str] = set()
        for row in rows:
            if row.indicator and row.indicator in seen:
                raise RefusedError(
                    problem_text(
                        Problem(
                            "duplicate_row",
                            "duplicate",
                            params=(("indicator", self._name(row.indicator)),),
                        ),
                        self.lang,
                    )
                )
            seen.add(row.indicator)

    def _name(self, code: str) -> str:
        indicator = self._indicators.get(code)
        return indicator.name if indicator is not None else code

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
            edited = self._parsed(self._rows[row], column, text)
            rows = list(self._rows)
            rows[row] = edited
            self._check_duplicates(rows)
        except RefusedError as refusal:
            self.last_error = _cell_reason(row, column, str(refusal))
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
            value = self._number(text)
            change = self.editing.set_fact(target.period, target.live, indicator.code, value)
        except RefusedError as refusal:
            self.last_error = _cell_reason(row, FACT, str(refusal))
            return False
        except UserError as error:
            self.last_error = _cell_reason(row, FACT, error_text(error, self.lang))
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
                        edited = self._parsed(edited, column + c, text)
                    except RefusedError as refusal:
                        raise RefusedError(
                            _cell_reason(row + r, column + c, str(refusal))
                        ) from None
                rows[row + r] = edited
            self._check_duplicates(rows)
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
                rows[row] = self._parsed(rows[row], column, "")
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
            return (
                QCoreApplication.translate("MatrixModel", "Indicator"),
                QCoreApplication.translate("MatrixModel", "Weight"),
                QCoreApplication.translate("MatrixModel", "Base"),
                QCoreApplication.translate("MatrixModel", "Norm"),
                QCoreApplication.translate("MatrixModel", "Target"),
                QCoreApplication.translate("MatrixModel", "Fact"),
                QCoreApplication.translate("MatrixModel", "Index"),
                QCoreApplication.translate("MatrixModel", "Weighted"),
                QCoreApplication.translate("MatrixModel", "What is needed"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate(
                    "MatrixModel", "The indicator measured (type its code or name)"
                ),
                QCoreApplication.translate(
                    "MatrixModel", "Importance of the row; the weights must sum to 100%"
                ),
                QCoreApplication.translate(
                    "MatrixModel", "At or below the base the row counts as nothing"
                ),
                QCoreApplication.translate("MatrixModel", "Reaching the norm gives index 100%"),
                QCoreApplication.translate(
                    "MatrixModel", "The stretch goal: the index stops growing there"
                ),
                QCoreApplication.translate("MatrixModel", "What was achieved in the period"),
                QCoreApplication.translate(
                    "MatrixModel", "How far the fact got from base toward norm"
                ),
                QCoreApplication.translate("MatrixModel", "Weight × index"),
                QCoreApplication.translate(
                    "MatrixModel", "The fact for index 100% and for the next payout step"
                ),
            )[section]
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
        edit = self._rows[row]
        if column == INDICATOR:
            return edit.indicator
        if column in MATRIX_COLUMNS:
            return getattr(edit, _FIELDS[column])
        found = self._row_results.get(row)
        if found is None:
            return None
        if column == FACT:
            return found.fact
        if column == INDEX:
            return found.index
        if column == WEIGHTED:
            return found.weighted
        return found.need

    def _number_text(self, value: Decimal | None) -> str | None:
        return None if value is None else format_number(value, None, lang=self.lang)

    def _display(self, row: int, column: int) -> str | None:
        edit = self._rows[row]
        if column == INDICATOR:
            return self._name(edit.indicator) if edit.indicator else None
        if column == WEIGHT:
            return None if edit.weight is None else weight_text(edit.weight, self.lang)
        if column in (BASE, NORM, TARGET):
            return self._number_text(getattr(edit, _FIELDS[column]))
        found = self._row_results.get(row)
        if found is None:
            return None
        if column == FACT:
            return self._number_text(found.fact)
        if column == INDEX:
            return None if found.index is None else format_percent(found.index, 1, lang=self.lang)
        if column == WEIGHTED:
            if found.weighted is None:
                return None
            return format_percent(found.weighted, 1, lang=self.lang)
        return self._need_text(found, short=True)

    def _edit(self, row: int, column: int) -> str | None:
        edit = self._rows[row]
        if column == INDICATOR:
            return edit.indicator
        if column == WEIGHT:
            return "" if edit.weight is None else weight_text(edit.weight, self.lang)
        if column in (BASE, NORM, TARGET):
            return edit_text(getattr(edit, _FIELDS[column]), self.lang)
        if column == FACT:
            found = self._row_results.get(row)
            return edit_text(found.fact if found else None, self.lang)
        return self._display(row, column)

    def _need_text(self, found: RowResult, short: bool) -> str | None:
        need = found.need
        if need is None:
            return None
        full = need.fact_for_full_index
        full_text = self._number_text(round_to(full, _CENT)) if full is not None else "—"
        step = need.next_step_kpi
        step_fact = need.fact_for_next_step
        if short:
            if step is None or step_fact is None:
                return full_text
            step_text = self._number_text(round_to(step_fact, _CENT))
            return f"{full_text}; {format_percent(step, 0, lang=self.lang)}: {step_text}"
        lines = [
            QCoreApplication.translate("MatrixModel", "Fact for index 100%: %1").replace(
                "%1", full_text or "—"
            )
        ]
        if step is not None:
            kpi = format_percent(step, 1, lang=self.lang)
            if step_fact is None:
                lines.append(
                    QCoreApplication.translate(
                        "MatrixModel", "The next payout step (KPI %1) is out of reach."
                    ).replace("%1", kpi)
                )
            else:
                text = QCoreApplication.translate(
                    "MatrixModel",
                    "Fact for the next payout step (KPI %1): %2, other rows unchanged.",
                )
                step_text = self._number_text(round_to(step_fact, _CENT)) or ""
                lines.append(text.replace("%1", kpi).replace("%2", step_text))
        return "\n".join(lines)

    def _tooltip(self, row: int, column: int) -> str | None:
        parts: list[str] = []
        edit = self._rows[row]
        indicator = self._indicators.get(edit.indicator)
        found = self._row_results.get(row)
        if column == INDICATOR and indicator is not None:
            parts.append(
                f"{indicator.name} ({indicator.code})"
                + (f", {indicator.unit}" if indicator.unit else "")
            )
            parts.append(
                QCoreApplication.translate("MatrixModel", "Source: %1").replace(
                    "%1", _source_text(indicator)
                )
            )
        elif column == FACT and indicator is not None:
            if indicator.source.is_manual:
                parts.append(
                    QCoreApplication.translate(
                        "MatrixModel", "Typed in; saved at once for the employee shown."
                    )
                )
            else:
                parts.append(
                    QCoreApplication.translate("MatrixModel", "Computed from %1.").replace(
                        "%1", _source_text(indicator)
                    )
                )
            if found is not None and found.fact is None:
                parts.append(
                    QCoreApplication.translate("MatrixModel", "No data for this period yet.")
                )
        elif column == INDEX and found is not None:
            parts.append(
                explanation_text(found.index_explanation)
                or QCoreApplication.translate("MatrixModel", "No fact yet.")
            )
        elif column == WEIGHTED and found is not None:
            parts.append(
                explanation_text(found.weighted_explanation)
                or QCoreApplication.translate("MatrixModel", "No fact yet.")
            )
        elif column == NEED and found is not None:
            parts.append(self._need_text(found, short=False) or "")
        for found_problem in self._cell_problems.get((row, column), []):
            parts.append(problem_text(found_problem, self.lang))
        return "\n".join(part for part in parts if part) or None

    def _background(self, row: int, column: int) -> QBrush | None:
        problems = self._cell_problems.get((row, column))
        if problems:
            errors = any(p.is_error for p in problems)
            return QBrush(_ERROR_BACKGROUND if errors else _WARNING_BACKGROUND)
        if column in COMPUTED_COLUMNS or (column == FACT and not self._fact_editable(row)):
            return QBrush(_COMPUTED_BACKGROUND)
        return None


def _missing(code: str, row: int) -> Problem:
    return Problem(
        code,
        f"Row {row + 1}: {code.replace('_', ' ')}.",
        Location(entity="matrix row", key=str(row + 1)),
        params=(("row", str(row + 1)),),
    )


def _not_a_number(text: str, lang: str) -> str:
    return problem_text(Problem("not_a_number", text, params=(("value", text),)), lang)


def _cell_reason(row: int, column: int, reason: str) -> str:
    header = (
        QCoreApplication.translate("MatrixModel", "Indicator"),
        QCoreApplication.translate("MatrixModel", "Weight"),
        QCoreApplication.translate("MatrixModel", "Base"),
        QCoreApplication.translate("MatrixModel", "Norm"),
        QCoreApplication.translate("MatrixModel", "Target"),
        QCoreApplication.translate("MatrixModel", "Fact"),
    )[min(column, FACT)]
    return (
        QCoreApplication.translate("MatrixModel", "Row %1, %2: %3")
        .replace("%1", str(row + 1))
        .replace("%2", header)
        .replace("%3", reason)
    )


def _source_text(indicator: Indicator) -> str:
    source = indicator.source
    if source.is_manual:
        return QCoreApplication.translate("MatrixModel", "typed in by hand")
    return source.text

"""The KPI matrix editor's row actions (SPEC §2.4, §2.10): add a row after the current one,
remove the selected rows, move the current row up or down, copy the previous period's
matrix into the grid, and suggest a row's base, norm and target from history (a preview
to accept).

:class:`MatrixRowActions` sits between ``page.MatrixPage`` and ``section.MatrixSection``;
each action is one undo step of the grid's model, nothing is saved here. Its strings keep
the translation context ``MatrixSection``, where they were written first.

Must not: save or delete a matrix (the section does, through ``MatrixEditing``), or
compute a KPI or a plan (``MatrixEditing.plan`` does).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from kpidesk.core.money import round_to
from kpidesk.gui.matrix.page import MatrixPage
from kpidesk.gui.matrix.rows import INDICATOR, EditRow
from kpidesk.gui.matrix.widgets import PlanPreviewDialog

_CENT = Decimal("0.01")


class MatrixRowActions(MatrixPage):
    """The grid's row actions of the matrix editor (see the module docstring)."""

    def _current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _focus(self, row: int, column: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, column)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self.view.setFocus()

    def add_row(self) -> None:
        """Add an empty row after the current one (at the end when none is current)."""
        if self.model.read_only:
            return
        current = self._current_row()
        at = self.model.rowCount() if current < 0 else current + 1
        row = self.model.insert_row(at)
        self._focus(row, INDICATOR)

    def remove_row(self) -> None:
        """Remove the selected rows."""
        rows = sorted({index.row() for index in self.view.selectedIndexes()})
        if not rows and self._current_row() >= 0:
            rows = [self._current_row()]
        if not rows or self.model.read_only:
            return
        column = max(self.view.currentIndex().column(), 0)
        self.model.remove_rows(rows)
        self._focus(min(rows[0], self.model.rowCount() - 1), column)

    def move_row(self, delta: int) -> None:
        """Move the current row up (−1) or down (+1)."""
        row = self._current_row()
        if row < 0 or self.model.read_only:
            return
        column = self.view.currentIndex().column()
        self._focus(self.model.move_row(row, delta), column)

    def copy_previous(self) -> None:
        """Put the previous period's matrix into the grid (one undo step; save to keep)."""
        target = self.model.target
        if target is None or self.model.read_only:
            return
        matrix = self.editing.previous(
            target.period, position=target.position, employee=target.employee
        )
        previous = target.period.previous().code
        if matrix is None:
            self._show_problem(
                QCoreApplication.translate("MatrixSection", "No matrix applied in %1.").replace(
                    "%1", previous
                )
            )
            return
        self.model.replace_rows(
            [EditRow.of(row) for row in matrix.rows],
            QCoreApplication.translate("MatrixSection", "Copy from the previous period"),
        )
        self._show_info(
            QCoreApplication.translate(
                "MatrixSection", "Copied %1 rows from %2. Save to keep them for %3."
            )
            .replace("%1", str(len(matrix.rows)))
            .replace("%2", previous)
            .replace("%3", target.period.code)
        )

    def plan_row(self) -> None:
        """Suggest the current row's base, norm and target from history; apply on OK."""
        target = self.model.target
        row = self._current_row()
        if target is None or row < 0 or self.model.read_only:
            return
        edit = self.model.rows[row]
        indicator = self.model.indicator(row)
        if indicator is None or not edit.complete:
            self._show_problem(
                QCoreApplication.translate(
                    "MatrixSection", "Choose the row's indicator and norm first."
                )
            )
            return
        plan = self.editing.plan(
            target.period,
            edit.matrix_row(),
            employee=target.employee,
            position=target.position if target.employee is None else None,
        )
        if plan.suggestion is None:
            self._show_problem(
                QCoreApplication.translate(
                    "MatrixSection", "No facts of '%1' in the last six periods."
                ).replace("%1", indicator.name)
            )
            return
        values = (
            round_to(plan.suggestion.base, _CENT),
            round_to(plan.suggestion.norm, _CENT),
            round_to(plan.suggestion.target, _CENT),
        )
        dialog = PlanPreviewDialog(indicator.name, edit, plan, values, self.context.lang, self)
        self.plan_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.set_plan(row, *values)
            self._show_info(
                QCoreApplication.translate(
                    "MatrixSection", "Plan from history applied. Save to keep it."
                )
            )

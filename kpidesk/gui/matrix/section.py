"""The KPI matrix editor section (SPEC §2.4–§2.5, §2.10, §4.2): pick a position's template
or an employee, edit the matrix of the toolbar's period in a spreadsheet grid with undo,
see the weights' sum, the employee's KPI, payout coefficient, bonus and total live, and save
through the matrix service.

The grid and its undo live in ``matrix_model``, the page's widgets and how the summary is
shown in ``matrix_page``, the grid's row actions (add, remove, move, copy the previous
period, plan from history) in ``row_actions`` and the words on which matrix applies and who
follows a template in ``applies``; this module keeps the owner pickers in step with the
directories, loads the matrix in force, and turns the other buttons and shortcuts (save,
delete, return to the template) into model or service calls.
Locked periods are shown read-only with a note; so is every matrix for a role that may
not change matrices (SPEC §8.1: only the owner does), and the owners offered are the people
whose results the logged-in user may see (an employee: their own matrix only).

Must not: compute a KPI (``MatrixEditing.live_result``), write SQL, or save a matrix
other than through ``MatrixEditing.save``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from kpidesk.core.matrix import Matrix
from kpidesk.core.periods import Period
from kpidesk.core.rights import Right, Scope
from kpidesk.gui.context import AppContext
from kpidesk.gui.matrix.applies import applies_text, followers_texts
from kpidesk.gui.matrix.page import EMPLOYEE, TEMPLATE
from kpidesk.gui.matrix.row_actions import MatrixRowActions
from kpidesk.gui.matrix.rows import WEIGHT, MatrixTarget
from kpidesk.gui.matrix.template_picker import TemplatePicker
from kpidesk.gui.rights import edits_directories, sees_results
from kpidesk.reports.problem_text import error_text, problems_text
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError
from kpidesk.services.matrices import MatrixEditing, MatrixKind


class MatrixSection(MatrixRowActions):
    """Edit a KPI matrix for the toolbar's period."""

    key = "matrix"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.owner.currentIndexChanged.connect(self._owner_changed)
        self.live.currentIndexChanged.connect(self._live_changed)
        for action, slot in (
            (self.add_action, self.add_row),
            (self.remove_action, self.remove_row),
            (self.up_action, lambda: self.move_row(-1)),
            (self.down_action, lambda: self.move_row(1)),
            (self.copy_action, self.copy_previous),
            (self.plan_action, self.plan_row),
            (self.delete_action, self.delete_matrix),
            (self.reset_action, self.reset_to_template),
            (self.save_action, self.save),
        ):
            action.triggered.connect(slot)
        self.model.resultChanged.connect(self._refresh_summary)
        self.model.run = lambda write: self.context.run(write, initiator=self)
        self.undo_stack.cleanChanged.connect(self._refresh_saved)
        context.changed.connect(self._on_changed)
        context.periodChanged.connect(self._on_period_changed)
        context.storeChanged.connect(lambda _store: self._fill_owners())
        context.companyOpened.connect(self._on_company_opened)
        self._follow_rights()
        self._fill_owners()
        self.reload()
        # "From a template…" (issue 14 item 2)
        self.template_picker = TemplatePicker(self, self.reload)

    def title(self) -> str:
        return self.tr("KPI matrix")

    # --- rights ---------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        """Whether the logged-in user may change matrices (and facts typed in here)."""
        return edits_directories(self.context.service.actor)

    def _follow_rights(self) -> None:
        """An employee sees their own matrix only: no position templates to choose."""
        own_only = self.context.service.actor.scope(Right.SEE_RESULTS) is Scope.OWN
        at = self.mode.findData(TEMPLATE)
        self.mode.blockSignals(True)
        if own_only and at >= 0:
            self.mode.removeItem(at)
        elif not own_only and at < 0:
            self.mode.insertItem(0, self.tr("Position template"), TEMPLATE)
            self.mode.setCurrentIndex(0)
        self.mode.setEnabled(not own_only)
        self.mode.blockSignals(False)

    # --- owners ---------------------------------------------------------------------------
    def _is_template(self) -> bool:
        return bool(self.mode.currentData() == TEMPLATE)

    def _fill_owners(self, include: str | None = None) -> None:
        company = self.editing.company
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        if self._is_template():
            for position in company.positions:
                if not position.archived:
                    self.owner.addItem(position.name, position.name)
        else:
            store = self.context.store
            actor = self.context.service.actor
            for employee in company.employees:
                hidden = employee.archived or (store is not None and employee.store != store)
                if (hidden and employee.name != include) or not sees_results(actor, employee):
                    continue
                self.owner.addItem(f"{employee.name} — {employee.position}", employee.name)
        found = self.owner.findData(current)
        self.owner.setCurrentIndex(found if found >= 0 else (0 if self.owner.count() else -1))
        self.owner.blockSignals(False)
        self._fill_live()

    def _fill_live(self) -> None:
        company = self.editing.company
        current = self.live.currentData()
        self.live.blockSignals(True)
        self.live.clear()
        template = self._is_template()
        self.live.setVisible(template)
        self.live_label.setVisible(template)
        if template:
            position = self.owner.currentData()
            period = self.context.period
            actor = self.context.service.actor
            for employee in company.employees:
                if not sees_results(actor, employee):
                    continue
                if employee.position == position and not employee.archived:
                    if employee.works_in(period):
                        self.live.addItem(employee.name, employee.name)
            found = self.live.findData(current)
            self.live.setCurrentIndex(found if found >= 0 else (0 if self.live.count() else -1))
        self.live.blockSignals(False)

    def _target(self) -> MatrixTarget | None:
        owner = self.owner.currentData()
        period = self.context.period
        if owner is None:
            return None
        if self._is_template():
            return MatrixTarget(period, position=owner, live=self.live.currentData())
        return MatrixTarget(period, employee=owner, live=owner)

    def _mode_changed(self) -> None:
        if not self._confirm_leave():
            return
        self._fill_owners()
        self.reload()

    def _owner_changed(self) -> None:
        if not self._confirm_leave():
            return
        self._fill_live()
        self.reload()

    def _live_changed(self) -> None:
        self.model.set_live(self.live.currentData())

    def _confirm_leave(self) -> bool:
        """Before another matrix is shown: offer to save unsaved changes (Yes saves, No
        discards). Always lets the switch go ahead."""
        if self._loading or self.undo_stack.isClean() or self.model.target is None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to the matrix before showing another one?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.save()
        return True

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the matrix in force for the chosen owner and the toolbar's period."""
        self._loading = True
        try:
            target = self._target()
            period = self.context.period
            locked = self.editing.is_locked(period)
            self.indicator_delegate.set_indicators(self.editing.company.indicators)
            matrix = None
            if target is not None:
                matrix = self._matrix_in_force(target)
            read_only = locked or target is None or not self.editable
            self.saved_mark = False
            self.model.load(target or MatrixTarget(period), matrix, read_only)
            # even rows: a long indicator name is cut with "…" (whole in its tooltip)
            self.view.setWordWrap(False)
            self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            self._refresh_applies(target, matrix)
            self._show_lock(locked)
            self._refresh_actions()
            self._refresh_saved()
            self.message.clear()
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(0, WEIGHT))
        finally:
            self._loading = False

    def _show_lock(self, locked: bool) -> None:
        self.read_only_note.show_note(
            None
            if self.editable
            else self.tr("Read only: only the owner changes matrices; you see them as they are.")
        )
        self.locked_note.setVisible(locked)
        self.locked_note.setText(
            self.tr(
                "Period %1 is locked (bonuses paid): the matrix and facts are read-only. "
                "The owner can reopen the period."
            ).replace("%1", self.context.period.code)
        )

    def _follow_lock(self) -> None:
        """The period was locked or reopened (anywhere): turn the shown matrix read-only
        or editable again at once, keeping its rows (unsaved edits stay, but cannot be
        saved while the period is locked)."""
        locked = self.editing.is_locked(self.context.period)
        self.model.set_read_only(locked or self._target() is None or not self.editable)
        self._show_lock(locked)
        self._refresh_actions()

    def _matrix_in_force(self, target: MatrixTarget) -> Matrix | None:
        if target.employee is not None:
            return self.editing.applied(target.employee, target.period).matrix
        return self.editing.template(target.position or "", target.period)

    def _refresh_applies(self, target: MatrixTarget | None, matrix: Matrix | None) -> None:
        if target is None:
            self.applies.setText(self.tr("Add a position or an employee in Directories first."))
            return
        self.applies.setText(applies_text(self.editing, target, matrix, self.context.period))
        self._refresh_followers(target)

    def _refresh_followers(self, target: MatrixTarget | None) -> None:
        """A template lists who follows it and who has their own matrix; an employee with
        their own matrix is offered the way back to the template."""
        own = False
        if target is not None and target.employee is not None:
            applied = self.editing.applied(target.employee, target.period)
            own = applied.kind is MatrixKind.OVERRIDE
        self.reset_button.setVisible(own)
        self.reset_action.setEnabled(own and not self.model.read_only)
        if target is None or target.employee is not None or target.position is None:
            self.followers.hide()
            return
        text, tip = followers_texts(self.editing.followers(target.position, target.period))
        self.followers.setText(text)
        self.followers.setToolTip(tip)
        self.followers.show()

    def _exact(self) -> Matrix | None:
        target = self.model.target
        if target is None or (target.position is None and target.employee is None):
            return None
        return self.editing.exact(target.period, position=target.position, employee=target.employee)

    def _refresh_actions(self) -> None:
        editable = not self.model.read_only
        for action in (
            self.add_action,
            self.remove_action,
            self.up_action,
            self.down_action,
            self.copy_action,
            self.plan_action,
            self.save_action,
        ):
            action.setEnabled(editable)
        self.delete_action.setEnabled(editable and self._exact() is not None)

    # --- actions --------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the edited matrix for the period through the service."""
        target = self.model.target
        if target is None or self.model.read_only:
            return False
        errors = self.model.errors()
        if errors:
            self._show_problem(
                self.tr("Not saved:") + " " + problems_text(errors, self.context.lang)
            )
            return False
        matrix = self.model.matrix()
        if self.editing.follows_template_unchanged(matrix):
            # an own matrix equal to the template would override nothing: nothing is stored
            self.saved_mark = False
            self.undo_stack.setClean()
            self._refresh_saved()
            self._show_info(
                self.tr(
                    "Nothing to save: these rows are the template of the position, which "
                    "the employee follows."
                )
            )
            return True
        try:
            self.context.run(lambda: self.editing.save(matrix), initiator=self)
        except UserError as error:
            self._show_problem(self.tr("Not saved:") + " " + error_text(error, self.context.lang))
            return False
        self.saved_mark = True
        self.undo_stack.setClean()
        self._refresh_saved()
        self._refresh_applies(target, self._matrix_in_force(target))
        self._refresh_actions()
        self._show_info(self.tr("Saved the matrix for %1.").replace("%1", target.period.code))
        return True

    def reset_to_template(self) -> None:
        """ "Вернуть к шаблону должности": after a confirmation naming the own matrices that
        go, the employee follows the position's template again (through the runner;
        refused with its reason in a locked period)."""
        target = self.model.target
        if target is None or target.employee is None or self.model.read_only:
            return
        removed = self.editing.reset_removes(target.employee, target.period)
        if not removed:
            return
        position = self.editing.employee(target.employee).position
        answer = QMessageBox.question(
            self,
            self.tr("Return to the position's template"),
            self.tr(
                "%1 will follow the template of the position '%2' from %3 on; their own "
                "matrices (%4) are removed. Continue?"
            )
            .replace("%1", target.employee)
            .replace("%2", position)
            .replace("%3", removed[0].code)
            .replace("%4", ", ".join(period.code for period in removed)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        employee, period = target.employee, target.period
        try:
            self.context.run(
                lambda: self.editing.reset_to_template(employee, period), initiator=self
            )
        except UserError as error:
            self._show_problem(error_text(error, self.context.lang))
            return
        self.reload()
        self._show_info(
            self.tr("%1 follows the template of the position '%2' again.")
            .replace("%1", employee)
            .replace("%2", position)
        )

    def delete_matrix(self) -> None:
        """Delete the owner's matrix of this exact period (after a confirmation)."""
        target = self.model.target
        if target is None or self._exact() is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the matrix"),
            self.tr("Delete the matrix of %1 for %2? The matrix in force before it applies again.")
            .replace("%1", target.employee or target.position or "")
            .replace("%2", target.period.code),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            position = target.position if target.employee is None else None
            self.context.run(
                lambda: self.editing.delete(
                    target.period, position=position, employee=target.employee
                ),
                initiator=self,
            )
        except UserError as error:
            self._show_problem(error_text(error, self.context.lang))
            return
        self.reload()

    # --- the rest of the window -----------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.LOCK and change.touches(self.context.period):
            self._follow_lock()
            return
        if change.initiator is self:
            return
        if change.kind in (ChangeKind.COMPANY, ChangeKind.DIRECTORY):
            self._fill_owners()
        if change.kind in (ChangeKind.COMPANY, ChangeKind.DIRECTORY, ChangeKind.MATRIX) and (
            self.undo_stack.isClean()
        ):
            self.reload()
        else:
            self.model.refresh_results()

    def _on_period_changed(self, period: Period) -> None:
        self._confirm_leave()
        self._fill_live()
        self.reload()

    def _on_company_opened(self) -> None:
        self.editing = MatrixEditing(self.context.service)
        self.model.editing = self.editing
        self.undo_stack.clear()
        self._follow_rights()
        self._fill_owners()
        self.reload()

    def open_item(self, **target: object) -> bool:
        """Drill down: ``employee="…"`` shows that employee's matrix, ``position="…"`` the
        position's template."""
        employee, position = target.get("employee"), target.get("position")
        mode, owner = (EMPLOYEE, employee) if employee is not None else (TEMPLATE, position)
        if owner is None:
            return False
        self._confirm_leave()
        self._loading = True
        try:
            self.mode.setCurrentIndex(self.mode.findData(mode))
            self._fill_owners(include=str(owner))
            found = self.owner.findData(owner)
            if found < 0:
                return False
            self.owner.setCurrentIndex(found)
            self._fill_live()
        finally:
            self._loading = False
        self.reload()
        self.view.setFocus()
        return True

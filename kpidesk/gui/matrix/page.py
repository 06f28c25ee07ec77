"""The KPI matrix editor's page (SPEC §2.4–§2.5): the widgets laid out — the owner
pickers, the "applies" and "locked" notes, the toolbar's actions with their shortcuts and
buttons, the grid, the summary panel under it (the weights' sum, the employee's KPI,
payout coefficient, bonus and total) and the message line — and how the summary, the
"saved" mark and the messages are shown.

:class:`MatrixPage` is the base of ``matrix.MatrixSection``, which connects the pickers and
the actions to what they do; the split keeps the look of the page apart from its behaviour
(as a Qt Designer form would). Its ``tr`` strings are found from the section too, because
PySide looks up a translation along the class hierarchy.

The bonus and total of someone whose money the logged-in user may not see (SPEC §8.1)
show as "—".

Must not: call a service to change anything, or compute a KPI (the model's result is shown
as it is).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.money import format_money, format_number, format_percent, round_to
from kpidesk.gui.context import AppContext
from kpidesk.gui.matrix.model import MatrixModel
from kpidesk.gui.matrix.rows import (
    BASE,
    FACT,
    INDEX,
    INDICATOR,
    NEED,
    NORM,
    TARGET,
    WEIGHT,
    WEIGHTED,
    weight_text,
)
from kpidesk.gui.matrix.widgets import IndicatorDelegate
from kpidesk.gui.rights import WITHHELD, sees_money
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.elided_label import shrink_combo
from kpidesk.gui.widgets.numbers import NumberDelegate
from kpidesk.gui.widgets.rights_note import ReadOnlyNote
from kpidesk.gui.widgets.spreadsheet import SpreadsheetView
from kpidesk.reports.need_text import need_lines
from kpidesk.reports.problem_text import explanation_text, problems_text
from kpidesk.services.matrices import MatrixEditing

TEMPLATE, EMPLOYEE = "template", "employee"
RED, GREEN, GREY = "#b00020", "#1b5e20", "#555555"


class MatrixPage(Section):
    """The matrix editor's widgets and how its state is shown (see the module docstring)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.editing = MatrixEditing(context.service)
        self.undo_stack = QUndoStack(self)
        self.model = MatrixModel(self.editing, self.undo_stack, context.lang)
        self.saved_mark = False  # the matrix shown was just saved (see _refresh_saved)
        self._build()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.mode = QComboBox(self)
        self.mode.setObjectName("matrix_mode")
        self.mode.addItem(self.tr("Position template"), TEMPLATE)
        self.mode.addItem(self.tr("Employee"), EMPLOYEE)
        self.owner = QComboBox(self)
        self.owner.setObjectName("matrix_owner")
        shrink_combo(self.owner, 16)  # long names elided; the full one in the tooltip
        self.live_label = QLabel(self.tr("Figures for:"), self)
        self.live = QComboBox(self)
        self.live.setObjectName("matrix_live_employee")
        shrink_combo(self.live, 14)
        pick.addWidget(QLabel(self.tr("Matrix of:"), self))
        pick.addWidget(self.mode)
        pick.addWidget(self.owner, 1)
        pick.addWidget(self.live_label)
        pick.addWidget(self.live, 1)
        layout.addLayout(pick)
        self._build_actions()
        # which matrix applies, next to the two actions that change that (the rows'
        # actions and Save below stay on one line within a 1280-pixel screen)
        applies_row = QHBoxLayout()
        self.applies = QLabel(self)
        self.applies.setObjectName("matrix_applies")
        self.applies.setWordWrap(True)
        applies_row.addWidget(self.applies, 1)
        self.reset_button = self._button(self.reset_action, "matrix_reset_to_template")
        self.reset_button.hide()
        applies_row.addWidget(self.reset_button)
        applies_row.addWidget(self._button(self.copy_action, "matrix_copy_previous"))
        applies_row.addWidget(self._button(self.delete_action, "matrix_delete"))
        layout.addLayout(applies_row)
        # a template: who follows it and who has their own matrix (names elided on the
        # line, every name in the tooltip)
        self.followers = QLabel(self)
        self.followers.setObjectName("matrix_followers")
        self.followers.setWordWrap(True)
        self.followers.setStyleSheet(f"color: {GREY};")
        self.followers.hide()
        layout.addWidget(self.followers)
        self.locked_note = QLabel(self)
        self.locked_note.setObjectName("matrix_locked_note")
        self.locked_note.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 4px; border-radius: 3px;"
        )
        self.locked_note.setWordWrap(True)
        self.locked_note.hide()
        layout.addWidget(self.locked_note)
        self.read_only_note = ReadOnlyNote(self)
        layout.addWidget(self.read_only_note)
        layout.addLayout(self._build_buttons())
        self.view = SpreadsheetView(self)
        self.view.setObjectName("matrix_grid")
        self.view.setModel(self.model)
        self.indicator_delegate = IndicatorDelegate(self.view)
        self.number_delegate = NumberDelegate(self.view)
        self.view.setItemDelegate(self.number_delegate)
        self.view.setItemDelegateForColumn(INDICATOR, self.indicator_delegate)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(INDICATOR, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in (
            (WEIGHT, 70),
            (BASE, 100),
            (NORM, 100),
            (TARGET, 100),
            (FACT, 105),
            (INDEX, 80),
            (WEIGHTED, 80),
            (NEED, 225),
        ):
            self.view.setColumnWidth(column, width)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.view.problem.connect(self._show_problem)
        layout.addWidget(self.view, 1)
        self.need_panel = QLabel(self)
        self.need_panel.setObjectName("matrix_need")
        self.need_panel.setWordWrap(True)
        self.need_panel.setTextFormat(Qt.TextFormat.RichText)
        self.need_panel.setStyleSheet(
            "background: #eef4fb; color: #1a3d5c; padding: 4px; border-radius: 3px;"
        )
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._refresh_need())
        self.model.modelReset.connect(self._refresh_need)
        layout.addWidget(self.need_panel)
        layout.addLayout(self._build_summary())
        self.message = QLabel(self)
        self.message.setObjectName("matrix_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({action.shortcut().toString()})")
        self.addAction(action)
        return action

    def _button(self, action: QAction, name: str) -> QPushButton:
        button = QPushButton(action.text(), self)
        button.setObjectName(name)
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    def _build_actions(self) -> None:
        self.add_action = self._action(self.tr("Add row"), "Ctrl+Ins")
        self.remove_action = self._action(self.tr("Remove row"), "Ctrl+Del")
        self.up_action = self._action(self.tr("Up"), "Ctrl+Up")
        self.down_action = self._action(self.tr("Down"), "Ctrl+Down")
        self.copy_action = self._action(self.tr("Copy from the previous period"), None)
        self.plan_action = self._action(self.tr("Plan from history…"), "Ctrl+H")
        self.delete_action = self._action(self.tr("Delete this period's matrix"), None)
        self.reset_action = self._action(self.tr("Return to the position's template"), None)
        self.save_action = self._action(self.tr("Save"), QKeySequence.StandardKey.Save)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for action, name in (
            (self.add_action, "matrix_add"),
            (self.remove_action, "matrix_remove"),
            (self.up_action, "matrix_up"),
            (self.down_action, "matrix_down"),
            (self.plan_action, "matrix_plan"),
        ):
            button = self._button(action, name)
            if action in (self.up_action, self.down_action):
                # arrows keep the row within a 1280-pixel screen; the tooltip says the word
                button.setText("▲" if action is self.up_action else "▼")
                button.setToolTip(action.toolTip())
                button.setFixedWidth(button.fontMetrics().horizontalAdvance("▲") + 24)
            row.addWidget(button)
        row.addStretch(1)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("matrix_saved")
        row.addWidget(self.saved_label)
        self.save_button = self._button(self.save_action, "matrix_save")
        self.save_button.setDefault(False)
        row.addWidget(self.save_button)
        return row

    def _build_summary(self) -> QGridLayout:
        grid = QGridLayout()
        self.weights_label = QLabel(self)
        self.weights_label.setObjectName("matrix_weights")
        self.kpi_label = QLabel(self)
        self.kpi_label.setObjectName("matrix_kpi")
        self.coefficient_label = QLabel(self)
        self.coefficient_label.setObjectName("matrix_coefficient")
        self.bonus_label = QLabel(self)
        self.bonus_label.setObjectName("matrix_bonus")
        self.total_label = QLabel(self)
        self.total_label.setObjectName("matrix_total")
        labels = (
            self.weights_label,
            self.kpi_label,
            self.coefficient_label,
            self.bonus_label,
            self.total_label,
        )
        for column, label in enumerate(labels):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)  # the five figures share a 1280-pixel line
            grid.addWidget(label, 0, column)
        return grid

    def _refresh_saved(self) -> None:
        """ "Saved" only right after a save that stored the matrix; a matrix just shown and
        not edited says nothing; edits say "Unsaved changes"."""
        if self.undo_stack.isClean():
            self.saved_label.setText(self.tr("Saved") if self.saved_mark else "")
            self.saved_label.setStyleSheet(f"color: {GREEN};")
        else:
            self.saved_mark = False
            self.saved_label.setText(self.tr("Unsaved changes"))
            self.saved_label.setStyleSheet(f"color: {RED}; font-weight: bold;")

    def _refresh_summary(self) -> None:
        lang = self.context.lang
        total = self.model.weight_sum()
        ok = self.model.weights_ok()
        colour = GREEN if ok else RED
        text = self.tr("Sum of weights: %1").replace("%1", weight_text(total, lang))
        if not ok:
            text += " " + self.tr("(must be 100%)")
        pending = self.model.pending_weight()
        if pending:
            text += " " + self.tr("(%1 more in rows without an indicator or a norm)").replace(
                "%1", weight_text(pending, lang)
            )
        self.weights_label.setText(f'<span style="color:{colour}; font-weight:bold">{text}</span>')
        self.weights_label.setProperty("ok", ok)
        result = self.model.result
        no_data = self.tr("no data")
        kpi = coefficient = bonus = total_pay = no_data
        tips = ["", "", "", ""]
        if result is not None and result.kpi is not None:
            kpi = format_percent(result.kpi, 1, lang=lang)
            tips[0] = explanation_text(result.kpi_explanation)
        elif result is not None and result.missing:
            tips[0] = self.tr("Incomplete: no fact for %1.").replace(
                "%1", ", ".join(self._indicator_names(result.missing))
            )
        actor = self.context.service.actor
        if result is not None and result.pay is not None:
            pay = result.pay
            coefficient = format_number(
                round_to(pay.coefficient, Decimal("0.001")), None, lang=lang
            )
            tips[1] = explanation_text(pay.coefficient_explanation)
            if sees_money(actor, result.employee):
                bonus = format_money(pay.bonus, lang=lang)
                total_pay = format_money(pay.total, lang=lang)
                tips[2] = explanation_text(pay.bonus_explanation)
                tips[3] = explanation_text(pay.total_explanation)
            else:  # computed without their money, which is not the reader's to see
                bonus = total_pay = WITHHELD
        elif result is not None and result.problems:
            tips[0] = problems_text(result.problems, lang)
        for label, caption, value, tip in (
            (self.kpi_label, self.tr("KPI"), kpi, tips[0]),
            (self.coefficient_label, self.tr("Payout coefficient"), coefficient, tips[1]),
            (self.bonus_label, self.tr("Bonus"), bonus, tips[2]),
            (self.total_label, self.tr("Total"), total_pay, tips[3]),
        ):
            label.setText(f"{caption}: <b>{value}</b>")
            label.setToolTip(tip)
        self._refresh_problems()
        self._refresh_need()

    def _refresh_need(self) -> None:
        """The panel under the grid: "Что нужно" for the current row (SPEC §2.5) — the fact
        for index 100 %, for the payout threshold and for the next step."""
        index = self.view.currentIndex()
        row = index.row() if index.isValid() else (0 if self.model.rowCount() else -1)
        needs = self.model.row_needs(row) if row >= 0 else None
        indicator = self.model.indicator(row) if row >= 0 else None
        if needs is None or indicator is None:
            self.need_panel.setText(
                self.tr("What is needed: choose an employee and a complete row to see it.")
            )
            return
        lines = need_lines(needs, indicator.unit, self.context.lang)
        head = self.tr("What is needed — %1:").replace("%1", escape(indicator.name))
        self.need_panel.setText(f"<b>{head}</b> " + " · ".join(escape(line) for line in lines))

    def _indicator_names(self, codes: tuple[str, ...]) -> list[str]:
        names = []
        for code in codes:
            found = self.editing.company.indicator(code)
            names.append(found.name if found is not None else self.tr("a matrix"))
        return names

    def _refresh_problems(self) -> None:
        errors = self.model.errors()
        if errors:
            self._show_problem(problems_text(errors, self.context.lang))
        elif self.message.property("kind") == "problem":
            self.message.clear()
            self.message.setProperty("kind", None)

    def _show_problem(self, text: str) -> None:
        self.message.setStyleSheet(f"color: {RED};")
        self.message.setText(text)
        self.message.setProperty("kind", "problem")

    def _show_info(self, text: str) -> None:
        self.message.setStyleSheet(f"color: {GREY};")
        self.message.setText(text)
        self.message.setProperty("kind", "info")

"""The Plans section (SPEC §2.6, §4.9; issue 14 item 3): each store's revenue plan for the
toolbar's pay period, typed in a grid (Excel-like, undo), or filled at once by "Copy from
the previous period" or "From history + N %" (the uplift chosen, 20 % by default: the
mean revenue of the last six periods × (1 + N %)). The plan feeds ``plan_completion``
everywhere — dashboard, matrices, bonus sheets — as soon as it is saved.

A locked period and a role that may not change plans (SPEC §8.1: the owner does) show the
grid read-only with a note. The plan of employee-sourced indicators is their matrix norm
(the note under the grid says so and links to the matrix editor).

Must not: compute suggestions or completion (``services.plans``), or write but through
``context.run``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.money import HUNDRED, format_money
from kpidesk.gui.context import AppContext
from kpidesk.gui.plans.model import PLAN, PlansModel
from kpidesk.gui.rights import edits_directories
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.numbers import NumberDelegate
from kpidesk.gui.widgets.period_lock import LockedNote
from kpidesk.gui.widgets.rights_note import ReadOnlyNote
from kpidesk.gui.widgets.spreadsheet import SpreadsheetView
from kpidesk.reports.period_words import period_in_words
from kpidesk.reports.problem_text import error_text
from kpidesk.services import plans
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError


class PlansSection(Section):
    """Store revenue plans of ``context.period``."""

    key = "plans"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.undo_stack = QUndoStack(self)
        self.model = PlansModel(self._write, self.undo_stack, context.lang)
        self.model.problem.connect(self._show_problem)
        self._build()
        self.view.problem.connect(self._show_problem)

    def title(self) -> str:
        return self.tr("Plans")

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("plans_heading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(self.heading)
        self.locked_note = LockedNote(self)
        layout.addWidget(self.locked_note)
        self.read_only_note = ReadOnlyNote(self)
        layout.addWidget(self.read_only_note)
        actions = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy from the previous period"), self)
        self.copy_button.setObjectName("plans_copy_previous")
        self.copy_button.clicked.connect(self.copy_previous)
        actions.addWidget(self.copy_button)
        self.history_button = QPushButton(self.tr("From history +"), self)
        self.history_button.setObjectName("plans_from_history")
        self.history_button.setToolTip(
            self.tr("The mean revenue of the last six periods with data, plus the uplift.")
        )
        self.history_button.clicked.connect(self.from_history)
        actions.addWidget(self.history_button)
        self.uplift = QSpinBox(self)
        self.uplift.setObjectName("plans_uplift")
        self.uplift.setRange(0, 1000)
        self.uplift.setValue(20)
        self.uplift.setSuffix(" %")
        actions.addWidget(self.uplift)
        actions.addStretch(1)
        self.total = QLabel(self)
        self.total.setObjectName("plans_total")
        actions.addWidget(self.total)
        layout.addLayout(actions)
        self.view = SpreadsheetView(self)
        self.view.setObjectName("plans_grid")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(PLAN, NumberDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(120)
        self.view.verticalHeader().setVisible(False)
        layout.addWidget(self.view, 1)
        self.note = QLabel(
            self.tr(
                "The plan feeds “plan completion” of the dashboard, the matrices and the bonus "
                "sheets. The plan of an employee's own indicators (personal sales) is the norm "
                "of their row in the KPI matrix."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.note)
        self.message = QLabel(self)
        self.message.setObjectName("plans_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    # --- showing --------------------------------------------------------------------------
    def concerns(self, change: Change) -> bool:
        if change.initiator is self and change.kind is ChangeKind.PLAN:
            return True  # redraw the completion of what was just typed
        return change.kind in (
            ChangeKind.COMPANY,
            ChangeKind.DIRECTORY,
            ChangeKind.PLAN,
            ChangeKind.DAILY,
            ChangeKind.LOCK,
        )

    def company_opened(self) -> None:
        self.undo_stack.clear()

    def period_changed(self, period: object) -> bool:
        self.undo_stack.clear()
        return True

    def refresh(self) -> None:
        context = self.context
        period = context.period
        sheet = plans.plans_sheet(context.service, period, context.store)
        editable = edits_directories(context.service.actor)
        self.model.load(sheet, sheet.locked or not editable)
        self.heading.setText(self.tr("Revenue plans for %1").replace("%1", period_in_words(period)))
        lock = context.service.is_locked(period)
        self.locked_note.show_lock(period if lock else None)
        self.read_only_note.show_note(
            None if editable else self.tr("Read only: only the owner changes the plans.")
        )
        for button in (self.copy_button, self.history_button, self.uplift):
            button.setEnabled(not self.model.read_only)
        planned = [row.plan for row in sheet.rows if row.plan is not None]
        self.total.setText(
            self.tr("Total plan: %1").replace(
                "%1", format_money(sum(planned, Decimal(0)), lang=context.lang)
            )
            if planned
            else self.tr("No plan for this period yet.")
        )

    # --- writing --------------------------------------------------------------------------
    def _write(self, changes: Mapping[str, Decimal | None]) -> None:
        period = self.context.period
        self.context.run(
            lambda: plans.set_store_plans(self.context.service, period, changes), initiator=self
        )
        self.message.clear()

    def _show_problem(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)

    def _show_info(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(text)

    def _fill(self, suggested: Mapping[str, Decimal], text: str) -> bool:
        if not suggested:
            return False
        try:
            changed = self.model.apply(suggested, text)
        except UserError as error:
            self._show_problem(error_text(error, self.context.lang))
            return False
        if changed:
            self._show_info(
                self.tr("Plans set for %1 store(s). Undo with Ctrl+Z.").replace(
                    "%1", str(len(suggested))
                )
            )
        else:
            self._show_info(self.tr("The plans are already these."))
        return True

    def copy_previous(self) -> bool:
        """Set every store's plan to its plan of the previous period."""
        period = self.context.period
        suggested = plans.from_previous(self.context.service, period)
        sheet = self.model.sheet
        suggested = {s: v for s, v in suggested.items() if sheet is not None and sheet.row(s)}
        if not suggested:
            self._show_problem(
                self.tr("There are no plans in %1 to copy.").replace("%1", period.previous().code)
            )
            return False
        return self._fill(suggested, self.tr("Copy plans from the previous period"))

    def from_history(self) -> bool:
        """Set every store's plan to its mean revenue of the last six periods + the uplift."""
        uplift = Decimal(self.uplift.value()) / HUNDRED
        try:
            suggested = plans.from_history(self.context.service, self.context.period, uplift)
        except UserError as error:
            self._show_problem(error_text(error, self.context.lang))
            return False
        sheet = self.model.sheet
        suggested = {s: v for s, v in suggested.items() if sheet is not None and sheet.row(s)}
        if not suggested:
            self._show_problem(self.tr("No revenue in the last six periods to go by."))
            return False
        return self._fill(
            suggested, self.tr("Plans from history +%1%").replace("%1", str(self.uplift.value()))
        )

    def open_item(self, **target: object) -> bool:
        """Select ``store=…``."""
        sheet = self.model.sheet
        store = target.get("store")
        if sheet is None or not isinstance(store, str):
            return False
        for row, line in enumerate(sheet.rows):
            if line.store == store:
                self.view.setCurrentIndex(self.model.index(row, PLAN))
                self.view.setFocus()
                return True
        return False

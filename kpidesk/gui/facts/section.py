"""The facts section (SPEC §4.4): the period's manual facts, employees × indicators, with how
many are still missing (the same count as the status bar's), the period's lock and reopen
actions in its toolbar (for the roles that hold them), and a note when the period is
locked or the logged-in user's role reads the facts without entering them. Facts kept
unsaved while the company server cannot be reached are asked about before the period or
the section changes or the window closes (``Section.may_leave``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from kpidesk.gui.context import AppContext
from kpidesk.gui.facts.model import NOT_NEEDED_BACKGROUND, FactsModel
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.daily_entry_text import ERROR_COLOR, MISSING_BACKGROUND, OK_COLOR
from kpidesk.gui.widgets.numbers import NumberDelegate
from kpidesk.gui.widgets.period_lock import LockedNote, PeriodLockBar
from kpidesk.gui.widgets.period_selector import period_label
from kpidesk.gui.widgets.rights_note import ReadOnlyNote
from kpidesk.gui.widgets.spreadsheet import SpreadsheetView
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.periods import lock_for_period


class FactsSection(Section):
    """Employees × manual indicators of ``context.period``."""

    key = "facts"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.undo_stack = QUndoStack(self)
        self.model = FactsModel(
            lambda: context.service,
            self.undo_stack,
            lang=context.lang,
            run=lambda write: context.run(write, initiator=self),
            parent=self,
        )
        self._build()
        self.view.problem.connect(self._show_refusal)
        self.model.problem.connect(self._show_refusal)
        context.changed.connect(self._on_changed)
        context.periodChanged.connect(lambda _period: self.reload())
        context.companyOpened.connect(self.reload)
        context.connectionChanged.connect(self._on_connection)
        self.model.pendingChanged.connect(self._show_pending)
        self.reload()

    def title(self) -> str:
        return self.tr("Facts")

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.period_title = QLabel(self)
        self.period_title.setStyleSheet("font-weight: bold;")
        top.addWidget(self.period_title)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("facts_missing")
        top.addWidget(self.missing_label)
        top.addStretch(1)
        self.lock_bar = PeriodLockBar(self.context, self)
        top.addWidget(self.lock_bar)
        layout.addLayout(top)
        self.locked_note = LockedNote(self)
        layout.addWidget(self.locked_note)
        self.read_only_note = ReadOnlyNote(self)
        layout.addWidget(self.read_only_note)
        self.view = SpreadsheetView(self)
        self.view.setObjectName("facts_view")
        self.view.setModel(self.model)
        self.view.setItemDelegate(NumberDelegate(self.view))
        self.view.setAlternatingRowColors(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(110)
        layout.addWidget(self.view, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.message)
        legend = QLabel(self)
        missing, not_needed = self.tr("missing"), self.tr("not in the matrix")
        hint = self.tr("Type a fact, Enter moves down; Ctrl+V pastes from Excel; Ctrl+Z undoes.")
        legend.setText(
            f'<span style="background:{MISSING_BACKGROUND}">&nbsp;{missing}&nbsp;</span> '
            f'<span style="background:{NOT_NEEDED_BACKGROUND}; color:#9e9e9e">&nbsp;'
            f"{not_needed}&nbsp;</span> · {hint}"
        )
        legend.setWordWrap(True)
        layout.addWidget(legend)

    def reload(self) -> None:
        """Show ``context.period`` again (the undo history is dropped)."""
        self.model.load(self.context.period)
        self.period_title.setText(
            self.tr("Facts of %1").replace(
                "%1", period_label(self.context.period, self.context.lang)
            )
        )
        self.message.clear()
        self._refresh_state()

    # --- facts kept unsaved (asked before leaving) -----------------------------------------
    def has_unsaved(self) -> bool:
        return bool(self.model.pending)

    def unsaved_text(self) -> str:
        return self.tr("%1 fact(s) are not saved yet. Save them?").replace(
            "%1", str(len(self.model.pending))
        )

    def save_unsaved(self) -> bool:
        """Write the kept facts; ``False`` when refused or the server is still away."""
        refusal = self.model.save_pending()
        self._refresh_state()
        if refusal:
            self._show_refusal(refusal)
            return False
        return not self.model.pending

    def discard_unsaved(self) -> None:
        self.model.pending.clear()
        self.model.refresh()
        self.message.clear()
        self._refresh_state()

    def _on_connection(self, online: bool) -> None:
        if online and self.model.pending:
            refusal = self.model.save_pending()
            if refusal:
                self._show_refusal(refusal)
            else:
                self.message.clear()
            self._refresh_state()

    def _show_pending(self) -> None:
        if self.model.pending:
            self.message.setText(
                f'<span style="color:{ERROR_COLOR}">⟳ '
                + self.tr(
                    "%1 fact(s) not saved: no connection to the company server; they are "
                    "saved as soon as it is back."
                ).replace("%1", str(len(self.model.pending)))
                + "</span>"
            )

    def _refresh_state(self) -> None:
        self._show_pending()
        missing = self.model.missing_count
        if missing:
            text = self.tr("%1 fact(s) still missing").replace("%1", str(missing))
            color = ERROR_COLOR
        else:
            text, color = self.tr("every fact is in"), OK_COLOR
        self.missing_label.setText(text)
        self.missing_label.setStyleSheet(f"color: {color}; margin-left: 12px;")
        self.locked_note.show_lock(lock_for_period(self.context.service, self.context.period))
        shown = self.model.sheet.employees if self.model.sheet is not None else ()
        self.read_only_note.show_note(
            self.tr("Read only: your role may look at the facts, not enter them.")
            if shown and not self.model.editable_people
            else None
        )

    def _show_refusal(self, text: str) -> None:
        safe = text.replace("&", "&amp;").replace("<", "&lt;")
        self.message.setText(f'<span style="color:{ERROR_COLOR}">✖ {safe}</span>')

    def _on_changed(self, change: Change) -> None:
        everything = change.kind in (ChangeKind.COMPANY, ChangeKind.DIRECTORY, ChangeKind.MATRIX)
        ours = change.kind in (ChangeKind.FACT, ChangeKind.LOCK)
        if everything or (ours and change.touches(self.context.period)):
            self.model.refresh()
            self._refresh_state()

    def activated(self) -> None:
        self.model.refresh()
        self._refresh_state()

    def open_item(self, **target: object) -> bool:
        """Select ``employee=…`` (and ``indicator=…`` when given)."""
        employee = target.get("employee")
        if not isinstance(employee, str):
            return False
        row = self.model.row_of(employee)
        if row is None:
            return False
        column = 0
        indicator = target.get("indicator")
        sheet = self.model.sheet
        if isinstance(indicator, str) and sheet is not None:
            codes = [i.code for i in sheet.indicators]
            column = codes.index(indicator) if indicator in codes else 0
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        return True

"""The month grid section (SPEC §4.3): one store's month of ``context.period`` as a
spreadsheet (``MonthGridModel`` in a ``SpreadsheetView``), the totals and plan above it, the
reason of the last refusal or warning below, and a note when the period is locked. The
grid takes typing only for a store whose daily data the logged-in user may change (SPEC
§8.1); for the others it is read-only with a note saying so. Every problem of an edit is
listed below the grid with its date and column; the saved days that look wrong are
coloured. Days typed in part (drafts, never saved) are asked about before the store, the
period or the section changes (``Section.may_leave``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.periods import Period, PeriodKind
from kpidesk.gui.context import AppContext
from kpidesk.gui.daily.month_grid_checks import SUSPICIOUS_BACKGROUND, lines_html
from kpidesk.gui.daily.month_grid_model import MonthGridModel
from kpidesk.gui.rights import may_enter_daily
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.daily_entry_text import (
    DRAFT_BACKGROUND,
    ERROR_COLOR,
    MISSING_BACKGROUND,
    WEEKEND_BACKGROUND,
    money_text,
    percent_text,
)
from kpidesk.gui.widgets.numbers import NumberDelegate
from kpidesk.gui.widgets.period_lock import LockedNote
from kpidesk.gui.widgets.period_selector import period_label
from kpidesk.gui.widgets.rights_note import ReadOnlyNote
from kpidesk.gui.widgets.spreadsheet import SpreadsheetView
from kpidesk.gui.widgets.store_chooser import StoreChooser
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.periods import lock_for_period

HEADER_WIDTH = 84


class MonthGridSection(Section):
    """Every day of the month for one store, editable like a spreadsheet."""

    key = "month_grid"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.undo_stack = QUndoStack(self)
        self._shown_store: str | None = None
        self.model = MonthGridModel(
            lambda: context.service,
            self.undo_stack,
            lang=context.lang,
            today=context.today,
            run=lambda write: context.run(write, initiator=self),
            parent=self,
        )
        self._build()
        self.model.problem.connect(self._show_refusal)
        self.model.warned.connect(self._show_warnings)
        self.view.problem.connect(self._show_refusal)
        context.changed.connect(self._on_changed)
        context.periodChanged.connect(lambda _period: self.reload())
        self.stores.refill()

    def title(self) -> str:
        return self.tr("Month grid")

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.stores = StoreChooser(self.context, "month_grid_store", self)
        top.addWidget(self.stores)
        self.month_label = QLabel(self)
        self.month_label.setStyleSheet("font-weight: bold; margin-left: 12px;")
        top.addWidget(self.month_label)
        top.addStretch(1)
        self.legend = QLabel(self)
        no_data, not_saved, weekend = self.tr("no data"), self.tr("not saved"), self.tr("weekend")
        odd = self.tr("check it")
        self.legend.setText(
            f'<span style="background:{MISSING_BACKGROUND}">&nbsp;{no_data}&nbsp;</span> '
            f'<span style="background:{DRAFT_BACKGROUND}">&nbsp;{not_saved}&nbsp;</span> '
            f'<span style="background:{SUSPICIOUS_BACKGROUND}">&nbsp;{odd}&nbsp;</span> '
            f'<span style="background:{WEEKEND_BACKGROUND}">&nbsp;{weekend}&nbsp;</span>'
        )
        self.legend.setToolTip(
            self.tr(
                "check it: a saved day whose conversion is above 100% or which is more than "
                "3 times away from the store's usual day (the tooltip of the day says which)"
            )
        )
        top.addWidget(self.legend)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setObjectName("month_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.locked_note = LockedNote(self)
        layout.addWidget(self.locked_note)
        self.read_only_note = ReadOnlyNote(self)
        layout.addWidget(self.read_only_note)
        self.view = SpreadsheetView(self)
        self.view.setObjectName("month_grid_view")
        self.view.setModel(self.model)
        self.view.setItemDelegate(NumberDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.view.verticalHeader().setFixedWidth(HEADER_WIDTH)
        self.view.setAlternatingRowColors(False)
        layout.addWidget(self.view, 1)
        # the totals row stays in sight below the days: the same model, only its last row,
        # stretched alike (the grid always shows its scroll bar; the footer leaves its room)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.footer = QTableView(self)
        self.footer.setObjectName("month_grid_totals")
        self.footer.setModel(self.model)
        self.footer.horizontalHeader().hide()
        self.footer.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.footer.horizontalHeader().setMinimumSectionSize(90)
        self.footer.verticalHeader().setFixedWidth(HEADER_WIDTH)
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.footer.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        row_height = self.view.verticalHeader().defaultSectionSize()
        self.footer.verticalHeader().setDefaultSectionSize(row_height)
        self.footer.setFixedHeight(row_height + 2 * self.footer.frameWidth())
        footer_row = QHBoxLayout()
        footer_row.setSpacing(0)
        footer_row.addWidget(self.footer)
        footer_row.addSpacing(self.view.verticalScrollBar().sizeHint().width())
        layout.addLayout(footer_row)
        self.model.modelReset.connect(self._split_totals)
        self.message = QLabel(self)
        self.message.setObjectName("month_grid_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.message)
        self.hint = hint = QLabel(
            self.tr(
                "Type over a cell, Enter moves down, Tab moves right; Ctrl+V pastes a block "
                "copied from Excel; Delete clears; Ctrl+Z undoes."
            ),
            self,
        )
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.stores.storeChosen.connect(lambda _store: self._store_chosen())
        self.stores.storesRefilled.connect(self.reload)

    def _split_totals(self) -> None:
        totals = self.model.totals_row
        for row in range(self.model.rowCount()):
            self.footer.setRowHidden(row, row != totals)
        if self.model.rowCount():
            self.view.setRowHidden(totals, True)

    # --- state --------------------------------------------------------------------------
    @property
    def store(self) -> str | None:
        """The store shown."""
        return self.stores.store

    @property
    def month(self) -> Period:
        """The month of ``context.period``."""
        return Period.containing(self.context.period.start, PeriodKind.MONTH)

    def reload(self) -> None:
        """Show the chosen store's month again (undo history is dropped)."""
        store = self.store
        self._shown_store = store
        editable = may_enter_daily(self.context.service.actor, store)
        self.model.editable = editable
        self.read_only_note.show_note(
            None
            if editable or store is None
            else self.tr(
                "Read only: your role may look at the daily data of %1, not change it."
            ).replace("%1", store)
        )
        self.hint.setVisible(editable)
        self.model.load(store, self.month if store else None)
        self.month_label.setText(period_label(self.month, self.context.lang))
        self.message.clear()
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        lang = self.context.lang
        totals = self.model.totals
        plan = self.model.plan
        parts = [
            self.tr("Revenue: %1").replace("%1", money_text(totals.revenue, lang)),
            self.tr("plan: %1").replace("%1", money_text(plan, lang)),
            self.tr("completion: %1").replace("%1", percent_text(totals.plan_completion, lang)),
            self.tr("conversion: %1").replace("%1", percent_text(totals.conversion, lang)),
            self.tr("average check: %1").replace("%1", money_text(totals.avg_check, lang)),
        ]
        missing = self.model.missing_count()
        text = " · ".join(parts)
        if missing:
            days = self.tr("%1 day(s) without data").replace("%1", str(missing))
            text += f' · <span style="color:{ERROR_COLOR}">{days}</span>'
        self.summary.setText(text)
        lock = lock_for_period(self.context.service, self.month) if self.store else None
        self.locked_note.show_lock(lock)

    def _show_refusal(self, text: str) -> None:
        self.message.setText(lines_html(text.split("\n"), error=True))

    def _show_warnings(self, lines: list[str]) -> None:
        self.message.setText(lines_html(lines, error=False))

    # --- days typed in part (asked before leaving) ----------------------------------------
    def has_unsaved(self) -> bool:
        return self.model.has_drafts()

    def unsaved_text(self) -> str:
        days = ", ".join(f"{day:%d.%m}" for day in self.model.days if self.model.is_draft(day))
        return self.tr(
            "Days typed in part are not saved (%1): a day is saved once its revenue, receipts "
            "and visitors are typed. Save them?"
        ).replace("%1", days)

    def save_unsaved(self) -> bool:
        """Days typed in part cannot be saved: the grid stays, saying which days lack what."""
        self._show_refusal(
            "\n".join(
                self.tr("%1: enter revenue, receipts and visitors, or clear the day.").replace(
                    "%1", f"{day:%d.%m.%Y}"
                )
                for day in self.model.days
                if self.model.is_draft(day)
            )
        )
        return False

    def discard_unsaved(self) -> None:
        self.model.drop_drafts()

    def _store_chosen(self) -> None:
        """Another store: ask about days typed in part first; Cancel puts the store back."""
        wanted = self.store
        if wanted != self._shown_store and self.has_unsaved():
            combo = self.stores.combo
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(self._shown_store), 0))
            combo.blockSignals(False)
            if not self.may_leave():
                return
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.blockSignals(False)
        self.reload()

    # --- reacting -----------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.COMPANY, ChangeKind.DIRECTORY):
            self.stores.refill()
            return
        if change.kind in (ChangeKind.DAILY, ChangeKind.PLAN, ChangeKind.LOCK) and change.touches(
            self.month, self.store
        ):
            self.model.refresh()
            self._refresh_summary()

    def activated(self) -> None:
        self.model.refresh()
        self._refresh_summary()

    def open_item(self, **target: object) -> bool:
        """Select ``store=…`` and ``day=…`` (a date) in the grid."""
        store = target.get("store")
        if isinstance(store, str) and not self.stores.choose(store):
            return False
        day = target.get("day")
        if isinstance(day, date):
            if not self.month.contains(day):
                kind = self.context.pay_period_kind()
                self.context.set_period(Period.containing(day, kind))
            row = self.model.row_of(day)
            if row is None:
                return False
            cell = self.model.index(row, MonthGridModel.REVENUE)
            self.view.setCurrentIndex(cell)
            self.view.scrollTo(cell)
            self.view.setFocus()
        return True

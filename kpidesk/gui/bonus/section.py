"""The "Bonus sheets" section (SPEC §4.8): the period's pay list (sortable, with a totals
row, following the store filter) and the buttons that print it — print preview of the
selected or all employees (double-click: that employee), Print…, Save PDF… (every employee
of the list, one page each, off the GUI thread with progress and Cancel) and Export xlsx…
(the bonus workbook with live formulas) and "For payroll (1C)…" (the accruals, SPEC §7);
the whole list's preview, print and PDF end with the summary sheet (ведомость). Above
the list, the pay list's sign-off (``paylist_bar``): its step and the next step for the
role that may take it. The file exports (PDF, xlsx, payroll) and the background work they
run in are in ``exports``, the base of :class:`BonusSection`; this module builds the page,
loads the list, and previews and prints.

Money the reader may not see (SPEC §8.1: a store manager sees their own only) shows as "—";
a manager or an employee prints their own sheet only.

Must not: compute a number (the list shows ``core``'s results), or write SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.periods import Period
from kpidesk.core.results import Status
from kpidesk.core.rights import Right
from kpidesk.gui.bonus.exports import BonusExports
from kpidesk.gui.bonus.model import EMPLOYEE, POSITION, STATUS, PayListModel, PayListProxy
from kpidesk.gui.bonus.paylist_bar import PaylistBar
from kpidesk.gui.context import AppContext
from kpidesk.gui.widgets.workers import Worker
from kpidesk.reports.pdf import SheetPainter, a4_layout
from kpidesk.reports.period_words import period_in_words
from kpidesk.reports.problem_text import error_text
from kpidesk.services.bonus_sheets import BonusBatch, bonus_batch, select
from kpidesk.services.changes import Change
from kpidesk.services.errors import UserError


class BonusSection(BonusExports):
    """The pay list of the period and its printouts."""

    key = "bonus"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = PayListModel(context.lang, self)
        self.proxy = PayListProxy(self)
        self.proxy.setSourceModel(self.model)
        self.worker: Worker | None = None
        self.progress: QProgressDialog | None = None
        self._build()
        context.changed.connect(self._on_changed)
        context.periodChanged.connect(self.reload)
        context.storeChanged.connect(self.reload)
        context.companyOpened.connect(self.reload)
        self.reload()

    def title(self) -> str:
        return self.tr("Bonus sheets")

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("bonus_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.paylist = PaylistBar(self.context, self)
        layout.addWidget(self.paylist)
        self.notice = QLabel(self)
        self.notice.setObjectName("bonus_notice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        buttons = QHBoxLayout()
        self.preview_button = self._button(self.tr("Preview"), self.preview_selected, buttons)
        self.print_button = self._button(self.tr("Print…"), self.print_sheets, buttons)
        self.pdf_button = self._button(self.tr("Save PDF…"), self.save_pdf, buttons)
        self.xlsx_button = self._button(self.tr("Export xlsx…"), self.export_xlsx, buttons)
        self.payroll_button = self._button(
            self.tr("For payroll (1C)…"), self.export_payroll, buttons
        )
        self.payroll_button.setToolTip(
            self.tr(
                "The accruals of the complete sheets (fixed pay, KPI bonus) as a table for "
                "1C:ZUP or another payroll program"
            )
        )
        self.appendix_check = QCheckBox(self.tr("With explanations"), self)
        self.appendix_check.setToolTip(
            self.tr("Add a page section explaining how each number was obtained")
        )
        buttons.addWidget(self.appendix_check)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableView(self)
        self.table.setObjectName("pay_list")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the status: "нет факта: …" can be long
        # the name, the position and the status share the width the numbers leave (cut
        # with "…", in full in the tooltip): no horizontal scroll at 1280 pixels
        for column in (EMPLOYEE, POSITION, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table, 1)

    def _button(self, text: str, slot: Callable[[], Any], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    # --- loading --------------------------------------------------------------------------
    def reload(self, *_: object) -> None:
        """Recompute the period and show the store filter's employees."""
        context = self.context
        period = context.period
        self.paylist.refresh()
        try:
            result = context.service.compute_period(period)
            locked = context.service.is_locked(period)
        except UserError as error:
            self.model.set_results((), False)
            self.notice.setText(error_text(error))
            return
        results = select(result, context.store)
        self.model.set_results(results, locked)
        heading = self.tr("Bonus sheets for %1").replace("%1", period_in_words(period))
        if context.store:
            heading += " — " + context.store
        self.heading.setText(heading)
        incomplete = sum(1 for employee in results if employee.status is Status.INCOMPLETE)
        notes = []
        if not results:
            notes.append(self.tr("Nobody works in this period (or in this store)."))
        if not locked:
            notes.append(self.tr("The period is not locked: sheets print as drafts."))
        if incomplete:
            notes.append(
                self.tr(
                    "%1 incomplete matrix(es): their sheets are drafts without a bonus."
                ).replace("%1", str(incomplete))
            )
        self.notice.setText(" ".join(notes))
        for button in self._file_buttons():
            button.setEnabled(self._printable())

    def _on_changed(self, change: Change) -> None:
        if change.touches(self.context.period, self.context.store):
            self.reload()
        elif self.paylist.follows(change):
            self.paylist.refresh()

    # --- choosing -------------------------------------------------------------------------
    def selected_names(self) -> list[str]:
        """The employees of the selected rows, in the list's order (totals row ignored)."""
        names = []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        for row in rows:
            source = self.proxy.mapToSource(self.proxy.index(row, EMPLOYEE)).row()
            result = self.model.result_at(source)
            if result is not None:
                names.append(result.employee.name)
        return names

    def _batch(self, names: list[str] | None = None) -> BonusBatch | None:
        try:
            return bonus_batch(
                self.context.service, self.context.period, store=self.context.store, names=names
            )
        except UserError as error:
            QMessageBox.warning(self, self.tr("Bonus sheets"), error_text(error))
            return None

    def _painter(self, batch: BonusBatch) -> SheetPainter:
        return SheetPainter(batch, lang=self.context.lang, appendix=self.appendix_check.isChecked())

    @staticmethod
    def _printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        return printer

    # --- preview and print ----------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index).row()
        result = self.model.result_at(source)
        employee = result.employee if result is not None else None
        actor = self.context.service.actor
        if employee is not None and actor.may(
            Right.BONUS_SHEETS, store=employee.store, employee=employee.name
        ):
            self.preview([employee.name])

    def preview_selected(self) -> None:
        """Print preview of the selected employees, or of the whole list."""
        self.preview(self.selected_names() or None)

    def preview(self, names: list[str] | None = None) -> None:
        """Open the print preview of these employees' sheets (``None`` = the whole list)."""
        batch = self._batch(names)
        if batch is None:
            return
        painter = self._painter(batch)
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("bonus_preview")
        dialog.setWindowTitle(self.tr("Bonus sheets — preview"))
        dialog.resize(900, 1000)
        summary = self._with_summary(names)
        dialog.paintRequested.connect(
            lambda device: self._paint_safely(painter, device, summary=summary)
        )
        self.preview_dialog = dialog
        dialog.exec()
        dialog.deleteLater()

    def _paint_safely(self, painter: SheetPainter, device: QPrinter, *, summary: bool) -> None:
        try:
            painter.paint(device, summary=summary)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Bonus sheets"), error_text(error))

    def print_sheets(self) -> None:
        """Print the selected employees' sheets (or the whole list) after the print dialog."""
        names = self.selected_names() or None
        batch = self._batch(names)
        if batch is None:
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print bonus sheets"))
        accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        progress = self._progress_dialog(self.tr("Printing…"), len(batch.employees))
        try:
            self._painter(batch).paint(
                printer,
                progress=lambda done, total: progress.setValue(done),
                cancelled=progress.wasCanceled,
                summary=self._with_summary(names),
            )
        except UserError as error:
            QMessageBox.warning(self, self.tr("Bonus sheets"), error_text(error))
        finally:
            progress.close()
            progress.deleteLater()

    def open_item(self, **target: object) -> bool:
        """Select an employee (``employee="…"``) or switch the period (``period=Period``)."""
        period = target.get("period")
        if isinstance(period, Period):
            self.context.set_period(period)
        name = target.get("employee")
        if not isinstance(name, str):
            return isinstance(period, Period)
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, EMPLOYEE)
            if index.data() == name:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def closeEvent(self, event: Any) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.done.wait(10)
        super().closeEvent(event)

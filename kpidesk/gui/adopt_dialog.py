"""Adopting the owner's own workbook from the window (SPEC §6.1): the recognised sheets in
a list; for the chosen sheet its mapping as drop-downs (column → field), whose it is
(employee or store) and its period, and a preview of its rows; then the import off the GUI
thread with progress and Cancel (``services.adopting`` through the runner).

A corrected column mapping is remembered in ``QSettings`` under the header's signature, so
the next file of the same shape opens with it. Recognising is quick and reads only the
file, so it runs on the GUI thread; the import opens its own connection in a worker.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.money import format_number
from kpidesk.core.periods import Period
from kpidesk.gui.context import AppContext
from kpidesk.gui.widgets.workers import Worker, start
from kpidesk.io.adopt import Corrections, Recognition, SheetCorrection, SheetKind
from kpidesk.io.adopt.model import SheetRecognition, Table
from kpidesk.io.adopt.tables import DAILY_FIELD_NAMES, MATRIX_FIELD_NAMES
from kpidesk.reports.problem_text import problem_line
from kpidesk.services.adopting import AdoptReport, adopt_workbook, recognise
from kpidesk.services.changes import Change, ChangeKind

SETTINGS_GROUP = "adopt/columns"


class AdoptDialog(QDialog):
    """Recognise, correct, preview, import one owner's workbook."""

    def __init__(
        self,
        context: AppContext,
        path: Path,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.settings = settings if settings is not None else QSettings()
        self.columns: dict[str, dict[int, str]] = {}
        self.sheets: dict[str, SheetCorrection] = {}
        self.recognition: Recognition | None = None
        self.worker: Worker | None = None
        self.report: AdoptReport | None = None
        self._filling = False
        self.setWindowTitle(self.tr("Import from your own workbook: %1").replace("%1", path.name))
        self.resize(1100, 680)
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.sheet_list = QListWidget(splitter)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.kind_label = QLabel(right)
        self.subject = QLineEdit(right)
        self.period = QLineEdit(right)
        self.period.setPlaceholderText(self.tr("e.g. 2026-10"))
        self.subject_label = QLabel(self.tr("Employee:"), right)
        form.addRow(self.tr("Sheet:"), self.kind_label)
        form.addRow(self.subject_label, self.subject)
        form.addRow(self.tr("Period:"), self.period)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Columns of the sheet and what they hold:"), right))
        self.mapping = QTableWidget(0, 3, right)
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Table row"), self.tr("Column in the sheet"), self.tr("Field")]
        )
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.verticalHeader().hide()
        right_layout.addWidget(self.mapping, 2)
        right_layout.addWidget(QLabel(self.tr("Rows as they will be imported:"), right))
        self.preview = QTableWidget(0, 0, right)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        right_layout.addWidget(self.preview, 3)
        splitter.setSizes([300, 800])
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        buttons = QDialogButtonBox(self)
        self.again_button = QPushButton(self.tr("Apply the corrections"), self)
        self.import_button = QPushButton(self.tr("Import"), self)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(buttons)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)
        self.sheet_list.currentRowChanged.connect(self._show_sheet)
        self.subject.editingFinished.connect(self._sheet_edited)
        self.period.editingFinished.connect(self._sheet_edited)
        self.again_button.clicked.connect(self.refresh)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel)

    # --- recognition ----------------------------------------------------------------------
    def start(self) -> None:
        """Recognise the file, then once more with the mappings remembered for its shape."""
        self.refresh()
        assert self.recognition is not None
        remembered = False
        for sheet in self.recognition.sheets:
            for table in sheet.tables:
                saved = self.settings.value(f"{SETTINGS_GROUP}/{table.signature}")
                if isinstance(saved, str) and table.signature not in self.columns:
                    self.columns[table.signature] = {
                        int(k): v for k, v in json.loads(saved).items()
                    }
                    remembered = True
        if remembered:
            self.refresh()
            self.message.setText(
                self.message.text()
                + "\n"
                + self.tr("A mapping you corrected for a file of this shape is applied.")
            )

    def corrections(self) -> Corrections:
        """What the user has corrected so far."""
        return Corrections(columns=dict(self.columns), sheets=dict(self.sheets))

    def refresh(self) -> None:
        """Recognise the file again with the corrections."""
        current = max(self.sheet_list.currentRow(), 0)
        self.recognition = recognise(self.path, corrections=self.corrections())
        self._filling = True
        self.sheet_list.clear()
        for sheet in self.recognition.sheets:
            self.sheet_list.addItem(self._sheet_title(sheet))
        self._filling = False
        if self.recognition.problems:
            self.message.setText(problem_line(self.recognition.problems[0], self.context.lang))
            self.import_button.setEnabled(False)
            return
        self.message.setText(
            self.tr(
                "Check what was recognised in %1, correct it where needed, then import."
            ).replace("%1", self.path.name)
        )
        self.import_button.setEnabled(True)
        if self.sheet_list.count():
            self.sheet_list.setCurrentRow(min(current, self.sheet_list.count() - 1))
            self._show_sheet(self.sheet_list.currentRow())

    def _sheet_title(self, sheet: SheetRecognition) -> str:
        if sheet.kind is SheetKind.MATRIX:
            people = ", ".join(b.employee or "?" for b in sheet.blocks)
            return self.tr("%1 — matrix: %2").replace("%1", sheet.name).replace("%2", people)
        if sheet.kind is SheetKind.DAILY:
            days = sum(len(log.days) for log in sheet.logs)
            return (
                self.tr("%1 — daily log, %2 days")
                .replace("%1", sheet.name)
                .replace("%2", str(days))
            )
        if sheet.kind is SheetKind.SKIPPED:
            return self.tr("%1 — left out").replace("%1", sheet.name)
        return self.tr("%1 — not understood").replace("%1", sheet.name)

    def _current(self) -> SheetRecognition | None:
        row = self.sheet_list.currentRow()
        if self.recognition is None or not 0 <= row < len(self.recognition.sheets):
            return None
        return self.recognition.sheets[row]

    def _show_sheet(self, row: int) -> None:
        sheet = self._current()
        if self._filling or sheet is None:
            return
        lang = self.context.lang
        self.kind_label.setText(self._sheet_title(sheet))
        daily = sheet.kind is SheetKind.DAILY
        self.subject_label.setText(self.tr("Store:") if daily else self.tr("Employee:"))
        if sheet.blocks:
            self.subject.setText(sheet.blocks[0].employee or "")
            period = sheet.blocks[0].period
            self.period.setText(period.code if period else "")
        elif sheet.logs:
            self.subject.setText(sheet.logs[0].store or "")
            self.period.setText("")
        else:
            self.subject.setText("")
            self.period.setText("")
        self.subject.setEnabled(len(sheet.tables) == 1)
        self.period.setEnabled(bool(sheet.blocks))
        self._fill_mapping(sheet)
        self._fill_preview(sheet, lang)
        lines = [problem_line(p, lang) for p in sheet.problems]
        self.problems.setText("\n".join(lines[:6]))

    def _fill_mapping(self, sheet: SheetRecognition) -> None:
        cells = [(table, cell) for table in sheet.tables for cell in table.headers]
        self.mapping.setRowCount(0)  # drops the previous drop-downs
        self.mapping.setRowCount(len(cells))
        for r, (table, cell) in enumerate(cells):
            self.mapping.setItem(r, 0, QTableWidgetItem(str(table.row)))
            self.mapping.setItem(r, 1, QTableWidgetItem(cell.text))
            combo = QComboBox(self.mapping)
            names = MATRIX_FIELD_NAMES if table.kind is SheetKind.MATRIX else DAILY_FIELD_NAMES
            combo.addItem(self.field_label(None), "")
            for name in names:
                combo.addItem(self.field_label(name), name)
            combo.setCurrentIndex(max(combo.findData(cell.field or ""), 0))
            combo.currentIndexChanged.connect(
                lambda _=0, t=table, c=cell.column, box=combo: self._column_edited(t, c, box)
            )
            self.mapping.setCellWidget(r, 2, combo)
        self.mapping.resizeColumnsToContents()

    def field_label(self, name: str | None) -> str:
        """A field's name in the drop-down."""
        labels = {
            None: self.tr("— not used —"),
            "indicator": self.tr("Indicator"),
            "unit": self.tr("Unit"),
            "weight": self.tr("Weight"),
            "base": self.tr("Base"),
            "norm": self.tr("Norm"),
            "target": self.tr("Target"),
            "fact": self.tr("Fact"),
            "index": self.tr("Index (recomputed)"),
            "weighted": self.tr("Weighted index (ignored)"),
            "date": self.tr("Date"),
            "store": self.tr("Store"),
            "revenue": self.tr("Revenue"),
            "receipts": self.tr("Receipts"),
            "visitors": self.tr("Visitors"),
            "units": self.tr("Units"),
        }
        return labels.get(name, name or "")

    def _fill_preview(self, sheet: SheetRecognition, lang: str) -> None:
        def n(value: object) -> str:
            if value is None:
                return ""
            return format_number(value, None, lang=lang)  # type: ignore[arg-type]

        rows: list[list[str]] = []
        if sheet.blocks:
            heads = ["Employee", "Indicator", "Weight", "Base", "Norm", "Target", "Fact", "Method"]
            for block in sheet.blocks:
                for line in block.lines:
                    rows.append(
                        [
                            block.employee or "",
                            line.indicator,
                            n(line.weight),
                            n(line.base),
                            n(line.norm),
                            n(line.target),
                            n(line.fact),
                            self._method(line.method.value),
                        ]
                    )
        else:
            heads = ["Store", "Date", "Revenue", "Receipts", "Visitors"]
            for log in sheet.logs:
                for day in log.days:
                    rows.append(
                        [
                            day.store,
                            day.day.strftime("%d.%m.%Y"),
                            n(day.revenue),
                            str(day.receipts),
                            str(day.visitors),
                        ]
                    )
        self.preview.clear()
        self.preview.setColumnCount(len(heads))
        self.preview.setHorizontalHeaderLabels(
            [
                self.field_label(h.lower()) if h != "Method" else self.tr("Index method")
                for h in heads
            ]
        )
        if heads[0] == "Employee":
            self.preview.setHorizontalHeaderItem(0, QTableWidgetItem(self.tr("Employee")))
        self.preview.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()

    def _method(self, method: str) -> str:
        return {
            "scale": self.tr("scale"),
            "ratio": self.tr("fact / norm"),
            "binary": self.tr("yes / no"),
        }.get(method, method)

    # --- corrections ----------------------------------------------------------------------
    def _column_edited(self, table: Table, column: int, combo: QComboBox) -> None:
        chosen = combo.currentData()
        mapping = self.columns.setdefault(table.signature, {})
        mapping[column] = chosen if isinstance(chosen, str) else ""
        self.settings.setValue(
            f"{SETTINGS_GROUP}/{table.signature}",
            json.dumps({str(k): v for k, v in mapping.items()}),
        )
        # not inside the drop-down's own signal: refreshing replaces the drop-down
        QTimer.singleShot(0, self.refresh)

    def _sheet_edited(self) -> None:
        sheet = self._current()
        if sheet is None or self._filling:
            return
        text = self.period.text().strip()
        try:
            period = Period.parse(text) if text else None
        except ValueError:
            self.problems.setText(
                self.tr("'%1' is not a period (e.g. 2026-10).").replace("%1", text)
            )
            return
        old = self.sheets.get(sheet.name, SheetCorrection())
        subject = self.subject.text().strip() or None
        new = SheetCorrection(old.skip, subject, period if sheet.blocks else None)
        if new != old:
            self.sheets[sheet.name] = new

    # --- import ---------------------------------------------------------------------------
    def apply(self) -> None:
        """Import everything recognised, off the GUI thread."""
        self._sheet_edited()
        self.import_button.setEnabled(False)
        self.again_button.setEnabled(False)
        self.message.setText(self.tr("Importing %1…").replace("%1", self.path.name))
        open_company, path, corrections = (
            self.context.worker_opener(),
            self.path,
            self.corrections(),
        )

        def work(progress: object, cancelled: object) -> AdoptReport:
            with open_company() as service:
                return adopt_workbook(
                    service,
                    path,
                    corrections=corrections,
                    progress=progress,  # type: ignore[arg-type]
                    cancelled=cancelled,  # type: ignore[arg-type]
                )

        worker = Worker(work)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._imported)
        worker.signals.failed.connect(self._failed)
        self.worker = worker
        self.progress.setRange(0, 0)
        self.progress.show()
        start(worker)

    def cancel(self) -> None:
        """Stop a running import (nothing is applied), or close."""
        if self.worker is not None and not self.worker.done.is_set():
            self.worker.cancel()
            self.message.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _imported(self, report: AdoptReport) -> None:
        self.report = report
        self.progress.hide()
        service = self.context.service
        self.context.run(
            lambda: service.changed_elsewhere(Change(ChangeKind.COMPANY)), initiator=self
        )
        lang = self.context.lang
        lines = [self.tr("Imported %1.").replace("%1", self.path.name)]
        for difference in report.differences:
            ours = (
                format_number(difference.kpidesk_kpi * 100, 1, lang=lang) + "%"
                if difference.kpidesk_kpi is not None
                else self.tr("no data")
            )
            lines.append(
                self.tr("KPI of %1 differs: the sheet %2, kpidesk %3 (check the sheet's formulas).")
                .replace("%1", difference.employee)
                .replace("%2", format_number(difference.sheet_kpi * 100, 1, lang=lang) + "%")
                .replace("%3", ours)
            )
        self.message.setText("\n".join(lines))
        self.cancel_button.setText(self.tr("Close"))

    def _failed(self, message: str, problems: list[object]) -> None:
        self.progress.hide()
        lang = self.context.lang
        lines = [problem_line(p, lang) for p in problems[:8]]  # type: ignore[arg-type]
        self.message.setText(message + "\n" + self.tr("Nothing was changed."))
        self.problems.setText("\n".join(lines))
        self.import_button.setEnabled(True)
        self.again_button.setEnabled(True)

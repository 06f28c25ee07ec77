"""Importing a workbook from the window: a dry run off the GUI thread with a progress bar
and Cancel, then either every problem found (sheet, row, column, value, why — nothing is
applied) or a preview of what the import would change — per sheet the rows added, changed
(each field old → new) and unchanged (``import_preview_tree``) — and an Import button that
applies it all in one transaction, also off the GUI thread, or Cancel that applies
nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.problems import Problem
from kpidesk.gui.context import AppContext
from kpidesk.gui.import_preview_tree import ImportPreviewTree
from kpidesk.gui.widgets.workers import Worker, start
from kpidesk.reports.problem_text import problem_text
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.importing import ImportReport


class ImportDialog(QDialog):
    """Check, show, then import one workbook."""

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.worker: Worker | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.message = QLabel(self.tr("Checking %1…").replace("%1", path.name), self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.problems = QTableWidget(0, 5, self)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Why")]
        )
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.hide()
        self.preview = ImportPreviewTree(self)
        self.preview.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel)

    # --- steps ----------------------------------------------------------------------------
    def start(self) -> None:
        """Begin the dry run."""
        self._run(dry_run=True)

    def apply(self) -> None:
        """Apply the checked workbook."""
        self.import_button.setEnabled(False)
        self.message.setText(self.tr("Importing %1…").replace("%1", self.path.name))
        self._run(dry_run=False)

    def cancel(self) -> None:
        """Stop a running step (nothing is applied), or close."""
        if self.worker is not None and not self.worker.done.is_set():
            self.worker.cancel()
            self.message.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _run(self, *, dry_run: bool) -> None:
        open_company, path = self.context.worker_opener(), self.path

        def work(progress: object, cancelled: object) -> ImportReport:
            with open_company() as service:
                return service.import_workbook(
                    path,
                    dry_run=dry_run,
                    progress=progress,  # type: ignore[arg-type]
                    cancelled=cancelled,  # type: ignore[arg-type]
                )

        worker = Worker(work)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._checked if dry_run else self._imported)
        worker.signals.failed.connect(self._failed)
        self.worker = worker
        self.progress.setRange(0, 0)
        self.progress.show()
        start(worker)

    # --- results (GUI thread) -------------------------------------------------------------
    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _checked(self, report: ImportReport) -> None:
        self.report = report
        self.progress.hide()
        if report.preview is not None:
            self.preview.show_preview(report.preview, self.context.lang)
            self.preview.setVisible(bool(report.preview.sheets))
        if report.summary.changed_anything:
            self.message.setText(
                self.tr(
                    "No problems found. Below is what the import will add and change, sheet "
                    "by sheet: check it, then press Import to apply everything, or Cancel "
                    "to change nothing."
                )
            )
            self.import_button.setEnabled(True)
            self.import_button.setDefault(True)
        else:
            self.message.setText(
                self.tr(
                    "No problems found, and nothing to change: this data is already in the company."
                )
            )
        self._show_problems(report.warnings)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self.progress.hide()
        service = self.context.service
        self.context.run(
            lambda: service.changed_elsewhere(Change(ChangeKind.COMPANY)), initiator=self
        )
        self.message.setText(self.tr("Imported %1.").replace("%1", self.path.name))
        self.accept()

    def _failed(self, message: str, problems: list[Problem]) -> None:
        self.progress.hide()
        self.message.setText(
            message + "\n" + self.tr("Nothing was changed. Fix the cells below and import again.")
        )
        self._show_problems(problems)
        self.import_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            where = problem.where
            cells = (
                where.sheet or where.entity or "",
                "" if where.row is None else str(where.row),
                where.column or where.field or "",
                problem.value or "",
                problem_text(problem),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.problems.setItem(row, column, item)
        self.problems.setVisible(bool(problems))
        self.problems.resizeColumnsToContents()

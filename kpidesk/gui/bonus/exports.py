"""The "Bonus sheets" section's file exports (SPEC §4.8, §7): Save PDF… (every employee of
the list, one page each, ending with the summary sheet when the reader may see it), Export
xlsx… (the bonus workbook with live formulas) and "For payroll (1C)…" (the accruals as xlsx
or csv, asking first whether to leave incomplete sheets out), each written off the GUI
thread with progress and Cancel, and the message saying what was written; also which
printouts the logged-in user is offered (their sheets, the summary sheet).

:class:`BonusExports` is the base of ``section.BonusSection``, which builds the widgets
named below. Its strings keep the translation context ``BonusSection``, where they were
written first.

Must not: compute a number or write a file on the GUI thread (``reports.pdf`` and
``services.bonus_sheets`` do, in the worker), or write SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from kpidesk.core.results import Status
from kpidesk.core.rights import Right
from kpidesk.gui.bonus.model import PayListModel
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.workers import Worker, start
from kpidesk.services.bonus_sheets import bonus_batch


class BonusExports(Section):
    """The pay list's file exports and the background work they run in (see the module
    docstring); the widgets are built by ``BonusSection``."""

    model: PayListModel
    notice: QLabel
    appendix_check: QCheckBox
    preview_button: QPushButton
    print_button: QPushButton
    pdf_button: QPushButton
    xlsx_button: QPushButton
    payroll_button: QPushButton
    worker: Worker | None
    progress: QProgressDialog | None

    # --- files ----------------------------------------------------------------------------
    def _save_name(self, caption: str, suggested: str, filters: str, suffix: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, caption, suggested, filters)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def save_pdf(self) -> None:
        """Save every employee of the list to one PDF (one page each), off the GUI thread."""
        period = self.context.period
        path = self._save_name(
            QCoreApplication.translate("BonusSection", "Save bonus sheets as PDF"),
            str(Path.home() / f"bonus-{period.code}.pdf"),
            QCoreApplication.translate("BonusSection", "PDF (*.pdf)"),
            ".pdf",
        )
        if path is None:
            return
        open_company = self.context.worker_opener()
        store, lang = self.context.store, self.context.lang
        appendix = self.appendix_check.isChecked()
        summary = self._with_summary(None)

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            from kpidesk.reports.pdf import write_pdf

            with open_company() as service:
                batch = bonus_batch(service, period, store=store)
            pages = write_pdf(
                batch,
                path,
                lang=lang,
                appendix=appendix,
                progress=progress,
                cancelled=cancelled,
                summary=summary,
            )
            return (path, pages)

        total = len(self.model.results)
        self._run(
            work,
            QCoreApplication.translate("BonusSection", "Saving the bonus sheets…"),
            total,
            self._pdf_saved,
        )

    def _pdf_saved(self, outcome: object) -> None:
        assert isinstance(outcome, tuple)
        path, pages = outcome
        if pages:
            self.notice.setText(
                QCoreApplication.translate("BonusSection", "Saved %1 page(s) to %2")
                .replace("%1", str(pages))
                .replace("%2", str(path))
            )
        else:
            self.notice.setText(
                QCoreApplication.translate("BonusSection", "Cancelled: no file was written.")
            )

    def export_xlsx(self) -> None:
        """Export the list as the bonus workbook with live formulas."""
        period = self.context.period
        path = self._save_name(
            QCoreApplication.translate("BonusSection", "Export bonus workbook"),
            str(Path.home() / f"bonus-{period.code}.xlsx"),
            QCoreApplication.translate("BonusSection", "Excel (*.xlsx)"),
            ".xlsx",
        )
        if path is None:
            return
        open_company = self.context.worker_opener()
        store, lang = self.context.store, self.context.lang

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            from kpidesk.services.bonus_sheets import export_bonus_workbook

            with open_company() as service:
                return export_bonus_workbook(service, period, path, store=store, lang=lang)

        self._run(
            work,
            QCoreApplication.translate("BonusSection", "Exporting the bonus workbook…"),
            0,
            self._xlsx_saved,
        )

    def export_payroll(self) -> None:
        """The accruals for the payroll program (xlsx, or csv by the chosen name); with
        incomplete sheets, asks whether to leave them out (SPEC §7)."""
        period = self.context.period
        incomplete = [
            item.employee.name for item in self.model.results if item.status is Status.INCOMPLETE
        ]
        allow = False
        if incomplete:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("BonusSection", "Export for payroll"),
                QCoreApplication.translate(
                    "BonusSection",
                    "%1 sheet(s) are incomplete and will be left out: %2. Export the "
                    "complete sheets only?",
                )
                .replace("%1", str(len(incomplete)))
                .replace("%2", ", ".join(incomplete)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            allow = True
        name, chosen = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("BonusSection", "Export for payroll"),
            str(Path.home() / f"payroll-{period.code}.xlsx"),
            QCoreApplication.translate("BonusSection", "Excel (*.xlsx)")
            + ";;"
            + QCoreApplication.translate("BonusSection", "CSV for other programs (*.csv)"),
        )
        if not name:
            return
        path = Path(name)
        as_csv = path.suffix.lower() == ".csv" or (not path.suffix and "csv" in chosen)
        suffix = ".csv" if as_csv else ".xlsx"
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        open_company = self.context.worker_opener()

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            from kpidesk.services.bonus_sheets import export_payroll

            with open_company() as service:
                return export_payroll(service, period, path, csv=as_csv, allow_incomplete=allow)

        self._run(
            work,
            QCoreApplication.translate("BonusSection", "Exporting the accruals…"),
            0,
            self._payroll_saved,
        )

    def _payroll_saved(self, outcome: object) -> None:
        from kpidesk.core.money import format_money
        from kpidesk.services.bonus_sheets import PayrollExport

        assert isinstance(outcome, PayrollExport)
        text = (
            QCoreApplication.translate(
                "BonusSection", "Exported %1 accrual(s) of %2 employee(s), total %3, to %4"
            )
            .replace("%1", str(outcome.accruals))
            .replace("%2", str(outcome.employees))
            .replace("%3", format_money(outcome.total, lang=self.context.lang))
            .replace("%4", str(outcome.path))
        )
        if outcome.unnumbered:
            text += " " + QCoreApplication.translate(
                "BonusSection", "Without a personnel number: %1."
            ).replace("%1", ", ".join(outcome.unnumbered))
        self.notice.setText(text)

    def _xlsx_saved(self, outcome: object) -> None:
        self.notice.setText(
            QCoreApplication.translate("BonusSection", "Exported to %1").replace("%1", str(outcome))
        )

    # --- background work ------------------------------------------------------------------
    def _progress_dialog(self, text: str, total: int) -> QProgressDialog:
        progress = QProgressDialog(
            text, QCoreApplication.translate("BonusSection", "Cancel"), 0, total, self
        )
        progress.setWindowTitle(QCoreApplication.translate("BonusSection", "Bonus sheets"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setValue(0)
        return progress

    def _run(
        self,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], object],
        text: str,
        total: int,
        done: Callable[[object], None],
    ) -> None:
        if self.worker is not None:
            return
        worker = Worker(work)
        progress = self._progress_dialog(text, total)
        progress.canceled.connect(worker.cancel)
        worker.signals.progress.connect(lambda value, _total: progress.setValue(value))

        def finish(outcome: object) -> None:
            self._finish(progress)
            done(outcome)

        def fail(message: str, problems: object) -> None:
            self._finish(progress)
            QMessageBox.warning(
                self, QCoreApplication.translate("BonusSection", "Bonus sheets"), message
            )

        worker.signals.finished.connect(finish)
        worker.signals.failed.connect(fail)
        self.worker, self.progress = worker, progress
        for button in self._file_buttons():
            button.setEnabled(False)
        start(worker)

    def _finish(self, progress: QProgressDialog) -> None:
        progress.close()
        progress.deleteLater()
        self.worker, self.progress = None, None
        for button in self._file_buttons():
            button.setEnabled(self._printable())

    def _file_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.xlsx_button,
            self.payroll_button,
        )

    def _with_summary(self, names: list[str] | None) -> bool:
        """Whether the summary sheet (ведомость) follows the sheets: for the whole list, to
        a user whose bonus-sheet right covers the whole company (a store manager printing
        their own sheet gets no pay list of everyone)."""
        return names is None and self.context.service.actor.may(Right.BONUS_SHEETS)

    def _printable(self) -> bool:
        """Whether the list holds a sheet the logged-in user may print (a store manager
        or an employee: their own)."""
        actor = self.context.service.actor
        return any(
            actor.may(Right.BONUS_SHEETS, store=item.employee.store, employee=item.employee.name)
            for item in self.model.results
        )

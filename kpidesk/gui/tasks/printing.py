"""Printing the Tasks section's personal report (seed 002): as printable HTML, in a print
preview, or as a one-page PDF (``reports.personal_report`` renders it). Kept apart from the
section only for its size.

Must not: compute anything (the report and its results come from the services).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from kpidesk.gui.context import AppContext
from kpidesk.gui.tasks.report_view import PersonalReportView


class ReportPage(Protocol):
    """What printing uses of ``TasksSection`` (named here: the section imports this)."""

    context: AppContext
    report_view: PersonalReportView
    message: QLabel


def _window(section: ReportPage) -> QWidget:
    return section.report_view.window()


def report_html(section: ReportPage) -> str | None:
    """The shown personal report as printable HTML (``None`` when none is shown)."""
    from kpidesk.reports.personal_report import report_html as render

    report = section.report_view.report
    if report is None:
        return None
    service = section.context.service
    employee = service.company().employee(report.employee)
    results = service.compute_period(report.period)
    return render(
        report,
        company=service.company().name,
        position=employee.position if employee else "",
        store=employee.store if employee else None,
        lang=section.context.lang,
        result=results.for_employee(report.employee),  # its «Что нужно»
    )


def print_report(section: ReportPage) -> None:
    """Print preview of the personal report (one A4 page)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from kpidesk.reports.personal_report import print_html

    html = report_html(section)
    if html is None:
        return
    dialog = QPrintPreviewDialog(_window(section))
    dialog.paintRequested.connect(lambda printer: print_html(html, printer))
    dialog.exec()


def save_pdf(section: ReportPage, path: Path | None = None) -> Path | None:
    """Save the personal report as a one-page PDF (asks where, unless ``path``)."""
    from kpidesk.reports.personal_report import write_pdf

    html = report_html(section)
    if html is None:
        return None
    if path is None:
        name, _ = QFileDialog.getSaveFileName(
            _window(section),
            QCoreApplication.translate("TasksSection", "Save the report"),
            "",
            "PDF (*.pdf)",
        )
        if not name:
            return None
        path = Path(name)
    try:
        return write_pdf(html, path)
    except OSError as error:
        section.message.setText(str(error))
        return None

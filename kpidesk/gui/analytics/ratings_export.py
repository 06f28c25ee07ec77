"""Exporting a rating (SPEC §4.6): the save dialog that suggests a file name, and writing
the rating to .xlsx or CSV with the table's column titles (a failure is shown as a warning).
``RatingsSection.export`` uses these; the texts keep its translation context.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kpidesk.core.ratings import Rating

HEADER_KEYS = ("rank", "name", "position", "store", "value", "previous", "change", "complete")


def ask_export_path(parent: QWidget, rating: Rating, kind: str | None) -> Path | None:
    """Ask where to export ``rating`` (``kind``: ``"xlsx"`` or ``"csv"``, ``None`` =
    .xlsx); ``None`` when the dialog is cancelled."""
    suggested = f"rating-{rating.subject.value}-{rating.measure}-{rating.period.code}"
    suggested = suggested.replace(":", "-").replace("..", "_")
    filters = "Excel (*.xlsx)" if kind == "xlsx" else "CSV (*.csv)"
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("RatingsSection", "Export rating"),
        f"{suggested}.{kind or 'xlsx'}",
        filters,
    )
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(f".{kind or 'xlsx'}")
    return path


def write_export(
    parent: QWidget, rating: Rating, path: Path, titles: list[str], caption: str
) -> bool:
    """Write ``rating`` to ``path`` (CSV by its suffix, else .xlsx with ``caption`` above
    the table), the columns named ``titles``. Returns whether it was written; a failure is
    shown in a warning."""
    from kpidesk.io.rating_export import write_rating_csv, write_rating_xlsx

    headers = dict(zip(HEADER_KEYS, titles, strict=True))
    company = QCoreApplication.translate("RatingsSection", "Company")
    try:
        if path.suffix.lower() == ".csv":
            write_rating_csv(rating, path, headers=headers, delimiter=";", company=company)
        else:
            write_rating_xlsx(
                rating,
                path,
                title=QCoreApplication.translate("RatingsSection", "Rating"),
                headers=headers,
                caption=caption,
                company=company,
            )
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("RatingsSection", "Export rating"),
            QCoreApplication.translate("RatingsSection", "Cannot write %1: %2")
            .replace("%1", str(path))
            .replace("%2", error.strerror or str(error)),
        )
        return False
    return True

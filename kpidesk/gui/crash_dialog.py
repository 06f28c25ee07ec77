"""The crash dialog: what the user sees when a bug (not a user error) reaches the window's
exception hook — a translated sentence saying that the work saved so far is safe, the error
in one line, where the log is, and a button "Copy details for support" that puts the
version, the OS, Python, Qt and the log's last lines on the clipboard
(``services.crash_log.support_details``). The traceback itself stays in the log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.gui.icons import app_icon
from kpidesk.services import crash_log


class CrashDialog(QDialog):
    """An unexpected error, in the user's language, with the support details a click
    away."""

    def __init__(
        self, error: BaseException, log: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.error = error
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("kpidesk: unexpected error"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong inside kpidesk. What was saved before is safe; "
                "the last action may not have been carried out."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        detail = QLabel(f"{type(error).__name__}: {error}", self)
        detail.setObjectName("crash_error")
        detail.setWordWrap(True)
        layout.addWidget(detail)
        if log is not None:
            where = self.tr("The details are in the log: %1").replace("%1", str(log))
        else:
            where = self.tr("The log file could not be written.")
        self.log_label = QLabel(where, self)
        self.log_label.setWordWrap(True)
        layout.addWidget(self.log_label)
        self.copied = QLabel("", self)
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy details for support"), self)
        self.copy_button.setObjectName("copy_support_details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def details(self) -> str:
        """The text the copy button puts on the clipboard."""
        return crash_log.support_details(self.error, qt_version=qVersion())

    def copy_details(self) -> None:
        """Put the support details on the clipboard and say so."""
        QGuiApplication.clipboard().setText(self.details())
        self.copied.setText(self.tr("Copied. Paste them into your message to support."))

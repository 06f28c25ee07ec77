"""Settings: the interface language (Russian by default, English) and the folder where new
company files are created; shows the open company's file or server (its URL, never a
password). Saved in the window's ``QSettings`` (``gui.app_settings``, which keeps the
command line's copy too); a language change applies on the next start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from kpidesk.gui.app_settings import AppSettings
from kpidesk.gui.context import AppContext
from kpidesk.services import locations


class SettingsDialog(QDialog):
    """Language and database location."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings or AppSettings()
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(context.lang), 0))
        form.addRow(self.tr("Language:"), self.language)
        self.folder = QLineEdit(str(self.settings.data_dir() or locations.data_dir()), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder, 1)
        row_layout.addWidget(browse)
        form.addRow(self.tr("Folder for company files:"), row)
        current = QLabel(context.location, self)
        current.setObjectName("settings_company")
        current.setWordWrap(True)
        label = (
            self.tr("Open company server:") if context.is_server else self.tr("Open company file:")
        )
        form.addRow(label, current)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for company files"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def save(self) -> None:
        """Store the settings; tell the user when a restart is needed."""
        lang = self.language.currentData()
        folder = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        self.settings.set_data_dir(folder)
        changed_language = lang != self.context.lang
        self.settings.set_language(lang)
        if changed_language:
            QMessageBox.information(
                self,
                self.tr("Settings"),
                self.tr("The language changes the next time kpidesk starts."),
            )
        self.accept()

"""The first-run welcome: start an empty company, open the demo company, import from
Excel, or connect to the chain's company server. Returns the choice; ``app`` carries it
out.

Also the questions of a new company, shared by the welcome and File → New company…
(:func:`ask_new_company`): the file — Qt's own dialog, which speaks the interface language
(the system's native one would not), opened in the data folder — then the company's name
and how it pays, by months or by half-months (SPEC §2.2; it cannot be changed lightly
once periods have data).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.services import locations

COMPANY_FILTER = "kpidesk (*.kpidesk)"


class WelcomeChoice(Enum):
    """What the user chose on the welcome screen."""

    EMPTY = "empty"
    DEMO = "demo"
    IMPORT = "import"
    ADOPT = "adopt"
    SERVER = "server"


class WelcomeDialog(QDialog):
    """Four choices; ``choice`` is set when one is clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: WelcomeChoice | None = None
        self.setWindowTitle(self.tr("Welcome to kpidesk"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr(
                "<h2>Welcome to kpidesk</h2>"
                "<p>KPI matrices, daily store data and bonus sheets — "
                "offline, in one file on this computer.</p>"
            ),
            self,
        )
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        self.empty_button = QCommandLinkButton(
            self.tr("Start an empty company"),
            self.tr("Create a new company file and fill in stores, employees and matrices."),
            self,
        )
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo company"),
            self.tr("Three stores, fifteen employees, three months of data to try everything."),
            self,
        )
        self.import_button = QCommandLinkButton(
            self.tr("Import from Excel"),
            self.tr("Create a company from a filled interchange workbook (.xlsx)."),
            self,
        )
        self.adopt_button = QCommandLinkButton(
            self.tr("Import from your own workbook…"),
            self.tr("Your own KPI sheets and daily logs in Excel: kpidesk recognises them."),
            self,
        )
        self.server_button = QCommandLinkButton(
            self.tr("Connect to a company server"),
            self.tr("The chain's company is on a server: give its address, user and password."),
            self,
        )
        for button, choice in (
            (self.empty_button, WelcomeChoice.EMPTY),
            (self.demo_button, WelcomeChoice.DEMO),
            (self.import_button, WelcomeChoice.IMPORT),
            (self.adopt_button, WelcomeChoice.ADOPT),
            (self.server_button, WelcomeChoice.SERVER),
        ):
            layout.addWidget(button)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        self.demo_button.setFocus()

    def _choose(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()


@dataclass(frozen=True)
class NewCompany:
    """What a new company is to be: its file, name and pay period."""

    path: Path
    name: str
    half_months: bool


class NewCompanyDialog(QDialog):
    """The company's name and whether it pays by months or half-months."""

    def __init__(self, suggested_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_company_dialog")
        self.setWindowTitle(self.tr("New company"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(suggested_name, self)
        self.name.setObjectName("new_company_name")
        form.addRow(self.tr("Company name:"), self.name)
        self.month = QRadioButton(self.tr("Once a month (2026-10)"), self)
        self.month.setObjectName("new_company_month")
        self.half = QRadioButton(self.tr("Twice a month: 1–15 and 16–end (2026-10-H1, -H2)"), self)
        self.half.setObjectName("new_company_half")
        self.month.setChecked(True)
        form.addRow(self.tr("Pay period:"), self.month)
        form.addRow("", self.half)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "Fixed pay and target bonus are monthly amounts; with half-months each half "
                "pays half of them."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def half_months(self) -> bool:
        """Whether half-months were chosen."""
        return self.half.isChecked()


def ask_company_details(parent: QWidget | None, suggested_name: str) -> tuple[str, bool] | None:
    """Ask the new company's name and pay period: ``(name, half_months)``, or ``None``."""
    dialog = NewCompanyDialog(suggested_name, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name.text().strip(), dialog.half_months
    finally:
        dialog.deleteLater()


def ask_new_company(parent: QWidget | None) -> NewCompany | None:
    """Ask where the new company's file goes (in the data folder to begin with), its name
    and its pay period; ``None`` when the user backs out."""
    folder = locations.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("WelcomeDialog", "New company file"),
        str(folder / f"company{locations.DATABASE_SUFFIX}"),
        COMPANY_FILTER,
        options=QFileDialog.Option.DontUseNativeDialog,
    )
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(locations.DATABASE_SUFFIX)
    details = ask_company_details(parent, "")
    if details is None:
        return None
    title, half = details
    return NewCompany(path, title or path.stem, half)

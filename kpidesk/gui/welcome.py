"""The first-run welcome: start an empty company, open the demo company, import from
Excel, or connect to the chain's company server. Returns the choice; ``app`` carries it
out."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget


class WelcomeChoice(Enum):
    """What the user chose on the welcome screen."""

    EMPTY = "empty"
    DEMO = "demo"
    IMPORT = "import"
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
        self.server_button = QCommandLinkButton(
            self.tr("Connect to a company server"),
            self.tr("The chain's company is on a server: give its address, user and password."),
            self,
        )
        for button, choice in (
            (self.empty_button, WelcomeChoice.EMPTY),
            (self.demo_button, WelcomeChoice.DEMO),
            (self.import_button, WelcomeChoice.IMPORT),
            (self.server_button, WelcomeChoice.SERVER),
        ):
            layout.addWidget(button)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        self.demo_button.setFocus()

    def _choose(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()

"""The warning shown when a company file is opened from a network share or a cloud-sync
folder (SPEC §3.1, ``locations.share_risk``): SQLite is not safe there ("WAL does not work
over a network filesystem", sqlite.org/wal.html), so the window says why, explains how the
company moves onto a company server (``server upload``) and offers to connect to one; the
user may still open the file.

Must not: decide whether a path is risky (``services.locations`` does).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.services import locations


class ShareChoice(Enum):
    """What the user chose in the warning."""

    OPEN = "open"  # open the file anyway
    SERVER = "server"  # connect to a company server instead
    CANCEL = "cancel"


def reason_text(reason: str) -> str:
    """Where the file is, in words, for a :func:`locations.share_risk` reason code."""
    words = {
        locations.UNC_PATH: QCoreApplication.translate(
            "ShareWarning", "It lies on a network share."
        ),
        locations.NETWORK_DRIVE: QCoreApplication.translate(
            "ShareWarning", "It lies on a network drive."
        ),
        locations.NETWORK_MOUNT: QCoreApplication.translate(
            "ShareWarning", "It lies on a network file system (NFS, SMB, SSHFS or similar)."
        ),
        locations.CLOUD_FOLDER: QCoreApplication.translate(
            "ShareWarning",
            "It lies in a cloud-sync folder (Dropbox, Яндекс.Диск, OneDrive, Google Drive, "
            "iCloud Drive).",
        ),
    }
    return words.get(reason, words[locations.UNC_PATH])


def upload_commands(path: Path) -> str:
    """The commands that move this company file onto a company server."""
    url = "postgresql://USER@HOST:5432/DATABASE"
    return f'kpidesk --db {url} server upload "{path}"'


class ShareWarning(QDialog):
    """The "not safe here" warning, with the way to the company server."""

    def __init__(self, path: Path, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ShareChoice.CANCEL
        self.setObjectName("share_warning")
        self.setWindowTitle(self.tr("The company file is not safe here — kpidesk"))
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("%1 is not safe where it is.").replace("%1", path.name), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        where = QLabel(reason_text(reason) + "\n" + str(path), self)
        where.setObjectName("share_reason")
        where.setWordWrap(True)
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        why = QLabel(
            self.tr(
                "A company file is an SQLite database. SQLite's write-ahead log needs file "
                "locks and shared memory that network file systems do not provide (“WAL "
                "does not work over a network filesystem”, sqlite.org/wal.html), and a sync "
                "client copies the file and its log apart: two PCs working on it can damage "
                "the company or lose each other's changes."
            ),
            self,
        )
        why.setWordWrap(True)
        layout.addWidget(why)
        server = QLabel(
            self.tr(
                "For several PCs, put the company on a company server (PostgreSQL) that the "
                "owner or a hosting provider runs: move this file onto its empty database "
                "once, then connect every PC with File → Connect to a company server…"
            ),
            self,
        )
        server.setWordWrap(True)
        layout.addWidget(server)
        commands = QPlainTextEdit(upload_commands(path), self)
        commands.setObjectName("share_commands")
        commands.setReadOnly(True)
        commands.setMaximumHeight(commands.fontMetrics().lineSpacing() * 3 + 12)
        layout.addWidget(commands)
        single = QLabel(
            self.tr("For one PC, keep the company file on this computer's own disk."), self
        )
        single.setWordWrap(True)
        layout.addWidget(single)
        buttons = QDialogButtonBox(self)
        self.server_button = QPushButton(self.tr("Connect to a company server…"), self)
        self.server_button.setObjectName("share_connect")
        self.open_button = QPushButton(self.tr("Open the file anyway"), self)
        self.open_button.setObjectName("share_open")
        buttons.addButton(self.server_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.server_button.clicked.connect(lambda: self.choose(ShareChoice.SERVER))
        self.open_button.clicked.connect(lambda: self.choose(ShareChoice.OPEN))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.open_button.setDefault(True)

    def choose(self, choice: ShareChoice) -> None:
        """Close with ``choice``."""
        self.choice = choice
        self.accept()


def warn_if_shared(path: Path, parent: QWidget | None = None) -> ShareChoice:
    """Warn when ``path`` is on a share or in a cloud folder. Returns the user's choice
    (:attr:`ShareChoice.OPEN` at once for a local file)."""
    reason = locations.share_risk(path)
    if reason is None:
        return ShareChoice.OPEN
    dialog = ShareWarning(path, reason, parent)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()

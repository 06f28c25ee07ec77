"""Logging in from the window (SPEC §8.1): the dialog that asks for a user name and password
when a company with users is opened, with the company's name in it. It remembers the last
user name per company file (never the password); a refusal is shown under the fields and
the dialog stays open. The growing delay after wrong passwords (``services.login``) waits
in a local event loop, so the window keeps painting, with OK disabled meanwhile.

:func:`ask_login` is what every open path calls (start-up, File → Open / Recent, after a
restore, "Log in as another user…").

Must not: check a password or hold one after the dialog closes (``services.login`` does the
checking).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.rights import Actor
from kpidesk.reports.problem_text import error_text
from kpidesk.services import locations
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.live import CompanyAddress
from kpidesk.services.login import login

LAST_USER_SETTING = "login.last_user"


def company_key(service: CompanyService) -> str:
    """The open company's key in the settings: its resolved file, or its server and
    database whoever connects to it (a login on a server connects as that user)."""
    if not locations.is_server(service.location):
        return service.location
    server = locations.ServerAddress.of(service.location)
    return f"postgresql://{server.host}:{server.port}/{server.database}"


def last_user(service: CompanyService) -> str:
    """The user name last logged in with on this company (file or server; "" when
    none)."""
    names = locations.get_setting(LAST_USER_SETTING)
    name = names.get(company_key(service)) if isinstance(names, dict) else None
    return name if isinstance(name, str) else ""


def remember_user(service: CompanyService, name: str) -> None:
    """Remember ``name`` as the last user of this company (file or server)."""
    names = locations.get_setting(LAST_USER_SETTING)
    known = dict(names) if isinstance(names, dict) else {}
    known[company_key(service)] = name
    locations.set_setting(LAST_USER_SETTING, known)


def wait_in_event_loop(seconds: float) -> None:
    """Wait ``seconds`` while the window keeps painting (the login's delay)."""
    if seconds <= 0:
        return
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class LoginDialog(QDialog):
    """User name and password for one company; on OK, :func:`services.login.login`."""

    def __init__(
        self,
        service: CompanyService,
        parent: QWidget | None = None,
        *,
        sleep: Callable[[float], None] = wait_in_event_loop,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.sleep = sleep
        self.actor: Actor | None = None
        # a login on a company server connects again as that user: where to reconnect
        self.address: CompanyAddress | None = None
        self._busy = False
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Log in — kpidesk"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        name = service.title
        heading = QLabel(self)
        heading.setObjectName("login_company")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setText(name)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        heading.setToolTip(service.location)
        layout.addWidget(heading)
        intro = QLabel(self.tr("This company has users: log in to open it."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("login_name")
        self.name_edit.setText(last_user(service))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("login_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User:"), self.name_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password_edit if self.name_edit.text() else self.name_edit).setFocus()

    def accept(self) -> None:
        """Check the name and password; stay open with the refusal when they are wrong."""
        if self._busy:
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        before = self.service.location
        try:
            self.actor = login(self.service, name, password, sleep=self.sleep)
        except UserError as error:
            self.message.setText(error_text(error))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        finally:
            self._busy = False
            self.ok_button.setEnabled(True)
        self.password_edit.clear()
        if self.service.location != before:  # the server's login: its own connection
            self.address = CompanyAddress(self.service.location, password)
        remember_user(self.service, name)
        super().accept()


def ask_login(
    service: CompanyService, parent: QWidget | None = None, *, again: bool = False
) -> bool:
    """Ask who is working when ``service`` has users and sign them in. Returns whether the
    company may be shown (``True`` at once for a company without users, and for a company
    server whose login already says who it is — unless ``again``: someone else logs in)."""
    return log_in(service, parent, again=again)[0]


def log_in(
    service: CompanyService, parent: QWidget | None = None, *, again: bool = False
) -> tuple[bool, CompanyAddress | None]:
    """:func:`ask_login`, and where the company is now when the login connected again
    (a company server's login as that user; ``None``: where it was)."""
    if not service.logins_on():
        return True, None
    if not again and not service.actor.anonymous and service.actor.role is not None:
        return True, None  # the company server's login named the user
    dialog = LoginDialog(service, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return accepted, dialog.address if accepted else None
    finally:
        dialog.deleteLater()

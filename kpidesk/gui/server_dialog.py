"""File → "Connect to a company server…" (SPEC §3.2): host, port, database, user and
password of a company server, and "remember the password", which keeps it in the operating
system's keyring (``services.server_passwords``) — never in a file; without the tick nothing
is kept (and a password kept before is forgotten). Where the computer has no usable keyring
the tick is disabled and says so.

The dialog connects off the GUI thread (an unreachable server waits for its timeout) and
stays open with the server's refusal under the fields. Opened on a known server (the recent
list, ``--db``) it first tries at once with the keyring's password, or with none (libpq's
``PGPASSWORD`` / ``~/.pgpass``), and asks only when the server refuses.

Must not: write a password anywhere but the keyring, or keep it after the dialog closes
other than in the returned :class:`CompanyAddress` (in memory, to reconnect).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kpidesk.gui.widgets.workers import Worker, start
from kpidesk.reports.problem_text import error_text
from kpidesk.services import server_passwords
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.live import CompanyAddress
from kpidesk.services.locations import DEFAULT_PORT, ServerAddress

Connect = Callable[[str, str | None], CompanyService]
LOGIN_REFUSED = "server_login_refused"


def connect_service(url: str, password: str | None) -> CompanyService:
    """Connect to the company at ``url`` (the dialog's default way)."""
    return CompanyService.connect(url, password=password)


class ServerDialog(QDialog):
    """Where the company server is and who connects; on success :attr:`service` and
    :attr:`address` hold the open company."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        url: str | None = None,
        connect: Connect = connect_service,
    ) -> None:
        super().__init__(parent)
        self.connect_to = connect
        self.service: CompanyService | None = None
        self.address: CompanyAddress | None = None
        self._worker: Worker | None = None
        self._started: list[Worker] = []
        self._closed = False
        self.setObjectName("server_dialog")
        self.setWindowTitle(self.tr("Connect to a company server — kpidesk"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The company server is a PostgreSQL database that the owner or a hosting "
                "provider runs for the whole chain; ask them for these details."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        known = ServerAddress.of(url) if url else ServerAddress("")
        self.host_edit = QLineEdit(known.host, self)
        self.host_edit.setObjectName("server_host")
        self.host_edit.setPlaceholderText("db.example.ru")
        self.port_edit = QSpinBox(self)
        self.port_edit.setObjectName("server_port")
        self.port_edit.setRange(1, 65535)
        self.port_edit.setValue(known.port or DEFAULT_PORT)
        self.database_edit = QLineEdit(known.database, self)
        self.database_edit.setObjectName("server_database")
        self.user_edit = QLineEdit(known.user, self)
        self.user_edit.setObjectName("server_user")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("server_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("empty: PGPASSWORD or ~/.pgpass"))
        form.addRow(self.tr("Server (host):"), self.host_edit)
        form.addRow(self.tr("Port:"), self.port_edit)
        form.addRow(self.tr("Database:"), self.database_edit)
        form.addRow(self.tr("User:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Remember the password (in the system keyring)"), self)
        self.remember.setObjectName("server_remember")
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("server_keyring_note")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #666;")
        if server_passwords.keyring_available():
            remembered = server_passwords.remembered_password(url) if url else None
            self.remember.setChecked(remembered is not None)
            if remembered is not None:
                self.password_edit.setText(remembered)
        else:
            self.remember.setEnabled(False)
            self.keyring_note.setText(
                self.tr(
                    "This computer has no system keyring, so the password cannot be "
                    "remembered: it is asked each time (or put it in PGPASSWORD or "
                    "~/.pgpass)."
                )
            )
        layout.addWidget(self.remember)
        layout.addWidget(self.keyring_note)
        self.keyring_note.setVisible(bool(self.keyring_note.text()))
        self.message = QLabel(self)
        self.message.setObjectName("server_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        empty = next(
            (
                edit
                for edit in (self.host_edit, self.database_edit, self.user_edit)
                if not edit.text()
            ),
            self.password_edit,
        )
        empty.setFocus()

    # --- the address --------------------------------------------------------------------
    def server(self) -> ServerAddress:
        """The typed address."""
        return ServerAddress(
            self.host_edit.text().strip(),
            self.port_edit.value(),
            self.database_edit.text().strip(),
            self.user_edit.text().strip(),
        )

    def url(self) -> str:
        """The server's URL (never with the password)."""
        return self.server().url()

    @property
    def busy(self) -> bool:
        """Whether a connection attempt is under way."""
        return self._worker is not None

    # --- connecting ---------------------------------------------------------------------
    def accept(self) -> None:
        """Connect with what is typed; stay open with the refusal when it fails."""
        if self.busy:
            return
        server = self.server()
        if not server.host or not server.database:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(self.tr("Give the server and the database."))
            return
        self.connect_now()

    def connect_now(self) -> None:
        """Start one connection attempt with the typed address and password."""
        url, password = self.url(), self.password_edit.text() or None
        connect = self.connect_to

        def work(progress: object, cancelled: object) -> CompanyService:
            return connect(url, password)

        worker = Worker(work)
        worker.signals.finished.connect(lambda service: self._connected(service, url, password))
        worker.signals.failed.connect(self._refused)
        self._worker = worker
        self._started = [w for w in self._started if not w.done.is_set()] + [worker]
        self.ok_button.setEnabled(False)
        self.message.setStyleSheet("color: #666;")
        self.message.setText(self.tr("Connecting to %1…").replace("%1", url))
        start(worker)

    def _connected(self, service: CompanyService, url: str, password: str | None) -> None:
        self._worker = None
        self.ok_button.setEnabled(True)
        if self._closed:
            service.close()  # cancelled while connecting
            return
        if self.remember.isChecked() and password:
            if not server_passwords.remember_password(url, password):
                self.keyring_note.setText(
                    self.tr("The system keyring refused the password: it was not remembered.")
                )
                self.keyring_note.show()
        elif self.remember.isEnabled():
            server_passwords.forget_password(url)  # unticked: nothing stays stored
        self.password_edit.clear()
        self.service = service
        self.address = CompanyAddress(url, password)
        super().accept()

    def _refused(self, message: str, problems: object) -> None:
        self._worker = None
        self.ok_button.setEnabled(True)
        if self._closed:
            return
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(message)
        found = problems if isinstance(problems, list) else []
        codes = {getattr(problem, "code", "") for problem in found}
        if LOGIN_REFUSED in codes:
            self.password_edit.selectAll()
            self.password_edit.setFocus()

    def reject(self) -> None:
        self._closed = True
        super().reject()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self._closed = True
        super().done(result)


def ask_server(
    parent: QWidget | None = None, url: str | None = None, *, try_first: bool = False
) -> tuple[CompanyService, CompanyAddress] | None:
    """Open the company server the user gives (``url`` fills the fields in). With
    ``try_first``, connect at once with the keyring's password or none (libpq's own
    places), and show the dialog only when the server refuses. Returns the open company and
    its address, or ``None`` when the user gave up."""
    refusal: UserError | None = None
    if try_first and url:
        password = server_passwords.remembered_password(url)
        try:
            return connect_service(url, password), CompanyAddress(url, password)
        except UserError as error:  # shown in the dialog below
            refusal = error
    dialog = ServerDialog(parent, url=url)
    if refusal is not None:
        dialog.message.setStyleSheet("color: #b00020;")
        dialog.message.setText(error_text(refusal))
        dialog.password_edit.setFocus()
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.service is None:
            return None
        assert dialog.address is not None
        return dialog.service, dialog.address
    finally:
        dialog.deleteLater()

"""The Users section (SPEC §4.10, §8.1): the company's users in a table, with Add user…,
Change…, Disable / Enable and Set password…; and, plainly, what the rights are worth on a
company file (they keep honest people honest: anyone with the file and a SQLite tool can
read it; the company server enforces them for real).

The owner's section — and the way in while a company has no users yet: the first user
added is an owner, which turns logins on, and the session goes on as that owner so that
the window does not lock them out. When the logged-in user changes their own role, the
window follows their new rights at once.

Must not: check a rule of users (``services.users`` does) or write anything but through
``AppContext.run``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.gui.context import AppContext
from kpidesk.gui.rights import edits_directories
from kpidesk.gui.section import Section
from kpidesk.gui.users.dialogs import PasswordDialog, UserDialog, UserForm
from kpidesk.gui.users.model import UsersModel
from kpidesk.reports.problem_text import error_text
from kpidesk.services import users as user_service
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation

_NOTE_STYLE = (
    "QLabel { background: #fff8e1; color: #5d4200; border: 1px solid #f0d48a;"
    " border-radius: 3px; padding: 6px 8px; }"
)


class UsersSection(Section):
    """The company's users and what may be done to them."""

    key = "users"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = UsersModel(self)
        self.dialog: UserDialog | PasswordDialog | None = None
        self._build()

    def title(self) -> str:
        return self.tr("Users")

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Users and rights"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("users_state")
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.honesty = QLabel(
            self.tr(
                "On a company file these rights keep honest people honest: anyone who has "
                "the file and a SQLite tool can read everything in it, pay included. The "
                "company server enforces the rights for real."
            ),
            self,
        )
        self.honesty.setObjectName("users_honesty")
        self.honesty.setWordWrap(True)
        self.honesty.setStyleSheet(_NOTE_STYLE)
        layout.addWidget(self.honesty)
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("Add user…"), "users_add", self.add_user)
        self.change_button = self._button(self.tr("Change…"), "users_change", self.change_user)
        self.disable_button = self._button(self.tr("Disable"), "users_disable", self.toggle)
        self.password_button = self._button(
            self.tr("Set password…"), "users_password", self.set_password
        )
        for button in (
            self.add_button,
            self.change_button,
            self.disable_button,
            self.password_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.view = QTableView(self)
        self.view.setObjectName("users_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._follow_selection())
        self.view.doubleClicked.connect(lambda _index: self.change_user())
        layout.addWidget(self.view, 1)
        self.message = QLabel(self)
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    # --- reacting (users, and the stores and employees they link to; see Section) -------
    def concerns(self, change: Change) -> bool:
        return change.kind in (ChangeKind.USERS, ChangeKind.COMPANY, ChangeKind.DIRECTORY)

    def period_changed(self, period: object) -> bool:
        return False

    def store_changed(self, store: str | None) -> bool:
        return False

    # --- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the users and say whether logins are on."""
        service = self.context.service
        chosen = self.selected()
        found = user_service.users(service)
        self.model.set_users(found)
        if not found:
            self.state_label.setText(
                self.tr(
                    "No users yet: logins are off, and whoever opens this file may do "
                    "everything. Add the first user — an owner — to turn logins on."
                )
            )
        else:
            active = sum(1 for user in found if not user.disabled)
            self.state_label.setText(
                self.tr(
                    "Logins are on: %1 user(s), %2 active. Each works with their role's rights."
                )
                .replace("%1", str(len(found)))
                .replace("%2", str(active))
            )
        self.add_button.setEnabled(edits_directories(service.actor))
        if chosen is not None:
            self.select(chosen.name)
        self._follow_selection()

    def selected(self) -> user_service.User | None:
        """The user of the selected row."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.user(rows[0].row()) if rows else None

    def select(self, name: str) -> bool:
        """Select the user called ``name``. Returns whether they are in the table."""
        row = self.model.row_of(name)
        if row is None:
            return False
        self.view.selectRow(row)
        return True

    def _is_me(self, user: user_service.User) -> bool:
        return user.name.casefold() == self.context.service.actor.name.casefold()

    def _follow_selection(self) -> None:
        user = self.selected()
        owner = edits_directories(self.context.service.actor)
        for button in (self.change_button, self.password_button):
            button.setEnabled(owner and user is not None)
        me = user is not None and self._is_me(user)
        self.disable_button.setEnabled(owner and user is not None and not me)
        self.disable_button.setText(
            self.tr("Enable") if user is not None and user.disabled else self.tr("Disable")
        )
        self.disable_button.setToolTip(
            self.tr("You cannot disable yourself; another owner can.") if me else ""
        )

    # --- writing ------------------------------------------------------------------------
    def _run(self, operation: Operation) -> str | None:
        """Run one operation; the refusal's text, or ``None`` when done."""
        service = self.context.service
        try:
            self.context.run(lambda: service.run(operation), initiator=self)
        except UserError as error:
            return error_text(error)
        return None

    def _sign_in_as(self, name: str) -> None:
        """Go on as the user ``name`` as they now are (the first owner just created, or
        the logged-in user's own role changed)."""
        service = self.context.service
        found = next((u for u in user_service.users(service) if u.name == name), None)
        if found is not None:
            service.sign_in(found.actor())
            self.context.signed_in()

    def _directory_names(self) -> tuple[list[str], list[str]]:
        company = self.context.service.company()
        stores = [store.name for store in company.stores if not store.archived]
        employees = [employee.name for employee in company.employees if not employee.archived]
        return stores, employees

    def add_user(self) -> UserDialog:
        """Open the Add user dialog (the first user: an owner)."""
        first = not self.context.service.logins_on()
        stores, employees = self._directory_names()

        def submit(form: UserForm) -> str | None:
            refusal = self._run(
                user_service.AddUser(form.name, form.role, form.password, form.store, form.employee)
            )
            if refusal is None:
                if first:
                    self._sign_in_as(form.name)
                self.refresh_now()
                self.select(form.name)
                self._done(self.tr("User %1 added.").replace("%1", form.name))
            return refusal

        dialog = UserDialog(submit, stores, employees, self, first=first)
        self._open(dialog)
        return dialog

    def change_user(self) -> UserDialog | None:
        """Open the dialog that changes the selected user's role, store or employee."""
        user = self.selected()
        if user is None or not self.change_button.isEnabled():
            return None
        stores, employees = self._directory_names()

        def submit(form: UserForm) -> str | None:
            refusal = self._run(
                user_service.ChangeUser(
                    user.name,
                    role=form.role,
                    store=form.store,
                    employee=form.employee,
                    clear_store=form.store is None,
                    clear_employee=form.employee is None,
                )
            )
            if refusal is None:
                if self._is_me(user):
                    self._sign_in_as(user.name)
                self._done(self.tr("User %1 changed.").replace("%1", user.name))
            return refusal

        dialog = UserDialog(submit, stores, employees, self, user=user)
        self._open(dialog)
        return dialog

    def set_password(self) -> PasswordDialog | None:
        """Open the dialog that sets the selected user's password."""
        user = self.selected()
        if user is None or not self.password_button.isEnabled():
            return None

        def submit(form: UserForm) -> str | None:
            refusal = self._run(user_service.SetPassword(user.name, form.password))
            if refusal is None:
                self._done(self.tr("The password of %1 is set.").replace("%1", user.name))
            return refusal

        password_dialog = PasswordDialog(submit, user, self)
        self._open(password_dialog)
        return password_dialog

    def toggle(self) -> bool:
        """Disable the selected user (after asking), or enable them again."""
        user = self.selected()
        if user is None or not self.disable_button.isEnabled():
            return False
        if not user.disabled:
            answer = QMessageBox.question(
                self,
                self.tr("Disable user"),
                self.tr("Disable %1? They can no longer log in; their history stays.").replace(
                    "%1", user.name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        refusal = self._run(user_service.ChangeUser(user.name, disabled=not user.disabled))
        if refusal is not None:
            self._done(refusal, error=True)
            return False
        text = self.tr("User %1 enabled.") if user.disabled else self.tr("User %1 disabled.")
        self._done(text.replace("%1", user.name))
        return True

    def _open(self, dialog: UserDialog | PasswordDialog) -> None:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.open()

    def _done(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

"""The Users section's dialogs: adding a user or changing one (role, store for a store
manager, linked employee; a new user's password typed twice) and setting a password.

Each dialog hands what was typed to ``submit`` — the section's call of the operation — and
stays open with the refusal under the fields when it comes back with one; it closes only
when the change was made. A password lives in the dialog only until then.

Must not: check a rule of users (``services.users`` does: the first user is an owner, a
manager has a store, …) beyond the two passwords being the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.rights import Role
from kpidesk.gui.rights import role_name
from kpidesk.reports.problem_text import error_text
from kpidesk.services.errors import UserError
from kpidesk.services.users import User


@dataclass(frozen=True)
class UserForm:
    """What a user dialog was filled in with (``password`` empty when not asked)."""

    name: str
    role: Role
    store: str | None
    employee: str | None
    password: str = ""


Submit = Callable[[UserForm], str | None]  # the refusal's text, or None when done


def passwords_differ() -> str:
    """The refusal of two different passwords, translated."""
    return error_text(UserError.of("passwords_differ", "the two passwords differ"))


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _SubmittingDialog(QDialog):
    """OK hands the form to ``submit``; a refusal stays under the fields."""

    def __init__(self, submit: Submit, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.message = QLabel(self)
        self.message.setObjectName("user_dialog_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # each dialog reads its own fields: what was typed, or why it cannot be sent
    form: Callable[[], UserForm | str]

    def accept(self) -> None:
        form = self.form()
        refusal = form if isinstance(form, str) else self.submit(form)
        if refusal:
            self.message.setText(refusal)
            return
        self._forget_passwords()
        super().accept()

    def _forget_passwords(self) -> None:
        for edit in self.findChildren(QLineEdit):
            if edit.echoMode() == QLineEdit.EchoMode.Password:
                edit.clear()


class UserDialog(_SubmittingDialog):
    """Add a user (``user`` is ``None``) or change one."""

    def __init__(
        self,
        submit: Submit,
        stores: Sequence[str],
        employees: Sequence[str],
        parent: QWidget | None = None,
        *,
        user: User | None = None,
        first: bool = False,
    ) -> None:
        super().__init__(submit, parent)
        self.user = user
        self.setObjectName("user_dialog")
        self.setMinimumWidth(460)
        if user is None:
            self.setWindowTitle(self.tr("Add user"))
        else:
            self.setWindowTitle(self.tr("Change user %1").replace("%1", user.name))
        layout = QVBoxLayout(self)
        if first:
            note = QLabel(
                self.tr(
                    "The first user is an owner. Creating them turns logins on: from then "
                    "on the window asks for a user name and password. You go on working as "
                    "this owner."
                ),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("user_name")
        if user is not None:
            self.name_edit.setText(user.name)
            self.name_edit.setReadOnly(True)
        form.addRow(self.tr("User name:"), self.name_edit)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("user_role")
        for role in Role:
            if not first or role is Role.OWNER:
                self.role_combo.addItem(role_name(role), role.value)
        self.role_combo.setEnabled(not first)
        form.addRow(self.tr("Role:"), self.role_combo)
        self.store_combo = QComboBox(self)
        self.store_combo.setObjectName("user_store")
        self.store_combo.addItem(self.tr("— none —"), None)
        for store in stores:
            self.store_combo.addItem(store, store)
        form.addRow(self.tr("Store (a store manager's):"), self.store_combo)
        self.employee_combo = QComboBox(self)
        self.employee_combo.setObjectName("user_employee")
        self.employee_combo.addItem(self.tr("— none —"), None)
        for name in employees:
            self.employee_combo.addItem(name, name)
        self.employee_combo.setToolTip(
            self.tr('Their KPI, tasks and pay are "mine"; an employee user needs one.')
        )
        form.addRow(self.tr("Linked employee:"), self.employee_combo)
        self.password_edit: QLineEdit | None = None
        self.again_edit: QLineEdit | None = None
        if user is None:
            self.password_edit = _password_edit(self, "user_password")
            self.again_edit = _password_edit(self, "user_password_again")
            form.addRow(self.tr("Password:"), self.password_edit)
            form.addRow(self.tr("Password again:"), self.again_edit)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if user is not None:
            self._choose(self.role_combo, user.role.value)
            self._choose(self.store_combo, user.store)
            self._choose(self.employee_combo, user.employee)
        self.role_combo.currentIndexChanged.connect(lambda _index: self._follow_role())
        self._follow_role()

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    @property
    def role(self) -> Role:
        """The chosen role."""
        return Role(self.role_combo.currentData())

    def _follow_role(self) -> None:
        manager = self.role is Role.MANAGER
        self.store_combo.setEnabled(manager)
        if not manager:
            self.store_combo.setCurrentIndex(0)

    def form(self) -> UserForm | str:
        store = self.store_combo.currentData()
        employee = self.employee_combo.currentData()
        password = ""
        if self.password_edit is not None and self.again_edit is not None:
            password = self.password_edit.text()
            if password != self.again_edit.text():
                return passwords_differ()
        return UserForm(
            self.name_edit.text().strip(),
            self.role,
            store if isinstance(store, str) else None,
            employee if isinstance(employee, str) else None,
            password,
        )


class PasswordDialog(_SubmittingDialog):
    """A new password for one user, typed twice."""

    def __init__(self, submit: Submit, user: User, parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)
        self.user = user
        self.setObjectName("password_dialog")
        self.setWindowTitle(self.tr("Set the password of %1").replace("%1", user.name))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.password_edit = _password_edit(self, "new_password")
        self.again_edit = _password_edit(self, "new_password_again")
        form.addRow(self.tr("New password:"), self.password_edit)
        form.addRow(self.tr("Password again:"), self.again_edit)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def form(self) -> UserForm | str:
        if self.password_edit.text() != self.again_edit.text():
            return passwords_differ()
        user = self.user
        return UserForm(user.name, user.role, user.store, user.employee, self.password_edit.text())

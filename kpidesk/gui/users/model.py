"""``UsersModel``: the company's users, one per row — name, role, store, linked employee,
whether they may log in, and who changed them last and when. Read-only; the raw ``User`` is
under ``Qt.UserRole``. Never a password or its hash (``services.users.User`` has none).

Must not: change a user (the section runs the operations).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kpidesk.gui.rights import role_name
from kpidesk.gui.widgets.stamps import local_time
from kpidesk.gui.widgets.titled_table import TitledTableModel
from kpidesk.services.users import User

Index = QModelIndex | QPersistentModelIndex
DISABLED_COLOR = QColor("#9e9e9e")


class UsersModel(TitledTableModel):
    """The users of the company."""

    NAME, ROLE, STORE, EMPLOYEE, STATE, CHANGED = range(6)
    COLUMNS = 6

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._users: list[User] = []

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("User"),
            self.tr("Role"),
            self.tr("Store"),
            self.tr("Linked employee"),
            self.tr("State"),
            self.tr("Last changed"),
        )

    def set_users(self, users: Sequence[User]) -> None:
        """Show these users."""
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user(self, row: int) -> User | None:
        """The user of a row (``None`` outside the table)."""
        return self._users[row] if 0 <= row < len(self._users) else None

    def row_of(self, name: str) -> int | None:
        """The row of the user called ``name`` (any case), if shown."""
        wanted = name.strip().casefold()
        for row, user in enumerate(self._users):
            if user.name.casefold() == wanted:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._users)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        user = self.user(index.row()) if index.isValid() else None
        if user is None or not 0 <= index.column() < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(user, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return user
        if role == Qt.ItemDataRole.ForegroundRole and user.disabled:
            return QBrush(DISABLED_COLOR)
        return None

    def _text(self, user: User, column: int) -> str:
        if column == self.NAME:
            return user.name
        if column == self.ROLE:
            return role_name(user.role)
        if column == self.STORE:
            return user.store or ""
        if column == self.EMPLOYEE:
            return user.employee or ""
        if column == self.STATE:
            return self.tr("disabled") if user.disabled else self.tr("active")
        who = user.changed_by or user.created_by or ""
        when = local_time(user.changed_at)
        return ", ".join(part for part in (who, when) if part)

"""Users (SPEC §8.1): adding, changing, disabling users and setting passwords, as operations;
the rules that keep a company usable (the first user is an owner, the last active owner
stays one, a manager has a store, an employee user a linked employee).

Passwords are kept only as salted ``hashlib.scrypt`` hashes (``services.passwords``). On a
company file these rights keep honest people honest — anyone with the file and a SQLite
tool can read it; the company server enforces them for real.

Must not: import Qt, or check a password (``services.login`` does).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from kpidesk.core.rights import Actor, Right, Role
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session, Target
from kpidesk.services.passwords import hash_password, password_problem
from kpidesk.store import server_rights
from kpidesk.store.users import UserRow

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService
    from kpidesk.store.database import Database

_NAME_LIMIT = 80


@dataclass(frozen=True)
class User:
    """A user as the Users section and ``users list`` show it (never the hash)."""

    name: str
    role: Role
    store: str | None
    employee: str | None
    disabled: bool
    created_by: str | None = None
    changed_at: str | None = None
    changed_by: str | None = None

    @classmethod
    def of(cls, row: UserRow) -> User:
        """The user of a stored row."""
        return cls(
            row.name,
            Role(row.role),
            row.store,
            row.employee,
            row.disabled,
            row.created_by,
            row.changed_at,
            row.changed_by,
        )

    def actor(self) -> Actor:
        """This user as who is working."""
        return Actor(self.name, self.role, self.store, self.employee)


def users(service: CompanyService) -> list[User]:
    """Every user of the company, by name."""
    return [User.of(row) for row in service.database.users.users()]


def _role(value: Role | str) -> Role:
    if isinstance(value, Role):
        return value
    try:
        return Role(value)
    except ValueError:
        raise UserError.of(
            "unknown_role",
            f"unknown role {value!r}",
            value=str(value),
            roles=", ".join(role.value for role in Role),
        ) from None


def _check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > _NAME_LIMIT or any(ord(ch) < 32 for ch in cleaned):
        raise UserError.of(
            "bad_user_name",
            f"a user name must be 1 to {_NAME_LIMIT} printable characters",
            value=name,
            limit=_NAME_LIMIT,
        )
    return cleaned


def _check_links(session: Session, role: Role, store: str | None, employee: str | None) -> None:
    company = session.company()
    if store is not None and store not in {item.name for item in company.stores}:
        raise UserError.of("unknown_store", f"unknown store {store!r}", store=store)
    if employee is not None and company.employee(employee) is None:
        raise UserError.of("unknown_employee", f"unknown employee {employee!r}", name=employee)
    if role is Role.MANAGER and store is None:
        raise UserError.of("manager_needs_store", "a manager must have a store")
    if role is Role.EMPLOYEE and employee is None:
        raise UserError.of("employee_user_needs_employee", "an employee user must be linked")


def _check_owners_left(session: Session, changed: UserRow) -> None:
    """Refuse a change that leaves the company without an active owner."""
    owners = [
        row for row in session.db.users.users() if row.role == Role.OWNER.value and not row.disabled
    ]
    others = [row for row in owners if row.name.lower() != changed.name.lower()]
    if changed.role == Role.OWNER.value and not changed.disabled:
        return
    if not others:
        raise UserError.of(
            "last_owner",
            f"{changed.name} is the last active owner: the company needs one",
            name=changed.name,
        )


@dataclass
class AddUser(Operation):
    """Add a user; the first one must be an owner (creating them turns logins on)."""

    user_name: str
    role: Role | str
    password: str
    store: str | None = None
    employee: str | None = None
    name: ClassVar[str] = "add_user"
    right: ClassVar[Right] = Right.DIRECTORIES

    def apply(self, session: Session) -> Change:
        name = _check_name(self.user_name)
        role = _role(self.role)
        problem = password_problem(self.password)
        if problem is not None:
            raise problem
        db = session.db
        if not db.users.any() and role is not Role.OWNER:
            raise UserError.of("first_user_owner", "the first user must be an owner")
        store = self.store if role is Role.MANAGER else None
        _check_links(session, role, store, self.employee)
        if db.users.user(name) is not None:
            raise UserError.of("user_exists", f"a user named {name!r} exists", name=name)
        if db.is_server:  # the server keeps the password: a login role of the user's name
            db.users.add(UserRow(name, role.value, store, self.employee, "", False))
            server_rights.create_login(
                db.connection, _database_name(db), name, role.value, self.password
            )
            return Change(ChangeKind.USERS)
        row = UserRow(name, role.value, store, self.employee, hash_password(self.password), False)
        db.users.add(row)
        return Change(ChangeKind.USERS)


@dataclass
class ChangeUser(Operation):
    """Change a user's role, store, linked employee or disabled flag (``None``: keep;
    ``clear_store`` / ``clear_employee`` drop the link)."""

    user_name: str
    role: Role | str | None = None
    store: str | None = None
    employee: str | None = None
    disabled: bool | None = None
    clear_store: bool = False
    clear_employee: bool = False
    name: ClassVar[str] = "change_user"
    right: ClassVar[Right] = Right.DIRECTORIES

    def apply(self, session: Session) -> Change:
        db = session.db
        before = db.users.user(self.user_name)
        if before is None:
            raise UserError.of(
                "unknown_user", f"unknown user {self.user_name!r}", name=self.user_name
            )
        role = _role(self.role) if self.role is not None else Role(before.role)
        store = None if self.clear_store else (self.store or before.store)
        employee = None if self.clear_employee else (self.employee or before.employee)
        if role is not Role.MANAGER:
            store = None
        _check_links(session, role, store, employee)
        disabled = before.disabled if self.disabled is None else self.disabled
        after = replace(before, role=role.value, store=store, employee=employee, disabled=disabled)
        _check_owners_left(session, after)
        db.users.change(after)
        if db.is_server:
            server_rights.change_login(
                db.connection,
                _database_name(db),
                before.name,
                old_role=before.role,
                role=after.role,
                disabled=after.disabled,
            )
        return Change(ChangeKind.USERS)


@dataclass
class SetPassword(Operation):
    """Set a user's password: the owner for anyone, every user for themselves."""

    user_name: str
    password: str
    name: ClassVar[str] = "set_password"
    right: ClassVar[Right] = Right.DIRECTORIES

    def allowed(self, actor: Actor, target: Target) -> bool:
        if actor.role is not None and actor.name.lower() == self.user_name.strip().lower():
            return True
        return super().allowed(actor, target)

    def apply(self, session: Session) -> Change:
        db = session.db
        before = db.users.user(self.user_name)
        if before is None:
            raise UserError.of(
                "unknown_user", f"unknown user {self.user_name!r}", name=self.user_name
            )
        problem = password_problem(self.password)
        if problem is not None:
            raise problem
        if db.is_server:
            server_rights.set_password(db.connection, before.name, self.password)
            stamp = session.actor.may(Right.DIRECTORIES)  # (their own: the audit row only)
            db.users.password_changed(before.name, stamp=stamp)  # audited: who set it, when
            return Change(ChangeKind.USERS)
        db.users.change(replace(before, password_hash=hash_password(self.password)))
        return Change(ChangeKind.USERS)


def _database_name(db: Database) -> str:
    from kpidesk.store.server import ServerDatabase

    assert isinstance(db, ServerDatabase)
    return db.database_name


# --- use cases ---------------------------------------------------------------------------
def add_user(
    service: CompanyService,
    name: str,
    role: Role | str,
    password: str,
    *,
    store: str | None = None,
    employee: str | None = None,
) -> Change:
    """Add a user (see :class:`AddUser`)."""
    return service.run(AddUser(name, role, password, store, employee))


def disable_user(service: CompanyService, name: str, disabled: bool = True) -> Change:
    """Disable (or enable again) a user."""
    return service.run(ChangeUser(name, disabled=disabled))


def set_password(service: CompanyService, name: str, password: str) -> Change:
    """Set a user's password."""
    return service.run(SetPassword(name, password))

"""Users (SPEC §8.1): name, role, store, linked employee, password hash, disabled — and who
created and last changed each. Every change is audited; a password change is audited as a
change without its value (the hash never leaves this table but to the login check).

The store keeps what it is given: the rules (the first user is an owner, the last owner
stays, hashing) are the services'. Must not: hash or check passwords.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.store.codec import utc_now
from kpidesk.store.context import StoreContext
from kpidesk.store.errors import ContentError


@dataclass(frozen=True)
class UserRow:
    """One stored user."""

    name: str
    role: str
    store: str | None
    employee: str | None
    password_hash: str
    disabled: bool
    created_at: str | None = None
    created_by: str | None = None
    changed_at: str | None = None
    changed_by: str | None = None


_SELECT = (
    "SELECT u.name, u.role, s.name, e.name, u.password_hash, u.disabled, u.created_at,"
    " u.created_by, u.changed_at, u.changed_by FROM users u"
    " LEFT JOIN stores s ON s.id = u.store_id LEFT JOIN employees e ON e.id = u.employee_id"
)


def _row(found: tuple[object, ...]) -> UserRow:
    name, role, store, employee, password_hash, disabled, *stamps = found
    return UserRow(
        str(name),
        str(role),
        None if store is None else str(store),
        None if employee is None else str(employee),
        str(password_hash),
        bool(disabled),
        *(None if value is None else str(value) for value in stamps),
    )


class UserRepository:
    """The company's users (``db.users``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def any(self) -> bool:
        """Whether the company has users (logins are on); one indexed statement."""
        return self._ctx.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None

    def users(self) -> list[UserRow]:
        """Every user, by name."""
        return [_row(row) for row in self._ctx.execute(f"{_SELECT} ORDER BY u.name").fetchall()]

    def user(self, name: str) -> UserRow | None:
        """The user of this name, matched without regard to case (Cyrillic too, which
        SQL's ``lower`` does not fold), or ``None``."""
        exact = self._ctx.execute(f"{_SELECT} WHERE u.name = ?", (name,)).fetchone()
        if exact is not None:
            return _row(exact)
        folded = name.casefold()
        return next((row for row in self.users() if row.name.casefold() == folded), None)

    def _reference(self, table: str, name: str | None, what: str) -> int | None:
        return None if name is None else self._ctx.id_of(table, name, what)

    def add(self, user: UserRow) -> None:
        """Add a user.

        Raises:
            ContentError: a user of that name exists, or the store or employee is unknown.
        """
        ctx = self._ctx
        if self.user(user.name) is not None:
            raise ContentError(f"a user named {user.name!r} exists")
        store_id = self._reference("stores", user.store, "store")
        employee_id = self._reference("employees", user.employee, "employee")
        now = utc_now()
        with ctx.write():
            ctx.execute(
                "INSERT INTO users (name, role, store_id, employee_id, password_hash, disabled,"
                " created_at, created_by, changed_at, changed_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    user.name,
                    user.role,
                    store_id,
                    employee_id,
                    user.password_hash,
                    int(user.disabled),
                    now,
                    ctx.actor,
                    now,
                    ctx.actor,
                ),
            )
            ctx.audit(
                [
                    (
                        "add",
                        "user",
                        user.name,
                        "role",
                        None,
                        user.role,
                        None,
                        user.store,
                        user.employee,
                    )
                ]
            )

    def change(self, user: UserRow) -> list[str]:
        """Store a user's new role, store, employee, hash and disabled flag (matched by
        name); returns the names of the fields that changed.

        Raises:
            ContentError: no such user, or the store or employee is unknown.
        """
        ctx = self._ctx
        before = self.user(user.name)
        if before is None:
            raise ContentError(f"unknown user {user.name!r}")
        changed: list[tuple[str, str | None, str | None]] = []
        for field, old, new in (
            ("role", before.role, user.role),
            ("store", before.store, user.store),
            ("employee", before.employee, user.employee),
            ("disabled", str(int(before.disabled)), str(int(user.disabled))),
        ):
            if old != new:
                changed.append((field, old, new))
        if before.password_hash != user.password_hash:
            changed.append(("password", None, None))
        if not changed:
            return []
        store_id = self._reference("stores", user.store, "store")
        employee_id = self._reference("employees", user.employee, "employee")
        with ctx.write():
            ctx.execute(
                "UPDATE users SET role = ?, store_id = ?, employee_id = ?, password_hash = ?,"
                " disabled = ?, changed_at = ?, changed_by = ? WHERE name = ?",
                (
                    user.role,
                    store_id,
                    employee_id,
                    user.password_hash,
                    int(user.disabled),
                    utc_now(),
                    ctx.actor,
                    before.name,
                ),
            )
            ctx.audit(
                [
                    (
                        "change",
                        "user",
                        before.name,
                        field,
                        old,
                        new,
                        None,
                        user.store,
                        user.employee,
                    )
                    for field, old, new in changed
                ]
            )
        return [field for field, _, _ in changed]

    def password_changed(self, name: str, *, stamp: bool = True) -> None:
        """Record that a user's password was set elsewhere (a company server keeps it),
        audited like a change here: who, when, never the value (``stamp=False``: only the
        audit row, for a user who may not change the users table)."""
        ctx = self._ctx
        with ctx.write():
            if stamp:
                ctx.execute(
                    "UPDATE users SET changed_at = ?, changed_by = ? WHERE name = ?",
                    (utc_now(), ctx.actor, name),
                )
            ctx.audit([("change", "user", name, "password", None, None, None, None, None)])

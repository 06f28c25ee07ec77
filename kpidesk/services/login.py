"""Logging in (SPEC §8.1): who is working, once a company has users.

A wrong name, a wrong password and a disabled user get the same refusal (``login_failed``)
after the same work, and after a delay that doubles with each failure in a row for that
name on this company (0.5 s, 1 s, 2 s … at most 30 s). The count of failures is kept in the
user's config folder, not in the company, so that read-only opens and the company server
need no write to refuse a guess; a success clears it.

Must not: import Qt, or store a password (``services.passwords`` hashes it).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kpidesk.core.rights import Actor
from kpidesk.services import locations
from kpidesk.services.errors import UserError
from kpidesk.services.passwords import decoy_check, password_matches
from kpidesk.services.users import User

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService
    from kpidesk.store.database import Database

PASSWORD_VARIABLE = "KPIDESK_PASSWORD"
FIRST_DELAY = 0.5
LONGEST_DELAY = 30.0


def delay_after(failures: int) -> float:
    """Seconds to wait before refusing the ``failures``-th failure in a row."""
    if failures <= 0:
        return 0.0
    return float(min(FIRST_DELAY * 2 ** (failures - 1), LONGEST_DELAY))


def _attempts_file() -> Path:
    return locations.config_dir() / "login-failures.json"


def _key(service: CompanyService, name: str) -> str:
    location = service.location
    if service.database.is_server:  # the server and database, whoever connected to it
        location = location.split("://", 1)[-1].rsplit("@", 1)[-1]
    return f"{location}|{name.strip().lower()}"


def _read_attempts() -> dict[str, int]:
    try:
        data = json.loads(_attempts_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int) and v > 0}


def _write_attempts(attempts: dict[str, int]) -> None:
    path = _attempts_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(attempts), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # counting is a brake on guessing, never a reason to refuse a login


def login(
    service: CompanyService,
    name: str,
    password: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Actor:
    """Check a user's name and password and make them who is working on ``service``.

    Raises:
        UserError: ``login_failed`` (the same for an unknown name, a wrong password and a
            disabled user).
    """
    if service.database.is_server:
        return _server_login(service, name, password, sleep)
    row = service.database.users.user(name.strip()) if name.strip() else None
    if row is None:
        decoy_check(password)
        ok = False
    else:
        ok = password_matches(row.password_hash, password) and not row.disabled
    key = _key(service, name)
    attempts = _read_attempts()
    if not ok or row is None:
        attempts[key] = attempts.get(key, 0) + 1
        _write_attempts(attempts)
        sleep(delay_after(attempts[key]))
        raise UserError.of("login_failed", "wrong user name or password", user=name)
    if key in attempts:
        del attempts[key]
        _write_attempts(attempts)
    actor = User.of(row).actor()
    service.sign_in(actor)
    return actor


def _refuse(service: CompanyService, name: str, sleep: Callable[[float], None]) -> UserError:
    key = _key(service, name)
    attempts = _read_attempts()
    attempts[key] = attempts.get(key, 0) + 1
    _write_attempts(attempts)
    sleep(delay_after(attempts[key]))
    return UserError.of("login_failed", "wrong user name or password", user=name)


def _server_login(
    service: CompanyService, name: str, password: str, sleep: Callable[[float], None]
) -> Actor:
    """On a company server the server checks the password: connect again as that login,
    and work on the new connection from now on."""
    from urllib.parse import quote, urlsplit, urlunsplit

    from kpidesk.store.errors import NotADatabaseError
    from kpidesk.store.server import ServerDatabase

    database = service.database
    assert isinstance(database, ServerDatabase)
    parts = urlsplit(database.url)
    host = parts.netloc.rsplit("@", 1)[-1]
    url = urlunsplit(
        (parts.scheme, f"{quote(name.strip(), safe='')}@{host}", parts.path, parts.query, "")
    )
    try:
        fresh = ServerDatabase.connect(url, actor=name.strip(), password=password)
    except NotADatabaseError:
        raise _refuse(service, name, sleep) from None
    actor = server_actor(fresh)
    if actor is None:
        fresh.close()
        raise _refuse(service, name, sleep)
    database.close()
    service.database = fresh
    attempts = _read_attempts()
    if attempts.pop(_key(service, name), None) is not None:
        _write_attempts(attempts)
    service.sign_in(actor)
    return actor


def server_actor(database: Database) -> Actor | None:
    """Who works on a company server: the server authenticated the login, so it is the
    user of that name (``None`` when it is no user: then, with users, no one, unless the
    login owns the company — the owner's own account that ran ``server init``)."""
    return server_identity(database)[0]


def server_identity(database: Database) -> tuple[Actor | None, bool | None]:
    """:func:`server_actor`, and whether the company has users (``None``: not a server),
    which the same statement tells (``CompanyService.logins_on`` keeps it)."""
    from kpidesk.core.rights import Role
    from kpidesk.store.server import ServerDatabase

    if not isinstance(database, ServerDatabase):
        return None, None
    name, owner, any_users, known = database.who()  # one round trip (SPEC §9)
    row = database.users.user(name) if known else None
    if row is not None and not row.disabled:
        return User.of(row).actor(), any_users
    if owner:
        return Actor(name, Role.OWNER if any_users else None), any_users
    return None, any_users

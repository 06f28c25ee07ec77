"""Password hashes (SPEC §8.1): salted ``hashlib.scrypt``, stored as
``scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>`` so that the cost can grow later while
old hashes still verify. A password never leaves this module in any other form.

Must not: store anything, or know about users.
"""

from __future__ import annotations

import base64
import functools
import os

from kpidesk.services.errors import UserError

MIN_LENGTH = 6
MAX_LENGTH = 256
_N, _R, _P, _LENGTH = 2**14, 8, 1, 32
_SALT_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # hashlib (and hmac, which imports it) load OpenSSL, ≈ 5 ms: only when a password is
    # checked or set, not in every command that opens a company (issue 17)
    import hashlib

    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_LENGTH, maxmem=64 * 2**20
    )


def hash_password(password: str) -> str:
    """The stored form of ``password``, with a fresh random salt."""
    salt = os.urandom(_SALT_BYTES)
    digest = _derive(password, salt, _N, _R, _P)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def password_matches(stored: str, password: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from (constant-time compare; a
    malformed stored value matches nothing)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest, validate=True)
        found = _derive(password, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    import hmac

    return hmac.compare_digest(found, expected)


@functools.cache
def _decoy() -> str:
    return hash_password("kpidesk decoy password")


def decoy_check(password: str) -> None:
    """Spend the time of a password check on nobody's hash, so that an unknown user costs
    the same time as a wrong password (no timing tells which of the two was wrong)."""
    password_matches(_decoy(), password)


def password_problem(password: str) -> UserError | None:
    """Why ``password`` cannot be used (too short, too long, control characters), or
    ``None``."""
    if len(password) < MIN_LENGTH:
        return UserError.of(
            "password_too_short",
            f"a password needs at least {MIN_LENGTH} characters",
            limit=MIN_LENGTH,
        )
    if len(password) > MAX_LENGTH or any(ord(ch) < 32 for ch in password):
        return UserError.of(
            "bad_password",
            f"a password has at most {MAX_LENGTH} printable characters",
            limit=MAX_LENGTH,
        )
    return None

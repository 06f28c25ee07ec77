"""A company server's password remembered in the operating system's keyring (SPEC §3.2:
never stored in plain text) — Windows Credential Manager, the macOS Keychain, the Secret
Service on Linux — through the ``keyring`` package, only when the user ticks "remember".

Where ``keyring`` finds no usable backend (its ``fail`` or ``null`` keyring, a locked or
missing Secret Service) nothing is stored and :func:`remember_password` says so by
returning ``False``; reading then finds nothing. The key is the server's URL without a
password, so the recent list and the keyring name a server the same way.

Must not: import Qt, or write a password anywhere but the keyring.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from kpidesk.services.locations import without_password

SERVICE_NAME = "kpidesk company server"


def _keyring() -> Any | None:
    """The ``keyring`` module when it has a usable backend, else ``None``."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration: as good as none
        logging.getLogger(__name__).warning("keyring backend unusable", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring):
        return None
    priority = getattr(backend, "priority", 1)
    try:
        if float(priority) <= 0:  # the null keyring, or one that declares itself unfit
            return None
    except (TypeError, ValueError):
        return None
    return keyring


def keyring_available() -> bool:
    """Whether a password can be remembered on this machine."""
    return _keyring() is not None


def _key(url: str) -> str:
    return without_password(url)


def remember_password(url: str, password: str) -> bool:
    """Keep ``password`` for the server at ``url`` in the keyring. Returns whether it was
    stored (``False``: no usable keyring; nothing was written anywhere)."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE_NAME, _key(url), password)
    except Exception:  # keyring.errors.KeyringError, a locked store, a refused D-Bus call
        logging.getLogger(__name__).warning("keyring refused the password", exc_info=True)
        return False
    return True


def remembered_password(url: str) -> str | None:
    """The password the keyring keeps for the server at ``url``, or ``None``."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(SERVICE_NAME, _key(url))
    except Exception:
        logging.getLogger(__name__).warning("keyring could not be read", exc_info=True)
        return None
    return found if isinstance(found, str) else None


def forget_password(url: str) -> None:
    """Remove a remembered password (nothing happens when there is none)."""
    keyring = _keyring()
    if keyring is None:
        return
    with suppress(Exception):  # keyring.errors.PasswordDeleteError: there was none
        keyring.delete_password(SERVICE_NAME, _key(url))

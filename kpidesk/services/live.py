"""Keeping an open window's company current and connected (SPEC §3.2): where the company
is (:class:`CompanyAddress`, with a server's password kept in memory only, so that a
worker or a reconnection can open it again), whether another connection changed it
(:class:`RevisionWatch`, one cheap statement a poll), whether an error means the company
server cannot be reached (:func:`is_connection_lost`), and putting a fresh connection under
the open service when the server is back (:func:`adopt_connection`).

The revision is bumped by every audited change, by this window's writes too: the GUI notes
the revision after each of its own writes (:meth:`RevisionWatch.note_own`), so that a later
poll reports only what others changed. A change another connection commits between this
window's last poll and the read after its own write is taken for its own (and shows at the
next foreign change or reload); reading the revision inside the writing transaction would
close that gap, at a round trip per save for every caller.

Must not: import Qt; decide what a view shows.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.locations import Location, is_server, without_password
from kpidesk.store.errors import ConnectionLostError, StoreError

UNREACHABLE = "server_unreachable"


class Poll(Enum):
    """What a poll of the company's revision found."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"  # another connection changed the company
    LOST = "lost"  # the company server cannot be reached


@dataclass(frozen=True)
class CompanyAddress:
    """Where an open company is, to open it again: a company file, or a company server's
    URL with the password it was opened with (in memory only; ``None``: libpq's own
    places, ``PGPASSWORD`` or ``~/.pgpass``)."""

    location: Location
    password: str | None = field(default=None, repr=False, compare=False)

    @property
    def is_server(self) -> bool:
        """Whether the company is on a company server."""
        return is_server(self.location)

    @property
    def shown(self) -> str:
        """The location for titles and the recent list (a server's URL without a
        password)."""
        if self.is_server:
            return without_password(str(self.location))
        return str(self.location)

    def open(self, *, actor: str | None = None, backup: bool = False) -> CompanyService:
        """A new connection to the company (a worker's, or a reconnection).

        Raises:
            UserError: the file or the server refused (``server_unreachable`` when the
                server cannot be reached).
        """
        if self.is_server:
            return CompanyService.connect(str(self.location), actor=actor, password=self.password)
        return CompanyService.open(Path(self.location), actor=actor, backup=backup)

    @classmethod
    def of(cls, service: CompanyService, password: str | None = None) -> CompanyAddress:
        """The address of an open company."""
        if service.database.is_server:
            return cls(service.location, password)
        return cls(Path(service.location))


def is_connection_lost(error: BaseException) -> bool:
    """Whether ``error`` means that the company server cannot be reached: the store's
    lost connection (a read), or the coded refusal ``server_unreachable`` (a write)."""
    if isinstance(error, ConnectionLostError):
        return True
    if isinstance(error, UserError):
        return any(problem.code == UNREACHABLE for problem in error.problems)
    return False


def lost_refusal(error: BaseException, location: str = "") -> UserError:
    """A lost connection as the coded refusal ``server_unreachable`` (a refusal as it
    is)."""
    if isinstance(error, UserError):
        return error
    where = location or "the company server"
    return UserError.of(UNREACHABLE, f"no connection to {where}: {error}", server=location)


class RevisionWatch:
    """Whether someone else changed the open company since this window last looked."""

    def __init__(self, service: CompanyService) -> None:
        self.service = service
        self.known: int | None = self._read()

    def _read(self) -> int | None:
        """The revision, or ``None`` when it cannot be read now."""
        try:
            return self.service.database.revision()
        except (StoreError, sqlite3.Error):  # a lost server; a file busy for a moment
            return None

    def poll(self) -> Poll:
        """Read the revision (one statement): moved since the last look (and not by
        this window's own writes), unchanged, or the server is lost."""
        try:
            revision = self.service.database.revision()
        except ConnectionLostError:
            return Poll.LOST
        except (StoreError, sqlite3.Error):
            return Poll.UNCHANGED  # a file busy or locked for a moment: look again later
        if self.known is None:
            self.known = revision
            return Poll.UNCHANGED
        if revision != self.known:
            self.known = revision
            return Poll.CHANGED
        return Poll.UNCHANGED

    def note_own(self) -> None:
        """This window just wrote: what the revision now says is its own doing."""
        revision = self._read()
        if revision is not None:
            self.known = revision


def adopt_connection(service: CompanyService, fresh: CompanyService) -> None:
    """Put ``fresh``'s connection under ``service`` (the server is back): everything that
    holds ``service`` goes on with the same user and rights; its caches are dropped; the
    lost connection is closed."""
    old = service.database
    service.database = fresh.database
    service.database.actor = old.actor  # the audit log's name for who is working
    service.invalidate()
    with suppress(StoreError, sqlite3.Error, OSError):  # a dead one may refuse its close
        old.close()

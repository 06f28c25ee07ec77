"""``AppContext``: what every section of the window shares — the open company (its
service, and its address to open it again: a file, or a company server with the password
kept in memory), the chosen period and store, the language, and the one ``changed`` signal
through which every change reaches every view (STYLE.md: one road for every change).

A change another window or PC made reaches the views on the same road
(:meth:`AppContext.changed_elsewhere`, called by ``gui.live``'s poll); each of this
window's own writes notes the company's revision afterwards, so that its poll does not take
them for someone else's. A company server that cannot be reached is announced by
``connectionChanged(False)`` (a write refused with ``server_unreachable``, a read that lost
the connection, or the poll), and ``connectionChanged(True)`` once ``gui.live`` has put a
new connection under the same service (:meth:`AppContext.reconnected`).

Passed to each section's constructor; there is no global instance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from kpidesk.core.periods import Period, PeriodKind
from kpidesk.gui.rights import fixed_store
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.live import CompanyAddress, RevisionWatch, is_connection_lost, lost_refusal

T = TypeVar("T")


class AppContext(QObject):
    """Shared state of the window and the signals that announce its changes.

    Signals:
        changed(Change): data changed (after a service call committed it).
        periodChanged(Period): the period selector moved.
        storeChanged(object): the store filter changed (a store name or ``None`` = all).
        companyOpened(): another company is open, or someone else logged in to it
            (everything must reload and follow the new user's rights).
        connectionChanged(bool): the company server cannot be reached (``False``), or can
            again (``True``).
    """

    changed = Signal(object)
    periodChanged = Signal(object)
    storeChanged = Signal(object)
    companyOpened = Signal()
    connectionChanged = Signal(bool)

    def __init__(
        self,
        service: CompanyService,
        *,
        address: CompanyAddress | None = None,
        lang: str = "ru",
        period: Period | None = None,
        today: date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._address = address or CompanyAddress.of(service)
        self.watch = RevisionWatch(service)
        self.online = True  # False while the company server cannot be reached
        self.lang = lang
        self.today = today or date.today()
        self._period = period or self.default_period()
        self._store: str | None = fixed_store(service.actor)

    # --- the company ----------------------------------------------------------------------
    @property
    def service(self) -> CompanyService:
        """The open company."""
        return self._service

    @property
    def address(self) -> CompanyAddress:
        """Where the open company is, to open it again (a worker, a reconnection)."""
        return self._address

    @property
    def is_server(self) -> bool:
        """Whether the open company is on a company server."""
        return self._address.is_server

    @property
    def location(self) -> str:
        """The open company's resolved file, or its server's URL without a password."""
        return self._service.location

    @property
    def database_path(self) -> Path:
        """The open company's file.

        Raises:
            ValueError: the company is on a company server (a caller's mistake: use
                :attr:`location`).
        """
        if self.is_server:
            raise ValueError(f"{self.location} is a company server, not a file")
        return Path(self._service.location)

    def replace_service(
        self, service: CompanyService, address: CompanyAddress | None = None
    ) -> None:
        """Switch to another company (the old service is closed)."""
        old = self._service
        self._service = service
        self._address = address or CompanyAddress.of(service)
        self.watch = RevisionWatch(service)
        if old is not service:
            old.close()
        self._store = fixed_store(service.actor)
        self._period = self.default_period()
        was_online, self.online = self.online, True
        self.companyOpened.emit()
        self.changed.emit(Change(ChangeKind.COMPANY))
        if not was_online:
            self.connectionChanged.emit(True)

    # --- other windows and the connection ---------------------------------------------------
    def changed_elsewhere(self) -> None:
        """Another window or PC changed the company: the service's caches are dropped and
        every view hears of it on the one road (what changed is not known: everything)."""
        change = self._service.changed_elsewhere(Change(ChangeKind.COMPANY))
        self.changed.emit(change)

    def connection_lost(self) -> None:
        """The company server cannot be reached (announced once until it is back)."""
        if self.online:
            self.online = False
            self.connectionChanged.emit(False)

    def reconnected(self) -> None:
        """A new connection is under the same service (``live.adopt_connection``): what
        others changed meanwhile reaches every view, then the views hear that the server is
        back (and save what they kept)."""
        self.watch = RevisionWatch(self._service)
        self.online = True
        self.changed.emit(Change(ChangeKind.COMPANY))
        self.connectionChanged.emit(True)

    def offline_safe(self, read: Callable[[], T], fallback: T) -> T:
        """``read()``, or ``fallback`` when the company server cannot be reached (which is
        then announced): for the reads a view makes while the user types."""
        try:
            return read()
        except Exception as error:
            if not is_connection_lost(error):
                raise
            self.connection_lost()
            return fallback

    def signed_in(self, address: CompanyAddress | None = None) -> None:
        """Someone else now works on the open company (a login, or the first user just
        created): every view follows their rights; the period stays. ``address``: where
        the company is now, when the login connected again (a company server's login)."""
        if address is not None:
            self._address = address
            self.watch = RevisionWatch(self._service)
        self._store = fixed_store(self._service.actor)
        self.companyOpened.emit()
        self.changed.emit(Change(ChangeKind.COMPANY))

    def worker_opener(self) -> Callable[[], CompanyService]:
        """How a background worker opens its own connection to the company as who is
        working (called on the GUI thread; the function it returns runs on the worker's):
        without the signed-in user a company with users would refuse it everything."""
        address, actor = self._address, self._service.actor

        def open_company() -> CompanyService:
            service = address.open(backup=False)
            if actor.role is not None:
                service.sign_in(actor)
            return service

        return open_company

    def pay_period_kind(self) -> PeriodKind:
        """MONTH or HALF, as the company pays."""
        return self._service.company().pay_period

    def default_period(self) -> Period:
        """The pay period that contains yesterday."""
        kind = self._service.company().pay_period
        return Period.containing(self.today - timedelta(days=1), kind)

    # --- period and store -----------------------------------------------------------------
    @property
    def period(self) -> Period:
        """The period the window shows."""
        return self._period

    def set_period(self, period: Period) -> None:
        """Show another period."""
        if period != self._period:
            self._period = period
            self.periodChanged.emit(period)

    @property
    def store(self) -> str | None:
        """The store filter (``None`` = every store)."""
        return self._store

    def set_store(self, store: str | None) -> None:
        """Filter by a store (``None`` = every store); a store manager's stays theirs."""
        store = fixed_store(self._service.actor) or store
        if store != self._store:
            self._store = store
            self.storeChanged.emit(store)

    # --- changes --------------------------------------------------------------------------
    def run(self, write: Callable[[], Change], *, initiator: object | None = None) -> Change:
        """Run one write — a service call, which goes through the operations runner (right,
        transaction, lock, audit, caches) — and announce its change once, with the view
        that made it as ``initiator``. The only place the GUI announces changes.

        A company server that cannot be reached is announced (``connectionChanged``) and
        refused as ``server_unreachable``, whether the write or a read before it found out.

        Raises:
            UserError: the service refused; nothing changed and nothing is announced.
        """
        try:
            change = write()
        except Exception as error:
            if not is_connection_lost(error):
                raise
            self.connection_lost()
            raise lost_refusal(error, self.location) from None
        self.watch.note_own()
        self.changed.emit(replace(change, initiator=initiator))
        return change

"""``AppContext``: what every section of the window shares — the open company (its
service), the chosen period and store, the language, and the one ``changed`` signal
through which every change reaches every view (STYLE.md: one road for every change).

Passed to each section's constructor; there is no global instance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kpidesk.core.periods import Period, PeriodKind
from kpidesk.gui.rights import fixed_store
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService


class AppContext(QObject):
    """Shared state of the window and the signals that announce its changes.

    Signals:
        changed(Change): data changed (after a service call committed it).
        periodChanged(Period): the period selector moved.
        storeChanged(object): the store filter changed (a store name or ``None`` = all).
        companyOpened(): another company file is open, or someone else logged in to it
            (everything must reload and follow the new user's rights).
    """

    changed = Signal(object)
    periodChanged = Signal(object)
    storeChanged = Signal(object)
    companyOpened = Signal()

    def __init__(
        self,
        service: CompanyService,
        *,
        lang: str = "ru",
        period: Period | None = None,
        today: date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
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
    def database_path(self) -> Path:
        """The open company's file."""
        return self._service.path

    def replace_service(self, service: CompanyService) -> None:
        """Switch to another company file (the old service is closed)."""
        old = self._service
        self._service = service
        if old is not service:
            old.close()
        self._store = fixed_store(service.actor)
        self._period = self.default_period()
        self.companyOpened.emit()
        self.changed.emit(Change(ChangeKind.COMPANY))

    def signed_in(self) -> None:
        """Someone else now works on the open company (a login, or the first user just
        created): every view follows their rights; the period stays."""
        self._store = fixed_store(self._service.actor)
        self.companyOpened.emit()
        self.changed.emit(Change(ChangeKind.COMPANY))

    def worker_opener(self) -> Callable[[], CompanyService]:
        """How a background worker opens its own connection to the company as who is
        working (called on the GUI thread; the function it returns runs on the worker's):
        without the signed-in user a company with users would refuse it everything."""
        database, actor = self.database_path, self._service.actor

        def open_company() -> CompanyService:
            service = CompanyService.open(database, backup=False)
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

        Raises:
            UserError: the service refused; nothing changed and nothing is announced.
        """
        change = write()
        self.changed.emit(replace(change, initiator=initiator))
        return change

"""Live updates and the lost connection (SPEC §3.2): another PC's change reaches the open
window within 2 s, and a company server that cannot be reached is said so and retried.

:class:`LiveUpdates` polls the company's revision once a second (``services.live``: one
cheap statement, on the GUI thread — a company file's connection belongs to it); when it
moved and not by this window's own writes, ``AppContext.changed_elsewhere`` sends it down
the one ``changed`` road, so that each section redraws or marks itself stale as for any
change. It does so for a company file too (a second window on the same file).

When the server cannot be reached (the poll, or a write or read the context saw fail),
:class:`ConnectionBanner` says "No connection to the company server — retrying…" and a
worker tries to connect again every few seconds, off the GUI thread (a connection attempt
may wait for its timeout); once it connects, the new connection goes under the same service
with the same user (``live.adopt_connection``) and ``AppContext.reconnected`` tells the
views, which then save what they kept.

Must not: touch the database other than through ``services.live``; decide what a view
redraws; import the services or ``Qt``'s namespace at module level (the window's frame
imports this module before any company is open, SPEC §9's first paint: they are imported
where used).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from kpidesk.gui.context import AppContext
    from kpidesk.gui.widgets.workers import Worker
    from kpidesk.services.company import CompanyService
    from kpidesk.services.live import CompanyAddress

POLL_MS = 1000  # within SPEC §3.2's 2 s, with room for the redraw
RETRY_MS = 3000  # between two attempts to reach a lost server


class ConnectionBanner(QWidget):
    """The strip over the sections while the company server cannot be reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # (not at module level: see the module docstring)

        super().__init__(parent)
        self.setObjectName("connection_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # paint its colour
        self.setStyleSheet(
            "#connection_banner { background: #fdecea; border: 1px solid #e57373;"
            " border-radius: 3px; }"
            " #connection_banner QLabel { color: #8e1b10; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel(self.tr("No connection to the company server — retrying…"), self)
        self.text.setObjectName("connection_banner_text")
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        self.detail = QLabel(self)
        self.detail.setObjectName("connection_banner_detail")
        self.retry_button = QPushButton(self.tr("Retry now"), self)
        self.retry_button.setObjectName("connection_retry")
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_attempt(self, when: datetime | None) -> None:
        """Say when the last attempt to reach the server failed."""
        self.detail.setText(
            ""
            if when is None
            else self.tr("What you typed is kept. Last try: %1").replace("%1", f"{when:%H:%M:%S}")
        )


class LiveUpdates(QObject):
    """The poll of the open company and the reconnection of a lost server."""

    def __init__(self, context: AppContext, banner: ConnectionBanner, parent: QObject) -> None:
        super().__init__(parent)
        self.context = context
        self.banner = banner
        self.attempts = 0  # failed attempts since the connection was lost
        self._worker: Worker | None = None  # the attempt under way
        self._started: list[Worker] = []  # kept until their thread is done with them
        self._last_attempt: datetime | None = None
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setObjectName("live_updates_timer")
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.tick)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.try_reconnect)
        banner.retry_button.clicked.connect(self.try_reconnect)
        context.connectionChanged.connect(self._on_connection)

    def start(self) -> None:
        """Start polling."""
        self.timer.start()

    def stop(self) -> None:
        """Stop polling and retrying (the window closes)."""
        self._stopped = True
        self.timer.stop()
        self.retry_timer.stop()

    # --- polling --------------------------------------------------------------------------
    def tick(self) -> None:
        """One poll: announce another connection's change, or the lost server."""
        from kpidesk.services.live import Poll

        if not self.context.online:
            return
        found = self.context.watch.poll()
        if found is Poll.CHANGED:
            self.context.changed_elsewhere()
        elif found is Poll.LOST:
            self.context.connection_lost()

    # --- the lost connection --------------------------------------------------------------
    def _on_connection(self, online: bool) -> None:
        if online:
            self.retry_timer.stop()
            self.attempts = 0
            self._last_attempt = None
            self.banner.hide()
            return
        self.banner.show_attempt(None)
        self.banner.show()
        if not self.context.is_server:
            return  # a company file does not drop its connection: nothing to reconnect
        self.retry_timer.start(0)

    def try_reconnect(self) -> None:
        """Try to connect to the company server again, off the GUI thread (one attempt at
        a time)."""
        from kpidesk.gui.widgets.workers import Worker, start

        if self._stopped or self.context.online or self._worker is not None:
            return
        if not self.context.is_server:
            return
        address = self.context.address
        actor = self.context.service.actor.name

        def work(progress: object, cancelled: object) -> CompanyService:
            return address.open(actor=actor)

        worker = Worker(work)
        worker.signals.finished.connect(lambda fresh: self._connected(fresh, address))
        worker.signals.failed.connect(self._still_lost)
        self._worker = worker
        self._started = [w for w in self._started if not w.done.is_set()] + [worker]
        start(worker)

    def _connected(self, fresh: CompanyService, address: CompanyAddress) -> None:
        from kpidesk.services.live import adopt_connection

        self._worker = None
        if self._stopped or self.context.online or self.context.address != address:
            fresh.close()  # the window closed, back already, or another company opened
            return
        adopt_connection(self.context.service, fresh)
        self.context.reconnected()

    def _still_lost(self, message: str, problems: object) -> None:
        self._worker = None
        self.attempts += 1
        self._last_attempt = datetime.now()
        self.banner.show_attempt(self._last_attempt)
        if not self.context.online:
            self.retry_timer.start()

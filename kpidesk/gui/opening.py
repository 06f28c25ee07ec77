"""Opening a company from the window: a company file (with the warning when it lies on a
network share or in a cloud-sync folder, ``share_warning``) or a company server (asking for
the password only when the server refuses without one, ``server_dialog``), then asking who
is working (``login_dialog``). Start-up, File → Open, Recent and Connect all come here.

Must not: remember the company (the caller does, once the window shows it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from kpidesk.gui import login_dialog
from kpidesk.gui.server_dialog import ask_server
from kpidesk.gui.share_warning import ShareChoice, warn_if_shared
from kpidesk.services.company import CompanyService
from kpidesk.services.live import CompanyAddress
from kpidesk.services.locations import Location, is_server

Opened = tuple[CompanyService, CompanyAddress]


def connect_server(parent: QWidget | None = None, url: str | None = None) -> Opened | None:
    """The connect dialog (``url`` fills it in), then the login. ``None``: given up."""
    return _logged_in(ask_server(parent, url), parent)


def open_location(
    location: Location, parent: QWidget | None = None, *, create: bool = False
) -> Opened | None:
    """Open the company at ``location`` and ask who is working. ``None``: the user gave
    up (a warning, the password or the login cancelled).

    Raises:
        UserError: the company file cannot be opened.
    """
    if is_server(location):
        return _logged_in(ask_server(parent, str(location), try_first=True), parent)
    path = Path(location)
    choice = warn_if_shared(path, parent)
    if choice is ShareChoice.CANCEL:
        return None
    if choice is ShareChoice.SERVER:
        return connect_server(parent)
    service = CompanyService.open(path, create=create)
    return _logged_in((service, CompanyAddress.of(service)), parent)


def _logged_in(opened: Opened | None, parent: QWidget | None) -> Opened | None:
    if opened is None:
        return None
    service, address = opened
    accepted, moved = login_dialog.log_in(service, parent)
    if not accepted:
        service.close()
        return None
    return service, moved or address

"""GUI test fixtures: a demo company file per test, a main window over it, and modal
dialogs that never block; the demo company with one user of each role (SPEC §8.1) and a
window signed in as one of them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.services.company import CompanyService
from kpidesk.services.demo_setup import create_demo_database

TODAY = date(2026, 11, 22)
DEMO_PERIOD = Period.month(2026, 10)


@pytest.fixture(autouse=True)
def unsaved_typing_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window or section that closes with typing not saved asks "Save / Don't save /
    Cancel" (issue 15) — a modal box that never returns offscreen: unless a test answers
    the question itself, it is answered "Don't save"."""
    from PySide6.QtWidgets import QMessageBox

    from kpidesk.gui import section

    monkeypatch.setattr(
        section, "ask_unsaved", lambda parent, text: QMessageBox.StandardButton.Discard
    )


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company built once; tests get copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


def _copy(template: Path, target: Path) -> Path:
    import sqlite3

    source = sqlite3.connect(template)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo company for one test."""
    return _copy(demo_template, tmp_path / "demo.kpidesk")


# --- users and rights (SPEC §8.1) -------------------------------------------------------
PASSWORD = "secret-1"
CENTRAL = "Центральный"
MANAGER_EMPLOYEE = "Смирнов Сергей Петрович"  # the manager of «Центральный»
EMPLOYEE = "Волков Артём Андреевич"  # a seller of «Центральный»
# role → (user name, store, linked employee)
ROLE_USERS: dict[str, tuple[str, str | None, str | None]] = {
    "owner": ("Анна", None, None),
    "accountant": ("Бухгалтер", None, None),
    "manager": ("Смирнов", CENTRAL, MANAGER_EMPLOYEE),
    "employee": ("Волков", None, EMPLOYEE),
    "viewer": ("Гость", None, None),
}


@pytest.fixture(scope="session")
def users_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company with one user of each role, built once (their password:
    ``PASSWORD``)."""
    from kpidesk.services.users import add_user

    path = _copy(demo_template, tmp_path_factory.mktemp("users") / "users.kpidesk")
    with CompanyService.open(path, backup=False) as service:
        for role, (name, store, employee) in ROLE_USERS.items():
            add_user(service, name, role, PASSWORD, store=store, employee=employee)
    return path


@pytest.fixture
def users_path(users_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo company with users for one test."""
    return _copy(users_template, tmp_path / "users.kpidesk")


def signed_in(path: Path, role: str) -> CompanyService:
    """The company at ``path`` open, with the user of ``role`` logged in (no password
    asked: the login dialog has tests of its own)."""
    from kpidesk.services.users import users

    service = CompanyService.open(path, backup=False)
    name = ROLE_USERS[role][0]
    user = next(user for user in users(service) if user.name == name)
    service.sign_in(user.actor())
    return service


@pytest.fixture
def russian(qapp):  # type: ignore[no-untyped-def]
    """The Russian translation installed for one test."""
    from kpidesk.reports.translations import install_translators, remove_translators

    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def role_window(qtbot, russian, users_path: Path):  # type: ignore[no-untyped-def]
    """A function: the main window over the demo company with users, logged in as the
    user of a role, on October 2026."""
    from kpidesk.app import build_main_window

    windows = []

    def open_as(role: str):  # type: ignore[no-untyped-def]
        service = signed_in(users_path, role)
        window = build_main_window(service, lang="ru", period=DEMO_PERIOD, today=TODAY)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        return window

    yield open_as
    for window in windows:
        window.close()
        window.context.service.close()


@pytest.fixture
def demo_service(demo_path: Path) -> Iterator[CompanyService]:
    """The demo company, open."""
    service = CompanyService.open(demo_path, backup=False)
    yield service
    service.close()


@pytest.fixture
def main_window(qtbot, demo_service: CompanyService):  # type: ignore[no-untyped-def]
    """The whole main window over the demo company, on October 2026."""
    from kpidesk.app import build_main_window

    window = build_main_window(demo_service, lang="ru", period=DEMO_PERIOD, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def today() -> date:
    """The demo's "today" (22.11.2026)."""
    return TODAY


@pytest.fixture
def demo_period() -> Period:
    """The demo's latest full month (October 2026)."""
    return DEMO_PERIOD

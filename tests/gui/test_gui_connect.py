"""Getting to a company from the window: the connect dialog builds the server's URL and
keeps the password in the OS keyring only when ticked (never where there is no keyring);
the recent list holds servers, and opening one asks for the password only when the server
refuses without it (or the keyring has it); a company file on a network share or in a cloud
folder is opened only after a warning that offers the company server instead."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from kpidesk.gui import opening, server_dialog
from kpidesk.gui.server_dialog import ServerDialog
from kpidesk.gui.share_warning import ShareChoice, ShareWarning
from kpidesk.services import locations, server_passwords
from kpidesk.services.company import CompanyService
from kpidesk.services.locations import ServerAddress
from tests.engines import demo_company
from tests.gui.conftest import TODAY

URL = "postgresql://anna@db.example.ru:5433/chain"


class FakeKeyring:
    """A keyring backend in memory."""

    priority = 5

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, password: str) -> None:
        self.stored[service, user] = password

    def get_password(self, service: str, user: str) -> str | None:
        return self.stored.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        self.stored.pop((service, user), None)


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    import keyring

    fake = FakeKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: fake)
    for name in ("set_password", "get_password", "delete_password"):
        monkeypatch.setattr(keyring, name, getattr(fake, name))
    return fake


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import keyring
    from keyring.backends import fail

    written: list[str] = []
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    monkeypatch.setattr(keyring, "set_password", lambda *args: written.append("set"))
    return written


def _dialog(qtbot, connect, url: str | None = None) -> ServerDialog:  # type: ignore[no-untyped-def]
    dialog = ServerDialog(url=url, connect=connect)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _fill(dialog: ServerDialog, password: str = "секрет") -> None:
    dialog.host_edit.setText("db.example.ru")
    dialog.port_edit.setValue(5433)
    dialog.database_edit.setText("chain")
    dialog.user_edit.setText("anna")
    dialog.password_edit.setText(password)


def test_the_dialog_builds_the_url_and_remembers_only_when_ticked(  # type: ignore[no-untyped-def]
    qtbot, russian, fake_keyring, demo_service
) -> None:
    calls: list[tuple[str, str | None]] = []

    def connect(url: str, password: str | None) -> CompanyService:
        calls.append((url, password))
        return demo_service

    dialog = _dialog(qtbot, connect)
    assert dialog.port_edit.value() == 5432
    assert dialog.remember.isEnabled() and not dialog.remember.isChecked()
    _fill(dialog)
    assert dialog.url() == URL
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert calls == [(URL, "секрет")]
    assert dialog.service is demo_service and dialog.address is not None
    assert dialog.address.location == URL and dialog.address.password == "секрет"
    assert fake_keyring.stored == {}  # no tick: nothing stored
    assert dialog.password_edit.text() == ""

    ticked = _dialog(qtbot, connect)
    _fill(ticked)
    ticked.remember.setChecked(True)
    ticked.accept()
    qtbot.waitUntil(lambda: ticked.result() == QDialog.DialogCode.Accepted)
    assert fake_keyring.stored == {(server_passwords.SERVICE_NAME, URL): "секрет"}

    again = _dialog(qtbot, connect, URL)  # a known server: the fields and the password
    assert again.server() == ServerAddress("db.example.ru", 5433, "chain", "anna")
    assert again.remember.isChecked() and again.password_edit.text() == "секрет"
    again.remember.setChecked(False)  # untick: the stored password is forgotten
    again.accept()
    qtbot.waitUntil(lambda: again.result() == QDialog.DialogCode.Accepted)
    assert fake_keyring.stored == {}


def test_without_a_keyring_the_tick_is_off_and_says_why(  # type: ignore[no-untyped-def]
    qtbot, russian, no_keyring, demo_service
) -> None:
    dialog = _dialog(qtbot, lambda url, password: demo_service)
    assert not dialog.remember.isEnabled()
    assert "нет системного хранилища паролей" in dialog.keyring_note.text()
    _fill(dialog)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert no_keyring == []


def test_a_refusal_stays_in_the_dialog(qtbot, russian, fake_keyring) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.services.errors import UserError

    def connect(url: str, password: str | None) -> CompanyService:
        raise UserError.of("server_login_refused", "refused", server=url, detail="refused")

    dialog = _dialog(qtbot, connect)
    dialog.accept()  # nothing typed yet
    assert dialog.message.text() == "Укажите сервер и базу данных."
    _fill(dialog, "не тот")
    dialog.remember.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.isVisible() and dialog.service is None
    assert "отказал во входе" in dialog.message.text()
    assert fake_keyring.stored == {}  # a refused password is never remembered


# --- the recent list ------------------------------------------------------------------------
def _patch_exec(monkeypatch, qtbot, password: str | None) -> list[str]:  # type: ignore[no-untyped-def]
    """Make the connect dialog's exec() type ``password`` and connect (``None``: cancel);
    returns the URLs it was shown for."""
    shown: list[str] = []

    def exec_(dialog: ServerDialog) -> int:
        shown.append(dialog.url())
        if password is None:
            dialog.reject()
        else:
            dialog.password_edit.setText(password)
            dialog.accept()
            qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
        return dialog.result()

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    return shown


def test_the_recent_list_holds_a_server_and_asks_its_password_only_when_needed(  # type: ignore[no-untyped-def]
    qtbot, russian, main_window, pg_database, tmp_path, request, monkeypatch, fake_keyring
) -> None:
    url = demo_company("postgresql", tmp_path, request, TODAY)
    password = os.environ.get("PGPASSWORD", "")
    # libpq's own places first: PGPASSWORD is set, nothing is asked
    shown = _patch_exec(monkeypatch, qtbot, None)
    assert main_window.file_actions.open_path(url)
    assert shown == [] and main_window.context.is_server
    assert locations.recent_locations()[0] == url
    recent = [action.data() for action in main_window.file_actions.recent_menu.actions()]
    assert recent[0] == url
    assert main_window.file_actions.recent_menu.actions()[0].text() == f"Сервер {url}"
    # no password anywhere: the dialog asks, and a cancel keeps the open company
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    before = main_window.context.service
    assert not main_window.file_actions.open_path(url)
    assert shown == [url] and main_window.context.service is before
    # typed in the dialog: opened, and the window reconnects with it (kept in memory)
    _patch_exec(monkeypatch, qtbot, password)
    assert main_window.file_actions.open_path(url)
    assert main_window.context.address.password == password
    assert fake_keyring.stored == {}
    # remembered in the keyring: nothing asked
    server_passwords.remember_password(url, password)
    shown = _patch_exec(monkeypatch, qtbot, None)
    assert main_window.file_actions.open_path(url)
    assert shown == []
    main_window.context.service.close()  # (the fixture closes the company it opened)


# --- the file is not a share --------------------------------------------------------------
def _cloud_copy(demo_path: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "Яндекс.Диск" / "учёт"
    folder.mkdir(parents=True)
    target = folder / "shop.kpidesk"
    target.write_bytes(demo_path.read_bytes())
    return target


@pytest.mark.parametrize("choice", list(ShareChoice))
def test_a_company_file_in_a_cloud_folder_is_opened_after_a_warning(  # type: ignore[no-untyped-def]
    qtbot, russian, main_window, demo_path, tmp_path, monkeypatch, choice
) -> None:
    shared = _cloud_copy(demo_path, tmp_path)
    warned: list[ShareWarning] = []

    def exec_(dialog: ShareWarning) -> int:
        warned.append(dialog)
        text = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "sqlite.org/wal.html" in text and "папке облачной синхронизации" in text
        assert "server upload" in dialog.findChild(object, "share_commands").toPlainText()
        if choice is ShareChoice.CANCEL:
            dialog.reject()
        else:
            dialog.choose(choice)
        return dialog.result()

    connected: list[bool] = []
    monkeypatch.setattr(ShareWarning, "exec", exec_)
    monkeypatch.setattr(
        opening, "connect_server", lambda parent=None, url=None: connected.append(True)
    )
    before = main_window.context.service
    opened = main_window.file_actions.open_path(shared)
    assert len(warned) == 1
    if choice is ShareChoice.OPEN:
        assert opened and main_window.context.location == str(shared.resolve())
    else:
        assert not opened and main_window.context.service is before
    assert connected == ([True] if choice is ShareChoice.SERVER else [])


def test_a_local_company_file_opens_without_a_warning(  # type: ignore[no-untyped-def]
    main_window, demo_path, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(ShareWarning, "exec", lambda dialog: pytest.fail("warned"))
    monkeypatch.setattr(locations, "system_mounts", lambda: [("/", "ext4")])
    target = tmp_path / "local" / "shop.kpidesk"
    target.parent.mkdir()
    target.write_bytes(demo_path.read_bytes())
    assert main_window.file_actions.open_path(target)


def test_connect_from_the_file_menu(qtbot, russian, main_window, monkeypatch, demo_path) -> None:  # type: ignore[no-untyped-def]
    actions = main_window.file_actions
    assert actions.connect_action.text() == "Подключиться к серверу компании…"
    assert actions.recent_menu.title() == "Недавние компании"
    monkeypatch.setattr(server_dialog, "ask_server", lambda parent=None, url=None, **kw: None)
    monkeypatch.setattr(opening, "ask_server", lambda parent=None, url=None, **kw: None)
    assert not actions.connect()  # cancelled: the company stays
    assert main_window.context.location == str(demo_path.resolve())

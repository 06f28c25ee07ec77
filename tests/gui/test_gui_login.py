"""Logging in from the window (SPEC §8.1): the dialog with the company's name, the refusal
under the fields (the same for every wrong guess), the delay waited without freezing the
window, the last user name remembered and never the password; every open path asks, and a
cancelled login does not open the company."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from kpidesk.core.rights import Role
from kpidesk.gui import login_dialog
from kpidesk.gui.login_dialog import LoginDialog, ask_login, last_user
from kpidesk.services import locations
from kpidesk.services.company import CompanyService
from tests.gui.conftest import PASSWORD, signed_in


@pytest.fixture
def users_service(users_path: Path):  # type: ignore[no-untyped-def]
    service = CompanyService.open(users_path, backup=False)
    yield service
    service.close()


def _dialog(qtbot, service, sleep=lambda _seconds: None) -> LoginDialog:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(service, sleep=sleep)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_a_wrong_password_is_refused_under_the_fields(qtbot, russian, users_service) -> None:  # type: ignore[no-untyped-def]
    waits: list[tuple[float, bool]] = []
    dialog = _dialog(qtbot, users_service)
    dialog.sleep = lambda seconds: waits.append((seconds, dialog.ok_button.isEnabled()))
    assert dialog.findChild(object, "login_company").text() == users_service.company().name
    dialog.name_edit.setText("Анна")
    dialog.password_edit.setText("не тот")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == "Неверное имя пользователя или пароль."
    assert dialog.password_edit.text() == ""  # typed again, never kept
    assert waits == [(0.5, False)]  # the delay waited with OK disabled
    assert dialog.ok_button.isEnabled()
    dialog.name_edit.setText("Никто")  # an unknown user: the same words
    dialog.password_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.message.text() == "Неверное имя пользователя или пароль."
    assert users_service.actor.anonymous


def test_the_right_password_logs_in_and_the_name_is_remembered(qtbot, users_service) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, users_service)
    assert dialog.name_edit.text() == ""
    dialog.name_edit.setText("Смирнов")
    dialog.password_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert users_service.actor.name == "Смирнов" and users_service.actor.role is Role.MANAGER
    assert last_user(users_service) == "Смирнов"
    assert PASSWORD not in (locations.config_dir() / "state.json").read_text(encoding="utf-8")
    again = _dialog(qtbot, users_service)
    assert again.name_edit.text() == "Смирнов"


def test_the_wait_keeps_the_event_loop_running(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    ticks: list[int] = []
    QTimer.singleShot(10, lambda: ticks.append(1))
    login_dialog.wait_in_event_loop(0.05)
    assert ticks == [1]


def test_a_company_without_users_needs_no_login(demo_service) -> None:  # type: ignore[no-untyped-def]
    assert ask_login(demo_service)


def _answer(monkeypatch, name: str | None, password: str = PASSWORD) -> list[str]:  # type: ignore[no-untyped-def]
    """Make every login dialog's exec() type ``name`` and ``password`` and press OK
    (``None``: press Cancel); returns the companies asked about."""
    asked: list[str] = []

    def exec_(dialog: LoginDialog) -> int:
        asked.append(dialog.service.company().name)
        if name is None:
            dialog.reject()
        else:
            dialog.sleep = lambda _seconds: None
            dialog.name_edit.setText(name)
            dialog.password_edit.setText(password)
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    return asked


def test_file_open_asks_who_is_working(russian, main_window, users_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = main_window.context.service
    asked = _answer(monkeypatch, None)
    assert not main_window.file_actions.open_path(users_path)
    assert asked and main_window.context.service is before  # cancelled: nothing opened
    _answer(monkeypatch, "Волков")
    assert main_window.file_actions.open_path(users_path)
    service = main_window.context.service
    assert service.path == users_path and service.actor.role is Role.EMPLOYEE
    assert main_window.section_keys() == ["matrix", "tasks", "bonus"]
    assert main_window.user_label.text() == "Пользователь: Волков (сотрудник)"


def test_log_in_as_another_user(role_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = role_window("viewer")
    assert "bonus" not in window.section_keys()
    _answer(monkeypatch, "Бухгалтер", "не тот")
    assert not window.file_actions.log_in_again()  # a refusal keeps the dialog open
    assert window.context.service.actor.name == "Гость"
    _answer(monkeypatch, "Бухгалтер")
    assert window.file_actions.log_in_again()
    assert window.context.service.actor.role is Role.ACCOUNTANT
    assert "bonus" in window.section_keys()
    assert window.user_label.text() == "Пользователь: Бухгалтер (бухгалтер)"


def test_start_up_with_a_cancelled_login_closes_the_company(users_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.app import logged_in

    _answer(monkeypatch, None)
    service = CompanyService.open(users_path, backup=False)
    assert logged_in(service) is None
    assert service.database._closed  # type: ignore[attr-defined]
    _answer(monkeypatch, "Анна")
    opened = logged_in(CompanyService.open(users_path, backup=False))
    assert opened is not None and opened.actor.role is Role.OWNER
    opened.close()


def test_a_worker_opens_the_company_as_who_is_working(users_path: Path) -> None:
    from kpidesk.gui.context import AppContext

    service = signed_in(users_path, "manager")
    try:
        context = AppContext(service)
        with context.worker_opener()() as worker_service:
            assert worker_service.actor == service.actor
            assert not worker_service.actor.anonymous
    finally:
        service.close()


def test_after_a_restore_whoever_works_logs_in_again(role_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = role_window("owner")
    backup = window.context.service.backup()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(backup), "kpidesk")
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    asked = _answer(monkeypatch, "Бухгалтер")
    window.file_actions.restore()
    assert asked  # the restored company's users: asked again
    service = window.context.service
    assert service.actor.role is Role.ACCOUNTANT and not service.database._closed  # type: ignore[attr-defined]
    assert "users" not in window.section_keys()

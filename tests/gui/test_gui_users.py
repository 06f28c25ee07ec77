"""The Users section (SPEC §4.10, §8.1): the first user — an owner — created from a company
without users turns logins on and the session goes on as them; the owner adds, changes,
disables users and sets passwords; refusals stay in the dialog, in Russian."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from kpidesk.core.rights import Role
from kpidesk.gui.users.section import UsersSection
from kpidesk.services.login import login
from kpidesk.services.users import users
from tests.gui.conftest import CENTRAL, MANAGER_EMPLOYEE, PASSWORD


def _users_section(window) -> UsersSection:  # type: ignore[no-untyped-def]
    assert window.show_section("users")
    section = window.section("users")
    assert isinstance(section, UsersSection)
    return section


def test_the_model_passes_the_model_tester(qtmodeltester, role_window) -> None:  # type: ignore[no-untyped-def]
    section = _users_section(role_window("owner"))
    assert section.model.rowCount() == 5
    qtmodeltester.check(section.model)


def test_the_section_says_plainly_what_the_rights_are_worth(russian, main_window) -> None:  # type: ignore[no-untyped-def]
    section = _users_section(main_window)
    assert "SQLite" in section.honesty.text() and "сервер компании" in section.honesty.text()
    assert section.state_label.text().startswith("Пользователей пока нет")
    assert section.model.rowCount() == 0


def test_the_first_user_is_an_owner_and_the_session_goes_on_as_them(russian, main_window) -> None:  # type: ignore[no-untyped-def]
    section = _users_section(main_window)
    dialog = section.add_user()
    assert [dialog.role_combo.itemData(i) for i in range(dialog.role_combo.count())] == ["owner"]
    assert not dialog.role_combo.isEnabled()
    dialog.name_edit.setText("Анна")
    dialog.password_edit.setText(PASSWORD)
    dialog.again_edit.setText("другой пароль")
    dialog.accept()
    assert dialog.isVisible() and dialog.message.text() == "Пароли не совпадают."
    dialog.again_edit.setText(PASSWORD)
    dialog.accept()
    assert not dialog.isVisible()
    service = main_window.context.service
    assert service.logins_on()
    assert service.actor.name == "Анна" and service.actor.role is Role.OWNER
    assert main_window.user_label.text() == "Пользователь: Анна (владелец)"
    assert "users" in main_window.section_keys()  # the owner is not locked out
    assert section.model.rowCount() == 1 and section.message.text() == "Пользователь Анна добавлен."
    assert section.state_label.text().startswith("Вход по паролю включён")
    (entry,) = service.database.audit.entries(entity="user", limit=1)
    assert entry.actor != "Анна"  # created by whoever worked before logins were on


def test_the_owner_adds_a_store_manager(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("owner")
    section = _users_section(window)
    dialog = section.add_user()
    dialog.name_edit.setText("Ольга")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("manager"))
    assert dialog.store_combo.isEnabled()
    dialog.password_edit.setText(PASSWORD)
    dialog.again_edit.setText(PASSWORD)
    dialog.accept()  # no store: refused by the service, in Russian, the dialog stays
    assert dialog.isVisible()
    assert dialog.message.text() and "manager" not in dialog.message.text()
    dialog.store_combo.setCurrentIndex(dialog.store_combo.findData(CENTRAL))
    dialog.accept()
    assert not dialog.isVisible()
    service = window.context.service
    added = next(user for user in users(service) if user.name == "Ольга")
    assert added.role is Role.MANAGER and added.store == CENTRAL
    assert section.selected() is not None and section.selected().name == "Ольга"
    texts = [section.model.index(section.model.row_of("Ольга"), c).data() for c in range(6)]
    assert texts[:3] == ["Ольга", "управляющий магазином", CENTRAL]
    assert texts[4] == "действует" and texts[5].startswith("Анна")
    assert login(service, "Ольга", PASSWORD, sleep=lambda _s: None).store == CENTRAL


def test_a_store_is_only_a_managers(role_window) -> None:  # type: ignore[no-untyped-def]
    section = _users_section(role_window("owner"))
    dialog = section.add_user()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("manager"))
    dialog.store_combo.setCurrentIndex(dialog.store_combo.findData(CENTRAL))
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("viewer"))
    assert not dialog.store_combo.isEnabled() and dialog.store_combo.currentData() is None


def test_the_owner_changes_disables_and_enables_a_user(role_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = role_window("owner")
    section = _users_section(window)
    service = window.context.service
    assert section.select("Гость")
    dialog = section.change_user()
    assert dialog is not None and dialog.name_edit.isReadOnly()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("employee"))
    dialog.accept()  # an employee user needs a linked employee
    assert dialog.isVisible() and dialog.message.text()
    dialog.employee_combo.setCurrentIndex(dialog.employee_combo.findData(MANAGER_EMPLOYEE))
    dialog.accept()
    assert not dialog.isVisible()
    changed = next(user for user in users(service) if user.name == "Гость")
    assert changed.role is Role.EMPLOYEE and changed.employee == MANAGER_EMPLOYEE
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    assert section.select("Гость") and section.disable_button.text() == "Отключить"
    assert section.toggle()
    assert next(user for user in users(service) if user.name == "Гость").disabled
    assert section.message.text() == "Пользователь Гость отключён."
    assert section.select("Гость") and section.disable_button.text() == "Включить"
    assert section.toggle()
    assert not next(user for user in users(service) if user.name == "Гость").disabled


def test_the_owner_cannot_disable_themselves(role_window) -> None:  # type: ignore[no-untyped-def]
    section = _users_section(role_window("owner"))
    assert section.select("Анна")
    assert not section.disable_button.isEnabled() and not section.toggle()
    assert section.disable_button.toolTip()


def test_the_owner_sets_a_password(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("owner")
    section = _users_section(window)
    assert section.select("Бухгалтер")
    dialog = section.set_password()
    assert dialog is not None
    dialog.password_edit.setText("123")
    dialog.again_edit.setText("123")
    dialog.accept()  # too short
    assert dialog.isVisible() and "6" in dialog.message.text()
    dialog.password_edit.setText("новый-пароль")
    dialog.again_edit.setText("новый-пароль")
    dialog.accept()
    assert not dialog.isVisible() and dialog.password_edit.text() == ""
    service = window.context.service
    actor = login(service, "Бухгалтер", "новый-пароль", sleep=lambda _s: None)
    assert actor.role is Role.ACCOUNTANT


def test_the_owner_demoting_themselves_follows_their_new_rights(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("owner")
    section = _users_section(window)
    first = section.add_user()  # a second owner, so that the first may step down
    first.name_edit.setText("Борис")
    first.password_edit.setText(PASSWORD)
    first.again_edit.setText(PASSWORD)
    first.accept()
    assert section.select("Анна")
    dialog = section.change_user()
    assert dialog is not None
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("viewer"))
    dialog.accept()
    assert window.context.service.actor.role is Role.VIEWER
    assert "users" not in window.section_keys() and "bonus" not in window.section_keys()
    assert window.user_label.text() == "Пользователь: Анна (наблюдатель)"

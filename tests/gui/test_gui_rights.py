"""The window shows only what the logged-in user's role allows (SPEC §4, §8.1): the
navigation, the store filter, the bonus list's rows and money, and a store manager's edits
of another store's day impossible from every screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from kpidesk.gui.bonus.model import BONUS, EMPLOYEE, FIXED_PAY, STORE, TOTAL
from tests.gui.conftest import CENTRAL, MANAGER_EMPLOYEE
from tests.gui.conftest import EMPLOYEE as SELLER

MEGA = "ТЦ «Мега»"
MEGA_SELLER = "Павлов Денис Олегович"
EVERY_SECTION = [
    "dashboard",
    "matrix",
    "daily",
    "month_grid",
    "facts",
    "plans",
    "tasks",
    "ratings",
    "charts",
    "bonus",
    "directories",
    "users",
    "audit",
]
STAFF = [key for key in EVERY_SECTION if key not in ("directories", "users")]


@pytest.mark.parametrize(
    ("role", "keys"),
    [
        ("owner", EVERY_SECTION),
        ("accountant", STAFF),
        ("manager", STAFF),
        ("employee", ["matrix", "tasks", "bonus"]),
        ("viewer", [key for key in STAFF if key != "bonus"]),
    ],
)
def test_the_navigation_offers_what_the_role_allows(role_window, role: str, keys) -> None:  # type: ignore[no-untyped-def]
    window = role_window(role)
    assert window.section_keys() == keys
    shown = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert len(shown) == len(keys)
    for key in set(EVERY_SECTION) - set(keys):
        assert window.section(key) is None  # never built, not even by a drill-down
        assert not window.show_section(key)


def test_the_window_without_users_shows_everything_and_no_user(main_window) -> None:  # type: ignore[no-untyped-def]
    assert main_window.section_keys() == EVERY_SECTION  # Users: to create the first one
    assert main_window.user_label.isHidden()


def test_the_status_bar_names_the_user_and_role(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("manager")
    assert window.user_label.text() == "Пользователь: Смирнов (управляющий магазином) — Центральный"
    assert role_window("owner").user_label.text() == "Пользователь: Анна (владелец)"


def test_an_employee_starts_on_their_personal_report(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("employee")
    assert window.stack.currentWidget().key == "tasks"
    tasks = window.section("tasks")
    assert tasks.me == SELLER and not tasks.me_combo.isEnabled()
    assert tasks.report_view.report is not None and tasks.report_view.report.employee == SELLER
    assert [tasks.person_combo.itemData(i) for i in range(tasks.person_combo.count())] == [
        None,
        SELLER,
    ]


def _filter_items(window) -> list[object]:  # type: ignore[no-untyped-def]
    combo = window.store_filter
    return [combo.itemData(row) for row in range(combo.count())]


def test_the_store_filter_per_role(role_window) -> None:  # type: ignore[no-untyped-def]
    owner = role_window("owner")
    assert _filter_items(owner)[0] is None and len(_filter_items(owner)) == 4
    assert owner.store_filter.isEnabled() and owner.context.store is None
    manager = role_window("manager")
    assert _filter_items(manager) == [CENTRAL]
    assert not manager.store_filter.isEnabled()
    assert manager.context.store == CENTRAL
    manager.context.set_store(MEGA)  # whatever asks, a manager's filter stays theirs
    assert manager.context.store == CENTRAL
    employee = role_window("employee")
    assert not employee.store_filter_action.isVisible()


def _bonus_rows(window) -> dict[str, dict[int, str]]:  # type: ignore[no-untyped-def]
    assert window.show_section("bonus")
    model = window.section("bonus").model
    rows = {}
    for row in range(model.rowCount() - 1):  # the totals row last
        texts = {column: model.index(row, column).data() for column in range(model.columnCount())}
        rows[texts[EMPLOYEE]] = texts
    return rows


def test_a_manager_sees_their_store_and_their_own_money_only(role_window) -> None:  # type: ignore[no-untyped-def]
    rows = _bonus_rows(role_window("manager"))
    assert {texts[STORE] for texts in rows.values()} == {CENTRAL}
    assert len(rows) == 4
    for name, texts in rows.items():
        money = [texts[BONUS], texts[FIXED_PAY], texts[TOTAL]]
        if name == MANAGER_EMPLOYEE:
            assert all("₽" in text for text in money)
        else:
            assert money == ["—", "—", "—"]
            assert texts[len(texts) - 1] == "полный расчёт"  # complete, only not theirs to see
    model = role_window("manager").section("bonus").model
    totals = model.rowCount() - 1
    assert model.index(totals, BONUS).data() == "—"  # a sum of one's own money would mislead


def test_the_owner_and_the_accountant_see_everyone_with_money(role_window) -> None:  # type: ignore[no-untyped-def]
    for role in ("owner", "accountant"):
        rows = _bonus_rows(role_window(role))
        assert len(rows) == 15
        assert all("—" not in texts[FIXED_PAY] for texts in rows.values())


def test_an_employee_sees_their_own_sheet_only(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("employee")
    rows = _bonus_rows(window)
    assert list(rows) == [SELLER]
    assert "₽" in rows[SELLER][TOTAL]
    section = window.section("bonus")
    assert section.preview_button.isEnabled()
    assert section.paylist.step_label.text().startswith("Ведомость: ")
    for button in section.paylist._buttons():
        assert button.isHidden()


def test_a_manager_prints_their_own_sheet_in_a_worker_signed_in_as_them(  # type: ignore[no-untyped-def]
    role_window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    section = role_window("manager").section("bonus")
    target = tmp_path / "sheets.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF (*.pdf)")
    )
    section.save_pdf()
    qtbot.waitUntil(lambda: section.worker is None, timeout=20000)
    assert target.exists()
    assert section.notice.text().startswith("Сохранено страниц: 1")


# --- a manager's edit of another store's day is impossible from every screen ---------------
def test_daily_entry_offers_a_manager_their_store_only(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("manager")
    assert window.show_section("daily")
    section = window.section("daily")
    combo = section.stores.combo
    assert [combo.itemData(row) for row in range(combo.count())] == [CENTRAL]
    assert not window.show_section("daily", store=MEGA)
    assert section.store == CENTRAL and section.may_change
    assert not section.fields["revenue"].isReadOnly()


def test_daily_entry_is_read_only_for_the_accountant(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("accountant")
    assert window.show_section("daily", store=MEGA)
    section = window.section("daily")
    assert all(edit.isReadOnly() for edit in section.fields.values())
    assert section.save_button.isHidden() and not section.save_button.isEnabled()
    assert not section.save()
    assert not section.read_only_note.isHidden()
    assert "Только просмотр" in section.read_only_note.text()
    assert not section.sellers.save_button.isVisibleTo(section.sellers)


def test_the_month_grid_offers_a_manager_their_store_only(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("manager")
    assert window.show_section("month_grid")
    section = window.section("month_grid")
    combo = section.stores.combo
    assert [combo.itemData(row) for row in range(combo.count())] == [CENTRAL]
    assert not window.show_section("month_grid", store=MEGA)
    assert section.model.editable
    cell = section.model.index(0, section.model.REVENUE)
    assert section.model.flags(cell) & Qt.ItemFlag.ItemIsEditable


def test_the_month_grid_takes_no_typing_from_the_accountant(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("accountant")
    assert window.show_section("month_grid", store=MEGA)
    model = window.section("month_grid").model
    before = model.entries()
    cell = model.index(0, model.REVENUE)
    assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(cell, "1000")
    refusal = model.paste_block(0, 0, [["1000", "10", "100"]])
    assert refusal is not None and "не менять" in refusal
    assert model.entries() == before


def test_facts_show_a_manager_their_store_and_take_their_people_only(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("manager")
    assert window.show_section("facts")
    model = window.section("facts").model
    company = window.context.service.company()
    people = model.sheet.employees
    assert people and all(company.employee(name).store == CENTRAL for name in people)
    assert MEGA_SELLER not in people
    assert model.editable_people == set(people)
    assert not window.section("facts").lock_bar.lock_button.isVisibleTo(window)
    assert not window.section("facts").lock_bar.reopen_button.isVisibleTo(window)


def test_facts_are_read_only_for_the_accountant(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("accountant")
    assert window.show_section("facts")
    section = window.section("facts")
    model = section.model
    assert MEGA_SELLER in model.sheet.employees and not model.editable_people
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            assert not model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable
    refusal = model.paste_block(0, 0, [["5"]])
    assert refusal is not None and model.sheet.employees[0] in refusal
    assert not section.read_only_note.isHidden()
    assert section.lock_bar.lock_button.isVisibleTo(section)  # the accountant may lock
    assert not section.lock_bar.reopen_button.isVisibleTo(section)  # only the owner reopens


def test_the_matrix_is_read_only_unless_the_role_edits_matrices(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("manager")
    assert window.show_section("matrix", employee=SELLER)
    section = window.section("matrix")
    assert section.model.read_only and not section.save_action.isEnabled()
    assert not section.read_only_note.isHidden()
    owners = [section.owner.itemData(row) for row in range(section.owner.count())]
    assert SELLER in owners and MEGA_SELLER not in owners
    assert not window.show_section("matrix", employee=MEGA_SELLER)
    assert section.bonus_label.text().endswith("<b>—</b>")  # a seller's bonus: not theirs
    assert window.show_section("matrix", employee=MANAGER_EMPLOYEE)
    assert "₽" in section.bonus_label.text()  # their own


def test_an_employee_sees_their_own_matrix_only(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("employee")
    assert window.show_section("matrix")
    section = window.section("matrix")
    owners = [section.owner.itemData(row) for row in range(section.owner.count())]
    assert owners == [SELLER]
    assert section.mode.findData("template") < 0 and not section.mode.isEnabled()
    assert section.model.read_only


def test_the_owner_edits_matrices(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("owner")
    assert window.show_section("matrix", employee=SELLER)
    section = window.section("matrix")
    assert not section.model.read_only and section.read_only_note.isHidden()


def test_tasks_follow_the_role(role_window) -> None:  # type: ignore[no-untyped-def]
    manager = role_window("manager")
    assert manager.show_section("tasks")
    tasks = manager.section("tasks")
    assert tasks.me == MANAGER_EMPLOYEE and not tasks.me_combo.isEnabled()
    assert not tasks.generate_button.isVisibleTo(tasks)  # every store's duties: the owner's
    company = manager.context.service.company()
    people = {tasks.person_combo.itemData(i) for i in range(1, tasks.person_combo.count())}
    assert people and all(company.employee(name).store == CENTRAL for name in people)
    viewer = role_window("viewer")
    assert viewer.show_section("tasks")
    seen = viewer.section("tasks")
    assert seen.done_button.isHidden() and seen.generate_button.isHidden()
    accountant = role_window("accountant")  # not linked to an employee: no tasks of theirs
    assert accountant.show_section("tasks")
    theirs = accountant.section("tasks")
    assert theirs.done_button.isHidden() and not theirs.me_combo.isEnabled()
    assert not tasks.done_button.isHidden()  # the manager's own, as their employee
    owner = role_window("owner")
    assert owner.show_section("tasks")
    assert owner.section("tasks").me_combo.isEnabled()
    assert owner.section("tasks").generate_button.isVisibleTo(owner.section("tasks"))


def test_the_audit_log_offers_a_manager_their_store(role_window) -> None:  # type: ignore[no-untyped-def]
    window = role_window("manager")
    assert window.show_section("audit")
    box = window.section("audit").store_box
    assert [box.itemData(row) for row in range(box.count())] == [None, CENTRAL]


def test_the_file_menu_follows_the_role(role_window) -> None:  # type: ignore[no-untyped-def]
    owner = role_window("owner").file_actions
    assert owner.import_action.isEnabled() and owner.restore_action.isEnabled()
    assert owner.login_action.isEnabled()
    accountant = role_window("accountant").file_actions
    assert accountant.export_action.isEnabled()
    assert not accountant.import_action.isEnabled() and not accountant.restore_action.isEnabled()
    assert not accountant.backup_action.isEnabled()
    manager = role_window("manager").file_actions
    assert not manager.export_action.isEnabled()


def test_without_users_there_is_nobody_to_log_in_as(main_window) -> None:  # type: ignore[no-untyped-def]
    assert not main_window.file_actions.login_action.isEnabled()
    assert main_window.file_actions.import_action.isEnabled()

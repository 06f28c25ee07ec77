"""The import preview in the window (issue 14 item 9): before anything is applied the dialog
shows, per sheet, what is added, changed (old → new) and unchanged; Cancel changes nothing,
Import applies it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from kpidesk.gui.import_dialog import ImportDialog

PAVLOV = "Павлов Денис Олегович"


def _workbook(path: Path) -> Path:
    workbook = Workbook()
    stores = workbook.active
    stores.title = "Магазины"
    stores.append(["Название"])
    for name in ("Центральный", "Новый магазин"):
        stores.append([name])
    employees = workbook.create_sheet("Сотрудники")
    employees.append(["ФИО", "Должность", "Магазин", "Отдел", "Оклад", "Премия", "Начало"])
    employees.append(
        [PAVLOV, "Продавец-консультант", "ТЦ «Мега»", "Розница", "33 000", "14000", "01.08.2026"]
    )
    workbook.save(path)
    workbook.close()
    return path


def _checked(main_window, qtbot, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    main_window.file_actions.import_workbook(path)
    dialog = main_window.file_actions.last_import_dialog
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)
    return dialog


def test_the_preview_shows_each_sheet_and_cancel_changes_nothing(  # type: ignore[no-untyped-def]
    main_window, qtbot, russian, tmp_path: Path
) -> None:
    service = main_window.context.service
    revision = service.database.revision()
    dialog = _checked(main_window, qtbot, _workbook(tmp_path / "changes.xlsx"))
    tree = dialog.preview
    assert tree.isVisible()
    sheets = {
        tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }
    stores, employees = sheets["Магазины"], sheets["Сотрудники"]
    assert [stores.text(c) for c in (1, 2, 3)] == ["1", "0", "1"]
    assert [employees.text(c) for c in (1, 2, 3)] == ["0", "1", "0"]
    assert stores.child(0).text(0) == "добавлено: Новый магазин"
    changed = employees.child(0).text(0)
    assert changed.startswith(f"изменено: {PAVLOV} — ")
    assert "Оклад: 32\u00a0000 → 33\u00a0000" in changed
    dialog.cancel_button.click()
    assert service.database.revision() == revision
    assert "Новый магазин" not in [s.name for s in service.company().stores]


def test_import_applies_what_the_preview_showed(main_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _checked(main_window, qtbot, _workbook(tmp_path / "changes.xlsx"))
    with qtbot.waitSignal(main_window.context.changed, timeout=20000):
        dialog.import_button.click()
    company = main_window.context.service.company()
    assert "Новый магазин" in [s.name for s in company.stores]
    assert str(company.employee(PAVLOV).fixed_pay) == "33000"

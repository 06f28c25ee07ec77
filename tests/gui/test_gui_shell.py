"""The main window's shell: navigation, period selector, store filter, status bar, File
menu actions, the import dialog and the welcome's three choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kpidesk.app import welcome_service
from kpidesk.core.periods import Period
from kpidesk.gui.welcome import WelcomeChoice, WelcomeDialog
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService


def test_period_selector_steps_and_status_follows(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    assert "октябрь 2026" in main_window.period_selector.label.text()
    with qtbot.waitSignal(context.periodChanged):
        main_window.period_selector.next_button.click()
    assert context.period == Period.month(2026, 11)
    assert "November 2026" in main_window.problems_label.text()
    main_window.period_selector.previous_button.click()
    assert context.period == Period.month(2026, 10)
    # October of the demo: one employee without an NPS fact
    assert main_window.problems_label.text().endswith(": 1")


def test_store_filter_lists_the_stores(main_window) -> None:  # type: ignore[no-untyped-def]
    combo = main_window.store_filter
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == main_window.tr("All stores")
    assert "Центральный" in names
    combo.setCurrentIndex(names.index("Центральный"))
    assert main_window.context.store == "Центральный"


def test_status_bar_names_the_database(main_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert demo_path.name in main_window.database_label.text()


def test_backup_now_writes_a_backup(main_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    main_window.file_actions.backup_now()
    backups = list((demo_path.parent / "backups").glob("*.sqlite"))
    assert backups
    assert backups[0].name.split("-")[0] in main_window.backup_label.text()


def test_import_dialog_lists_bad_cells_and_changes_nothing(  # type: ignore[no-untyped-def]
    main_window, qtbot, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ежедневно"
    sheet.append(["Дата", "Магазин", "Выручка", "Чеки", "Посетители", "Единицы"])
    sheet.append(["01.10.2026", "Центральный", "-5", "10", "100", "12"])
    sheet.append(["02.10.2026", "Нет такого", "1000", "10", "100", "12"])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    workbook.close()
    before = main_window.context.service.database.daily.daily_rows(
        Period.month(2026, 10).start, Period.month(2026, 10).end
    )
    main_window.file_actions.import_workbook(path)
    dialog = main_window.file_actions.last_import_dialog
    qtbot.waitUntil(
        lambda: dialog.worker is not None and dialog.worker.done.is_set(), timeout=20000
    )
    qtbot.waitUntil(lambda: dialog.problems.isVisible(), timeout=5000)
    assert dialog.problems.rowCount() >= 2
    rows = {dialog.problems.item(r, 1).text() for r in range(dialog.problems.rowCount())}
    assert {"2", "3"} <= rows
    assert not dialog.import_button.isEnabled()
    after = main_window.context.service.database.daily.daily_rows(
        Period.month(2026, 10).start, Period.month(2026, 10).end
    )
    assert after == before
    dialog.reject()


def test_import_dialog_applies_a_good_workbook(main_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Магазины"
    sheet.append(["Название"])
    sheet.append(["Новый магазин"])
    path = tmp_path / "good.xlsx"
    workbook.save(path)
    workbook.close()
    main_window.file_actions.import_workbook(path)
    dialog = main_window.file_actions.last_import_dialog
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)
    with qtbot.waitSignal(main_window.context.changed, timeout=20000):
        dialog.import_button.click()
    names = [s.name for s in main_window.context.service.company().stores]
    assert "Новый магазин" in names
    combo = main_window.store_filter
    assert "Новый магазин" in [combo.itemText(i) for i in range(combo.count())]


def test_a_change_reaches_views(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(main_window.context.changed) as blocker:
        main_window.context.run(lambda: Change(ChangeKind.FACT, Period.month(2026, 10)))
    assert blocker.args[0].kind is ChangeKind.FACT


# --- the welcome's three choices -----------------------------------------------------------
def _welcome(qtbot, choice: WelcomeChoice) -> WelcomeDialog:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    button = {
        WelcomeChoice.EMPTY: dialog.empty_button,
        WelcomeChoice.DEMO: dialog.demo_button,
        WelcomeChoice.IMPORT: dialog.import_button,
    }[choice]
    button.click()
    assert dialog.choice is choice
    return dialog


def test_welcome_demo(qtbot, kpidesk_home: Path, today) -> None:  # type: ignore[no-untyped-def]
    dialog = _welcome(qtbot, WelcomeChoice.DEMO)
    service, workbook = welcome_service(dialog, today)
    assert service is not None and workbook is None
    with service:
        assert len(service.company().employees) == 15
        assert str(kpidesk_home) in str(service.path)


def test_welcome_empty(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "new.kpidesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    from kpidesk.gui import welcome

    monkeypatch.setattr(welcome, "ask_company_details", lambda *a: ("ООО Ромашка", True))
    dialog = _welcome(qtbot, WelcomeChoice.EMPTY)
    service, _ = welcome_service(dialog, today)
    assert service is not None
    with service:
        assert service.company().name == "ООО Ромашка"
        assert service.company().employees == ()
        assert service.company().pay_period.value == "half"  # chosen in the new company's dialog
    assert target.exists()


def test_welcome_import(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.services.exchange import write_template

    workbook = write_template(tmp_path / "template.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(workbook), ""))
    dialog = _welcome(qtbot, WelcomeChoice.IMPORT)
    service, chosen = welcome_service(dialog, today)
    assert service is not None and chosen == workbook
    service.close()


def test_open_another_company_replaces_the_service(  # type: ignore[no-untyped-def]
    main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.kpidesk"
    CompanyService.create(other, name="Другая").close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    main_window.file_actions.open_company()
    assert main_window.context.database_path == other
    assert main_window.windowTitle().startswith("Другая")


def test_open_refuses_a_non_database(main_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.kpidesk"
    junk.write_text("not a database")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self.text()))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    before = main_window.context.database_path
    main_window.file_actions.open_company()
    assert main_window.context.database_path == before
    assert shown and "junk.kpidesk" in shown[0]

"""The window adopts an owner's two-sheet workbook with one column mapping corrected by
hand (SPEC §6.1), remembers the correction for the next file of the same shape, and the
recognition and mapping dialog is screenshotted in Russian at 1280×800."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from kpidesk.core.periods import Period
from kpidesk.gui.adopt_dialog import AdoptDialog
from tests.unit.io.test_adopt_recognition import KPI_IVANOVA, KPI_PETROV, per_employee_book

OCTOBER = Period.month(2026, 10)


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "adopt.ini"), QSettings.Format.IniFormat)


def _fact_combo(dialog: AdoptDialog) -> QComboBox:
    for row in range(dialog.mapping.rowCount()):
        item = dialog.mapping.item(row, 1)
        if item is not None and item.text() == "Результат":
            combo = dialog.mapping.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            return combo
    raise AssertionError("no column 'Результат'")


def test_adopt_two_sheets_with_a_corrected_mapping(
    qtbot, russian, main_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = per_employee_book(tmp_path / "свои.xlsx", fact_header="Результат")
    context = main_window.context
    dialog = AdoptDialog(context, path, main_window, settings=_settings(tmp_path))
    qtbot.addWidget(dialog)
    dialog.start()
    assert dialog.sheet_list.count() == 2
    dialog.sheet_list.setCurrentRow(1)  # Петров: "Результат" is not a known header
    petrov = dialog.recognition.sheets[1].blocks[0]  # type: ignore[union-attr]
    assert all(line.fact is None for line in petrov.lines)
    combo = _fact_combo(dialog)
    assert combo.currentData() == ""
    combo.setCurrentIndex(combo.findData("fact"))  # the correction by hand
    qtbot.waitUntil(lambda: dialog.recognition.sheets[1].blocks[0].lines[0].fact is not None)  # type: ignore[union-attr]
    petrov = dialog.recognition.sheets[1].blocks[0]  # type: ignore[union-attr]
    assert [line.fact for line in petrov.lines] == [22, 18, 30]
    assert dialog.preview.rowCount() == 3 and dialog.preview.item(0, 6).text() == "22"

    dialog.apply()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    report = dialog.report
    assert report is not None and not report.dry_run
    result = context.service.compute_period(OCTOBER)
    ivanova, petrov_result = (result.for_employee(n) for n in ("Иванова Анна", "Петров Иван"))
    # the demo company already has "Выручка", computed from its daily data: kpidesk's KPI
    # then differs from the sheet's, and the report says so with both values
    (difference,) = report.differences
    assert difference.employee == "Иванова Анна" and difference.sheet_kpi == KPI_IVANOVA
    assert ivanova is not None and difference.kpidesk_kpi == ivanova.kpi != KPI_IVANOVA
    assert petrov_result is not None and petrov_result.kpi == KPI_PETROV
    assert petrov_result.pay is not None and petrov_result.pay.bonus == Decimal("11400.00")
    assert "Импортирован" in dialog.message.text() or "импорт" in dialog.message.text().lower()

    # the next file of the same shape opens with the correction
    again = AdoptDialog(
        context,
        per_employee_book(tmp_path / "ноябрь.xlsx", fact_header="Результат"),
        main_window,
        settings=_settings(tmp_path),
    )
    qtbot.addWidget(again)
    again.start()
    assert [line.fact for line in again.recognition.sheets[1].blocks[0].lines] == [  # type: ignore[union-attr]
        22,
        18,
        30,
    ]


def test_the_file_menu_opens_it(qtbot, russian, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    actions = main_window.file_actions
    assert actions.adopt_action.text() == "Импорт из своей таблицы…"
    assert actions.adopt_action.isEnabled()
    actions.adopt_workbook(per_employee_book(tmp_path / "a.xlsx"))
    dialog = actions.last_adopt_dialog
    assert dialog.sheet_list.count() == 2
    dialog.close()

"""The Bonus sheets section's "Для зарплаты (1С)…" button (SPEC §7): with an incomplete
sheet it asks first — "No" writes nothing, "Yes" exports the complete sheets in a worker —
and the employees' directory edits the personnel number, refusing a taken one."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kpidesk.gui.bonus.section import BonusSection
from kpidesk.io.payroll import HEADERS


@pytest.fixture
def russian(qapp):  # type: ignore[no-untyped-def]
    from kpidesk.reports.translations import install_translators, remove_translators

    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def section(russian, main_window) -> BonusSection:  # type: ignore[no-untyped-def]
    main_window.show_section("bonus")
    found = main_window.section("bonus")
    assert isinstance(found, BonusSection)
    return found


def test_payroll_button_asks_about_incomplete_sheets(  # type: ignore[no-untyped-def]
    section: BonusSection, qtbot, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "зуп"
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "Excel (*.xlsx)")
    )
    assert section.payroll_button.text() == "Для зарплаты (1С)…"
    section.payroll_button.click()
    assert "Соколова Анна Игоревна" in asked[0] and "Выгрузить только полные" in asked[0]
    assert section.worker is None and not (tmp_path / "зуп.xlsx").exists()
    answer[0] = QMessageBox.StandardButton.Yes
    section.payroll_button.click()
    assert section.worker is not None
    qtbot.waitUntil(lambda: section.worker is None, timeout=20000)
    book = load_workbook(tmp_path / "зуп.xlsx")
    rows = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    book.close()
    assert rows[0] == HEADERS
    assert {row[1] for row in rows[1:]} == {
        r.employee.name for r in section.model.results if r.pay is not None
    }
    assert "Выгружено начислений" in section.notice.text()


def test_the_directory_edits_personnel_numbers(russian, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.show_section("directories")
    directories = main_window.section("directories")
    model = directories.employees
    model.reload()
    column = [c.key for c in model.columns].index("personnel_number")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Таб. №"
    assert model.index(0, column).data() == "0001"
    assert model.setData(model.index(0, column), " A-17 ")
    assert model.index(0, column).data() == "A-17"
    assert not model.setData(model.index(1, column), "a-17")
    assert "Табельный номер a-17" in model.last_error and "Кузнецова" in model.last_error
    assert model.setData(model.index(1, column), "")
    assert model.index(1, column).data() is None

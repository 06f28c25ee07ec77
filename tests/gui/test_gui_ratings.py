"""The Ratings section: the model passes the model tester, sorting by raw values, every
range kind, drill-down to the matrix / month grid (and a status message when the section
is missing), export to .xlsx and CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from kpidesk.core.money import format_percent
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.ratings import Subject
from kpidesk.gui.analytics.ratings import CHANGE, NAME, RANK, VALUE, RatingsSection
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE


def _ratings(window) -> RatingsSection:  # type: ignore[no-untyped-def]
    window.show_section("ratings")
    section = window.section("ratings")
    assert isinstance(section, RatingsSection)
    return section


def _column(section: RatingsSection, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:  # type: ignore[type-arg]
    proxy = section.proxy
    return [proxy.index(row, column).data(role) for row in range(proxy.rowCount())]


def test_employee_kpi_rating_in_the_table(main_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    qtmodeltester.check(section.model)
    qtmodeltester.check(section.proxy)
    assert section.rating is not None and section.rating.period == Period.month(2026, 10)
    assert _column(section, RANK)[:3] == ["1", "2", "3"]
    assert _column(section, NAME)[0] == "Фёдорова Марина Андреевна"
    assert _column(section, VALUE)[0] == format_percent(section.rating.rows[0].value, 1)  # type: ignore[arg-type]
    assert INCOMPLETE_EMPLOYEE not in _column(section, NAME)
    assert INCOMPLETE_EMPLOYEE in section.summary_label.text()


def test_sorting_uses_raw_values(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    section.table.sortByColumn(CHANGE, Qt.SortOrder.DescendingOrder)
    changes = _column(section, CHANGE, Qt.ItemDataRole.UserRole)
    assert changes == sorted(changes, reverse=True)
    section.table.sortByColumn(VALUE, Qt.SortOrder.AscendingOrder)
    values = _column(section, VALUE, Qt.ItemDataRole.UserRole)
    assert values == sorted(values)


@pytest.mark.parametrize("kind", list(PeriodKind))
def test_every_range_kind(main_window, qtmodeltester, kind: PeriodKind) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    section.subject_combo.setCurrentIndex(section.subject_combo.findData(Subject.STORE))
    section.measure_combo.setCurrentIndex(section.measure_combo.findData("revenue"))
    section.range_combo.setCurrentIndex(section.range_combo.findData(kind))
    if kind is PeriodKind.CUSTOM:
        section.start_edit.setDate(QDate(2026, 10, 5))
        section.end_edit.setDate(QDate(2026, 10, 20))
    rating = section.rating
    assert rating is not None
    assert rating.period.kind is kind
    assert section.proxy.rowCount() == 3
    qtmodeltester.check(section.model)
    if kind is PeriodKind.CUSTOM:
        assert rating.period == Period.custom(date(2026, 10, 5), date(2026, 10, 20))


def test_previous_and_next_buttons_step_the_range(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    section.previous_button.click()
    assert section.rating is not None and section.rating.period == Period.month(2026, 9)
    section.next_button.click()
    assert section.rating.period == Period.month(2026, 10)


def test_the_window_period_moves_the_rating(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    main_window.context.set_period(Period.month(2026, 8))
    assert section.rating is not None and section.rating.period == Period.month(2026, 8)


def test_double_click_drills_down(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    calls: list[tuple[str, dict[str, object]]] = []

    def show(key: str, **target: object) -> bool:
        calls.append((key, target))
        return True

    monkeypatch.setattr(main_window, "show_section", show)
    section.table.doubleClicked.emit(section.proxy.index(0, NAME))
    assert calls == [("matrix", {"employee": "Фёдорова Марина Андреевна"})]
    section.subject_combo.setCurrentIndex(section.subject_combo.findData(Subject.STORE))
    first_store = _column(section, NAME)[0]
    section.table.doubleClicked.emit(section.proxy.index(0, VALUE))
    assert calls[-1] == ("month_grid", {"store": first_store})


def test_missing_section_is_a_status_message(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    monkeypatch.setattr(main_window, "show_section", lambda key, **target: False)
    assert not section.drill_down(Subject.EMPLOYEE, "Попова Ольга Дмитриевна")
    assert "Попова Ольга Дмитриевна" in main_window.statusBar().currentMessage()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export(main_window, tmp_path: Path, monkeypatch, suffix: str) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    target = tmp_path / f"rating{suffix}"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert section.export(None, suffix[1:]) == target
    if suffix == ".csv":
        text = target.read_text(encoding="utf-8-sig")
        assert "Фёдорова Марина Андреевна;1.213" in text
    else:
        from openpyxl import load_workbook

        workbook = load_workbook(target)
        sheet = workbook.active
        assert sheet is not None
        assert sheet.cell(row=3, column=2).value == "Фёдорова Марина Андреевна"
        assert sheet.cell(row=3, column=3).number_format == "0.0%"
        workbook.close()

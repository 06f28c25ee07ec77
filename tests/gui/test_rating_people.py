"""Issue 14 item 8 and issue 18 in the Ratings section and the charts: an employee rating
shows position and store; a department drills down to its people; the department rating
ends with the company entry; a change's tooltip shows the printed values it is made of;
the KPI history skips months without a matrix; a bar for an indicator at norm 0 is drawn.
"""

from __future__ import annotations

from decimal import Decimal

from matplotlib.figure import Figure
from PySide6.QtCore import Qt

from kpidesk.core.indicators import IndexMethod, Indicator
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.periods import Period
from kpidesk.core.ratings import Subject
from kpidesk.core.results import RowResult
from kpidesk.gui.analytics import charts_people
from kpidesk.gui.analytics.ratings import (
    CHANGE,
    COMPLETE,
    NAME,
    POSITION,
    STORE,
    VALUE,
    RatingsSection,
)


def _ratings(window) -> RatingsSection:  # type: ignore[no-untyped-def]
    window.resize(1280, 800)
    window.show_section("ratings")
    section = window.section("ratings")
    assert isinstance(section, RatingsSection)
    return section


def _column(section: RatingsSection, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:  # type: ignore[type-arg]
    proxy = section.proxy
    return [proxy.index(row, column).data(role) for row in range(proxy.rowCount())]


def test_employee_rating_shows_position_and_store(russian, main_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    qtmodeltester.check(section.model)
    assert not section.table.isColumnHidden(POSITION)
    assert section.model.headerData(POSITION, Qt.Orientation.Horizontal) == "Должность"
    assert section.model.headerData(STORE, Qt.Orientation.Horizontal) == "Магазин"
    rating = section.rating
    assert rating is not None
    first = rating.rows[0]
    assert _column(section, POSITION)[0] == first.position
    assert _column(section, STORE)[0] == (first.store or "—")
    assert main_window.width() <= 1280
    section.subject_combo.setCurrentIndex(section.subject_combo.findData(Subject.STORE))
    assert section.table.isColumnHidden(POSITION) and section.table.isColumnHidden(STORE)


def test_a_department_drills_down_to_its_people(russian, main_window) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    section.subject_combo.setCurrentIndex(section.subject_combo.findData(Subject.DEPARTMENT))
    names = _column(section, NAME)
    assert names[-1] == "Компания"  # the company entry closes the department rating
    overall = section.rating.overall  # type: ignore[union-attr]
    assert overall is not None
    assert _column(section, COMPLETE)[-1] == f"{overall.complete} из {overall.total}"
    rating = section.rating
    assert rating is not None and rating.overall is not None
    row = names.index("Склад")
    section.table.doubleClicked.emit(section.proxy.index(row, NAME))
    assert section.subject_combo.currentData() is Subject.EMPLOYEE
    assert section.department == "Склад"
    people = section.rating
    assert people is not None
    expected = [r.name for r in people.rows if r.department == "Склад"]
    assert expected and _column(section, NAME) == expected
    assert "Склад" in section.department_label.text()
    section.all_people_button.click()
    assert section.department is None
    assert len(_column(section, NAME)) == len(people.rows)


def test_the_change_tooltip_shows_the_printed_values(russian, main_window) -> None:  # type: ignore[no-untyped-def]
    section = _ratings(main_window)
    tooltip = section.proxy.index(0, CHANGE).data(Qt.ItemDataRole.ToolTipRole)
    value = section.proxy.index(0, VALUE).data()
    change = section.proxy.index(0, CHANGE).data()
    assert tooltip.startswith(value + " \u2212 ") and tooltip.endswith("= " + change)


def test_kpi_history_chart_skips_months_without_a_matrix(main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.show_section("charts")
    charts = main_window.section("charts")
    history = charts.analytics.kpi_history("Кузнецова Елена Николаевна", Period.month(2026, 10))
    figure = Figure()
    assert charts_people.draw_history(figure, history, "Кузнецова Елена Николаевна", "ru")
    labels = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert labels == ["авг 2026", "сен 2026", "окт 2026"]


def test_a_bar_at_norm_zero_is_drawn(main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.show_section("charts")
    charts = main_window.section("charts")
    result = charts.analytics.plan_fact("Кузнецова Елена Николаевна", Period.month(2026, 10))
    assert result is not None
    indicator = Indicator("duties_open", "Незакрытые задачи", "шт.", method=IndexMethod.SCALE)
    row = MatrixRow("duties_open", Decimal(1), Decimal(4), Decimal(0))
    zero = RowResult(row, indicator, Decimal(1), Decimal("0.75"), Decimal("0.75"), None, None, None)
    from dataclasses import replace

    figure = Figure()
    assert charts_people.draw_plan_fact(
        figure, replace(result, rows=(zero,)), "Кузнецова", Period.month(2026, 10), "ru"
    )
    axes = figure.axes[0]
    facts = [p for p in axes.patches if abs(p.get_height() - 0.3) < 1e-9]
    assert len(facts) == 1
    assert abs(facts[0].get_width() - 0.75) < 1e-9  # (1 − 4) / (0 − 4): three quarters of the way

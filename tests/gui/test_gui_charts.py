"""The Charts section: every chart draws for the demo company and says "no data" for an
empty one, redraws follow the period and the store filter on one reused figure, PNG export
writes an image, and matplotlib/pandas stay out of the window's start-up imports."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from kpidesk.core.periods import Period
from kpidesk.gui.analytics.charts import (
    COMPARISON,
    HISTORY,
    PLAN_FACT,
    RANGE_3_YEARS,
    RATING,
    STORE_DAYS,
    ChartsSection,
)
from kpidesk.services.company import CompanyService

KINDS = (STORE_DAYS, PLAN_FACT, RATING, HISTORY, COMPARISON)


def _charts(window) -> ChartsSection:  # type: ignore[no-untyped-def]
    window.show_section("charts")
    section = window.section("charts")
    assert isinstance(section, ChartsSection)
    return section


def _texts(section: ChartsSection) -> list[str]:
    return [text.get_text() for axes in section.figure.axes for text in axes.texts]


@pytest.fixture
def empty_window(qtbot, tmp_path: Path, today) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from kpidesk.app import build_main_window

    service = CompanyService.create(tmp_path / "empty.kpidesk", name="Пусто")
    window = build_main_window(service, lang="ru", period=Period.month(2026, 10), today=today)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    service.close()


@pytest.mark.parametrize("kind", KINDS)
def test_each_chart_draws_for_the_demo(main_window, kind: int) -> None:  # type: ignore[no-untyped-def]
    section = _charts(main_window)
    section.kind_combo.setCurrentIndex(kind)
    section.redraw()
    assert section.has_data
    assert section.figure.axes
    no_data = QCoreApplication.translate("Charts", "no data")
    assert no_data not in _texts(section)


@pytest.mark.parametrize("kind", KINDS)
def test_each_chart_says_no_data_for_an_empty_company(empty_window, kind: int) -> None:  # type: ignore[no-untyped-def]
    section = _charts(empty_window)
    section.kind_combo.setCurrentIndex(kind)
    section.redraw()
    assert not section.has_data
    assert QCoreApplication.translate("Charts", "no data") in _texts(section)


def test_three_year_daily_chart_with_weekly_aggregation(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _charts(main_window)
    section.kind_combo.setCurrentIndex(STORE_DAYS)
    section.store_combo.setCurrentIndex(section.store_combo.findData("Центральный"))
    section.range_combo.setCurrentIndex(section.range_combo.findData(RANGE_3_YEARS))
    for freq in ("D", "W", "M"):
        section.freq_combo.setCurrentIndex(section.freq_combo.findData(freq))
        section.redraw()
        assert section.has_data
    assert section.chart_range().start == Period.month(2023, 11).start


def test_period_and_store_filter_redraw_the_same_figure(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from matplotlib import pyplot

    section = _charts(main_window)
    figure, canvas = section.figure, section.canvas
    count = section.draw_count
    main_window.context.set_period(Period.month(2026, 9))
    assert section.draw_count == count + 1
    assert "30.09.2026" in section.figure.axes[0].get_title()
    main_window.context.set_store("На Садовой")
    assert section.draw_count == count + 2
    assert section.store_combo.currentData() == "На Садовой"
    assert "На Садовой" in section.figure.axes[0].get_title()
    for kind in KINDS * 3:
        section.kind_combo.setCurrentIndex(kind)
        section.redraw()
    assert section.figure is figure and section.canvas is canvas
    assert len(section.figure.axes) <= 2
    assert pyplot.get_fignums() == []  # never a pyplot figure


def test_png_export_writes_an_image(main_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    section = _charts(main_window)
    target = tmp_path / "chart"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    written = section.export_png()
    assert written == target.with_suffix(".png")
    data = written.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000


def test_open_item_shows_an_employees_history(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _charts(main_window)
    assert section.open_item(employee="Попова Ольга Дмитриевна")
    assert section.kind_combo.currentIndex() == HISTORY
    assert not section.open_item(employee="Нет такого")


def test_charts_and_analytics_modules_do_not_load_matplotlib_or_pandas() -> None:
    code = (
        "import sys; import kpidesk.gui.analytics.charts, kpidesk.gui.analytics.dashboard,"
        " kpidesk.gui.analytics.ratings;"
        "import kpidesk.services.analytics;"
        "print(sorted(m for m in ('matplotlib', 'pandas', 'openpyxl') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"

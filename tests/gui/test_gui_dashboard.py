"""The Dashboard section: company KPI with the complete count, the stores against their
plans, the top and bottom five, what is missing (each opening the place to fix it), the
store filter, and an empty company."""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.money import format_percent
from kpidesk.core.periods import Period
from kpidesk.gui.analytics.dashboard import DashboardSection
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE


def _dashboard(window) -> DashboardSection:  # type: ignore[no-untyped-def]
    window.show_section("dashboard")
    section = window.section("dashboard")
    assert isinstance(section, DashboardSection)
    return section


def test_dashboard_shows_the_period(main_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    section = _dashboard(main_window)
    board = section.dashboard
    assert board is not None and board.company.value is not None
    assert section.kpi_card.value.text() == format_percent(board.company.value, 1)
    assert "14" in section.kpi_card.detail.text() and "15" in section.kpi_card.detail.text()
    for model in (section.stores_model, section.top_model, section.bottom_model):
        qtmodeltester.check(model)
    assert section.stores_model.rowCount() == 4  # three stores and the company
    assert section.top_model.rowCount() == 5 and section.bottom_model.rowCount() == 5
    assert section.top_model.cell(0, 1).text == "Фёдорова Марина Андреевна"
    assert INCOMPLETE_EMPLOYEE in section.missing_label.text()


def test_missing_item_opens_the_facts(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = _dashboard(main_window)
    calls: list[tuple[str, dict[str, object]]] = []

    def show(key: str, **target: object) -> bool:
        calls.append((key, target))
        return True

    monkeypatch.setattr(main_window, "show_section", show)
    section.missing_label.linkActivated.emit("0")
    assert calls == [("facts", {"employee": INCOMPLETE_EMPLOYEE})]
    section.top_view.doubleClicked.emit(section.top_model.index(0, 1))
    assert calls[-1] == ("matrix", {"employee": "Фёдорова Марина Андреевна"})
    section.stores_view.doubleClicked.emit(section.stores_model.index(1, 0))
    assert calls[-1] == ("month_grid", {"store": "Центральный"})


def test_missing_section_is_a_status_message(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = _dashboard(main_window)
    monkeypatch.setattr(main_window, "show_section", lambda key, **target: False)
    assert not section.open_missing(0)
    assert main_window.statusBar().currentMessage()


def test_store_filter_and_period_follow_the_window(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _dashboard(main_window)
    main_window.context.set_store("На Садовой")
    assert section.stores_model.rowCount() == 1
    assert section.stores_model.cell(0, 0).text == "На Садовой"
    assert "На Садовой" in section.heading.text()
    main_window.context.set_period(Period.month(2026, 11))
    assert section.dashboard is not None and section.dashboard.period == Period.month(2026, 11)
    assert "2026-11" in section.heading.text()


def test_empty_company(qtbot, tmp_path: Path, today) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.app import build_main_window

    service = CompanyService.create(tmp_path / "empty.kpidesk", name="Пусто")
    window = build_main_window(service, lang="ru", period=Period.month(2026, 10), today=today)
    qtbot.addWidget(window)
    window.show()
    section = _dashboard(window)
    assert section.top_model.rowCount() == 0
    assert section.missing_items == []
    assert section.missing_label.text()
    window.close()
    service.close()

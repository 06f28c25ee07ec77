"""The setup checklist in the window (issue 14 item 1): an empty company opens on the
checklist, not on zeros; each link opens its place; and a company is built from empty to
a saved matrix with facts and a bonus through the checklist's links, without a workbook.
Also the new company's questions: pay period, data folder, Qt's (translated) file dialog."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from kpidesk.core.indicators import Indicator, Source
from kpidesk.core.org import Employee, Position, Store
from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.periods import Period
from kpidesk.gui.matrix.rows import BASE, INDICATOR, NORM, TARGET, WEIGHT
from kpidesk.services import directories
from kpidesk.services.company import CompanyService

OCT = Period.month(2026, 10)
STORE, SELLER, ANNA = "Центральный", "Продавец-консультант", "Иванова Анна"


@pytest.fixture
def empty_window(qtbot, russian, tmp_path: Path, today):  # type: ignore[no-untyped-def]
    from kpidesk.app import build_main_window

    service = CompanyService.create(tmp_path / "new.kpidesk", name="Ромашка")
    window = build_main_window(service, lang="ru", period=OCT, today=today)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.close()
    service.close()


def _dashboard(window):  # type: ignore[no-untyped-def]
    window.show_section("dashboard")
    section = window.section("dashboard")
    assert section is not None
    return section


def _follow(window, key: str):  # type: ignore[no-untyped-def]
    """Click the checklist's link of step ``key``; the section it opened."""
    board = _dashboard(window)
    assert board.shows_checklist
    board.setup_view.links[key].linkActivated.emit(key)
    return window.current_section()


def _run(window, write):  # type: ignore[no-untyped-def]
    return window.context.run(lambda: write(window.context.service))


def test_an_empty_company_opens_on_the_checklist(empty_window) -> None:  # type: ignore[no-untyped-def]
    board = _dashboard(empty_window)
    assert board.shows_checklist
    view = board.setup_view
    assert "0 из 7" in view.heading.text()
    assert view.marks["store"].text().count("○") == 1
    assert "Добавить магазин" in view.links["store"].text()
    assert empty_window.width() <= 1280


def test_from_empty_to_a_bonus_through_the_checklist(empty_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = empty_window
    section = _follow(window, "store")
    assert section.key == "directories"
    assert section.tabs.currentWidget() is section.tab_of["stores"]
    _run(window, lambda s: directories.save_store(s, None, Store(STORE)))
    assert "✓" in _dashboard(window).setup_view.marks["store"].text()

    section = _follow(window, "positions")
    assert section.tabs.currentWidget() is section.tab_of["positions"]
    _run(window, lambda s: directories.save_position(s, None, Position(SELLER)))
    section = _follow(window, "employees")
    assert section.tabs.currentWidget() is section.tab_of["employees"]
    anna = Employee(ANNA, SELLER, STORE, None, Decimal(40000), Decimal(20000))
    _run(window, lambda s: directories.save_employee(s, None, anna))
    section = _follow(window, "indicators")
    assert section.tabs.currentWidget() is section.tab_of["indicators"]
    nps = Indicator("nps", "NPS", "%", Source.parse("manual"))
    _run(window, lambda s: directories.save_indicator(s, None, nps))
    assert _dashboard(window).checklist.done_count == 4

    # the matrix: typed into the editor the link opens, on the seller's template
    editor = _follow(window, "matrix")
    assert editor.key == "matrix" and editor.model.target.position == SELLER
    editor.add_row()
    model = editor.model
    for column, text in ((INDICATOR, "nps"), (WEIGHT, "100"), (BASE, "40"), (NORM, "60")):
        assert model.setData(model.index(0, column), text), model.last_error
    assert model.setData(model.index(0, TARGET), "80")
    assert editor.save()
    assert window.context.service.company().matrices

    section = _follow(window, "payout")
    assert section.tabs.currentWidget() is section.tab_of["schedules"]
    _run(window, lambda s: directories.save_schedule(s, PayoutSchedule()))

    facts = _follow(window, "facts")
    assert facts.key == "facts"
    cell = facts.view.currentIndex()
    assert facts.model.cell_of(cell) == (ANNA, "nps")
    assert facts.model.setData(cell, "62"), facts.model.last_error

    board = _dashboard(window)
    assert not board.shows_checklist  # set up: the figures now
    result = window.context.service.compute_period(OCT)
    (anna_result,) = result.employees
    # by hand: index (62 − 40) / (60 − 40) = 1.1 → KPI 110.0 %; linear payout from 80 %:
    # bonus 20 000 × 1.1 = 22 000.00, total 40 000 + 22 000 = 62 000.00
    assert anna_result.kpi == Decimal("1.100")
    assert anna_result.pay is not None
    assert anna_result.pay.bonus == Decimal("22000.00")
    assert anna_result.pay.total == Decimal("62000.00")
    assert board.kpi_card.value.text() == "110,0%"


def test_the_new_company_dialog_asks_the_pay_period(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpidesk.gui import welcome
    from kpidesk.services import locations

    monkeypatch.setattr(locations, "data_dir", lambda: tmp_path / "data")
    seen: dict[str, object] = {}

    def save_name(parent, title, start, filters, options=None):  # type: ignore[no-untyped-def]
        seen.update(start=start, options=options)
        return str(tmp_path / "data" / "shop"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(welcome, "ask_company_details", lambda parent, name: ("Ромашка", True))
    chosen = welcome.ask_new_company(None)
    assert chosen == welcome.NewCompany(tmp_path / "data" / "shop.kpidesk", "Ромашка", True)
    assert str(seen["start"]).startswith(str(tmp_path / "data"))  # opens in the data folder
    assert seen["options"] == QFileDialog.Option.DontUseNativeDialog  # Qt's: translated

    dialog = welcome.NewCompanyDialog("Ромашка")
    qtbot.addWidget(dialog)
    assert dialog.month.isChecked() and not dialog.half_months
    dialog.half.setChecked(True)
    assert dialog.half_months

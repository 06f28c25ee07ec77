"""The Directories section: every model passes the model tester, edits go through the
services (refused ones stay red with their reason), removing archives what past periods
need and deletes the rest after a confirmation, payout schedules with steps and a chart."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kpidesk.gui.directories.payout_schedule_models import StepsModel
from kpidesk.gui.directories.section import DirectoriesSection

ERROR_RED = "#f8d7da"


def _section(main_window, tab: str) -> DirectoriesSection:  # type: ignore[no-untyped-def]
    assert main_window.show_section("directories", tab=tab)
    section = main_window.section("directories")
    assert isinstance(section, DirectoriesSection)
    return section


def _row(model, name: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, item in enumerate(model.items) if model.display_name(item) == name)


def test_every_directory_model_passes_the_model_tester(main_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "stores")
    for model in section.models():
        qtmodeltester.check(model)
    steps = section.schedules_tab.steps
    assert isinstance(steps, StepsModel)
    steps.show(_row(section.schedules, "Продавец-консультант"))
    assert steps.rowCount() == 4
    qtmodeltester.check(steps)


def test_editing_an_employee_saves_through_the_service(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "employees")
    model = section.employees
    row = _row(model, "Павлов Денис Олегович")
    with qtbot.waitSignal(main_window.context.changed):
        assert model.setData(model.index(row, 4), "33 000,5")
    employee = main_window.context.service.company().employee("Павлов Денис Олегович")
    assert employee is not None and employee.fixed_pay == Decimal("33000.5")
    assert model.index(row, 4).data() == "33\u00a0000,50"
    # a choice cell offers the positions and takes one
    choices = model.index(row, 1).data(Qt.ItemDataRole.UserRole + 1)
    assert ("Кладовщик", "Кладовщик") in choices
    assert model.setData(model.index(row, 1), "Кладовщик")
    employee = main_window.context.service.company().employee("Павлов Денис Олегович")
    assert employee is not None and employee.position == "Кладовщик"


def test_an_invalid_entry_is_refused_red_with_its_reason(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "employees")
    tab = section.tab_of["employees"]
    model = section.employees
    row = _row(model, "Павлов Денис Олегович")
    end = model.index(row, 7)
    assert not model.setData(end, "01.01.2026")  # before the start, 01.08.2026
    assert model.index(row, 7).data() == "01.01.2026"
    assert end.data(Qt.ItemDataRole.BackgroundRole).color().name() == ERROR_RED
    assert "01.08.2026" in end.data(Qt.ItemDataRole.ToolTipRole)
    tab.view.problem.emit(model.last_error)
    assert "01.08.2026" in tab.message.text()
    employee = main_window.context.service.company().employee("Павлов Денис Олегович")
    assert employee is not None and employee.end is None
    assert not model.setData(model.index(row, 4), "-100")
    assert not model.setData(model.index(row, 6), "32.13.2026")
    # a correct entry clears the red cell
    assert model.setData(end, "31.12.2026")
    assert end.data(Qt.ItemDataRole.BackgroundRole) is None
    stores = section.stores
    assert not stores.setData(stores.index(0, 0), "Центральный")  # taken
    assert stores.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_removing_archives_or_deletes_after_a_confirmation(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "stores")
    tab = section.tab_of["stores"]
    model = section.stores
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    tab.view.setCurrentIndex(model.index(_row(model, "Центральный"), 0))
    tab.remove()
    assert asked and "Центральный" in asked[0]
    assert "Центральный" in [s.name for s in model.items]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    tab.remove()
    assert "Центральный" not in [s.name for s in model.items]  # hidden: archived
    assert "Центральный" in tab.message.text()
    store = next(s for s in main_window.context.service.company().stores if s.name == "Центральный")
    assert store.archived
    tab.archived_box.setChecked(True)
    row = _row(model, "Центральный")
    assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    tab.view.setCurrentIndex(model.index(row, 0))
    tab.restore()
    store = next(s for s in main_window.context.service.company().stores if s.name == "Центральный")
    assert not store.archived
    # a new, unused store is deleted outright
    tab.add()
    new_name = model.display_name(model.items[-1])
    tab.view.setCurrentIndex(model.index(len(model.items) - 1, 0))
    tab.remove()
    names = [s.name for s in main_window.context.service.company().stores]
    assert new_name not in names
    # the toolbar's store filter followed every change
    combo = main_window.store_filter
    assert "Центральный" in [combo.itemText(i) for i in range(combo.count())]


def test_indicator_sources_offer_the_known_metrics(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "indicators")
    model = section.indicators
    row = _row(model, "nps")
    choices = [value for _label, value in model.index(row, 3).data(Qt.ItemDataRole.UserRole + 1)]
    assert choices[0] == "manual"
    assert {"store:conversion", "employee:revenue", "warehouse:integrated"} <= set(choices)
    assert {"marketing:ctr", "sales:aov"} <= set(choices)
    assert model.setData(model.index(row, 4), "ratio")
    found = main_window.context.service.company().indicator("nps")
    assert found is not None and found.method.value == "ratio"
    assert not model.setData(model.index(row, 0), "bad code")


def test_payout_schedules_with_steps_and_a_chart(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _section(main_window, "schedules")
    section.activated()
    tab = section.schedules_tab
    assert tab.chart is not None
    model = section.schedules
    company_row = _row(model, model.display_name(model.items[0]))
    assert model.items[company_row].position is None
    tab.view.setCurrentIndex(model.index(company_row, 1))
    assert model.setData(model.index(company_row, 1), "steps")
    schedules = main_window.context.service.company().schedules
    company = next(s for s in schedules if s.position is None)
    assert company.kind.value == "steps" and len(company.steps) == 4
    tab.steps.show(company_row)
    assert tab.steps.rowCount() == 4
    # a step paying less than a lower one is refused with its reason
    assert not tab.steps.setData(tab.steps.index(3, 1), "0,1")
    assert tab.steps.last_error
    assert tab.steps.setData(tab.steps.index(3, 1), "1,5")
    tab.add_step()
    assert (
        len(
            next(
                s for s in main_window.context.service.company().schedules if s.position is None
            ).steps
        )
        == 5
    )
    # the chart follows the schedule: 0 below the first step, 1.5 at 130 %
    tab._show_current()
    points = dict(tab.chart.points)
    assert points[50.0] == 0.0 and points[130.0] == 1.5
    # per-indicator payout is a check box
    assert model.setData(
        model.index(company_row, 4), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    company = next(s for s in main_window.context.service.company().schedules if s.position is None)
    assert company.per_indicator


def test_a_model_missing_its_parts_is_refused_when_defined() -> None:
    import pytest as _pytest

    from kpidesk.gui.directories.model import DirectoryModel
    from kpidesk.gui.widgets.titled_table import TitledTableModel

    with _pytest.raises(TypeError, match="all_items, write"):

        class _NoItems(DirectoryModel):
            pass

    with _pytest.raises(TypeError, match="column_titles"):

        class _NoTitles(TitledTableModel):
            pass

"""The "Bonus sheets" section: the pay list model (qtmodeltester), sorting by raw values
with the totals row kept last, the totals, the store filter, refreshing on period changes,
double-click opening the print preview, Save PDF in a worker, and the xlsx export."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from kpidesk.core.periods import Period
from kpidesk.gui.bonus.model import (
    BONUS,
    EMPLOYEE,
    KPI,
    STATUS,
    TOTAL,
    TOTALS_ROLE,
    PayListModel,
)
from kpidesk.gui.bonus.section import BonusSection


@pytest.fixture
def russian(qapp):  # type: ignore[no-untyped-def]
    """The Russian translation installed (the product's default language)."""
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


def column(section: BonusSection, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    proxy = section.proxy
    return [proxy.index(row, col).data(role) for row in range(proxy.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, demo_service, demo_period) -> None:  # type: ignore[no-untyped-def]
    model = PayListModel("ru")
    model.set_results(demo_service.compute_period(demo_period).employees, False)
    qtmodeltester.check(model)
    assert model.rowCount() == 16  # 15 employees + totals


def test_pay_list_shows_the_core_numbers_and_totals(section: BonusSection, demo_service) -> None:  # type: ignore[no-untyped-def]
    result = demo_service.compute_period(Period.month(2026, 10))
    model = section.model
    assert section.title() == "Расчётные листы"
    assert model.rowCount() == len(result.employees) + 1
    first = result.employees[0]
    assert first.pay is not None
    assert model.index(0, KPI).data(Qt.ItemDataRole.UserRole) == first.kpi
    assert (
        model.index(0, TOTAL).data()
        == f"{first.pay.total:,.2f}".replace(",", "\u00a0").replace(".", ",") + "\u00a0₽"
    )
    statuses = [model.index(row, STATUS).data() for row in range(len(result.employees))]
    assert "нет факта: Лояльность покупателей (NPS)" in statuses
    assert statuses.count("полный расчёт") == len(result.employees) - 1
    complete = [e.pay for e in result.employees if e.pay is not None]
    last = model.rowCount() - 1
    assert model.index(last, TOTAL).data(Qt.ItemDataRole.UserRole) == sum(
        (pay.total for pay in complete), Decimal(0)
    )
    assert model.index(last, BONUS).data(Qt.ItemDataRole.UserRole) == sum(
        (pay.bonus for pay in complete), Decimal(0)
    )
    assert "14 из 15" in model.index(last, EMPLOYEE).data()
    assert "не закрыт" in section.notice.text()


def test_sorting_by_raw_values_keeps_totals_last(section: BonusSection) -> None:
    table = section.table
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        table.sortByColumn(KPI, order)
        flags = column(section, EMPLOYEE, TOTALS_ROLE)
        assert flags[-1] is True and not any(flags[:-1])
        values = column(section, KPI, Qt.ItemDataRole.UserRole)[:-1]
        known = [v for v in values if v is not None]
        expected = sorted(known, reverse=order == Qt.SortOrder.DescendingOrder)
        assert known == expected
        if order == Qt.SortOrder.AscendingOrder:
            assert values[0] is None  # no data sorts first
    table.sortByColumn(EMPLOYEE, Qt.SortOrder.AscendingOrder)
    names = column(section, EMPLOYEE)[:-1]
    assert names == sorted(names, key=str.casefold)


def test_store_filter_and_period_change_reload(section: BonusSection, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    context.set_store("Центральный")
    stores = column(section, 2)[:-1]
    assert stores and set(stores) == {"Центральный"}
    assert "Центральный" in section.heading.text()
    context.set_store(None)
    assert section.model.rowCount() == 16
    context.set_period(Period.month(2026, 9))
    assert "сентябрь 2026" in section.heading.text()


def test_double_click_opens_the_preview(  # type: ignore[no-untyped-def]
    section: BonusSection, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    shown: list[QPrintPreviewDialog] = []
    output = tmp_path / "preview.pdf"

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        shown.append(dialog)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFileName(str(output))  # the preview paints onto its printer
        dialog.paintRequested.emit(printer)
        del printer
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    section.table.sortByColumn(EMPLOYEE, Qt.SortOrder.AscendingOrder)
    index = section.proxy.index(2, EMPLOYEE)
    section.table.doubleClicked.emit(index)
    assert len(shown) == 1
    assert "предпросмотр" in shown[0].windowTitle()
    import subprocess

    text = subprocess.run(
        ["pdftotext", str(output), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("\f") == 1  # one page: that employee's sheet
    assert index.data() in text
    # the totals row opens nothing
    section.table.doubleClicked.emit(section.proxy.index(section.proxy.rowCount() - 1, 0))
    assert len(shown) == 1


def test_save_pdf_runs_in_a_worker(  # type: ignore[no-untyped-def]
    section: BonusSection, qtbot, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "sheets"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF (*.pdf)")
    )
    section.context.set_store("На Садовой")
    section.pdf_button.click()
    assert section.worker is not None
    qtbot.waitUntil(lambda: section.worker is None, timeout=20000)
    path = tmp_path / "sheets.pdf"
    assert path.exists() and path.read_bytes().startswith(b"%PDF")
    assert "Сохранено страниц: 5" in section.notice.text()  # 4 sheets and the pay list


def test_export_xlsx(section: BonusSection, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    target = tmp_path / "bonus.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "Excel (*.xlsx)")
    )
    section.xlsx_button.click()
    qtbot.waitUntil(lambda: section.worker is None, timeout=20000)
    workbook = openpyxl.load_workbook(target)
    try:
        assert len(workbook.worksheets) == 16  # summary + one sheet per employee
    finally:
        workbook.close()
    assert str(target) in section.notice.text()

"""Screenshots of the KPI matrix editor with «Что нужно», of the import preview and of the
adopt dialog (the owner's own workbook, SPEC §6.1), made from the demo company:

    python docs/make_matrix_screenshots.py     # docs/screenshots/matrix.png,
                                               # import_preview.png, adopt.png

Offscreen, 1280×800, in Russian, on a temporary demo company (``KPIDESK_HOME`` points at a
temporary folder, so the user's folders are never touched). The matrix is the sellers'
template with who follows it, one employee's figures and the first row's «Что нужно»; the
import preview is a small workbook that adds a store and changes a salary and a norm.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)
TODAY = date(2026, 11, 22)
SELLER, PAVLOV = "Продавец-консультант", "Павлов Денис Олегович"


def _settle(rounds: int = 6) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def _workbook(path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    stores = workbook.active
    stores.title = "Магазины"
    stores.append(["Название"])
    for name in ("ТЦ «Мега»", "Центральный", "На Садовой", "ТЦ «Европа»"):
        stores.append([name])
    employees = workbook.create_sheet("Сотрудники")
    employees.append(["ФИО", "Должность", "Магазин", "Отдел", "Оклад", "Премия", "Начало"])
    employees.append([PAVLOV, SELLER, "ТЦ «Мега»", "Розница", "34 000", "14 000", "01.08.2026"])
    matrix = workbook.create_sheet("Матрица")
    matrix.append(
        ["Период", "Должность", "Сотрудник", "Показатель", "Вес", "База", "Норма", "Цель"]
    )
    for row in (
        ("personal_sales", "50%", None, "1 100 000", "1 650 000"),
        ("conversion", "20%", "18", "25", "30"),
        ("nps", "20%", "40", "60", "75"),
        ("standards", "10%", None, "1", None),
    ):
        matrix.append(["2026-08", SELLER, None, *row])
    workbook.save(path)
    workbook.close()
    return path


def _adopt_shot(window: object, folder: Path) -> None:
    """The adopt dialog on a two-sheet workbook of the owner's own shape (the tests'
    builder), on the sheet whose «Результат» column is not recognised by itself."""
    from kpidesk.gui.adopt_dialog import AdoptDialog
    from tests.unit.io.test_adopt_recognition import per_employee_book

    book = per_employee_book(folder / "свои.xlsx", fact_header="Результат")
    dialog = AdoptDialog(window.context, book, window)  # type: ignore[attr-defined]
    dialog.resize(*SIZE)
    dialog.show()
    dialog.start()
    _settle()
    dialog.sheet_list.setCurrentRow(1)
    _settle()
    dialog.grab().save(str(OUTPUT / "adopt.png"))
    print("wrote docs/screenshots/adopt.png")
    dialog.reject()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from kpidesk.app import application, build_main_window
    from kpidesk.gui.import_dialog import ImportDialog
    from kpidesk.reports.translations import install_translators
    from kpidesk.services.company import CompanyService
    from kpidesk.services.demo_setup import create_demo_database

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kpidesk-shots-") as home:
        os.environ["KPIDESK_HOME"] = home
        app = application()
        translators = install_translators(app, "ru")
        path = Path(home) / "demo.kpidesk"
        summary = create_demo_database(path, today=TODAY)
        service = CompanyService.open(path, backup=False)
        window = build_main_window(
            service, lang="ru", period=summary.latest_full_month, today=TODAY
        )
        window.resize(*SIZE)
        window.show()
        _settle()
        try:
            window.show_section("matrix", position=SELLER)
            section = window.section("matrix")
            _settle()
            found = section.live.findData(PAVLOV)
            section.live.setCurrentIndex(max(found, 0))
            section.view.setCurrentIndex(section.model.index(1, 1))
            _settle()
            assert window.width() <= SIZE[0], window.width()
            window.grab().save(str(OUTPUT / "matrix.png"))
            print("wrote docs/screenshots/matrix.png")
            dialog = ImportDialog(window.context, _workbook(Path(home) / "changes.xlsx"), window)
            dialog.resize(1000, 600)
            dialog.show()
            dialog.start()
            while dialog.worker is None or not dialog.worker.done.is_set():
                _settle(1)
            _settle()
            dialog.grab().save(str(OUTPUT / "import_preview.png"))
            print("wrote docs/screenshots/import_preview.png")
            dialog.reject()
            _adopt_shot(window, Path(home))
        finally:
            window.close()
            service.close()
            del translators
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

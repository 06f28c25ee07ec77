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

from pathlib import Path

from screenshot_kit import OUTPUT, SIZE, demo_window, russian_session, settle

SELLER, PAVLOV = "Продавец-консультант", "Павлов Денис Олегович"


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
    settle()
    dialog.sheet_list.setCurrentRow(1)
    settle()
    dialog.grab().save(str(OUTPUT / "adopt.png"))
    print("wrote docs/screenshots/adopt.png")
    dialog.reject()


def main() -> int:
    with russian_session() as home, demo_window(home) as window:
        from kpidesk.gui.import_dialog import ImportDialog

        window.show_section("matrix", position=SELLER)
        section = window.section("matrix")
        settle()
        found = section.live.findData(PAVLOV)
        section.live.setCurrentIndex(max(found, 0))
        section.view.setCurrentIndex(section.model.index(1, 1))
        settle()
        assert window.width() <= SIZE[0], window.width()
        window.grab().save(str(OUTPUT / "matrix.png"))
        print("wrote docs/screenshots/matrix.png")
        dialog = ImportDialog(window.context, _workbook(home / "changes.xlsx"), window)
        dialog.resize(1000, 600)
        dialog.show()
        dialog.start()
        while dialog.worker is None or not dialog.worker.done.is_set():
            settle(1)
        settle()
        dialog.grab().save(str(OUTPUT / "import_preview.png"))
        print("wrote docs/screenshots/import_preview.png")
        dialog.reject()
        _adopt_shot(window, home)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

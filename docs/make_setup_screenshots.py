"""Screenshots of the owner's setup (issue 14): the setup checklist of a company being set
up, a KPI template being picked in the matrix editor, and the store plans grid:

    python docs/make_setup_screenshots.py      # docs/screenshots/checklist.png, template.png,
                                               # plans.png

Offscreen, 1280×800, in Russian, in a temporary folder (``KPIDESK_HOME``): the checklist on
a new company with its store, positions and one employee entered (three steps of seven
done), the template and the plans on the demo company (as ``make_screenshots.py``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from screenshot_kit import OUTPUT, ROOT, SIZE, TODAY, russian_session, settle


def _save(widget: object, name: str) -> Path:
    target = OUTPUT / f"{name}.png"
    image = widget.grab() if hasattr(widget, "grab") else widget
    if not image.save(str(target)):  # type: ignore[attr-defined]
        raise OSError(f"cannot write {target}")
    print(f"wrote {target.relative_to(ROOT)}")
    return target


def main() -> int:
    with russian_session() as home:
        return _shoot(home)


def _shoot(home: Path) -> int:
    from kpidesk.app import build_main_window
    from kpidesk.core.org import Employee, Position, Store
    from kpidesk.core.periods import Period
    from kpidesk.services import directories
    from kpidesk.services.company import CompanyService
    from kpidesk.services.demo_setup import create_demo_database

    # 1. the checklist of a company being set up
    new = CompanyService.create(home / "new.kpidesk", name="ООО «Ромашка»")
    directories.save_store(new, None, Store("Центральный"))
    for position in ("Продавец-консультант", "Управляющий магазином"):
        directories.save_position(new, None, Position(position))
    directories.save_employee(
        new,
        None,
        Employee(
            "Иванова Анна Сергеевна",
            "Продавец-консультант",
            "Центральный",
            None,
            Decimal(40000),
            Decimal(20000),
        ),
    )
    window = build_main_window(new, lang="ru", period=Period.month(2026, 11), today=TODAY)
    window.resize(*SIZE)
    window.show()
    settle(8)
    window.show_section("dashboard")
    settle(8)
    _save(window, "checklist")
    window.close()
    new.close()
    # 2. and 3. on the demo company
    path = home / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    demo = CompanyService.open(path, backup=False)
    window = build_main_window(demo, lang="ru", period=Period.month(2026, 11), today=TODAY)
    window.resize(*SIZE)
    window.show()
    settle(8)
    window.show_section("plans")
    settle(8)
    _save(window, "plans")
    window.show_section("matrix", position="Продавец-консультант")
    settle(8)
    section = window.section("matrix")
    picker = section.template_picker  # type: ignore[union-attr]
    from kpidesk.gui.matrix.template_picker import TemplatePickerDialog

    target = section.model.target  # type: ignore[union-attr]
    dialog = TemplatePickerDialog(picker.fill, target.position, "ru", window)
    dialog.choose("seller")
    dialog.show()
    settle(8)
    dialog.move(window.geometry().center() - dialog.rect().center())
    settle(8)
    # the window with the dialog over it, as the owner sees it
    from PySide6.QtGui import QPainter, QPixmap

    shot = QPixmap(window.size())
    window.render(shot)
    painter = QPainter(shot)
    offset = dialog.geometry().topLeft() - window.geometry().topLeft()
    dialog.render(painter, offset)
    painter.end()
    _save(shot, "template")
    dialog.close()
    window.close()
    demo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Screenshots of the main sections for the README, made from the demo company:

    python docs/make_screenshots.py            # all of them, into docs/screenshots/
    python docs/make_screenshots.py charts     # only the shots named

The window is built offscreen at 1280×800 in Russian on a temporary demo company (the
user's folders are never touched: ``KPIDESK_HOME`` points at a temporary folder). To add
a shot, add a :class:`Shot` to :data:`SHOTS`: a file name, the key of the section to show
(``kpidesk.gui.sections.SECTIONS``) and, if the section needs it, a setup callable that
gets the window after the section is shown (choose a row, switch a tab, …).

The owner's setup (checklist, template, plans) is shot by ``make_setup_screenshots.py``, the
matrix editor with «Что нужно», the import preview and the adopt dialog by
``make_matrix_screenshots.py``; the printed pages are described in ``docs/payroll.md``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)
TODAY = date(2026, 11, 22)  # the demo's "today": the same pictures on every run

if TYPE_CHECKING:
    from kpidesk.gui.main_window import MainWindow

Setup = Callable[["MainWindow"], None]


@dataclass(frozen=True)
class Shot:
    """One screenshot: ``docs/screenshots/<name>.png`` of the section ``section``."""

    name: str
    section: str
    setup: Setup | None = None


SHOTS: list[Shot] = [
    Shot("dashboard", "dashboard"),
    Shot("daily-entry", "daily"),
    Shot("month-grid", "month_grid"),
    Shot("ratings", "ratings"),
    Shot("charts", "charts"),
    Shot("bonus-sheets", "bonus"),
    Shot("directories", "directories"),
]


def _settle(rounds: int = 6) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def make(shots: Sequence[Shot], output: Path = OUTPUT) -> list[Path]:
    """Take ``shots``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from kpidesk.app import application, build_main_window
    from kpidesk.reports.translations import install_translators
    from kpidesk.services.company import CompanyService
    from kpidesk.services.demo_setup import create_demo_database

    output.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
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
            for shot in shots:
                if not window.show_section(shot.section):
                    print(f"skipped {shot.name}: no section {shot.section!r}", file=sys.stderr)
                    continue
                _settle()
                if shot.setup is not None:
                    shot.setup(window)
                    _settle()
                target = output / f"{shot.name}.png"
                if not window.grab().save(str(target)):
                    raise OSError(f"cannot write {target}")
                written.append(target)
                print(f"wrote {target.relative_to(ROOT)}")
        finally:
            window.close()
            service.close()
            del translators
    return written


def main(argv: Sequence[str]) -> int:
    wanted = set(argv)
    unknown = wanted - {shot.name for shot in SHOTS}
    if unknown:
        print(f"unknown shot(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    make([shot for shot in SHOTS if not wanted or shot.name in wanted])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

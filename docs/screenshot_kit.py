"""What the screenshot scripts in docs/ share: the size and the demo's "today", letting Qt
settle, a Russian offscreen session in a temporary ``KPIDESK_HOME`` (the user's folders are
never touched), and the main window over a fresh demo company.

    from screenshot_kit import demo_window, russian_session, settle
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)
TODAY = date(2026, 11, 22)  # the demo's "today": the same pictures on every run

if TYPE_CHECKING:
    from kpidesk.gui.main_window import MainWindow


def settle(rounds: int = 6) -> None:
    """Let Qt lay out and paint what was just shown."""
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


@contextmanager
def russian_session() -> Iterator[Path]:
    """The application offscreen, in Russian, with every folder under a temporary home
    (yielded); ``docs/screenshots/`` exists."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from kpidesk.app import application
    from kpidesk.reports.translations import install_translators

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kpidesk-shots-") as home:
        os.environ["KPIDESK_HOME"] = home
        app = application()
        translators = install_translators(app, "ru")
        try:
            yield Path(home)
        finally:
            del translators


@contextmanager
def demo_window(home: Path) -> Iterator[MainWindow]:
    """The main window at :data:`SIZE` over a new demo company in ``home``, on its latest
    full month; closed with its company afterwards."""
    from kpidesk.app import build_main_window
    from kpidesk.services.company import CompanyService
    from kpidesk.services.demo_setup import create_demo_database

    path = home / "demo.kpidesk"
    summary = create_demo_database(path, today=TODAY)
    service = CompanyService.open(path, backup=False)
    window = build_main_window(service, lang="ru", period=summary.latest_full_month, today=TODAY)
    window.resize(*SIZE)
    window.show()
    settle()
    try:
        yield window
    finally:
        window.close()
        service.close()

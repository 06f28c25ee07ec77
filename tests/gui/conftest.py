"""GUI test fixtures: a demo company file per test, a main window over it, and modal
dialogs that never block."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.services.company import CompanyService
from kpidesk.services.demo_setup import create_demo_database

TODAY = date(2026, 11, 22)
DEMO_PERIOD = Period.month(2026, 10)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company built once; tests get copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo company for one test."""
    import sqlite3

    target = tmp_path / "demo.kpidesk"
    source = sqlite3.connect(demo_template)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


@pytest.fixture
def demo_service(demo_path: Path) -> Iterator[CompanyService]:
    """The demo company, open."""
    service = CompanyService.open(demo_path, backup=False)
    yield service
    service.close()


@pytest.fixture
def main_window(qtbot, demo_service: CompanyService):  # type: ignore[no-untyped-def]
    """The whole main window over the demo company, on October 2026."""
    from kpidesk.app import build_main_window

    window = build_main_window(demo_service, lang="ru", period=DEMO_PERIOD, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def today() -> date:
    """The demo's "today" (22.11.2026)."""
    return TODAY


@pytest.fixture
def demo_period() -> Period:
    """The demo's latest full month (October 2026)."""
    return DEMO_PERIOD

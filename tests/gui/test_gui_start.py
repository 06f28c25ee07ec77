"""The window's two-step cold start (SPEC §9, issue 17): ``run_gui`` paints the frame —
navigation titles disabled, toolbar, menus, an empty page — before the company, the store
or the calculation is imported; then it opens the company, asks who is working, shows the
navigation the role allows and, on the next turn, the period's status (computed once) and
the section shown last. The welcome, a company that cannot be opened and an import after
the welcome keep working. Driven through ``run_gui`` itself, with the bench's probe
(``KPIDESK_START_PROBE``) ending the event loop."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kpidesk import app as app_module
from kpidesk.gui import first_paint
from kpidesk.gui.app_settings import AppSettings
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.sections import SECTIONS
from kpidesk.services.company import CompanyService
from tests.gui.conftest import DEMO_PERIOD, PASSWORD

ROOT = Path(__file__).resolve().parents[2]


CREATED: list[MainWindow] = []  # the windows run_gui made, the last one first


def _window() -> MainWindow:
    return CREATED[0]


def _recorded(*args, **kwargs) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(*args, **kwargs)
    CREATED.insert(0, window)
    return window


@pytest.fixture
def start(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A function: ``run_gui(database)`` in this process up to the numbers, with
    ``looks[stage](window)`` called at each mark; returns ``(code, events)`` — the marks,
    the company opened and the logins asked, in order."""
    events: list[str] = []
    looks: dict[str, Callable[[MainWindow], None]] = {}
    monkeypatch.setenv(first_paint.PROBE_VARIABLE, first_paint.NUMBERS)
    monkeypatch.setattr(app_module, "route_qt_messages", lambda: None)  # pytest-qt's stays
    monkeypatch.setattr(app_module, "MainWindow", _recorded)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    original_reached = first_paint.StartProbe.reached
    original_open = CompanyService.open.__func__  # type: ignore[attr-defined]

    failures: list[BaseException] = []

    def reached(probe: first_paint.StartProbe, stage: str) -> bool:
        events.append(stage)
        try:
            if stage in looks:
                looks[stage](_window())
        except BaseException as error:  # (inside the event loop: raised after it)
            failures.append(error)
        return original_reached(probe, stage)

    def opened(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        events.append("open")
        return original_open(cls, *args, **kwargs)

    monkeypatch.setattr(first_paint.StartProbe, "reached", reached)
    monkeypatch.setattr(CompanyService, "open", classmethod(opened))

    def run(database: Path | None, **seen: Callable[[MainWindow], None]) -> tuple[int, list[str]]:
        looks.clear()
        looks.update(seen)
        guard = QTimer()  # never hang a run (and stopped after it: never end another's)
        guard.setSingleShot(True)
        guard.timeout.connect(lambda: QCoreApplication.exit(99))
        guard.start(30000)
        try:
            code = app_module.run_gui(database, period=DEMO_PERIOD)
        finally:
            guard.stop()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # run_gui's deleteLater
        CREATED.clear()
        if failures:
            raise failures[0]
        assert code != 99, f"the start never reached the numbers: {events}"
        return code, events

    return run


def test_the_frame_is_painted_before_the_company_is_opened(  # type: ignore[no-untyped-def]
    start, russian, demo_path, monkeypatch
) -> None:
    counted: list[str] = []
    original = MainWindow._refresh_period_status

    def count(window: MainWindow) -> None:
        counted.append("status")
        original(window)

    def at_paint(window: MainWindow) -> None:
        assert not window.attached
        items = [window.navigation.item(row) for row in range(window.navigation.count())]
        assert [item.text() for item in items] == [entry.title() for entry in SECTIONS]
        assert items[0].text() == "Сводка"
        assert not window.navigation.isEnabled()  # titles only, nothing to click
        assert window.stack.currentWidget() is window.placeholder
        assert window.placeholder.text() == "Открываем компанию…"
        assert not window.store_filter.isEnabled() and window.problems_label.text() == ""

    def at_numbers(window: MainWindow) -> None:
        assert window.attached and counted == ["status"]
        section = window.current_section()
        assert section is not None and section.key == "dashboard"
        assert window.navigation.isEnabled() and not window.banner.isVisible()
        menus = [action.menu() for action in window.menuBar().actions()]
        assert menus[0] is window.file_menu and len(menus) == 3  # File stays first
        assert window.file_actions.import_action in window.file_menu.actions()
        assert window.problems_label.text().endswith(": 1")
        assert window.windowTitle().endswith("— kpidesk")

    monkeypatch.setattr(MainWindow, "_refresh_period_status", count)
    code, events = start(demo_path, paint=at_paint, numbers=at_numbers)
    assert code == 0
    assert events == ["paint", "open", "numbers"]


def test_the_last_section_comes_back_without_the_dashboard(start, demo_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings()
    settings.qsettings.setValue("window/section", "matrix")
    settings.qsettings.sync()

    def at_numbers(window: MainWindow) -> None:
        assert [section.key for section in window.sections] == ["matrix"]

    code, _ = start(demo_path, numbers=at_numbers)
    assert code == 0
    assert AppSettings().qsettings.value("window/section") == "matrix"


def test_a_company_with_users_logs_in_over_the_frame(start, users_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.gui.login_dialog import LoginDialog

    events_at_login: list[bool] = []

    def exec_(dialog: LoginDialog) -> int:
        window = _window()
        events_at_login.append(window.isVisible() and not window.attached)
        dialog.sleep = lambda _seconds: None
        dialog.name_edit.setText("Волков")  # an employee: tasks and their own results
        dialog.password_edit.setText(PASSWORD)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)

    def at_numbers(window: MainWindow) -> None:
        assert window.section_keys() == ["matrix", "tasks", "bonus"]  # (gui.rights)
        section = window.current_section()
        assert section is not None and section.key == "tasks"
        assert window.context.service.actor.name == "Волков"

    code, events = start(users_path, numbers=at_numbers)
    assert code == 0 and events_at_login == [True]
    assert events == ["paint", "open", "numbers"]


def test_a_cancelled_login_then_the_welcome_backed_out_ends_the_start(  # type: ignore[no-untyped-def]
    start, users_path, monkeypatch
) -> None:
    from kpidesk.gui.login_dialog import LoginDialog
    from kpidesk.gui.welcome import WelcomeDialog

    welcomed: list[bool] = []
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)

    def welcome_exec(dialog: WelcomeDialog) -> int:
        welcomed.append(_window().isVisible())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(WelcomeDialog, "exec", welcome_exec)
    code, events = start(users_path)
    assert code == 0 and welcomed == [False]  # the frame hidden behind the welcome
    assert events == ["paint", "open"]


def test_a_company_that_cannot_be_opened_is_said_without_a_traceback(  # type: ignore[no-untyped-def]
    start, tmp_path, monkeypatch
) -> None:
    broken = tmp_path / "broken.kpidesk"
    broken.write_text("not a database", encoding="utf-8")
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *rest: said.append(text)
    )
    code, events = start(broken)
    assert code == 1 and len(said) == 1 and "broken.kpidesk" in said[0]
    assert events == ["paint", "open"]


def test_no_company_yet_the_welcome_then_its_import(start, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from kpidesk.gui.file_actions import FileActions
    from kpidesk.gui.welcome import WelcomeChoice, WelcomeDialog

    workbook = tmp_path / "chain.xlsx"
    imported: list[Path] = []

    def welcome_exec(dialog: WelcomeDialog) -> int:
        dialog.choice = WelcomeChoice.IMPORT
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WelcomeDialog, "exec", welcome_exec)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(workbook), "Excel")
    )
    monkeypatch.setattr(FileActions, "import_workbook", lambda self, path: imported.append(path))

    def at_numbers(window: MainWindow) -> None:
        assert window.attached and imported == [workbook]

    code, events = start(None, numbers=at_numbers)
    assert code == 0
    assert events == ["open", "paint", "numbers"]  # the welcome's company, then the window


def test_the_kpidesk_command_paints_before_importing_the_store(demo_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """In a process of its own, as ``bench/bench_startup.py`` runs it: nothing of the store,
    the calculation or the heavy libraries is imported at the first paint, and the
    numbers need no pandas, matplotlib or openpyxl."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_startup
    finally:
        sys.path.remove(str(ROOT / "bench"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KPIDESK_HOME": str(tmp_path / "home"),
        "KPIDESK_START_PROBE": "numbers",
        "PYTHONPATH": str(ROOT),
    }
    marks = bench_startup.sample(bench_startup.KPIDESK, env, str(demo_path))
    at_paint = str(marks["modules paint"]).split(",")
    at_numbers = str(marks["modules numbers"]).split(",")
    assert at_paint == ["-"], f"imported before the first paint: {at_paint}"
    assert "kpidesk.core.compute" in at_numbers  # (the checker sees what is loaded)
    assert not {"pandas", "matplotlib", "openpyxl"} & set(at_numbers)
    assert float(marks["paint"]) < float(marks["numbers"])  # type: ignore[arg-type]


def test_the_probe_is_off_unless_the_bench_asks() -> None:
    assert first_paint.StartProbe.from_environment({}) is None
    assert first_paint.StartProbe.from_environment({"KPIDESK_START_PROBE": "x"}) is None
    probe = first_paint.StartProbe.from_environment({"KPIDESK_START_PROBE": "paint"})
    assert probe is not None and probe.stop_at == "paint"

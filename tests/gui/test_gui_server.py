"""The window on a company server (SPEC §3.2): the company and the server in the title and
the status bar, the file actions a server has (a copy as a company file; no restore);
another PC's change reaching the open window within 2 s through the one ``changed`` road
(and a second window on the same company file too), this window's own saves never taken for
someone else's; a dropped connection shown by the banner, with a typed day and a typed fact
kept unsaved and saved once the window has reconnected by itself.

The tests on the server skip without ``KPIDESK_TEST_PG`` (the ``pg_database`` fixture);
CI has the server.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from kpidesk.core.daily import DailyEntry
from kpidesk.services import daily_entry, facts
from kpidesk.services.changes import ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import COMPANY_NAME, INCOMPLETE_EMPLOYEE
from kpidesk.services.live import CompanyAddress
from kpidesk.services.locations import ServerAddress
from tests.engines import demo_company
from tests.gui.conftest import DEMO_PERIOD, TODAY

STORE = "ТЦ «Мега»"
DAY = date(2026, 10, 5)


def _window(qtbot, service: CompanyService, address: CompanyAddress | None = None):  # type: ignore[no-untyped-def]
    from kpidesk.app import build_main_window

    window = build_main_window(service, address=address, lang="ru", period=DEMO_PERIOD, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def server_url(pg_database: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """The demo company on the test server (fresh for each test)."""
    url = demo_company("postgresql", tmp_path, request, TODAY)
    assert isinstance(url, str)
    return url


@pytest.fixture
def server_window(qtbot, russian, server_url: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window over the demo company on the test server."""
    service = CompanyService.connect(server_url)
    window = _window(qtbot, service, CompanyAddress(server_url))
    yield window
    window.close()
    window.context.service.close()


def closed_port_url(url: str) -> str:
    """``url`` with a port where nothing listens (the server "down")."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ServerAddress.of(url)
    return ServerAddress("127.0.0.1", port, server.database, server.user).url()


def drop_connection(window) -> None:  # type: ignore[no-untyped-def]
    """End the window's server session from another connection, as a network cut would."""
    import psycopg

    url = window.context.address.location
    pid = window.context.service.database.connection.raw.info.backend_pid
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def server_down(window) -> str:  # type: ignore[no-untyped-def]
    """Cut the window's connection and let its reconnection find no server; returns the
    real URL (give it back with :func:`server_up`)."""
    url = str(window.context.address.location)
    drop_connection(window)  # (no event is handled before the address changes)
    window.context._address = CompanyAddress(closed_port_url(url))
    return url


def server_up(window, url: str) -> None:  # type: ignore[no-untyped-def]
    window.context._address = CompanyAddress(url)


# --- the window on a server ---------------------------------------------------------------
def test_the_window_names_the_company_and_the_server(server_window, server_url) -> None:  # type: ignore[no-untyped-def]
    window = server_window
    server = ServerAddress.of(server_url)
    assert window.windowTitle() == f"{COMPANY_NAME} — kpidesk"
    assert window.database_label.text() == (
        f"Сервер компании: {server.host}:{server.port}/{server.database}"
    )
    assert window.database_label.toolTip() == server_url
    assert not window.backup_label.isVisible()  # the server's backups are its administrator's
    actions = window.file_actions
    assert actions.backup_action.text() == "Сохранить копию в файл компании…"
    assert not actions.restore_action.isEnabled()
    assert "server upload" in actions.restore_action.toolTip()
    assert actions.file_stem() == server.database
    assert not window.banner.isVisible()


def test_settings_and_login_heading_show_the_server(qtbot, server_window, server_url) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.gui.login_dialog import LoginDialog
    from kpidesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(server_window.context, server_window)
    qtbot.addWidget(dialog)
    assert dialog.findChild(object, "settings_company").text() == server_url
    login = LoginDialog(server_window.context.service, server_window)
    qtbot.addWidget(login)
    heading = login.findChild(object, "login_company")
    assert heading.text() == COMPANY_NAME and heading.toolTip() == server_url


def test_a_copy_of_the_server_as_a_company_file(  # type: ignore[no-untyped-def]
    server_window, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "копия.kpidesk"
    target.write_bytes(b"an older copy, replaced after the file dialog asked")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    server_window.file_actions.backup_now()
    with CompanyService.open(target, backup=False) as copy:
        assert copy.company().name == COMPANY_NAME
        assert daily_entry.saved_day(copy, STORE, DAY) is not None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --- live updates -------------------------------------------------------------------------
def test_another_pc_s_day_reaches_the_open_window(  # type: ignore[no-untyped-def]
    qtbot, russian, engine, tmp_path, request
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as other:
        daily_entry.delete_day(other, STORE, DAY)
        window = _window(qtbot, CompanyService.open(location, backup=False))
        try:
            assert window.show_section("daily", store=STORE, day=DAY)
            section = window.section("daily")
            assert section.fields["revenue"].text() == ""
            heard: list[object] = []
            window.context.changed.connect(heard.append)
            daily_entry.save_day(other, DailyEntry(STORE, DAY, Decimal("123456"), 40, 200, 70))
            qtbot.waitUntil(lambda: section.fields["revenue"].text() == "123456", timeout=2000)
            assert section.day_state.text() == "день сохранён"
            assert [change.kind for change in heard] == [ChangeKind.COMPANY]
            # a hidden section only marks itself stale, and redraws when shown
            matrix = window.section("matrix")
            assert window.show_section("daily")
            daily_entry.save_day(other, DailyEntry(STORE, DAY, Decimal("654321"), 40, 200, 70))
            qtbot.waitUntil(lambda: section.fields["revenue"].text() == "654321", timeout=2000)
            assert matrix.stale
        finally:
            window.close()
            window.context.service.close()


def test_a_typed_day_survives_another_pc_s_change(  # type: ignore[no-untyped-def]
    qtbot, russian, engine, tmp_path, request
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as other:
        window = _window(qtbot, CompanyService.open(location, backup=False))
        try:
            window.show_section("daily", store=STORE, day=DAY)
            section = window.section("daily")
            section.fields["revenue"].setText("77 000")
            heard: list[object] = []
            window.context.changed.connect(heard.append)
            daily_entry.save_day(
                other, DailyEntry("Центральный", DAY, Decimal("90000"), 40, 200, 70)
            )
            qtbot.waitUntil(lambda: len(heard) == 1, timeout=2000)
            assert section.store == STORE and section.day == DAY  # it stayed
            assert section.fields["revenue"].text() == "77 000"  # and so did the typing
            assert section.save_button.isEnabled()
        finally:
            window.close()
            window.context.service.close()


def test_the_window_s_own_save_is_not_taken_for_another_pc_s(  # type: ignore[no-untyped-def]
    qtbot, russian, engine, tmp_path, request
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    window = _window(qtbot, CompanyService.open(location, backup=False))
    try:
        window.show_section("daily", store=STORE, day=DAY)
        section = window.section("daily")
        heard: list[object] = []
        window.context.changed.connect(heard.append)
        section.fields["revenue"].setText("88 000")
        assert section.save()
        qtbot.wait(1600)  # more than a poll
        assert [change.kind for change in heard] == [ChangeKind.DAILY]
    finally:
        window.close()
        window.context.service.close()


# --- the lost connection ------------------------------------------------------------------
def test_a_dropped_connection_keeps_the_typed_day_and_saves_it_when_back(  # type: ignore[no-untyped-def]
    qtbot, server_window, server_url
) -> None:
    window = server_window
    service = window.context.service
    daily_entry.delete_day(service, STORE, DAY)
    window.show_section("daily", store=STORE, day=DAY)
    section = window.section("daily")
    typed = {"revenue": "95 400,50", "receipts": "36", "visitors": "170", "units": "58"}
    for name, text in typed.items():
        section.fields[name].setText(text)
    url = server_down(window)
    assert not section.save()
    banner = window.banner
    assert banner.isVisible()
    assert banner.text.text() == "Нет связи с сервером компании — повторяю…"
    assert {name: section.fields[name].text() for name in typed} == typed  # kept
    assert section.day == DAY and section.day_state.text() == "не сохранено"
    assert "Не сохранено: нет связи с сервером компании" in section.general_message.text()
    qtbot.waitUntil(lambda: window.live.attempts >= 1, timeout=15000)  # still down
    assert banner.isVisible() and "Последняя попытка" in banner.detail.text()
    server_up(window, url)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15000)  # reconnected by itself
    assert window.context.service is service  # the same company, user and views
    qtbot.waitUntil(lambda: section.pending is None, timeout=2000)  # saved once back
    with CompanyService.connect(url) as other:
        saved = daily_entry.saved_day(other, STORE, DAY)
    assert saved == DailyEntry(STORE, DAY, Decimal("95400.50"), 36, 170, 58)
    assert "05.10.2026" in section.general_message.text()


def test_a_fact_typed_while_the_server_is_away_is_kept_and_saved(  # type: ignore[no-untyped-def]
    qtbot, server_window, server_url
) -> None:
    window = server_window
    window.show_section("facts")
    section = window.section("facts")
    sheet = section.model.sheet
    column = [i.code for i in sheet.indicators].index("nps")
    index = section.model.index(sheet.employees.index(INCOMPLETE_EMPLOYEE), column)
    assert index.data() == ""
    url = server_down(window)
    assert section.model.setData(index, "97")
    assert window.banner.isVisible()
    assert index.data() == "97"  # kept in its cell
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("Ещё не сохранено")
    assert "не сохранено фактов: 1" in section.message.text().lower()
    server_up(window, url)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: not section.model.pending, timeout=2000)
    with CompanyService.connect(url) as other:
        values = facts.facts_sheet(other, DEMO_PERIOD).values
    assert values[(INCOMPLETE_EMPLOYEE, "nps")] == Decimal(97)
    assert index.data() == "97" and section.undo_stack.count() == 1


def test_a_lost_poll_shows_the_banner_and_reconnects(qtbot, server_window) -> None:  # type: ignore[no-untyped-def]
    window = server_window
    heard: list[bool] = []
    window.context.connectionChanged.connect(heard.append)
    drop_connection(window)  # the server is up: the first attempt connects again
    qtbot.waitUntil(lambda: heard == [False, True], timeout=15000)
    assert window.context.online and not window.banner.isVisible()
    assert window.refresh_status() is None  # reads work again on the new connection


def test_a_worker_opens_its_own_connection_to_the_server(server_window) -> None:  # type: ignore[no-untyped-def]
    open_company = server_window.context.worker_opener()
    with open_company() as worker_service:
        assert worker_service is not server_window.context.service
        assert worker_service.location == server_window.context.location
        assert worker_service.company().name == COMPANY_NAME


def test_a_lost_read_in_a_slot_is_no_crash(qtbot, server_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from PySide6.QtWidgets import QMessageBox

    from kpidesk.app import install_exception_hook
    from kpidesk.store.errors import ConnectionLostError

    crashes: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: crashes.append(str(args[2])))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook([server_window.context])
    lost = ConnectionLostError("no connection to the server")
    sys.excepthook(ConnectionLostError, lost, None)
    assert crashes == [] and not server_window.context.online  # the banner, not a crash
    qtbot.waitUntil(lambda: server_window.context.online, timeout=15000)  # and back

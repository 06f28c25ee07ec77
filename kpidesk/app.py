"""The GUI's composition root: the one place that builds the application, the translators,
the company service, the shared context, the sections and the main window, and wires them
together (STYLE.md). ``run_gui`` is what ``kpidesk`` / ``kpidesk gui`` / ``kpidesk demo``
call."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from kpidesk.core.periods import Period
from kpidesk.gui import login_dialog
from kpidesk.gui.context import AppContext
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.opening import Opened, connect_server, open_location
from kpidesk.gui.sections import SECTIONS
from kpidesk.gui.welcome import WelcomeChoice, WelcomeDialog
from kpidesk.reports.problem_text import error_text
from kpidesk.reports.translations import choose_language, install_translators
from kpidesk.services import locations
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.live import CompanyAddress, is_connection_lost
from kpidesk.services.locations import Location


def application() -> QApplication:
    """The running QApplication (created on first use)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("kpidesk")
    app.setOrganizationName("kpidesk")
    return app


def build_main_window(
    service: CompanyService,
    *,
    address: CompanyAddress | None = None,
    lang: str = "ru",
    period: Period | None = None,
    today: date | None = None,
) -> MainWindow:
    """The main window over an open company (``address``: where it is, with a server's
    password, to reconnect); its sections are built when first shown."""
    context = AppContext(service, address=address, lang=lang, period=period, today=today)
    return MainWindow(context, SECTIONS)


def welcome_service(
    dialog: WelcomeDialog, today: date
) -> tuple[CompanyService | None, Path | None]:
    """Carry out the welcome's choice. Returns the opened company (``None`` when the user
    backed out) and, for an import, the workbook to import once the window is up."""
    choice = dialog.choice
    if choice is WelcomeChoice.DEMO:
        from kpidesk.services.demo_setup import create_demo_database

        path = locations.demo_database()
        create_demo_database(path, today=today)
        return CompanyService.open(path), None
    if choice is WelcomeChoice.EMPTY:
        name, _ = QFileDialog.getSaveFileName(
            dialog,
            QCoreApplication.translate("WelcomeDialog", "New company file"),
            str(locations.default_database()),
            "kpidesk (*.kpidesk)",
        )
        if not name:
            return None, None
        title, ok = QInputDialog.getText(
            dialog,
            QCoreApplication.translate("WelcomeDialog", "New company"),
            QCoreApplication.translate("WelcomeDialog", "Company name:"),
        )
        if not ok:
            return None, None
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".kpidesk")
        return CompanyService.create(path, name=title.strip() or path.stem), None
    if choice is WelcomeChoice.IMPORT:
        workbook, _ = QFileDialog.getOpenFileName(
            dialog,
            QCoreApplication.translate("WelcomeDialog", "Import workbook"),
            "",
            "Excel (*.xlsx)",
        )
        if not workbook:
            return None, None
        path = locations.default_database()
        if path.exists():
            path = path.with_name(f"{Path(workbook).stem}.kpidesk")
        service = CompanyService.open(path, create=True)
        return service, Path(workbook)
    return None, None


def logged_in(service: CompanyService) -> CompanyService | None:
    """``service`` once someone has logged in to it (at once for a company without users);
    ``None`` (and the company closed) when the login was cancelled."""
    if login_dialog.ask_login(service):
        return service
    service.close()
    return None


def install_exception_hook(contexts: Sequence[AppContext] = ()) -> None:
    """Show an unexpected error as a message (its traceback goes to the log file) instead
    of letting the window die. A lost company server is no crash: the windows of
    ``contexts`` (filled in once they exist) show their banner and reconnect."""
    from kpidesk.services import crash_log

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        if isinstance(error, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]
            return
        if contexts and is_connection_lost(error):
            for context in contexts:
                context.connection_lost()
            return
        text = crash_log.summary(error, crash_log.record(error))
        QMessageBox.critical(None, "kpidesk", text)

    sys.excepthook = hook


def run_gui(database: Location | None = None, *, period: Period | None = None) -> int:
    """Open the window on ``database`` (a company file or a company server's URL), the
    last company opened, or the welcome."""
    app = application()
    contexts: list[AppContext] = []
    install_exception_hook(contexts)
    lang = choose_language(locations.get_setting("language"))
    translators = install_translators(app, lang)
    today = date.today()
    workbook: Path | None = None
    try:
        location = database or locations.last_location()
        opened: Opened | None = None
        if location is not None:
            opened = open_location(location, create=database is not None)
        while opened is None:  # nothing opened, or the login cancelled: the welcome
            dialog = WelcomeDialog()
            if dialog.exec() != WelcomeDialog.DialogCode.Accepted:
                return 0
            if dialog.choice is WelcomeChoice.SERVER:
                opened = connect_server()
                continue  # given up: the welcome again
            service, workbook = welcome_service(dialog, today)
            if service is None:
                return 0
            if logged_in(service) is not None:  # (the welcome opens company files only)
                opened = service, CompanyAddress.of(service)
    except UserError as error:
        QMessageBox.critical(None, "kpidesk", error_text(error))
        return 1
    service, address = opened
    locations.remember_location(address.shown if address.is_server else address.location)
    window = build_main_window(service, address=address, lang=lang, period=period, today=today)
    contexts.append(window.context)
    window.show()
    if workbook is not None:
        window.file_actions.import_workbook(workbook)
    code = app.exec()
    window.context.service.close()  # the company open at the end (File → Open may switch)
    del translators
    return code

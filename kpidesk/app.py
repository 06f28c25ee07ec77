"""The GUI's composition root: the one place that builds the application, the translators,
the company service, the shared context, the sections and the main window, and wires them
together (STYLE.md). ``run_gui`` is what ``kpidesk`` / ``kpidesk gui`` / ``kpidesk demo``
call; ``run_selfcheck`` is ``kpidesk selfcheck`` (the window offscreen on a temporary demo
company). Before any ``QApplication`` exists, ``run_gui`` checks that there is a display
(``gui.display``) and says so in the user's language instead of letting Qt abort; the
window's size, layout and last section are kept in ``QSettings`` (``gui.app_settings``);
an unexpected error is logged (``services.crash_log``) and shown in the crash dialog."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kpidesk import __version__
from kpidesk.core.periods import Period
from kpidesk.gui import login_dialog
from kpidesk.gui.app_settings import AppSettings
from kpidesk.gui.context import AppContext
from kpidesk.gui.display import NO_DISPLAY, display_problem
from kpidesk.gui.icons import app_icon
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.opening import Opened, connect_server, open_location
from kpidesk.gui.sections import SECTIONS
from kpidesk.gui.welcome import WelcomeChoice, WelcomeDialog, ask_new_company
from kpidesk.reports.problem_text import error_text
from kpidesk.reports.translations import choose_language, install_translators
from kpidesk.services import locations
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.live import CompanyAddress, is_connection_lost
from kpidesk.services.locations import Location

if TYPE_CHECKING:
    from kpidesk.gui.selfcheck import SelfcheckReport


def application() -> QApplication:
    """The running QApplication (created on first use)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("kpidesk")
    app.setOrganizationName("kpidesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def route_qt_messages() -> object:
    """Send Qt's own warnings to kpidesk's log instead of the terminal; returns the handler
    it replaced (to put back with ``qInstallMessageHandler``)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from kpidesk.services import crash_log

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        crash_log.logger.log(levels.get(kind, logging.WARNING), "Qt: %s", message)

    return qInstallMessageHandler(handler)


def display_message(problem: str) -> str:
    """What the terminal says when the window cannot open, in the command's language."""
    from kpidesk.commands.language import translate

    if problem == NO_DISPLAY:
        return translate(
            "Cli",
            "cannot open the window: there is no graphical display here (DISPLAY and "
            "WAYLAND_DISPLAY are not set). Start kpidesk from the desktop, or use its "
            "commands: kpidesk --help",
        )
    return translate(
        "Cli",
        "cannot open the window: the system library libxcb-cursor0, which Qt needs on an "
        "X11 display, is missing. Install it (Debian, Ubuntu: sudo apt install "
        "libxcb-cursor0) and start kpidesk again",
    )


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
        chosen = ask_new_company(dialog)
        if chosen is None:
            return None, None
        service = CompanyService.create(
            chosen.path, name=chosen.name, half_months=chosen.half_months
        )
        return service, None
    if choice in (WelcomeChoice.IMPORT, WelcomeChoice.ADOPT):
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
    """Show an unexpected error in the crash dialog (its traceback goes to the log file)
    instead of letting the window die. A lost company server is no crash: the windows of
    ``contexts`` (filled in once they exist) show their banner and reconnect."""
    from kpidesk.gui.crash_dialog import CrashDialog
    from kpidesk.services import crash_log

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        if isinstance(error, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]
            return
        if contexts and is_connection_lost(error):
            for context in contexts:
                context.connection_lost()
            return
        dialog = CrashDialog(error, crash_log.record(error))
        dialog.exec()
        dialog.deleteLater()

    sys.excepthook = hook


def run_gui(database: Location | None = None, *, period: Period | None = None) -> int:
    """Open the window on ``database`` (a company file or a company server's URL), the
    last company opened, or the welcome. Returns 1, with a message, where there is no
    display to open it on."""
    from kpidesk.services import crash_log

    problem = display_problem()
    if problem is not None and QApplication.instance() is None:
        print(f"kpidesk: {display_message(problem)}", file=sys.stderr)
        return 1
    crash_log.setup_logging()
    crash_log.logger.info("kpidesk %s: the window starts", __version__)
    route_qt_messages()
    settings = AppSettings()
    app = application()
    contexts: list[AppContext] = []
    install_exception_hook(contexts)
    lang = choose_language(settings.language())
    translators = install_translators(app, lang)
    today = date.today()
    workbook: Path | None = None
    welcome_choice: WelcomeChoice | None = None
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
            welcome_choice = dialog.choice
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
    last_section = settings.restore_window(window)
    if last_section and workbook is None:
        window.show_section(last_section)  # (one the user may not see is ignored)
    window.show()
    if workbook is not None and welcome_choice is WelcomeChoice.ADOPT:
        window.file_actions.adopt_workbook(workbook)
    elif workbook is not None:
        window.file_actions.import_workbook(workbook)
    code = app.exec()
    settings.save_window(window, current_section(window))
    window.context.service.close()  # the company open at the end (File → Open may switch)
    del translators
    return code


def current_section(window: MainWindow) -> str | None:
    """The key of the section the window shows."""
    row = window.navigation.currentRow()
    keys = window.section_keys()
    return keys[row] if 0 <= row < len(keys) else None


def run_selfcheck(*, lang: str = "ru", keep: Path | None = None) -> SelfcheckReport:
    """``kpidesk selfcheck``: the main window offscreen on a temporary demo company, every
    section built and shown, one bonus sheet to PDF and one chart to PNG (``keep``: the
    folder to leave them in; default a temporary one). Never touches the user's
    companies or settings."""
    import tempfile

    from kpidesk.gui.selfcheck import WINDOW, check_window, run_step
    from kpidesk.services.demo_setup import create_demo_database

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed, none touched
    previous_handler = route_qt_messages()
    app = application()
    translators = install_translators(app, lang)
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="kpidesk-selfcheck-") as temporary:
        folder = keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        path = Path(temporary) / "selfcheck-demo.kpidesk"
        summary = create_demo_database(path, today=today)
        service = CompanyService.open(path, backup=False)
        windows: list[MainWindow] = []
        try:
            opened = run_step(
                WINDOW,
                "",
                lambda: _opened(windows, service, lang, summary.latest_full_month, today),
            )
            if not windows:
                from kpidesk.gui.selfcheck import SelfcheckReport

                return SelfcheckReport([opened])
            report = check_window(windows[0], folder)
            report.steps.insert(0, opened)
        finally:
            for window in windows:
                window.close()
                window.deleteLater()
            app.processEvents()
            service.close()
            from kpidesk.reports.translations import remove_translators

            remove_translators(app, translators)
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(previous_handler)  # type: ignore[arg-type]
    return report


def _opened(
    windows: list[MainWindow],
    service: CompanyService,
    lang: str,
    period: Period,
    today: date,
) -> str:
    window = build_main_window(service, lang=lang, period=period, today=today)
    windows.append(window)
    window.show()
    return ""

"""The GUI's composition root: the one place that builds the application, the translators,
the company service, the shared context, the sections and the main window, and wires them
together (STYLE.md). ``run_gui`` is what ``kpidesk`` / ``kpidesk gui`` / ``kpidesk demo``
call; ``run_selfcheck`` is ``kpidesk selfcheck`` (the window offscreen on a temporary demo
company). Before any ``QApplication`` exists, ``run_gui`` checks that there is a display
(``gui.display``) and says so in the user's language instead of letting Qt abort; the
window's size, layout and last section are kept in ``QSettings`` (``gui.app_settings``);
an unexpected error is logged (``services.crash_log``) and shown in the crash dialog.

A cold start comes in two steps (SPEC §9, issue 17): ``run_gui`` shows the window's frame
(``MainWindow(None, …)``: Qt, the translators and the settings only), and once it has been
painted (``gui.first_paint``) :class:`SecondStep` opens the company, asks who is working,
puts the company under the frame and, on the next event-loop turn, shows the numbers. So
this module imports the services, the store and the calculation only inside functions —
never at module level; a company that cannot be opened is said in a message box, as
before, and a bug still reaches the command line's handler (re-raised after the loop)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kpidesk import __version__
from kpidesk.gui.app_settings import AppSettings
from kpidesk.gui.display import NO_DISPLAY, display_problem
from kpidesk.gui.first_paint import StartProbe, after_first_paint
from kpidesk.gui.icons import app_icon
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.sections import SECTIONS
from kpidesk.reports.translations import choose_language, install_translators, remove_translators
from kpidesk.services import locations

if TYPE_CHECKING:
    from kpidesk.core.periods import Period
    from kpidesk.gui.context import AppContext
    from kpidesk.gui.opening import Opened
    from kpidesk.gui.selfcheck import SelfcheckReport
    from kpidesk.gui.welcome import WelcomeChoice, WelcomeDialog
    from kpidesk.services.company import CompanyService
    from kpidesk.services.live import CompanyAddress
    from kpidesk.services.locations import Location


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
    it replaced (to put back with ``qInstallMessageHandler``). They go to the ``kpidesk``
    logger, whose file ``crash_log.setup_logging`` opens — after the first paint in
    ``run_gui`` (``logging.handlers`` is not worth the frame's wait, SPEC §9); the logger
    keeps nothing before that, which a warning while the frame appears can spare."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    logger = logging.getLogger("kpidesk")  # (crash_log.LOGGER_NAME, without importing it)

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        logger.log(levels.get(kind, logging.WARNING), "Qt: %s", message)

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
    password, to reconnect), frame, company and start section in one go; its sections are
    built when first shown."""
    from kpidesk.gui.context import AppContext

    context = AppContext(service, address=address, lang=lang, period=period, today=today)
    return MainWindow(context, SECTIONS)


def welcome_service(
    dialog: WelcomeDialog, today: date
) -> tuple[CompanyService | None, Path | None]:
    """Carry out the welcome's choice. Returns the opened company (``None`` when the user
    backed out) and, for an import, the workbook to import once the window is up."""
    from kpidesk.gui.welcome import WelcomeChoice, ask_new_company
    from kpidesk.services.company import CompanyService

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
    from kpidesk.gui import login_dialog

    if login_dialog.ask_login(service):
        return service
    service.close()
    return None


def install_exception_hook(contexts: Sequence[AppContext] = ()) -> None:
    """Show an unexpected error in the crash dialog (its traceback goes to the log file)
    instead of letting the window die. A lost company server is no crash: the windows of
    ``contexts`` (filled in once they exist) show their banner and reconnect."""

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        try:  # (imported here: the window's first paint does without them, SPEC §9)
            from kpidesk.gui.crash_dialog import CrashDialog
            from kpidesk.services import crash_log
            from kpidesk.services.live import is_connection_lost
        except Exception:  # the install itself is broken: Python's own report
            sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]
            return
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
    display to open it on, or when the company cannot be opened."""
    problem = display_problem()
    if problem is not None and QApplication.instance() is None:
        print(f"kpidesk: {display_message(problem)}", file=sys.stderr)
        return 1
    route_qt_messages()
    settings = AppSettings()
    app = application()
    contexts: list[AppContext] = []
    install_exception_hook(contexts)
    lang = choose_language(settings.language())
    translators = install_translators(app, lang)
    window = MainWindow(None, SECTIONS)
    step = SecondStep(window, settings, contexts, lang=lang, period=period)
    location = database or locations.last_location()
    if location is None and not step.welcome():  # the first run: the welcome before all
        remove_translators(app, translators)
        return step.code
    window.show()
    after_first_paint(window, lambda: step.run(location, create=database is not None))
    code = app.exec()
    if step.error is not None:
        raise step.error  # a bug: the command line logs it and says so, as ever
    if window.attached:
        settings.save_window(window, current_section(window))
        window.close()  # (already closed, unless the bench's probe ended the loop)
        window.context.service.close()  # the company open at the end (File → Open may switch)
    window.deleteLater()
    remove_translators(app, translators)  # (the application owns them and outlives this)
    return code


class SecondStep:
    """What ``run_gui`` does once the frame is painted: open the company at the location
    (the share warning, a server's password, the login — over the frame), or the welcome
    when there is none or the user gave up; put the company under the frame, and on the
    next event-loop turn the numbers (the period's status and the section shown last),
    then the workbook the welcome chose to import.

    ``code`` is the exit code when the start ends without a window (0: the user backed
    out; 1: the company cannot be opened); ``error`` an unexpected error, re-raised by
    ``run_gui`` after the event loop."""

    def __init__(
        self,
        window: MainWindow,
        settings: AppSettings,
        contexts: list[AppContext],
        *,
        lang: str,
        period: Period | None,
    ) -> None:
        self.window = window
        self.settings = settings
        self.contexts = contexts
        self.lang = lang
        self.period = period
        self.today = date.today()
        self.last_section = settings.restore_window(window)
        self.probe = StartProbe.from_environment()
        self.opened: Opened | None = None
        self.workbook: Path | None = None
        self.choice: WelcomeChoice | None = None
        self.code = 0
        self.error: BaseException | None = None
        self.logging = False  # whether the log file is set up

    def run(self, location: Location | None, *, create: bool) -> None:
        """The frame is on screen: open the company and put it under the frame (or end the
        start: see ``code``)."""
        if self.probe is not None and not self.probe.reached("paint"):
            return  # the bench measured the first paint and is done
        self._start_log()
        try:
            if self.opened is None and not self._open(location, create=create):
                self.window.close()
                QCoreApplication.exit(self.code)
                return
            self._attach()
        except Exception as error:  # a bug: the loop ends and run_gui raises it
            self.error = error
            QCoreApplication.exit(1)

    def _start_log(self) -> None:
        """The log file, once (before it, an error is logged by ``crash_log.record``)."""
        from kpidesk.services import crash_log

        if not self.logging:
            self.logging = True
            crash_log.setup_logging()
            crash_log.logger.info("kpidesk %s: the window starts", __version__)

    def _open(self, location: Location | None, *, create: bool) -> bool:
        from kpidesk.gui.opening import open_location
        from kpidesk.reports.problem_text import error_text
        from kpidesk.services.errors import UserError

        try:
            if location is not None:
                self.opened = open_location(location, self.window, create=create)
        except UserError as error:
            QMessageBox.critical(self.window, "kpidesk", error_text(error))
            self.code = 1
            return False
        if self.opened is None:  # the login cancelled (or a warning): the welcome
            self.window.hide()
            return self.welcome()
        return True

    def welcome(self) -> bool:
        """The welcome until a company is open (``False``, with ``code``: backed out, or
        the company could not be made)."""
        from kpidesk.gui.opening import connect_server
        from kpidesk.gui.welcome import WelcomeChoice, WelcomeDialog
        from kpidesk.reports.problem_text import error_text
        from kpidesk.services.errors import UserError
        from kpidesk.services.live import CompanyAddress

        self._start_log()
        try:
            while self.opened is None:
                dialog = WelcomeDialog()
                if dialog.exec() != WelcomeDialog.DialogCode.Accepted:
                    return False
                if dialog.choice is WelcomeChoice.SERVER:
                    self.opened = connect_server()
                    continue  # given up: the welcome again
                service, self.workbook = welcome_service(dialog, self.today)
                self.choice = dialog.choice
                if service is None:
                    return False
                if logged_in(service) is not None:  # (the welcome opens company files only)
                    self.opened = service, CompanyAddress.of(service)
        except UserError as error:
            QMessageBox.critical(None, "kpidesk", error_text(error))
            self.code = 1
            return False
        return True

    def _attach(self) -> None:
        from kpidesk.gui.context import AppContext

        assert self.opened is not None
        service, address = self.opened
        locations.remember_location(address.shown if address.is_server else address.location)
        context = AppContext(
            service, address=address, lang=self.lang, period=self.period, today=self.today
        )
        self.window.attach(context, start=False)
        self.contexts.append(context)
        self.window.show()  # (hidden while the welcome showed)
        QTimer.singleShot(0, self._numbers)

    def _numbers(self) -> None:
        from kpidesk.gui.welcome import WelcomeChoice

        try:
            self.window.show_start(self.last_section if self.workbook is None else None)
            QTimer.singleShot(0, self._numbers_shown)  # after their paint, posted before
            if self.workbook is not None and self.choice is WelcomeChoice.ADOPT:
                self.window.file_actions.adopt_workbook(self.workbook)
            elif self.workbook is not None:
                self.window.file_actions.import_workbook(self.workbook)
        except Exception as error:
            self.error = error
            QCoreApplication.exit(1)

    def _numbers_shown(self) -> None:
        if self.probe is not None:
            self.probe.reached("numbers")


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
    from kpidesk.services.company import CompanyService
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

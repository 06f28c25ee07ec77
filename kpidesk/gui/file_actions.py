"""The File menu: New company…, Open…, Connect to a company server…, Recent companies,
Log in as another user…, Import workbook…, Export…, Backup now (on a company server: Save
a copy as a company file…), Restore…, Settings…, Quit. Every action goes through services;
errors become a message box that says what and where.

A company with users asks who is working whenever it is opened (``opening``); a login
that is cancelled leaves the company that was open. The recent list holds company files and
company servers (their URLs, never a password). Import, Export, Backup and Restore are
offered only to the roles that hold their rights (SPEC §8.1). On a company server the
server's administrator keeps its backups and a whole company is replaced by ``server
upload`` onto an empty database, so Restore is disabled there and says so; the backup
writes a portable company file instead."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from kpidesk.core.rights import Right, Scope
from kpidesk.gui import login_dialog
from kpidesk.gui.context import AppContext
from kpidesk.gui.opening import Opened, connect_server, open_location
from kpidesk.gui.welcome import ask_new_company
from kpidesk.gui.widgets.workers import Worker, start
from kpidesk.reports.problem_text import error_text, problem_text
from kpidesk.services import locations
from kpidesk.services.company import CompanyService
from kpidesk.services.company_files import restore_database
from kpidesk.services.errors import UserError
from kpidesk.services.live import CompanyAddress
from kpidesk.services.locations import Location, ServerAddress, is_server

COMPANY_FILTER = "kpidesk (*.kpidesk *.sqlite *.db)"
WORKBOOK_FILTER = "Excel (*.xlsx)"


class FileActions:
    """Builds the File menu on ``window`` and carries out its actions.

    ``refresh_status`` is the window's ``refresh_status`` (the status bar after a backup);
    it is passed in so that this module does not import the main window (which imports
    it). ``menu``: the File menu to fill (the window's frame makes it before a company is
    open, so that it stays first in the menu bar); ``None``: a new one."""

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        refresh_status: Callable[[], None],
        menu: QMenu | None = None,
    ) -> None:
        self.window = window
        self.context = context
        self.refresh_status = refresh_status
        self._workers: list[Worker] = []
        if menu is None:
            menu = window.menuBar().addMenu(self.tr("&File"))
        menu.setToolTipsVisible(True)  # a disabled action says why
        self.menu = menu
        self.new_action = self._add(
            self.tr("New company…"), self.new_company, QKeySequence.StandardKey.New
        )
        self.open_action = self._add(
            self.tr("Open…"), self.open_company, QKeySequence.StandardKey.Open
        )
        self.connect_action = self._add(self.tr("Connect to a company server…"), self.connect)
        self.recent_menu = menu.addMenu(self.tr("Recent companies"))
        self.login_action = self._add(self.tr("Log in as another user…"), self.log_in_again)
        menu.addSeparator()
        self.import_action = self._add(self.tr("Import workbook…"), self.import_workbook, "Ctrl+I")
        self.adopt_action = self._add(
            self.tr("Import from your own workbook…"), self.adopt_workbook
        )
        self.export_action = self._add(self.tr("Export…"), self.export_workbook, "Ctrl+E")
        menu.addSeparator()
        self.backup_action = self._add(self.tr("Backup now"), self.backup_now, "Ctrl+B")
        self.restore_action = self._add(self.tr("Restore…"), self.restore)
        menu.addSeparator()
        self.settings_action = self._add(self.tr("Settings…"), self.settings)
        menu.addSeparator()
        self.quit_action = self._add(self.tr("Quit"), window.close, QKeySequence.StandardKey.Quit)
        self.refresh_recent()
        self.follow_rights()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context (it is not a QObject)."""
        return QCoreApplication.translate("FileActions", text)

    def _add(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _error(self, title: str, error: UserError) -> None:
        details = "\n".join(problem_text(problem) for problem in error.problems[:30])
        text = error_text(error).splitlines()[0] if error.problems else error_text(error)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.window)
        if details:
            box.setDetailedText(details)
        box.open()

    def follow_rights(self) -> None:
        """Offer only what the logged-in user's role may do with the whole company."""
        service = self.context.service
        actor = service.actor
        for action, right in (
            (self.import_action, Right.IMPORT),
            (self.adopt_action, Right.IMPORT),
            (self.export_action, Right.EXPORT),
            (self.backup_action, Right.BACKUP),
            (self.restore_action, Right.IMPORT),
        ):
            action.setEnabled(actor.scope(right) is Scope.ALL)
        self.login_action.setEnabled(service.logins_on())
        server = self.context.is_server
        self.backup_action.setText(
            self.tr("Save a copy as a company file…") if server else self.tr("Backup now")
        )
        self.backup_action.setToolTip(
            self.tr("Writes the whole company from the server into a company file")
            if server
            else ""
        )
        if server:
            self.restore_action.setEnabled(False)
        self.restore_action.setToolTip(
            self.tr(
                "A company server keeps its own backups (its administrator restores them); "
                "to put a company file onto a server use 'kpidesk --db URL server upload "
                "FILE' on an empty database."
            )
            if server
            else ""
        )

    # --- companies ------------------------------------------------------------------------
    def refresh_recent(self) -> None:
        """Rebuild the Recent companies submenu (files and servers)."""
        self.recent_menu.clear()
        recent = locations.recent_locations()
        for location in recent:
            text = (
                self.tr("Server %1").replace("%1", str(location))
                if is_server(location)
                else str(location)
            )
            action = self.recent_menu.addAction(text)
            action.setData(str(location))
            action.triggered.connect(lambda _=False, where=location: self.open_path(where))
        self.recent_menu.setEnabled(bool(recent))

    def switch_to(self, service: CompanyService, address: CompanyAddress | None = None) -> None:
        """Make ``service`` the open company (and the first of the recent list)."""
        address = address or CompanyAddress.of(service)
        locations.remember_location(address.shown if address.is_server else address.location)
        self.context.replace_service(service, address)

    def open_path(self, location: Location) -> bool:
        """Open a company file or a company server (asking for a server's password when it
        needs one, and who is working when the company has users), or say why not.
        Returns whether it was opened."""
        try:
            opened = open_location(location, self.window)
        except UserError as error:
            self._error(self.tr("Cannot open the file"), error)
            return False
        return self._switch(opened)

    def _switch(self, opened: Opened | None) -> bool:
        if opened is None:
            return False
        self.switch_to(*opened)
        return True

    def connect(self) -> bool:
        """File → Connect to a company server…: the dialog, then the login. Returns
        whether a server was opened."""
        current = self.context.location if self.context.is_server else None
        return self._switch(connect_server(self.window, current))

    def log_in_again(self) -> bool:
        """Let someone else log in to the open company. Returns whether they did."""
        service = self.context.service
        if not service.logins_on():
            return False
        accepted, moved = login_dialog.log_in(service, self.window, again=True)
        if not accepted:
            return False
        self.context.signed_in(moved)
        return True

    def new_company(self) -> None:
        """Create an empty company: its file, name and pay period (``welcome``)."""
        chosen = ask_new_company(self.window)
        if chosen is None:
            return
        try:
            service = CompanyService.create(
                chosen.path, name=chosen.name, half_months=chosen.half_months
            )
        except UserError as error:
            self._error(self.tr("Cannot create the company"), error)
            return
        self.switch_to(service)

    def open_company(self) -> None:
        """Open another company file."""
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open company"), str(locations.data_dir()), COMPANY_FILTER
        )
        if name:
            self.open_path(Path(name))

    # --- workbooks ------------------------------------------------------------------------
    def import_workbook(self, path: Path | None = None) -> None:
        """Check a workbook off the GUI thread, show its problems or changes, then import."""
        if not isinstance(path, Path):
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import workbook"), "", WORKBOOK_FILTER
            )
            if not name:
                return
            path = Path(name)
        from kpidesk.gui.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, path, self.window)
        dialog.open()
        dialog.start()
        self.last_import_dialog = dialog

    def adopt_workbook(self, path: Path | None = None) -> None:
        """Recognise the owner's own workbook (SPEC §6.1), let the user correct the mapping,
        then import it."""
        if not isinstance(path, Path):
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import from your own workbook"), "", WORKBOOK_FILTER
            )
            if not name:
                return
            path = Path(name)
        from kpidesk.gui.adopt_dialog import AdoptDialog  # loaded when first used

        dialog = AdoptDialog(self.context, path, self.window)
        dialog.open()
        dialog.start()
        self.last_adopt_dialog = dialog

    def export_workbook(self) -> None:
        """Write the whole company to a workbook off the GUI thread."""
        start_at = str(Path.home() / f"{self.file_stem()}.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export workbook"), start_at, WORKBOOK_FILTER
        )
        if not name:
            return
        target = Path(name) if name.endswith(".xlsx") else Path(name + ".xlsx")
        open_company, lang = self.context.worker_opener(), self.context.lang

        def work(progress: object, cancelled: object) -> Path:
            with open_company() as service:
                service.export_workbook(target, lang=lang)
            return target

        worker = Worker(work)
        worker.signals.finished.connect(
            lambda path: self.window.statusBar().showMessage(
                self.tr("Exported to %1").replace("%1", str(path)), 8000
            )
        )
        worker.signals.failed.connect(
            lambda message, problems: self._error(
                self.tr("Export failed"), UserError(message, problems)
            )
        )
        self._workers.append(worker)
        self.window.statusBar().showMessage(self.tr("Exporting…"))
        start(worker)

    def file_stem(self) -> str:
        """A file name for what is written from the open company: the company file's
        name, or a server database's."""
        if self.context.is_server:
            name = ServerAddress.of(self.context.location).database or self.context.service.title
            return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name) or "company"
        return Path(self.context.location).stem

    # --- safety ---------------------------------------------------------------------------
    def backup_now(self) -> None:
        """Copy the database to the backups folder (a company server: into a company file
        the user chooses)."""
        if self.context.is_server:
            self.save_server_copy()
            return
        try:
            path = self.context.service.backup()
        except UserError as error:
            self._error(self.tr("Backup failed"), error)
            return
        self.window.statusBar().showMessage(
            self.tr("Backup saved: %1").replace("%1", str(path)), 8000
        )
        self.refresh_status()

    def save_server_copy(self) -> Path | None:
        """Write the whole company from the server into a company file the user chooses
        (a portable backup that opens as a file and that ``server upload`` takes)."""
        start_at = str(locations.data_dir() / f"{self.file_stem()}{locations.DATABASE_SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save a copy as a company file"), start_at, COMPANY_FILTER
        )
        if not name:
            return None
        target = Path(name) if Path(name).suffix else Path(name).with_suffix(".kpidesk")
        # the file dialog asked before replacing a file: the copy is written beside it
        # first (the backup never overwrites), then put in its place
        fresh = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.new")
        try:
            self.context.service.backup(fresh)
            fresh.replace(target)
        except UserError as error:
            self._error(self.tr("Backup failed"), error)
            return None
        except OSError as error:
            fresh.unlink(missing_ok=True)
            self._error(
                self.tr("Backup failed"),
                UserError.of("backup_failed", f"backup failed: {error}", file=target),
            )
            return None
        self.window.statusBar().showMessage(
            self.tr("Copy saved: %1").replace("%1", str(target)), 8000
        )
        return target

    def restore(self) -> None:
        """Replace the company with a backup the user picks, after a confirmation."""
        if self.context.is_server:
            return  # disabled: see the module docstring
        path = self.context.database_path
        folder = self.context.service.last_backup()
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(folder.parent if folder else path.parent),
            COMPANY_FILTER,
        )
        if not name:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the company in %1 with the backup %2? "
                "The current state is backed up first."
            )
            .replace("%1", path.name)
            .replace("%2", Path(name).name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.context.service.actor
        self.context.service.close()
        restored = True
        try:
            restore_database(path, Path(name))
        except UserError as error:
            self._error(self.tr("Restore failed"), error)
            restored = False
        service = CompanyService.open(path)
        if not restored and actor.role is not None:
            service.sign_in(actor)  # the file is unchanged: who was working still is
        elif not login_dialog.ask_login(service, self.window):
            # the restored company has other users, and nobody logged in to it
            service.close()
            self.window.close()
            return
        self.switch_to(service)

    def settings(self) -> None:
        """The settings dialog: language and where company files live."""
        from kpidesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self.window)
        dialog.open()
        self.last_settings_dialog = dialog

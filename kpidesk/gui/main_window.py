"""The main window (SPEC §4): left navigation of the sections, a toolbar with the period
selector and the store filter, an Edit menu whose undo/redo follow the visible section, and
a status bar with who is logged in, the company file or company server, the last backup and
the period's problem count. Over the sections, a banner says when the company server cannot
be reached; ``gui.live`` polls for other windows' and PCs' changes and reconnects. The
navigation and the store filter show only what the logged-in user's role allows
(``gui.rights``): a store manager's filter is fixed to their store, an employee has none.
The File menu lives in ``file_actions``.

Built in two steps so that a cold start paints before the company is open (SPEC §9, issue
17): the constructor builds the frame — navigation (the section titles, disabled: who may
see which is known only after the login), toolbar, menus, status bar and an empty page —
from Qt alone; :meth:`MainWindow.attach` puts the open company under it (period selector,
store filter, File menu, rights, live updates), and :meth:`MainWindow.show_start` computes
the period's status and shows the first section, the numbers. So this module imports the
services, ``gui.context`` and the section-building modules only inside those methods (or
for types); ``build_main_window`` does all three steps at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kpidesk.gui.icons import app_icon, section_icon
from kpidesk.gui.live import ConnectionBanner
from kpidesk.gui.section import Section

if TYPE_CHECKING:
    from kpidesk.core.periods import Period
    from kpidesk.gui.context import AppContext
    from kpidesk.gui.file_actions import FileActions
    from kpidesk.gui.live import LiveUpdates
    from kpidesk.gui.sections import SectionEntry
    from kpidesk.gui.widgets.period_selector import PeriodSelector
    from kpidesk.services.changes import Change


class MainWindow(QMainWindow):
    """kpidesk's window: navigation + the visible section.

    ``MainWindow(None, entries)`` is the frame alone (see the module docstring);
    ``MainWindow(context, entries)`` the whole window at once."""

    context: AppContext  # from attach() on
    file_actions: FileActions
    live: LiveUpdates
    period_selector: PeriodSelector

    def __init__(
        self, context: AppContext | None, entries: Sequence[SectionEntry], *, start: bool = True
    ) -> None:
        super().__init__()
        self.entries = list(entries)
        self.shown: list[SectionEntry] = []  # the entries the navigation offers now
        self.sections: list[Section] = []  # built so far, in the order they were built
        self.attached = False  # whether a company is under the frame
        self.undo_group = QUndoGroup(self)
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.setWindowTitle("kpidesk")
        self.resize(1280, 800)
        self._build_central()
        self._build_toolbar()
        # the File menu's first place; ``FileActions`` fills it (same context, same text)
        self.file_menu = self.menuBar().addMenu(QCoreApplication.translate("FileActions", "&File"))
        self._build_edit_and_help_menus()
        self._build_status_bar()
        self._frame_navigation()
        if context is not None:
            self.attach(context, start=start)

    def attach(self, context: AppContext, *, start: bool = True) -> None:
        """Put the open company under the frame: toolbar, File menu, title, who is logged
        in, the navigation by their rights, live updates. ``start``: also
        :meth:`show_start` at once (else the caller does, on a later event-loop turn)."""
        from kpidesk.gui.file_actions import FileActions
        from kpidesk.gui.live import LiveUpdates
        from kpidesk.gui.widgets.period_selector import PeriodSelector

        self.context = context
        self.banner = ConnectionBanner(self.centralWidget())  # (hidden until it is needed)
        self._central_layout.insertWidget(0, self.banner)
        self.navigation.setEnabled(True)
        self.period_selector = PeriodSelector(context.period, context.lang, self.toolbar)
        self.period_selector.periodChanged.connect(self._period_chosen)
        self.toolbar.insertWidget(self._after_period, self.period_selector)
        self._fill_store_filter()
        self.store_filter.currentIndexChanged.connect(self._store_chosen)
        self.file_actions = FileActions(self, context, self.refresh_status, self.file_menu)
        context.changed.connect(self._on_changed)
        context.periodChanged.connect(self._on_period_changed)
        context.companyOpened.connect(self._on_company_opened)
        self._refresh_title()
        self._refresh_company_labels()
        self._fill_navigation(select=False)
        self.live = LiveUpdates(context, self.banner, self)
        self.live.start()
        self.attached = True
        if start:
            self.show_start()

    def show_start(self, key: str | None = None) -> None:
        """The numbers: the period's status in the status bar, then the section the window
        starts on — ``key`` (the one shown last) when the role may see it, else the role's
        start section."""
        self._refresh_period_status()
        if key and key in self.section_keys() and self.show_section(key):
            return
        if self.current_section() is None:
            self._select_start()

    # --- layout ---------------------------------------------------------------------------
    def _build_central(self) -> None:
        # (the frame does without ``Qt``'s enums: importing that namespace from QtCore costs
        # PySide 15–30 ms, which the first paint need not wait for — the sections import it;
        # ``QSplitter(self)`` would too, to rule out its (orientation, parent) overload)
        splitter = QSplitter(parent=self)  # horizontal
        self.navigation = QListWidget(splitter)
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(240)
        self.navigation.setMinimumWidth(170)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setSpacing(2)
        self.stack = QStackedWidget(splitter)
        self.placeholder = QLabel(self.tr("Opening the company…"), self.stack)
        self.placeholder.setObjectName("opening_placeholder")
        self.placeholder.setStyleSheet("color: #777; qproperty-alignment: AlignCenter;")
        self.stack.addWidget(self.placeholder)  # until the first section is shown
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        # the navigation as narrow as its titles allow: the wide tables need the room
        splitter.setSizes([180, 1100])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._central_layout = layout  # attach() puts the connection banner on top
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._show_section)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Period"), self)
        toolbar.setObjectName("period_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        toolbar.addWidget(QLabel(self.tr("Period:") + " ", toolbar))
        spacer = QWidget(toolbar)  # attach() puts the period selector before it
        spacer.setFixedWidth(24)
        self._after_period = toolbar.addWidget(spacer)
        self.store_label = QLabel(self.tr("Store:") + " ", toolbar)
        self.store_label_action = toolbar.addWidget(self.store_label)
        self.store_filter = QComboBox(toolbar)
        self.store_filter.setObjectName("store_filter")
        self.store_filter.setMinimumWidth(200)
        self.store_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.store_filter.setEnabled(False)  # until a company is open
        self.store_filter_action = toolbar.addWidget(self.store_filter)

    def _build_edit_and_help_menus(self) -> None:
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        # every binding of the platform (Redo: Ctrl+Shift+Z and Ctrl+Y); ``setShortcut`` of a
        # standard key would also import ``Qt``'s namespace, see _build_central
        undo = self.undo_group.createUndoAction(self, self.tr("Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About kpidesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(bar)
        self.user_label.setObjectName("user_label")
        bar.addPermanentWidget(self.user_label)
        self.database_label = QLabel(bar)
        self.backup_label = QLabel(bar)
        self.problems_label = QLabel(bar)
        self.problems_label.setObjectName("problems_label")
        for label in (self.database_label, self.backup_label, self.problems_label):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            bar.addPermanentWidget(label)

    # --- sections -------------------------------------------------------------------------
    @staticmethod
    def _undo_stack_of(section: Section) -> QUndoStack | None:
        stack = getattr(section, "undo_stack", None)
        return stack if isinstance(stack, QUndoStack) else None

    def _frame_navigation(self) -> None:
        """The frame's navigation: every title, disabled, until someone is logged in (the
        same list as a company without users or an owner sees, so nothing moves then)."""
        for entry in self.entries:
            QListWidgetItem(section_icon(entry.icon), entry.title(), self.navigation)
        self.navigation.setEnabled(False)  # (attach() enables it)

    def _fill_navigation(self, *, select: bool = True) -> None:
        """Offer the sections the logged-in user's role allows, staying on the current one
        when it is still allowed (``select``: else the start section; ``False``: none yet)."""
        from PySide6.QtCore import Qt

        from kpidesk.gui.rights import shows_section

        actor = self.context.service.actor
        row = self.navigation.currentRow()
        current = self.shown[row].key if 0 <= row < len(self.shown) else None
        self.shown = [entry for entry in self.entries if shows_section(actor, entry.key)]
        self.navigation.blockSignals(True)
        self.navigation.clear()
        for entry in self.shown:
            item = QListWidgetItem(section_icon(entry.icon), entry.title(), self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
        self.navigation.blockSignals(False)
        if current in self.section_keys():
            self.navigation.setCurrentRow(self.section_keys().index(current))
        elif select:
            self._select_start()

    def _select_start(self) -> None:
        """Show the logged-in role's start section (else the navigation's first)."""
        from kpidesk.gui.rights import start_section

        keys = self.section_keys()
        wanted = start_section(self.context.service.actor)
        if keys:
            self.navigation.setCurrentRow(keys.index(wanted) if wanted in keys else 0)

    def section_keys(self) -> list[str]:
        """The keys of the sections the navigation offers, in its order."""
        return [entry.key for entry in self.shown]

    def section(self, key: str) -> Section | None:
        """The section with this key, built on first use; ``None`` if the window has none
        or the logged-in user's role may not see it."""
        if key not in self.section_keys():
            return None
        built = next((s for s in self.sections if s.key == key), None)
        if built is not None:
            return built
        entry = next((e for e in self.entries if e.key == key), None)
        if entry is None:
            return None
        section = entry.load()(self.context)
        self.sections.append(section)
        self.stack.addWidget(section)
        stack = self._undo_stack_of(section)
        if stack is not None:
            self.undo_group.addStack(stack)
        return section

    def current_section(self) -> Section | None:
        """The section shown now."""
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Section) else None

    def may_leave(self) -> bool:
        """Whether the shown section lets the user go elsewhere (it asks about typing that
        is not saved: Save / Don't save / Cancel)."""
        section = self.current_section()
        return section is None or section.may_leave()

    def _show_section(self, row: int) -> None:
        if row < 0 or row >= len(self.shown):
            return
        current = self.current_section()
        if current is not None and current.key != self.shown[row].key and not self.may_leave():
            # Cancel: stay on the section, with what is typed
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(self.section_keys().index(current.key))
            self.navigation.blockSignals(False)
            return
        section = self.section(self.shown[row].key)
        if section is None:
            return
        self.stack.setCurrentWidget(section)
        stack = self._undo_stack_of(section)
        self.undo_group.setActiveStack(stack)  # type: ignore[arg-type]  # None clears it
        section.activated()

    def show_section(self, key: str, **target: object) -> bool:
        """Switch to a section (and, with ``target``, to one item in it)."""
        for row, entry in enumerate(self.shown):
            if entry.key == key:
                self.navigation.setCurrentRow(row)
                section = self.section(key)
                if section is None or self.current_section() is not section:
                    return False  # (the section shown kept the user: unsaved typing)
                return section.open_item(**target) if target else True
        return False

    # --- reacting -------------------------------------------------------------------------
    def _fill_store_filter(self) -> None:
        from kpidesk.gui.rights import chooses_store, fixed_store

        actor = self.context.service.actor
        fixed = fixed_store(actor)
        self.store_filter.blockSignals(True)
        self.store_filter.clear()
        if fixed is None:
            self.store_filter.addItem(self.tr("All stores"), None)
        for store in self.context.service.company().stores:
            if not store.archived and (fixed is None or store.name == fixed):
                self.store_filter.addItem(store.name, store.name)
        index = self.store_filter.findData(self.context.store)
        self.store_filter.setCurrentIndex(max(index, 0))
        self.store_filter.setEnabled(fixed is None)
        self.store_filter.setToolTip(
            self.tr("A store manager sees their own store only.") if fixed is not None else ""
        )
        self.store_filter.blockSignals(False)
        shown = chooses_store(actor)
        self.store_label_action.setVisible(shown)
        self.store_filter_action.setVisible(shown)

    def _store_chosen(self, index: int) -> None:
        if not self.may_leave():
            self.store_filter.blockSignals(True)
            kept = self.store_filter.findData(self.context.store)
            self.store_filter.setCurrentIndex(max(kept, 0))
            self.store_filter.blockSignals(False)
            return
        self.context.set_store(self.store_filter.itemData(index))

    def _period_chosen(self, period: Period) -> None:
        if period != self.context.period and not self.may_leave():
            self.period_selector.set_period(self.context.period)  # Cancel: the period stays
            return
        self.context.set_period(period)

    def _on_changed(self, change: Change) -> None:
        from kpidesk.services.changes import ChangeKind

        if change.kind in (ChangeKind.COMPANY, ChangeKind.DIRECTORY):
            self._fill_store_filter()
            self._refresh_title()
        self.refresh_status()

    def _on_period_changed(self, period: Period) -> None:
        self.period_selector.set_period(period)
        self.refresh_status()

    def _on_company_opened(self) -> None:
        self.period_selector.set_period(self.context.period)
        self._fill_store_filter()
        self._refresh_title()
        self.refresh_status()
        self.file_actions.refresh_recent()
        self.file_actions.follow_rights()
        self._fill_navigation()

    def _refresh_title(self) -> None:
        self.setWindowTitle(f"{self.context.service.title} — kpidesk")

    def refresh_status(self) -> None:
        """Show the database, the last backup and the period's problems in the status bar."""
        self._refresh_company_labels()
        self._refresh_period_status()

    def _refresh_company_labels(self) -> None:
        from kpidesk.gui.rights import who_text
        from kpidesk.services.locations import ServerAddress

        who = who_text(self.context.service.actor)
        self.user_label.setText(who)
        self.user_label.setVisible(bool(who))
        location = self.context.location
        if self.context.is_server:
            server = ServerAddress.of(location)
            where = f"{server.host}:{server.port}/{server.database}"
            self.database_label.setText(self.tr("Company server: %1").replace("%1", where))
            self.database_label.setToolTip(location)
        else:
            path = Path(location)
            self.database_label.setText(self.tr("Database: %1").replace("%1", path.name))
            self.database_label.setToolTip(str(path))
        # a company server's backups are its administrator's (File → Save a copy)
        self.backup_label.setVisible(not self.context.is_server)
        backup = None if self.context.is_server else self.context.service.last_backup()
        if backup is None:
            self.backup_label.setText(self.tr("No backup yet"))
        else:
            self.backup_label.setText(self.tr("Last backup: %1").replace("%1", backup.name))
            self.backup_label.setToolTip(str(backup))

    def _refresh_period_status(self) -> None:
        from kpidesk.reports.period_words import period_in_words

        status = self.context.service.period_status(self.context.period, self.context.today)
        count = status.problem_count
        text = self.tr("Problems in %1: %2").replace("%1", period_in_words(status.period))
        self.problems_label.setText(text.replace("%2", str(count)))
        self.problems_label.setStyleSheet("color: #b00020;" if count else "color: #1b5e20;")
        self.problems_label.setToolTip(status.describe())
        if status.locked:
            self.problems_label.setText(self.problems_label.text() + self.tr(" (period locked)"))

    def _about(self) -> None:
        from kpidesk import __version__

        QMessageBox.about(
            self,
            self.tr("About kpidesk"),
            self.tr(
                "kpidesk %1 — offline KPI matrices, daily store data and bonus sheets."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:  # the frame alone: nothing to save, nothing polling
            super().closeEvent(event)
            return
        if not self.may_leave() or not all(
            section.may_leave() for section in self.sections if section.has_unsaved()
        ):
            event.ignore()  # Cancel (or a refused save): the window stays open
            return
        self.live.stop()
        for section in self.sections:
            section.close()
        super().closeEvent(event)

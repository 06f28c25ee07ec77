"""The daily entry section (SPEC §4.3): one store, one day, typed from the keyboard alone.

Enter moves to the next field, Ctrl+S saves and moves on to the next day. While typing, the
day's conversion, average check, UPT and revenue per visitor (``core.store_metrics``) and
the month's plan progress update live; refusals (red, Save disabled) and warnings (amber)
appear beside their field before anything is saved. An existing day shows what is saved and
its audit trail. The "Sellers" tab splits the day by seller (``seller_entry``); the live
figures and plan beside the form are ``daily_figures``, what is saved and the day's trail
``daily_record``, the number fields themselves ``form_fields``. The form takes typing only
for a store whose daily data the logged-in user may change (SPEC §8.1: the owner, a store
manager for their store); others read it.

What is typed and not saved yet stays when another PC changes the company (the day is
reloaded around it), and when the company server cannot be reached: the save is refused,
the form keeps the day marked unsaved, and saves it by itself once the server is back
(SPEC §3.2). Leaving a day with typing not saved — another day, store, period or section,
or closing the window — asks "Save / Don't save / Cancel" first (``leaving``). A day after
today is refused with its date; the calendar marks the days without data
(``calendar_marks``). A refused value never feeds the figures or the plan bar.

Must not: compute a figure or check a value itself (``services.daily_entry`` does), or
write anything other than through the service.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem
from kpidesk.gui.context import AppContext
from kpidesk.gui.daily.calendar_marks import mark_days, shown_month
from kpidesk.gui.daily.figures import DayFigures
from kpidesk.gui.daily.form_fields import field_grid, focus_next, read_numbers
from kpidesk.gui.daily.form_messages import has_error, problem_lines, refusal_html
from kpidesk.gui.daily.leaving import DayGuard
from kpidesk.gui.daily.record import DayRecord
from kpidesk.gui.daily.seller_entry import SellerPanel
from kpidesk.gui.rights import may_enter_daily
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.daily_entry_text import (
    ERROR_COLOR,
    OK_COLOR,
)
from kpidesk.gui.widgets.numbers import edit_text
from kpidesk.gui.widgets.period_lock import LockedNote
from kpidesk.gui.widgets.rights_note import ReadOnlyNote
from kpidesk.gui.widgets.store_chooser import StoreChooser
from kpidesk.services import daily_entry
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError
from kpidesk.services.live import is_connection_lost
from kpidesk.services.periods import lock_for_day

FIELDS = daily_entry.FIELDS


class DailyEntrySection(Section):
    """One store's day: the form, live figures, plan progress, the day's trail, sellers."""

    key = "daily"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.saved: DailyEntry | None = None
        self.check: daily_entry.DayCheck | None = None
        self._usual_key: tuple[str, date] | None = None
        self._usual: DailyEntry | None = None
        self._loading = False
        self._refilling = False
        self.pending: tuple[str, date] | None = None  # a save refused for a lost server
        self.guard = DayGuard(self)
        self._build()
        context.changed.connect(self._on_changed)
        context.periodChanged.connect(self._on_period)
        context.connectionChanged.connect(self.guard.on_connection)
        self.stores.refill()

    def title(self) -> str:
        return self.tr("Daily entry")

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.stores = StoreChooser(self.context, "daily_store", self)
        top.addWidget(self.stores)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Day:"), self))
        self.previous_day = QToolButton(self)
        self.previous_day.setText("◀")
        self.previous_day.setToolTip(self.tr("Previous day"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("daily_date")
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setCalendarPopup(True)
        self.next_day = QToolButton(self)
        self.next_day.setText("▶")
        self.next_day.setToolTip(self.tr("Next day"))
        for widget in (self.previous_day, self.date_edit, self.next_day):
            top.addWidget(widget)
        self.day_state = QLabel(self)
        self.day_state.setObjectName("daily_state")
        top.addSpacing(12)
        top.addWidget(self.day_state)
        top.addStretch(1)
        layout.addLayout(top)
        self.locked_note = LockedNote(self)
        layout.addWidget(self.locked_note)
        self.read_only_note = ReadOnlyNote(self)
        layout.addWidget(self.read_only_note)
        self.tabs = QTabWidget(self)
        self.form = QWidget(self.tabs)
        self.form.setObjectName("daily_form")
        self.tabs.addTab(self.form, self.tr("Store's day"))
        self.sellers = SellerPanel(self.context, self.tabs)
        self.tabs.addTab(self.sellers, self.tr("Sellers"))
        layout.addWidget(self.tabs, 1)
        self._build_form()
        self.stores.storeChosen.connect(lambda _store: self.guard.store_chosen())
        self.stores.storesRefilled.connect(self._go_to_default_day)
        self.date_edit.dateChanged.connect(lambda _date: self.guard.day_chosen())
        self.date_edit.calendarWidget().currentPageChanged.connect(
            lambda _year, _month: self._mark_calendar()
        )
        self.previous_day.clicked.connect(lambda: self.set_day(self.day - timedelta(days=1)))
        self.next_day.clicked.connect(lambda: self.set_day(self.day + timedelta(days=1)))

    def _build_form(self) -> None:
        outer = QHBoxLayout(self.form)
        left = QVBoxLayout()
        labels = {
            "revenue": self.tr("Revenue, ₽"),
            "receipts": self.tr("Receipts"),
            "visitors": self.tr("Visitors"),
            "units": self.tr("Units sold"),
            "returns": self.tr("Returns, ₽ (optional)"),
        }
        grid, self.fields, self.field_messages = field_grid(self.form, FIELDS, labels)
        for name, edit in self.fields.items():
            edit.textChanged.connect(lambda _text: self.recheck())
            edit.returnPressed.connect(lambda name=name: self._next_field(name))
            edit.installEventFilter(self)
        left.addLayout(grid)
        self.general_message = QLabel(self.form)
        self.general_message.setObjectName("daily_message")
        self.general_message.setWordWrap(True)
        self.general_message.setTextFormat(Qt.TextFormat.RichText)
        left.addWidget(self.general_message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self.form)
        self.save_button.setObjectName("daily_save")
        self.save_button.setAutoDefault(True)
        self.delete_button = QPushButton(self.tr("Delete day…"), self.form)
        self.delete_button.setObjectName("daily_delete")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        for button in (self.save_button, self.delete_button):
            button.installEventFilter(self)
        self.record = DayRecord(self.context.lang, self.form)
        left.addWidget(self.record, 1)
        # the record's widgets read most often, at hand on the section
        self.saved_label = self.record.saved_label
        self.trail_model = self.record.trail_model
        outer.addLayout(left, 3)
        self.figures = DayFigures(self.context.lang, self.form)
        outer.addWidget(self.figures, 2)
        # the panel's widgets read most often, at hand on the section
        self.figure_labels = self.figures.figure_labels
        self.plan_bar = self.figures.plan_bar

    # --- keyboard -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Save):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the form's own Ctrl+S wins over any window shortcut
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.save()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+S from anywhere in the form (the fields and buttons filter it first)
        if event.matches(QKeySequence.StandardKey.Save) and self.tabs.currentWidget() is self.form:
            self.save()
            return
        super().keyPressEvent(event)

    def _next_field(self, name: str) -> None:
        focus_next(self.fields, FIELDS, name, self.save_button)

    # --- state --------------------------------------------------------------------------
    @property
    def store(self) -> str | None:
        """The chosen store."""
        return self.stores.store

    @property
    def may_change(self) -> bool:
        """Whether the logged-in user may change the chosen store's daily data."""
        return may_enter_daily(self.context.service.actor, self.store)

    @property
    def day(self) -> date:
        """The chosen day."""
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def set_day(self, day: date) -> None:
        """Show another day."""
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def _go_to_default_day(self) -> None:
        if self._refilling:
            return  # the list of stores filled again around the chosen day: it stays
        store = self.store
        if store is None:
            self.load_day()
            return
        day = daily_entry.default_day(
            self.context.service, store, self.context.period, self.context.today
        )
        self.date_edit.blockSignals(True)
        self.set_day(day)
        self.date_edit.blockSignals(False)
        self.load_day()

    def typed_values(self) -> tuple[dict[str, Decimal | None], list[Problem]]:
        """The numbers in the fields (``None`` = empty) and a problem per unreadable one."""
        return read_numbers(
            self.fields, lambda text: self.tr("Not a number: %1").replace("%1", text)
        )

    # --- loading a day --------------------------------------------------------------------
    def load_day(self) -> None:
        """Show the chosen store's chosen day: saved values, trail, lock, sellers."""
        store, day = self.store, self.day
        service = self.context.service
        self.guard.shown = (store, day)
        self._loading = True
        self.saved = daily_entry.saved_day(service, store, day) if store else None
        values = daily_entry.entry_values(self.saved) if self.saved is not None else {}
        for name, edit in self.fields.items():
            edit.setText(edit_text(values.get(name), self.context.lang))
        self._loading = False
        lock = lock_for_day(service, day)
        may_change = self.may_change
        later = day > self.context.today  # a day that has not come yet: refused
        self.next_day.setEnabled(day < self.context.today)
        for edit in self.fields.values():
            edit.setReadOnly(lock is not None or store is None or not may_change or later)
        self.locked_note.show_lock(lock)
        self.read_only_note.show_note(
            None
            if may_change or store is None
            else self.tr(
                "Read only: your role may look at the daily data of %1, not change it."
            ).replace("%1", store)
        )
        self.save_button.setVisible(may_change or store is None)
        self.delete_button.setVisible(may_change or store is None)
        self.delete_button.setEnabled(self.saved is not None and lock is None and may_change)
        if self.saved is not None:
            self.day_state.setText(self.tr("saved day"))
            self.day_state.setStyleSheet(f"color: {OK_COLOR};")
        elif later:
            self.day_state.setText(self.tr("after today"))
            self.day_state.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            missing = day < self.context.today
            self.day_state.setText(self.tr("no data yet") if missing else self.tr("new day"))
            self.day_state.setStyleSheet(f"color: {ERROR_COLOR if missing else '#666'};")
        self.record.show_day(
            self.saved, daily_entry.day_audit(service, store, day) if store else []
        )
        shown = (self.sellers.store, self.sellers.day) == (store, day)
        if not (self._refilling and shown and self.sellers.model.dirty):
            self.sellers.set_day(store, day)  # (a reload around typed sales keeps them)
        self.tabs.setTabEnabled(1, self.sellers.has_sellers)
        self._mark_calendar()
        self.recheck()

    def _mark_calendar(self) -> None:
        """Mark the days without data (and the days after today) on the calendar's page."""
        calendar, store = self.date_edit.calendarWidget(), self.store
        month, today = shown_month(calendar), self.context.today
        if store is None:
            mark_days(calendar, month, (), today)
            return
        service = self.context.service
        nothing: list[date] = []
        missing = self.context.offline_safe(
            lambda: daily_entry.missing_days(service, store, month, today), nothing
        )
        mark_days(calendar, month, missing, today)

    def _usual_for(self, store: str, day: date) -> DailyEntry | None:
        if self._usual_key != (store, day):
            service = self.context.service
            usual = self.context.offline_safe(
                lambda: daily_entry.usual_day(service, store, day), self._usual
            )
            if not self.context.online:
                return usual  # looked up again once the server is back
            self._usual = usual
            self._usual_key = (store, day)
        return self._usual

    # --- checking -----------------------------------------------------------------------
    def recheck(self) -> daily_entry.DayCheck | None:
        """Check the typed values; show figures, problems and plan progress; enable Save."""
        if self._loading:
            return self.check
        store, day = self.store, self.day
        if store is None:
            self.save_button.setEnabled(False)
            return None
        values, unreadable = self.typed_values()
        usual = self._usual_for(store, day)
        checked = daily_entry.check_values(store, day, values, usual, today=self.context.today)
        problems = unreadable + checked.problems
        self.check = daily_entry.DayCheck(
            checked.entry if not unreadable else None, problems, usual, checked.metrics
        )
        self._show_problems(problems)
        self.figures.show_figures(checked, values)
        service = self.context.service
        counted = checked.counted_revenue  # a refused day's revenue is not counted
        self.context.offline_safe(lambda: self._show_plan(store, day, counted), None)
        # while the server cannot be reached the lock is not known: the save will tell
        locked = self.context.offline_safe(lambda: lock_for_day(service, day), None) is not None
        unchanged = self.saved is not None and checked.entry == self.saved
        self.save_button.setEnabled(
            self.check.can_save and not locked and not unchanged and self.may_change
        )
        return self.check

    def _show_plan(self, store: str, day: date, typed_revenue: Decimal | None) -> None:
        progress = daily_entry.plan_progress(self.context.service, store, day)
        revenue = progress.revenue
        if typed_revenue is not None:
            revenue += typed_revenue - (self.saved.revenue if self.saved is not None else 0)
        self.figures.show_plan(progress, revenue, day)

    def _show_problems(self, problems: list[Problem]) -> None:
        per_field, general = problem_lines(problems, FIELDS, self.context.lang)
        for name, lines in per_field.items():
            self.field_messages[name].setText("<br>".join(lines))
            self.fields[name].setStyleSheet(
                f"QLineEdit {{ border: 1px solid {ERROR_COLOR}; }}" if has_error(lines) else ""
            )
        self.general_message.setText("<br>".join(general))

    # --- saving -------------------------------------------------------------------------
    def write_day(self) -> bool:
        """Save the shown day as typed (and stay on it). Returns whether it saved."""
        checked = self.recheck()
        if checked is None or checked.entry is None or not self.save_button.isEnabled():
            return False
        try:
            service, entry, today = self.context.service, checked.entry, self.context.today
            self.context.run(
                lambda: daily_entry.save_day(service, entry, today=today), initiator=self
            )
        except UserError as error:
            if is_connection_lost(error):
                self.guard.keep_unsaved(entry.store, entry.day)
            else:
                self._show_refusal(error)
            return False
        self.pending = None
        self.saved = entry  # what the fields hold is saved now: nothing left to ask about
        return True

    def save(self) -> bool:
        """Save the day (Ctrl+S) and move on to the next day. Returns whether it saved."""
        if not self.write_day():
            return False
        saved_day = self.day
        following = saved_day + timedelta(days=1)
        if following <= self.context.today:
            self.set_day(following)
        else:
            self.load_day()
        self.general_message.setText(
            f'<span style="color:{OK_COLOR}">✔ '
            + self.tr("Saved %1.").replace("%1", f"{saved_day:%d.%m.%Y}")
            + "</span>"
        )
        first = self.fields[FIELDS[0]]
        first.setFocus()
        first.selectAll()
        return True

    def delete(self) -> bool:
        """Delete the saved day after asking. Returns whether it was deleted."""
        store = self.store
        if store is None or self.saved is None or not self.delete_button.isEnabled():
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete day"),
            self.tr("Delete the data of %1 for %2?")
            .replace("%1", f"{self.day:%d.%m.%Y}")
            .replace("%2", store),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            service, day = self.context.service, self.day
            self.context.run(lambda: daily_entry.delete_day(service, store, day), initiator=self)
        except UserError as error:
            self._show_refusal(error)
            return False
        self.load_day()
        return True

    def _show_refusal(self, error: UserError) -> None:
        self.general_message.setText(refusal_html(error, self.context.lang))

    # --- what is not saved (asked before leaving: ``leaving``) -------------------------
    def has_unsaved(self) -> bool:
        return self.guard.has_unsaved()

    def unsaved_text(self) -> str:
        return self.guard.unsaved_text()

    def save_unsaved(self) -> bool:
        return self.guard.save_unsaved()

    def discard_unsaved(self) -> None:
        self.guard.discard_unsaved()

    # --- reacting -----------------------------------------------------------------------
    def is_dirty(self) -> bool:
        """Whether the fields hold something other than the shown day's saved values."""
        values, _ = self.typed_values()
        saved = daily_entry.entry_values(self.saved) if self.saved is not None else {}
        return any(values.get(name) != saved.get(name) for name in FIELDS)

    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.COMPANY, ChangeKind.DIRECTORY):
            self.guard.refill_keeping_day()
            return
        day = Period.day(self.day)
        if change.kind in (ChangeKind.DAILY, ChangeKind.PLAN, ChangeKind.LOCK) and change.touches(
            day, self.store
        ):
            if not self.is_dirty() or change.kind is ChangeKind.LOCK:
                self.load_day()
            else:
                self.recheck()

    def _on_period(self, period: Period) -> None:
        if not period.contains(self.day):
            self._go_to_default_day()

    def open_item(self, **target: object) -> bool:
        """Show ``store=…`` and ``day=…``."""
        store = target.get("store")
        if isinstance(store, str) and not self.stores.choose(store):
            return False
        day = target.get("day")
        if isinstance(day, date):
            self.set_day(day)
        self.fields[FIELDS[0]].setFocus()
        return True

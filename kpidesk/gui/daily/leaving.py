"""What the daily entry form does with typing not saved yet (SPEC §4.3, §3.2): before
another day or store is shown — and, through ``Section.may_leave``, before the window
switches section, period or store or closes — it asks "Save / Don't save / Cancel" (Cancel
puts the day or store back, with the typing); a save refused because the company server
cannot be reached keeps the day marked unsaved and saves it once the server is back.

``DayGuard`` works for ``DailyEntrySection`` (kept apart only for the section's size): it
uses the section's fields, date edit, store chooser, seller panel and its ``write_day``;
the section's ``has_unsaved`` / ``save_unsaved`` / ``discard_unsaved`` hand over to it.

Must not: write anything but through the section's save (the service's operations).
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit

from kpidesk.gui.daily.seller_entry import SellerPanel
from kpidesk.gui.widgets.daily_entry_text import ERROR_COLOR
from kpidesk.gui.widgets.store_chooser import StoreChooser


class DailyForm(Protocol):
    """What the guard uses of ``DailyEntrySection`` (named here: the section imports the
    guard, so the guard may not import the section)."""

    date_edit: QDateEdit
    stores: StoreChooser
    sellers: SellerPanel
    fields: dict[str, QLineEdit]
    day_state: QLabel
    general_message: QLabel
    pending: tuple[str, date] | None
    _refilling: bool
    _loading: bool
    _usual_key: tuple[str, date] | None

    @property
    def day(self) -> date: ...
    @property
    def store(self) -> str | None: ...
    @property
    def may_change(self) -> bool: ...
    def is_dirty(self) -> bool: ...
    def write_day(self) -> bool: ...
    def save(self) -> bool: ...
    def load_day(self) -> None: ...
    def recheck(self) -> object: ...
    def may_leave(self) -> bool: ...
    def _go_to_default_day(self) -> None: ...


class DayGuard:
    """The leave guard of one daily form."""

    def __init__(self, section: DailyForm) -> None:
        self.section = section
        # the store and day the fields were last filled for (``load_day`` sets it)
        self.shown: tuple[str | None, date] | None = None

    def put_date(self, day: date) -> None:
        self.section.date_edit.blockSignals(True)
        self.section.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.section.date_edit.blockSignals(False)

    def put_store(self, store: str | None) -> None:
        combo = self.section.stores.combo
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(store), 0))
        combo.blockSignals(False)

    def has_unsaved(self) -> bool:
        """Whether the shown day holds typing (the store's or the sellers') not saved."""
        if self.shown is None or self.shown[0] is None or not self.section.may_change:
            return False
        return self.section.is_dirty() or self.section.sellers.model.dirty

    def unsaved_text(self) -> str:
        store, day = self.shown or (None, self.section.day)
        return (
            QCoreApplication.translate(
                "DailyEntrySection", "The data of %1 for %2 is not saved. Save it?"
            )
            .replace("%1", f"{day:%d.%m.%Y}")
            .replace("%2", store or "")
        )

    def save_unsaved(self) -> bool:
        """Save the shown day (and its sellers' rows); ``False`` when refused (the form
        says why and keeps the typing)."""
        if self.section.is_dirty() and not self.section.write_day():
            return False
        return not self.section.sellers.model.dirty or self.section.sellers.save()

    def discard_unsaved(self) -> None:
        self.section.pending = None
        self.section.load_day()

    def day_chosen(self) -> None:
        """Another day in the date edit: ask about typing first; Cancel puts it back."""
        wanted, shown = self.section.day, self.shown
        if shown is not None and shown[1] != wanted and self.has_unsaved():
            self.put_date(shown[1])
            if not self.section.may_leave():
                return
            self.put_date(wanted)
        self.section.load_day()

    def store_chosen(self) -> None:
        """Another store in the chooser: ask about typing first; Cancel puts it back."""
        wanted, shown = self.section.store, self.shown
        if shown is not None and shown[0] != wanted and self.has_unsaved():
            self.put_store(shown[0])
            if not self.section.may_leave():
                return
            self.put_store(wanted)
        self.section.load_day()

    # --- a lost company server (SPEC §3.2) ---------------------------------------------
    def keep_unsaved(self, store: str, day: date) -> None:
        """The server cannot be reached: the typed day stays, marked unsaved, and is saved
        when the connection is back."""
        self.section.pending = (store, day)
        self.section.day_state.setText(QCoreApplication.translate("DailyEntrySection", "not saved"))
        self.section.day_state.setStyleSheet(f"color: {ERROR_COLOR};")
        text = QCoreApplication.translate(
            "DailyEntrySection",
            "Not saved: no connection to the company server. What you typed stays here "
            "and is saved as soon as the connection is back.",
        )
        self.section.general_message.setText(f'<span style="color:{ERROR_COLOR}">⟳ {text}</span>')

    def on_connection(self, online: bool) -> None:
        if not online or self.section.pending is None:
            return
        section = self.section
        if section.pending == (section.store, section.day) and section.is_dirty():
            section.save()  # what was kept, now that the server is back
        else:
            section.pending = None

    # --- the stores listed again ----------------------------------------------------------
    def refill_keeping_day(self) -> None:
        """The stores may have changed (here or on another PC): list them again and stay
        on the chosen store's day, keeping what is typed and not saved."""
        section = self.section
        store = section.store
        typed = {name: edit.text() for name, edit in section.fields.items()}
        dirty = store is not None and section.is_dirty()
        section._refilling = True
        try:
            section.stores.refill()
        finally:
            section._refilling = False
        section._usual_key = None
        if store is None or section.store != store:
            section._go_to_default_day()
            return
        section._refilling = True
        try:
            section.load_day()
        finally:
            section._refilling = False
        if dirty:
            section._loading = True
            for name, edit in section.fields.items():
                edit.setText(typed[name])
            section._loading = False
            section.recheck()
            if section.pending is not None:
                self.keep_unsaved(*section.pending)

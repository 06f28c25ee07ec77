"""``Section``: the base of every page in the main window's left navigation. A section gets
the shared ``AppContext`` in its constructor, shows a translated title, and keeps itself up
to date from the context's signals by one rule (after Anki's ``browser/table/table.py``): a
change that concerns a shown section redraws it at once; a hidden section only marks itself
stale and redraws when it is shown again.

A section that holds typing not saved yet (a day typed in the form, facts kept for a lost
server, a half-typed day in the month grid) says so through :meth:`Section.has_unsaved`;
the window calls :meth:`Section.may_leave` before it switches section, period or store and
before it closes, which asks "Save / Don't save / Cancel" (Cancel keeps the user where they
were, with the typing).

Must not: clear a service's cache (the operations runner does), or publish changes (only
``AppContext.run`` announces them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:  # (types only: the window's frame imports this before any company)
    from kpidesk.core.periods import Period
    from kpidesk.gui.context import AppContext
    from kpidesk.services.changes import Change

Button = QMessageBox.StandardButton


def ask_unsaved(parent: QWidget, text: str) -> QMessageBox.StandardButton:
    """Ask whether to save what is typed: Save, Discard (don't save) or Cancel (stay)."""
    return QMessageBox.question(
        parent,
        QCoreApplication.translate("Section", "Unsaved changes"),
        text,
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    )


class Section(QWidget):
    """A page of the main window.

    Subclasses set ``key`` (a stable id used for navigation and drill-down), implement
    :meth:`title` and :meth:`refresh` (redraw everything from the services), and may
    override :meth:`concerns` (which changes redraw it) and the hooks
    :meth:`period_changed`, :meth:`store_changed`, :meth:`company_opened` (bring their own
    controls in line before the redraw). The section connects ``context.changed``,
    ``periodChanged``, ``storeChanged`` and ``companyOpened`` itself; a subclass that
    reacts to a change in its own way (an editor keeping unsaved input) connects them too.
    """

    key = "section"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = True  # what it shows may be out of date: redraw when shown
        self.setObjectName(f"section_{self.key}")
        context.changed.connect(self._on_changed)
        context.periodChanged.connect(self._on_period)
        context.storeChanged.connect(self._on_store)
        context.companyOpened.connect(self._on_company)

    def title(self) -> str:
        """The section's title (translated); the navigation shows the title of its
        ``SectionEntry``, subclasses return the same text."""
        return self.windowTitle() or self.key

    # --- what a subclass implements -------------------------------------------------------
    def refresh(self) -> None:
        """Redraw everything from the services (the base shows nothing to redraw)."""

    def concerns(self, change: Change) -> bool:
        """Whether ``change`` can alter what the section shows (default: every change)."""
        return True

    def period_changed(self, period: Period) -> bool:
        """The window's period moved: bring the section's own controls in line and return
        whether what it shows depends on the period (default: yes)."""
        return True

    def store_changed(self, store: str | None) -> bool:
        """The store filter changed: bring the section's own controls in line and return
        whether what it shows depends on the filter (default: yes)."""
        return True

    def company_opened(self) -> None:
        """Another company file is open: drop what belongs to the old one (the section is
        redrawn afterwards)."""

    # --- what is typed and not saved (asked before leaving) ----------------------------
    def has_unsaved(self) -> bool:
        """Whether the section holds typing that is not saved (default: never)."""
        return False

    def unsaved_text(self) -> str:
        """The question asked before leaving unsaved typing (names what is unsaved)."""
        return QCoreApplication.translate("Section", "There are unsaved changes. Save them?")

    def save_unsaved(self) -> bool:
        """Save what is typed; returns whether it was saved (``False``: refused, the
        section shows why and keeps the typing)."""
        return True

    def discard_unsaved(self) -> None:
        """Drop what is typed and show what is saved."""

    def may_leave(self) -> bool:
        """Whether the user may leave what the section shows now (another day, period,
        store, section, or the window closing): asks first when something is unsaved.
        Save saves (and stays when the save is refused), Don't save drops the typing,
        Cancel stays."""
        if not self.has_unsaved():
            return True
        answer = ask_unsaved(self, self.unsaved_text())
        if answer == Button.Save:
            return self.save_unsaved()
        if answer == Button.Discard:
            self.discard_unsaved()
            return True
        return False

    # --- the one stale rule ---------------------------------------------------------------
    def mark_stale(self) -> None:
        """What the section shows is out of date: redraw now if it is shown, else when it
        is shown next."""
        self.stale = True
        if self.isVisible():
            self.refresh_now()

    def refresh_now(self) -> None:
        """Redraw at once, shown or not."""
        self.stale = False
        self.refresh()

    def activated(self) -> None:
        """Called when the section becomes the current page; redraw if it is stale."""
        if self.stale:
            self.refresh_now()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh_now()

    def _on_changed(self, change: Change) -> None:
        if self.concerns(change):
            self.mark_stale()

    def _on_period(self, period: Period) -> None:
        if self.period_changed(period):
            self.mark_stale()

    def _on_store(self, store: object) -> None:
        if self.store_changed(store if isinstance(store, str) else None):
            self.mark_stale()

    def _on_company(self) -> None:
        self.company_opened()
        self.mark_stale()

    def open_item(self, **target: object) -> bool:
        """Show one item (drill-down from another section), e.g. ``employee="…"``.
        Returns whether the section could show it."""
        return False

"""``Section``: the base of every page in the main window's left navigation. A section gets
the shared ``AppContext`` in its constructor, shows a translated title, and refreshes itself
from the context's signals."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kpidesk.gui.context import AppContext


class Section(QWidget):
    """A page of the main window.

    Subclasses set ``key`` (a stable id used for navigation and drill-down) and implement
    :meth:`title`; they connect to ``context.changed``/``periodChanged``/``storeChanged``
    and reload only what a change concerns.
    """

    key = "section"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"section_{self.key}")

    def title(self) -> str:
        """The section's title (translated); the navigation shows the title of its
        ``SectionEntry``, subclasses return the same text."""
        return self.windowTitle() or self.key

    def activated(self) -> None:
        """Called when the section becomes visible; refresh if something was deferred."""

    def open_item(self, **target: object) -> bool:
        """Show one item (drill-down from another section), e.g. ``employee="…"``.
        Returns whether the section could show it."""
        return False

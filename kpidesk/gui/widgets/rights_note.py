"""``ReadOnlyNote``: the line an input screen shows while the logged-in user's role may look
at its data but not change it (SPEC §8.1: the accountant, a viewer, a store manager on
another store's people) — so that a grid that does not take typing says why.

Must not: decide a right (``gui.rights`` and ``core.rights`` do).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class ReadOnlyNote(QLabel):
    """ "Read only: …" — hidden while the user may change what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_note")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #e8eaf6; color: #283593; border: 1px solid #9fa8da;"
            " border-radius: 3px; padding: 4px 8px; }"
        )
        self.hide()

    def show_note(self, text: str | None) -> None:
        """Show ``text`` (``None`` or "" hides the note)."""
        if not text:
            self.hide()
            return
        self.setText(text)
        self.show()

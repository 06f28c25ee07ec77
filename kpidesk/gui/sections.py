"""The sections of the main window (SPEC §4). Each entry is a ``Section`` subclass
constructed with the shared ``AppContext``; the navigation shows them in ``ORDER``."""

from __future__ import annotations

from kpidesk.gui.section import Section

# Navigation order by Section.key; a section whose key is not listed goes last.
ORDER = (
    "dashboard",
    "matrix",
    "daily",
    "month_grid",
    "facts",
    "tasks",
    "ratings",
    "charts",
    "bonus",
    "directories",
    "audit",
)


def section_classes() -> list[type[Section]]:
    """Every section the window shows, in navigation order."""
    sections: list[type[Section]] = []
    # Each section module adds one import and one line here.

    def position(section: type[Section]) -> int:
        return ORDER.index(section.key) if section.key in ORDER else len(ORDER)

    return sorted(sections, key=position)

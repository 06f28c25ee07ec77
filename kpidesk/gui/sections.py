"""The sections of the main window (SPEC §4), in navigation order. Each entry names the
module and ``Section`` class that builds it; the window imports and constructs a section
only when it is first shown (or drilled into), so that start-up stays light (SPEC §9)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kpidesk.gui.section import Section


@dataclass(frozen=True)
class SectionEntry:
    """One page of the left navigation."""

    key: str
    module: str
    class_name: str
    title_source: str  # English; translated in the "Sections" context
    icon: str = ""  # resources/icons/sections/<icon>.svg; "" for none

    def title(self) -> str:
        """The navigation title in the interface language."""
        return QCoreApplication.translate("Sections", self.title_source)

    def load(self) -> type[Section]:
        """Import the section's class."""
        section_class = getattr(importlib.import_module(self.module), self.class_name)
        if not (isinstance(section_class, type) and issubclass(section_class, Section)):
            raise TypeError(f"{self.module}.{self.class_name} is not a Section")
        return section_class


def _title(source: object) -> str:
    # QT_TRANSLATE_NOOP only marks the text for lupdate and returns it unchanged
    return str(source)


SECTIONS: tuple[SectionEntry, ...] = (
    SectionEntry(
        "dashboard",
        "kpidesk.gui.analytics.dashboard",
        "DashboardSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Dashboard")),
        "dashboard",
    ),
    SectionEntry(
        "matrix",
        "kpidesk.gui.matrix.section",
        "MatrixSection",
        _title(QT_TRANSLATE_NOOP("Sections", "KPI matrix")),
        "matrix",
    ),
    SectionEntry(
        "daily",
        "kpidesk.gui.daily.entry",
        "DailyEntrySection",
        _title(QT_TRANSLATE_NOOP("Sections", "Daily entry")),
        "daily",
    ),
    SectionEntry(
        "month_grid",
        "kpidesk.gui.daily.month_grid",
        "MonthGridSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Month grid")),
        "month_grid",
    ),
    SectionEntry(
        "facts",
        "kpidesk.gui.facts.section",
        "FactsSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Facts")),
        "facts",
    ),
    SectionEntry(
        "plans",
        "kpidesk.gui.plans.section",
        "PlansSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Plans")),
        "plans",
    ),
    SectionEntry(
        "tasks",
        "kpidesk.gui.tasks.section",
        "TasksSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Tasks")),
        "tasks",
    ),
    SectionEntry(
        "ratings",
        "kpidesk.gui.analytics.ratings",
        "RatingsSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Ratings")),
        "ratings",
    ),
    SectionEntry(
        "charts",
        "kpidesk.gui.analytics.charts",
        "ChartsSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Charts")),
        "charts",
    ),
    SectionEntry(
        "bonus",
        "kpidesk.gui.bonus.section",
        "BonusSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Bonus sheets")),
        "bonus",
    ),
    SectionEntry(
        "directories",
        "kpidesk.gui.directories.section",
        "DirectoriesSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Directories")),
        "directories",
    ),
    SectionEntry(
        "users",
        "kpidesk.gui.users.section",
        "UsersSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Users")),
        "users",
    ),
    SectionEntry(
        "audit",
        "kpidesk.gui.audit.section",
        "AuditSection",
        _title(QT_TRANSLATE_NOOP("Sections", "Audit log")),
        "audit",
    ),
)


def section_classes() -> list[type[Section]]:
    """Every section class, in navigation order (imports them all; for tests and tools)."""
    return [entry.load() for entry in SECTIONS]

"""The window's settings in ``QSettings`` (an INI file, ``kpidesk.ini`` in the settings
folder — under ``KPIDESK_HOME`` when that is set, so tests never touch the user's): the
interface language, the folder for new company files, and the window's geometry, toolbar
state, navigation width and the section shown last, restored at the next start.

The first time, the language and folder saved by older versions in ``state.json`` are
moved here (once: a marker key records it). The command line starts without Qt and reads
the language and the folder from ``services.locations``' state file, so a change made here
is written there too — this file is the window's record, the state file the command
line's copy. The recent companies stay in the state file alone: the command line opens
the last one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from kpidesk.services import locations

FILE_NAME = "kpidesk.ini"
LANGUAGE = "settings/language"
DATA_DIR = "settings/data_dir"
GEOMETRY = "window/geometry"
STATE = "window/state"
SPLITTER = "window/navigation_splitter"
SECTION = "window/section"
MIGRATED = "migration/state_json"


def settings_file() -> Path:
    """Where the window's settings are kept."""
    return locations.config_dir() / FILE_NAME


class AppSettings:
    """The window's settings; cheap to create, each one reads the same file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_file()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._migrate_state_json()

    def _migrate_state_json(self) -> None:
        """Move the settings of ``state.json`` here, once."""
        if self.qsettings.value(MIGRATED, False, type=bool):
            return
        for key, name in ((LANGUAGE, "language"), (DATA_DIR, "data_dir")):
            old = locations.get_setting(name)
            if isinstance(old, str) and old and not self.qsettings.contains(key):
                self.qsettings.setValue(key, old)
        self.qsettings.setValue(MIGRATED, True)
        self.qsettings.sync()

    def _text(self, key: str) -> str:
        value = self.qsettings.value(key, "")
        return value if isinstance(value, str) else ""

    # --- the settings dialog's values -----------------------------------------------------
    def language(self) -> str | None:
        """The saved interface language, or ``None``."""
        return self._text(LANGUAGE) or None

    def set_language(self, lang: str) -> None:
        """Save the interface language (and the command line's copy)."""
        self.qsettings.setValue(LANGUAGE, lang)
        self.qsettings.sync()
        locations.set_setting("language", lang)

    def data_dir(self) -> Path | None:
        """The chosen folder for new company files, or ``None`` for the default."""
        text = self._text(DATA_DIR)
        return Path(text) if text else None

    def set_data_dir(self, folder: Path | None) -> None:
        """Save the folder for new company files (``None``: the default one)."""
        if folder is None:
            self.qsettings.remove(DATA_DIR)
        else:
            self.qsettings.setValue(DATA_DIR, str(folder))
        self.qsettings.sync()
        locations.set_setting("data_dir", str(folder) if folder else None)

    # --- the window -----------------------------------------------------------------------
    def save_window(self, window: QMainWindow, section: str | None = None) -> None:
        """Remember the window's size, position, toolbars, navigation width and section."""
        self.qsettings.setValue(GEOMETRY, window.saveGeometry())
        self.qsettings.setValue(STATE, window.saveState())
        splitter = window.findChild(QSplitter)
        if splitter is not None:
            self.qsettings.setValue(SPLITTER, splitter.saveState())
        if section:
            self.qsettings.setValue(SECTION, section)
        self.qsettings.sync()

    def restore_window(self, window: QMainWindow) -> str | None:
        """Put the window back as it was saved; returns the section shown last (``None``
        when nothing was saved). A damaged value is ignored."""
        geometry = self.qsettings.value(GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        state = self.qsettings.value(STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        splitter_state = self.qsettings.value(SPLITTER)
        splitter = window.findChild(QSplitter)
        if splitter is not None and isinstance(splitter_state, QByteArray):
            splitter.restoreState(splitter_state)
        return self._text(SECTION) or None

"""Where kpidesk keeps its files: the default company database, backups and the small
state file that remembers the last database opened.

Folders come from ``platformdirs``; the environment variable ``KPIDESK_HOME`` moves all of
them under one folder (tests and portable installs use it, so no test touches the user's
real folders).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

APP_NAME = "kpidesk"
DATABASE_SUFFIX = ".kpidesk"


def data_dir() -> Path:
    """The folder for company databases: the one chosen in the settings, else the user data
    folder (under ``KPIDESK_HOME`` when that is set)."""
    chosen = get_setting("data_dir")
    if isinstance(chosen, str) and chosen:
        return Path(chosen)
    home = os.environ.get("KPIDESK_HOME")
    if home:
        return Path(home) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder for settings and state."""
    home = os.environ.get("KPIDESK_HOME")
    if home:
        return Path(home) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    """The company database used when none was chosen yet."""
    return data_dir() / f"company{DATABASE_SUFFIX}"


def demo_database() -> Path:
    """Where ``kpidesk demo`` puts the demo company by default."""
    return data_dir() / f"demo{DATABASE_SUFFIX}"


def _state_file() -> Path:
    return config_dir() / "state.json"


def _read_state() -> dict[str, object]:
    try:
        state = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _write_state(state: dict[str, object]) -> None:
    path = _state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # remembering the last file is a convenience; never fail a user action on it


def recent_databases() -> list[Path]:
    """Databases opened before, the most recent first (only those that still exist)."""
    recent = _read_state().get("recent", [])
    if not isinstance(recent, list):
        return []
    return [Path(str(item)) for item in recent if Path(str(item)).exists()]


def last_database() -> Path | None:
    """The database opened last, if it still exists."""
    recent = recent_databases()
    return recent[0] if recent else None


def remember_database(path: Path) -> None:
    """Put ``path`` at the top of the recent list (at most ten kept)."""
    state = _read_state()
    resolved = str(path.resolve())
    recent = [resolved] + [str(p) for p in recent_databases() if str(p) != resolved]
    state["recent"] = recent[:10]
    _write_state(state)


SERVER_PREFIXES = ("postgresql://", "postgres://")
Location = Path | str  # a company file, or a company server's libpq URL


def location_of(text: str) -> Location:
    """``--db``'s text as a company file or a server URL (kept as text: a path would fold
    its ``//``)."""
    return text if text.startswith(SERVER_PREFIXES) else Path(text)


def database_for_command(explicit: Location | None) -> Location:
    """The company a command works on: ``--db``, else the last one opened, else the
    default company file."""
    if explicit is not None:
        return explicit
    return last_database() or default_database()


def get_setting(key: str) -> object:
    """A saved setting (``language``, ``data_dir``, …) or ``None``."""
    settings = _read_state().get("settings")
    return settings.get(key) if isinstance(settings, dict) else None


def set_setting(key: str, value: object) -> None:
    """Save a setting (``None`` removes it)."""
    state = _read_state()
    settings = state.get("settings")
    if not isinstance(settings, dict):
        settings = {}
    if value is None:
        settings.pop(key, None)
    else:
        settings[key] = value
    state["settings"] = settings
    _write_state(state)

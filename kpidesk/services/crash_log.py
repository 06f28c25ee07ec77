"""Unexpected errors (bugs, not user errors) are written with their traceback to a log file
in the settings folder, and the user sees one line naming that file — never a traceback
(SPEC §8). Used by the CLI's main and the GUI's exception hook."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from kpidesk.services import locations


def log_file() -> Path:
    """Where unexpected errors are recorded."""
    return locations.config_dir() / "kpidesk-errors.log"


def record(error: BaseException) -> Path | None:
    """Append ``error`` with its traceback to the log; the log's path, or ``None`` when the
    log cannot be written."""
    path = log_file()
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S}\n{text}\n")
    except OSError:
        return None
    return path


def summary(error: BaseException, path: Path | None) -> str:
    """The one line a user sees."""
    where = f"; details in {path}" if path is not None else ""
    return f"unexpected error ({type(error).__name__}: {error}){where}"

"""kpidesk's log: the standard ``logging`` module writing to a rotating file in the user's
log folder (``kpidesk.log``, 1 MB, three old files kept), and what happens to an unexpected
error (a bug, not a user error): its traceback goes to the log and the user sees one
translated line naming the file, never a traceback (SPEC §8). The CLI's main and the GUI's
exception hook call :func:`record`; the crash dialog asks :func:`support_details` for what
a user pastes to support (the version, the OS, Python, Qt and the log's last lines).

The folder comes from ``platformdirs`` (``KPIDESK_HOME/log`` when that is set, so no test
writes to the user's real folder). The handler follows a change of that folder between
calls, since tests move it.

Must not: import Qt (the caller passes Qt's version in), or fail a user action because the
log cannot be written.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
from collections import deque
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from kpidesk import __version__
from kpidesk.services.locations import APP_NAME

LOGGER_NAME = "kpidesk"
LOG_NAME = "kpidesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LAST_LINES = 40

logger = logging.getLogger(LOGGER_NAME)


class _KpideskFileHandler(RotatingFileHandler):
    """The rotating handler this module installs (told apart from anyone else's)."""


def log_dir() -> Path:
    """The user's log folder for kpidesk."""
    home = os.environ.get("KPIDESK_HOME")
    if home:
        return Path(home) / "log"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The current log file."""
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the ``kpidesk`` logger to the rotating log file (once; again when the folder
    moved). Returns the file, or ``None`` when it cannot be written."""
    path = log_file()
    for handler in list(logger.handlers):
        if isinstance(handler, _KpideskFileHandler):
            if Path(handler.baseFilename) == path.absolute():
                return path
            logger.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _KpideskFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > level:
        logger.setLevel(level)
    return path


def record(error: BaseException) -> Path | None:
    """Log ``error`` with its traceback; the log's path, or ``None`` when the log cannot
    be written."""
    path = setup_logging()
    logger.error(
        "unexpected error: %s: %s",
        type(error).__name__,
        error,
        exc_info=(type(error), error, error.__traceback__),
    )
    for handler in logger.handlers:
        handler.flush()
    return path if path is not None and path.exists() else None


def last_lines(count: int = LAST_LINES) -> list[str]:
    """The log's last ``count`` lines (none when there is no log yet)."""
    try:
        with log_file().open(encoding="utf-8", errors="replace") as stream:
            return [line.rstrip("\n") for line in deque(stream, maxlen=count)]
    except OSError:
        return []


def support_details(
    error: BaseException | None = None, *, qt_version: str = "", lines: int = LAST_LINES
) -> str:
    """What a user copies for support: kpidesk's version, the OS, Python, Qt, the error
    and the log's last lines (plain text, English: it is read by the developers)."""
    head = [
        f"kpidesk {__version__}",
        f"OS: {platform.platform()}",
        f"Python: {platform.python_version()} ({sys.executable})",
        f"Qt: {qt_version or 'unknown'}",
        f"Frozen: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Log: {log_file()}",
    ]
    if error is not None:
        head.append(f"Error: {type(error).__name__}: {error}")
    tail = last_lines(lines)
    return "\n".join([*head, "", f"--- last {len(tail)} log line(s)", *tail])

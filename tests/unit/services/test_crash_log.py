"""kpidesk's log (issue 16): ``logging`` into a rotating file in the user's log folder;
an unexpected error's traceback goes there; the support details carry the version, the
OS, Qt and the last lines."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kpidesk import __version__
from kpidesk.services import crash_log


def test_an_error_is_logged_with_its_traceback_in_the_log_folder(kpidesk_home: Path) -> None:
    try:
        {}["missing"]
    except KeyError as error:
        path = crash_log.record(error)
    assert path == kpidesk_home / "log" / "kpidesk.log"
    text = path.read_text(encoding="utf-8")
    assert "ERROR kpidesk: unexpected error: KeyError" in text
    assert "Traceback (most recent call last)" in text
    assert crash_log.last_lines(3)[-1].startswith("KeyError")


def test_the_log_rotates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crash_log, "MAX_BYTES", 2_000)
    path = crash_log.setup_logging()
    assert path is not None
    for number in range(200):
        crash_log.logger.info("line %d %s", number, "x" * 40)
    assert path.stat().st_size <= 2_000
    rotated = sorted(path.parent.glob("kpidesk.log.*"))
    assert [p.name for p in rotated] == [f"kpidesk.log.{n}" for n in (1, 2, 3)]
    assert "line 199" in path.read_text(encoding="utf-8")


def test_the_handler_follows_the_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = crash_log.setup_logging()
    monkeypatch.setenv("KPIDESK_HOME", str(tmp_path / "other"))
    second = crash_log.setup_logging()
    assert first != second
    handlers = [h for h in crash_log.logger.handlers if isinstance(h, logging.FileHandler)]
    assert [Path(h.baseFilename) for h in handlers] == [second]


def test_support_details() -> None:
    crash_log.setup_logging()
    crash_log.logger.warning("the last thing that happened")
    text = crash_log.support_details(RuntimeError("boom"), qt_version="6.11.3")
    assert text.splitlines()[0] == f"kpidesk {__version__}"
    assert "Qt: 6.11.3" in text and "OS: " in text and "Error: RuntimeError: boom" in text
    assert text.splitlines()[-1].endswith("the last thing that happened")


def test_no_log_yet_gives_no_lines() -> None:
    assert crash_log.last_lines() == []

"""``kpidesk selfcheck`` (issue 16): the window offscreen on a temporary demo company, every
section of the registry built and shown, a bonus sheet to PDF and a chart to PNG; exit 0,
or 1 naming what failed. Run once as a user runs it (a process of its own, Russian) and in
process with a broken section added to the registry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kpidesk.gui.sections import SECTIONS, SectionEntry

ROOT = Path(__file__).resolve().parents[2]


def test_selfcheck_passes_in_its_own_process_and_speaks_russian(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "KPIDESK_HOME": str(tmp_path / "home")}
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses offscreen itself
    env.pop("DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "kpidesk", "--lang", "ru", "selfcheck", "--keep", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "самопроверка пройдена" in out
    assert "ОШИБКА" not in out + done.stderr
    assert "Traceback" not in done.stderr
    # every registered section was visited, by its Russian title
    from kpidesk.reports.translations import install_translators, remove_translators

    translators = install_translators(qapp, "ru")
    try:
        for entry in SECTIONS:
            assert f"раздел «{entry.title()}»" in out
    finally:
        remove_translators(qapp, translators)
    pdf = (tmp_path / "bonus-sheet.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    png = (tmp_path / "chart.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    assert not (tmp_path / "home" / "data").exists()  # no company of the user's made


@pytest.fixture
def broken_registry(monkeypatch: pytest.MonkeyPatch) -> SectionEntry:
    """The registry with a section whose module does not exist."""
    import kpidesk.app

    broken = SectionEntry("broken", "kpidesk.gui.no_such_section", "NoSection", "Broken")
    monkeypatch.setattr(kpidesk.app, "SECTIONS", (*SECTIONS, broken))
    return broken


def test_a_section_that_cannot_be_built_fails_the_check(
    qapp, broken_registry: SectionEntry, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.cli import main
    from kpidesk.services import crash_log

    code = main(["--lang", "en", "selfcheck"])
    captured = capsys.readouterr()
    assert code == 1
    assert "FAILED  section «Broken»" in captured.err
    assert "ModuleNotFoundError" in captured.err
    assert "selfcheck failed: section «Broken»" in captured.err
    # the others still passed, and the traceback went to the log
    assert captured.out.count("    ok  section «") == len(SECTIONS)
    assert "kpidesk.gui.no_such_section" in crash_log.log_file().read_text(encoding="utf-8")


def test_an_error_raised_in_a_slot_is_the_step_s_failure(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 hands a slot's exception to sys.excepthook, not to the caller: the step
    still fails."""
    from PySide6.QtCore import QTimer

    from kpidesk.gui.selfcheck import SECTION, run_step

    def work() -> str:
        QTimer.singleShot(0, lambda: 1 / 0)
        return ""

    step = run_step(SECTION, "x", work)
    assert not step.ok and step.detail.startswith("ZeroDivisionError")
    assert run_step(SECTION, "y", lambda: "").ok

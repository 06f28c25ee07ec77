"""Running the ``kpidesk`` command in a subprocess, in a temporary home."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def kpidesk(kpidesk_home: Path, request: pytest.FixtureRequest) -> Run:
    """``kpidesk(*args)`` runs ``python -m kpidesk`` and returns the finished process.

    A test module that reads the English messages says so with ``CLI_LANG = "en"``: its
    runs get ``--lang en`` first; otherwise the command speaks its default (Russian).
    """
    lang = getattr(request.module, "CLI_LANG", None)
    chosen = ("--lang", lang) if lang else ()

    def run(*args: str, check_code: int | None = None) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, KPIDESK_HOME=str(kpidesk_home), QT_QPA_PLATFORM="offscreen")
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        done = subprocess.run(
            [sys.executable, "-m", "kpidesk", *chosen, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=180,
        )
        if check_code is not None:
            assert done.returncode == check_code, (done.stdout, done.stderr)
        return done

    return run

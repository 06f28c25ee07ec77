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


def _run(home: Path, command: list[str]) -> subprocess.CompletedProcess[str]:
    """``command`` (a Python interpreter's) with this checkout first on the path, in the
    test's home, offscreen."""
    env = dict(os.environ, KPIDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)


@pytest.fixture
def kpidesk(kpidesk_home: Path, request: pytest.FixtureRequest) -> Run:
    """``kpidesk(*args)`` runs ``python -m kpidesk`` and returns the finished process.

    A test module that reads the English messages says so with ``CLI_LANG = "en"``: its
    runs get ``--lang en`` first; otherwise the command speaks its default (Russian).
    """
    lang = getattr(request.module, "CLI_LANG", None)
    chosen = ("--lang", lang) if lang else ()

    def run(*args: str, check_code: int | None = None) -> subprocess.CompletedProcess[str]:
        done = _run(kpidesk_home, [sys.executable, "-m", "kpidesk", *chosen, *args])
        if check_code is not None:
            assert done.returncode == check_code, (done.stdout, done.stderr)
        return done

    return run


@pytest.fixture
def python_code(kpidesk_home: Path) -> Run:
    """``python_code(code, *args)`` runs ``python -c code *args`` as :func:`kpidesk` runs
    the command (a script around ``cli.main``, to see what the command loaded)."""

    def run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
        return _run(kpidesk_home, [sys.executable, "-c", code, *args])

    return run

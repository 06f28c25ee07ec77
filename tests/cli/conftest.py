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
def kpidesk(kpidesk_home: Path) -> Run:
    """``kpidesk(*args)`` runs ``python -m kpidesk`` and returns the finished process."""

    def run(*args: str, check_code: int | None = None) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, KPIDESK_HOME=str(kpidesk_home), QT_QPA_PLATFORM="offscreen")
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        done = subprocess.run(
            [sys.executable, "-m", "kpidesk", *args],
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

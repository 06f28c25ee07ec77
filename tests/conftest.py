"""Test-wide settings: Qt offscreen, every kpidesk folder in a temporary home."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def kpidesk_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No test touches the user's real folders: KPIDESK_HOME points at a fresh temp dir."""
    home = tmp_path_factory.mktemp("home")
    previous = os.environ.get("KPIDESK_HOME")
    os.environ["KPIDESK_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("KPIDESK_HOME", None)
    else:
        os.environ["KPIDESK_HOME"] = previous


# the two engines (tests/engines.py): ``engine``, ``company_location``, ``pg_database``
from tests.engines import company_location, engine, pg_database  # noqa: E402, F401

"""Reading a period's inputs pauses the cyclic collector only while it reads (SPEC §9):
it leaves the collector as it found it, also when the read fails."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.store.database import Database

OCT = Period.month(2026, 10)


def test_load_period_inputs_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    path = tmp_path / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    with Database.open(path, actor="test", backup_on_open=False) as database:
        content = database.content
        assert gc.isenabled()
        inputs = content.load_period_inputs(OCT)
        assert inputs.daily and gc.isenabled()
        gc.disable()
        try:
            assert content.load_period_inputs(OCT) == inputs
            assert not gc.isenabled()
        finally:
            gc.enable()

        def fail(period: Period) -> None:
            raise RuntimeError("read failed")

        content._facts.fact_values = fail  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            content.load_period_inputs(OCT)
        assert gc.isenabled()

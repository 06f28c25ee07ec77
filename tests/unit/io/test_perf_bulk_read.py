"""The bulk path of the daily and facts sheets (``io.bulk``) reads exactly what the careful
row-by-row path reads: the same items in the same order, the same origins, the same
located problems — for good rows, rows the careful path must convert (text numbers, a
datetime, whole numbers as text), blank rows, bad cells, and runs longer than a chunk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kpidesk.io import reader
from kpidesk.io.reader import ReadResult, read_workbook

BookMaker = Callable[..., Path]
DAILY = ["Дата", "Магазин", "Выручка", "Чеки", "Посетители", "Единицы", "Возвраты"]
FACTS = ["Период", "Сотрудник", "Показатель", "Факт"]


def _daily_rows() -> list[list[Any]]:
    first = date(2026, 1, 1)
    rows: list[list[Any]] = [
        [first + timedelta(days=k % 300), f"S{k % 7}", 1000.5 + k, 20, 80, 30, ""]
        for k in range(2300)  # more than two chunks of good rows
    ]
    rows[5] = [datetime(2026, 2, 3, 0, 0), "  S1 ", "12 345,50", "20", 80, "", 1.5]
    rows[6] = ["", "", "", "", "", "", ""]  # blank: skipped
    rows[7] = [first, "S2", "много", 20, 80, 30, ""]  # a bad number
    rows[8] = [first, "", 100, 20, 80, 30, ""]  # no store
    rows[1200] = ["03.02.2026", "S3", 5, 2.5, 80, 30, ""]  # not a whole number
    rows[1201] = [first, "S3", float("1e13"), 2, 80, 30, ""]  # too large
    rows[2299] = [first, "S4", 0.0, 0, 0, 0, 0]  # zero, kept
    return [DAILY, *rows]


def _fact_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [
        [f"2026-{1 + k % 12:02d}", f"E{k % 40}", "nps", 40.0 + k % 30] for k in range(1500)
    ]
    rows[3] = [date(2026, 5, 1), " E3 ", " nps ", "75,5"]  # a date period, text number
    rows[4] = ["2026-13", "E4", "nps", 50]  # a bad period
    rows[5] = ["2026-05", "E5", "", 50]  # no indicator
    rows[6] = ["", "", "", ""]
    rows[1499] = ["2026-05-H2", "E9", "nps", 10]
    return [FACTS, *rows]


def _read(path: Path, bulk: bool, monkeypatch: pytest.MonkeyPatch) -> ReadResult:
    with monkeypatch.context() as patch:
        if not bulk:
            patch.setattr(reader, "BULK", {})
        return read_workbook(path)


def test_bulk_reads_exactly_what_the_careful_path_reads(
    book: BookMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = book({"Ежедневно": _daily_rows(), "Факты": _fact_rows()})
    careful = _read(path, False, monkeypatch)
    bulk = _read(path, True, monkeypatch)
    assert bulk.content.daily == careful.content.daily
    assert bulk.content.facts == careful.content.facts
    for kind, count in (("daily", len(careful.content.daily)), ("facts", 1496)):
        assert [bulk.content.origin(kind, i) for i in range(count)] == [
            careful.content.origin(kind, i) for i in range(count)
        ]
    assert bulk.problems == careful.problems
    assert len(careful.content.daily) == 2300 - 5  # blank, bad number, no store, 2 bad
    assert len(careful.content.facts) == 1500 - 3  # blank, bad period, no indicator
    rows = {(p.where.sheet, p.where.row) for p in careful.problems}
    assert rows == {
        ("Ежедневно", 9),
        ("Ежедневно", 10),
        ("Ежедневно", 1202),
        ("Ежедневно", 1203),
        ("Факты", 6),
        ("Факты", 7),
    }
    kept = bulk.content.daily[5]
    assert (kept.store, kept.day, str(kept.revenue), kept.units, str(kept.returns)) == (
        "S1",
        date(2026, 2, 3),
        "12345.50",
        0,
        "1.5",
    )
    assert bulk.content.origin("daily", 2294).row == 2301  # the last row, after the gaps

"""python-calamine parsing the sheets in a thread (``io.sheet_loader``) reads exactly what
parsing each sheet in the reader's own thread read: the same content, origins and located
problems, the same refusals and the same calamine errors; and a sheet is never parsed
before the safety scan has passed all of it."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kpidesk.io import reader, safety, sheet_loader
from kpidesk.io.reader import ReadResult, read_workbook

BookMaker = Callable[..., Path]


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ReadResult, ReadResult]:
    with monkeypatch.context() as patch:
        patch.setattr(reader, "THREADED", False)
        serial = read_workbook(path)
    threaded = read_workbook(path)
    return serial, threaded


def _workbook(book: BookMaker, name: str = "book.xlsx") -> Path:
    first = date(2026, 1, 1)
    daily: list[list[Any]] = [["Дата", "Магазин", "Выручка", "Чеки", "Посетители"]]
    daily += [[first + timedelta(days=k), f"S{k % 3}", 1000.5 + k, 20, 80] for k in range(2500)]
    daily[7] = [first, "S1", "много", 20, 80]  # a located problem
    facts: list[list[Any]] = [["Период", "Сотрудник", "Показатель", "Факт"]]
    facts += [[f"2026-{1 + k % 12:02d}", f"E{k % 40}", "nps", 40.0 + k % 30] for k in range(900)]
    return book(
        {
            "Магазины": [["Название"], ["S0"], ["S1"], ["S2"]],
            "Ежедневно": daily,
            "Заметки": [["anything"], ["at all"]],  # not read, not scanned
            "Факты": facts,
        },
        name=name,
    )


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_threaded_and_serial_reads_are_the_same(
    book: BookMaker, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(sheet_loader, "WORKERS", workers)
    serial, threaded = _both(_workbook(book), monkeypatch)
    assert len(serial.content.daily) == 2499 and len(serial.content.facts) == 900
    assert [p.code for p in serial.problems] == ["bad_value"]
    assert threaded == serial


def test_a_sheet_is_parsed_only_after_the_scan_passed_it(
    book: BookMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan's order of events: the workbook opened after the first pass, each sheet
    parsed after its pass — and no sheet after a refusal."""
    events: list[str] = []
    real_passed = sheet_loader.SheetLoader.passed
    real_extent = safety.sheet_extent

    def passed(self: sheet_loader.SheetLoader, name: str, rows: int) -> None:
        events.append(f"passed {name}")
        real_passed(self, name, rows)

    def extent(archive: zipfile.ZipFile, part: str) -> safety.SheetExtent:
        events.append(f"scan {part}")
        if part.endswith("sheet4.xml"):  # the facts sheet: refused
            raise safety.UnsafeFileError("sheet_too_large", "refused", part)
        return real_extent(archive, part)

    class Workbook:
        def __init__(self, opened: Any) -> None:
            self.opened = opened

        def get_sheet_by_name(self, name: str) -> Any:
            events.append(f"parse {name}")
            return self.opened.get_sheet_by_name(name)

        def close(self) -> None:
            self.opened.close()

    from python_calamine import CalamineWorkbook

    def open_workbook(self: sheet_loader.SheetLoader) -> Any:
        events.append("open")
        return Workbook(CalamineWorkbook.from_path(self._path))

    monkeypatch.setattr(sheet_loader.SheetLoader, "passed", passed)
    monkeypatch.setattr(sheet_loader.SheetLoader, "_open", open_workbook)
    monkeypatch.setattr(safety, "sheet_extent", extent)
    result = read_workbook(_workbook(book))
    assert [p.code for p in result.problems] == ["sheet_too_large"]
    assert result.content.daily == ()
    assert "parse Факты" not in events
    if "open" in events:  # (the refusal may come before the thread has woken)
        assert events.index("open") > events.index("passed Магазины")
    else:
        assert not [event for event in events if event.startswith("parse")]
    for name, part in (("Магазины", "sheet1.xml"), ("Ежедневно", "sheet2.xml")):
        scanned = events.index(f"scan xl/worksheets/{part}")
        if f"parse {name}" in events:
            assert events.index(f"parse {name}") > events.index(f"passed {name}") > scanned


def test_calamine_errors_and_refusals_come_back_the_same(
    book: BookMaker, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    base = _workbook(book)

    def rewrite(target: Path, change: Callable[[str, bytes], bytes]) -> Path:
        with zipfile.ZipFile(base) as src, zipfile.ZipFile(target, "w") as dst:
            for name in src.namelist():
                dst.writestr(name, change(name, src.read(name)))
        return target

    def bad_type(name: str, data: bytes) -> bytes:  # well-formed, but calamine refuses it
        if name == "xl/worksheets/sheet2.xml":
            return data.replace(b'<c r="C3" t="n">', b'<c r="C3" t="zz">', 1).replace(
                b'<c r="C3">', b'<c r="C3" t="zz">', 1
            )
        return data

    def far_cell(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet4.xml":
            return data.replace(b'<c r="A2"', b'<c r="XFD1048576"', 1)
        return data

    def broken_styles(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "xl/styles.xml" else data

    cases = {
        "bad_type": rewrite(tmp_path / "bad_type.xlsx", bad_type),
        "far_cell": rewrite(tmp_path / "far.xlsx", far_cell),
        "styles": rewrite(tmp_path / "styles.xlsx", broken_styles),
    }
    codes = {}
    for name, path in cases.items():
        serial, threaded = _both(path, monkeypatch)
        assert threaded == serial, name
        codes[name] = [p.code for p in serial.problems][:1]
    assert codes == {
        "bad_type": ["unreadable"],
        "far_cell": ["sheet_too_large"],
        "styles": ["damaged"],
    }


def test_cancelling_stops_the_thread(book: BookMaker) -> None:
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return True

    result = read_workbook(_workbook(book), cancelled=cancelled)
    assert result.cancelled and polls
    import threading

    assert not [t for t in threading.enumerate() if t.name == "kpidesk-sheets"]

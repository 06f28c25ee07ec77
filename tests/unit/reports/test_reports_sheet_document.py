"""The filled sheet documents (``reports.sheet_document``) equal the parsed ones: for
every sheet of a batch, in print order (each filled from the previous sheet of its
shape), the document serialises (``toHtml``) exactly as ``setHtml`` of the sheet's HTML
does, and its text is the same; names the HTML parser would change go the ``setHtml``
way, names it keeps (quotes, ampersands, emoji, no-break spaces) are filled; and the PDF
drawn from filled sheets is, page by page, byte for byte the PDF of parsed ones."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.core.results import EmployeeResult
from kpidesk.services.bonus_sheets import BonusBatch, bonus_batch
from kpidesk.services.company import CompanyService

OCT = Period.month(2026, 10)
NOV = Period.month(2026, 11)


@pytest.fixture
def russian(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication

    from kpidesk.reports.translations import install_translators, remove_translators

    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "ru")
    yield
    remove_translators(app, translators)


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kpidesk.services.demo_setup import create_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 11, 22))
    return path


def _batch(database: Path, period: Period) -> BonusBatch:
    with CompanyService.open(database, backup=False) as service:
        return bonus_batch(service, period)


def _renamed(result: EmployeeResult, name: str) -> EmployeeResult:
    return replace(result, employee=replace(result.employee, name=name))


def _compare(batch: BonusBatch, *, appendix: bool) -> tuple[int, int]:
    """Fill every sheet in order and compare it with the parsed sheet; returns the
    sheets filled and parsed by ``SheetDocuments``."""
    from kpidesk.reports.pdf import LAYOUT_WIDTH, _document
    from kpidesk.reports.sheet_document import SheetDocuments

    sheets = SheetDocuments(_renderer(batch, appendix), _document, LAYOUT_WIDTH)
    reference = _document()
    for result in batch.employees:
        filled = sheets.document(result)
        reference.setHtml(sheets.renderer.html(result))
        assert filled.toRawText() == reference.toRawText(), result.employee.name
        assert filled.toHtml() == reference.toHtml(), result.employee.name
        assert filled.size() == reference.size()
    return sheets.filled, sheets.parsed


def _renderer(batch: BonusBatch, appendix: bool):  # type: ignore[no-untyped-def]
    from kpidesk.reports.bonus_sheet import SheetRenderer

    return SheetRenderer(batch, appendix=appendix)


@pytest.mark.parametrize("appendix", [False, True])
@pytest.mark.parametrize("period", [OCT, NOV])
def test_filled_sheets_equal_parsed_ones(
    russian: None, demo_database: Path, period: Period, appendix: bool
) -> None:
    batch = _batch(demo_database, period)
    filled, parsed = _compare(batch, appendix=appendix)
    # the first sheet of each shape is parsed, the others are filled
    shapes = [_renderer(batch, appendix).shape(result) for result in batch.employees]
    first = len({shape[0] for shape in shapes if shape is not None})
    assert (filled, parsed) == (len(batch.employees) - first, first)
    assert filled > first


def test_a_shape_is_the_sheet_with_placeholders(russian: None, demo_database: Path) -> None:
    from kpidesk.reports.bonus_sheet import PLACEHOLDER_BASE, PLACEHOLDER_MARK

    batch = _batch(demo_database, OCT)
    renderer = _renderer(batch, True)
    for result in batch.employees:
        shape = renderer.shape(result)
        assert shape is not None
        html, texts = shape
        for slot, text in enumerate(texts):
            html = html.replace(f"{PLACEHOLDER_MARK}{chr(PLACEHOLDER_BASE + slot)}", text)
        assert html == renderer.html(result)


def test_names_the_parser_would_change_are_parsed(russian: None, demo_database: Path) -> None:
    batch = _batch(demo_database, OCT)
    kept = ["Иванов & «Сын» <b>", 'O\'Brien "Jr"', "Лиза 🌷 Котова", "Анна\u00a0Ли", "&amp;"]
    changed = ["  Пробелов Много", "Хвост ", "Два  пробела", "Таб\tуляция", "Строка\nдве"]
    names = kept + changed
    base = batch.employees[:1] * 2  # one shape, parsed once
    employees: list[EmployeeResult] = []
    for number, name in enumerate(names):  # each followed by an ordinary sheet
        employees.append(_renamed(base[number % len(base)], name))
        employees.append(base[(number + 1) % len(base)])
    odd = replace(batch, employees=tuple(employees))
    filled, parsed = _compare(odd, appendix=False)
    assert parsed == 1 + sum(1 for result in odd.employees if result.employee.name in changed)
    assert filled == len(odd.employees) - parsed


@pytest.mark.parametrize("appendix", [False, True])
def test_per_indicator_and_half_month_sheets_fill_alike(russian: None, appendix: bool) -> None:
    """The payout table of a per-indicator sheet, a half-month's fixed pay and an
    incomplete sheet, each printed three times (so each shape is filled twice)."""
    from tests.unit.reports.test_reports_pay_rules import batch as pay_rules_batch

    sheets = pay_rules_batch()
    assert sheets.employees[0].pay is not None and sheets.employees[0].pay.per_indicator
    tripled = replace(sheets, employees=sheets.employees * 3)
    filled, parsed = _compare(tripled, appendix=appendix)
    assert (filled, parsed) == (6, 3)


def _page_streams(path: Path) -> list[bytes]:
    """The PDF's streams, inflated, but for the first (the XMP metadata with its dates);
    sorted, since Qt writes the fonts in hash order."""
    data = path.read_bytes()
    streams = []
    for match in re.finditer(rb"(?<!end)stream\r?\n", data):
        end = data.index(b"endstream", match.end())
        body = data[match.end() : end]
        try:
            streams.append(zlib.decompress(body))
        except zlib.error:
            streams.append(body)
    return sorted(streams[1:])


def test_the_pdf_is_the_same_as_parsing_every_sheet(
    russian: None, demo_database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte, every page's drawing: filled sheets, then every sheet parsed."""
    from kpidesk.reports.bonus_sheet import SheetRenderer
    from kpidesk.reports.pdf import write_pdf

    batch = _batch(demo_database, OCT)
    batch = replace(batch, employees=batch.employees * 2)
    filled, parsed = tmp_path / "filled.pdf", tmp_path / "parsed.pdf"
    write_pdf(batch, filled, appendix=True, summary=True)
    monkeypatch.setattr(SheetRenderer, "shape", lambda self, result: None)
    write_pdf(batch, parsed, appendix=True, summary=True)
    assert len(_page_streams(filled)) > len(batch.employees)
    assert _page_streams(filled) == _page_streams(parsed)

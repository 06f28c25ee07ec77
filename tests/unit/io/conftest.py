"""Helpers for the io tests: build small workbooks with openpyxl inside a test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

BookMaker = Callable[..., Path]


@pytest.fixture
def book(tmp_path: Path) -> BookMaker:
    """``book({"Sheet": [[header…], [row…]]}, name="x.xlsx", formats={("Sheet", "C2"): "0%"})``."""

    def make(
        sheets: dict[str, list[list[Any]]],
        name: str = "book.xlsx",
        formats: dict[tuple[str, str], str] | None = None,
    ) -> Path:
        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(row)
        for (title, ref), number_format in (formats or {}).items():
            workbook[title][ref].number_format = number_format
        path = tmp_path / name
        workbook.save(path)
        workbook.close()
        return path

    return make

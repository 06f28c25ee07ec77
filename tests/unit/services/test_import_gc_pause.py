"""An import pauses the cyclic garbage collector (issue 17) and always gives it back."""

from __future__ import annotations

import gc
from pathlib import Path

import openpyxl
import pytest

from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError


def _stores_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Магазины"
    for row in (["Название"], ["ТЦ «Мега»"], ["Центр"]):
        sheet.append(row)
    workbook.save(path)
    workbook.close()
    return path


def test_the_collector_is_paused_during_an_import_and_resumed_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpidesk.services import importing

    seen: list[bool] = []
    real = importing.validate_content

    def validate(*args: object) -> object:
        seen.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(importing, "validate_content", validate)
    workbook = _stores_workbook(tmp_path / "stores.xlsx")
    assert gc.isenabled()
    with CompanyService.open(tmp_path / "c.kpidesk", create=True) as service:
        report = service.import_workbook(workbook)
        assert report.summary["stores"].added == 2
        assert seen == [False] and gc.isenabled()
        with pytest.raises(UserError):
            service.import_workbook(tmp_path / "missing.xlsx")
        assert gc.isenabled()
        gc.disable()  # a caller that paused it itself keeps it paused
        try:
            service.import_workbook(workbook)
            assert not gc.isenabled()
        finally:
            gc.enable()

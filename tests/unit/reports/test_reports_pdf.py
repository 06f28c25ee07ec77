"""The printed bonus sheets: one A4 page per employee whose text (pdftotext) holds the
name, the KPI and the total exactly as ``core`` computed them, in the Russian format;
drafts carry the "ЧЕРНОВИК" watermark, a locked complete period does not; the payout rule
reads in words; Cyrillic comes out as text."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.money import format_money, format_percent
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period
from kpidesk.services.bonus_sheets import BonusBatch, bonus_batch
from kpidesk.services.company import CompanyService

OCT = Period.month(2026, 10)
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


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


def pages_text(path: Path, *, raw: bool = False) -> list[str]:
    """The text of each page, non-breaking spaces made plain."""
    args = ["pdftotext", *(["-raw"] if raw else ["-layout"]), str(path), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return text.split("\f")[:-1]


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def watermarked(page: str) -> bool:
    """The rotated watermark comes out letter by letter; squeeze the whitespace out."""
    return "ЧЕРНОВИК" in "".join(page.split())


def write(batch: BonusBatch, path: Path, **options: object) -> int:
    from kpidesk.reports.pdf import write_pdf

    return write_pdf(batch, path, **options)  # type: ignore[arg-type]


def test_one_page_per_employee_with_the_core_numbers(
    russian: None, demo_database: Path, tmp_path: Path
) -> None:
    with CompanyService.open(demo_database, backup=False) as service:
        batch = bonus_batch(service, OCT)
    path = tmp_path / "sheets.pdf"
    assert write(batch, path) == len(batch.employees) == 15
    pages = pages_text(path)
    assert len(pages) == len(batch.employees)
    for page, result in zip(pages, batch.employees, strict=True):
        assert result.employee.name in page
        assert "Расчётный лист премии за октябрь 2026" in page
        assert "Руководитель" in page and "С расчётом ознакомлен(а)" in page
        if result.pay is None:
            assert "нет данных" in page and "нет факта" in page
            continue
        assert result.kpi is not None
        assert plain(format_percent(result.kpi, 1)) in page
        assert plain(format_money(result.pay.total)) in page
        assert plain(format_money(result.pay.bonus)) in page
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "A4" in info and "15" in info


def test_drafts_have_the_watermark_and_locked_complete_sheets_do_not(
    russian: None, demo_database: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.pdf"
    with CompanyService.open(demo_database, backup=False) as service:
        write(bonus_batch(service, OCT), draft)
        service.database.locks.lock(OCT)
        locked = bonus_batch(service, OCT)
    assert all(watermarked(page) for page in pages_text(draft, raw=True))
    final = tmp_path / "final.pdf"
    write(locked, final)
    for page, result in zip(pages_text(final, raw=True), locked.employees, strict=True):
        # locked: only the incomplete matrix (the demo's missing NPS) stays a draft
        assert watermarked(page) == (result.pay is None), result.employee.name
    assert sum(result.pay is None for result in locked.employees) == 1


def test_payout_rule_in_words_and_appendix(russian: None, demo_database: Path) -> None:
    from kpidesk.reports.bonus_sheet import sheet_html
    from kpidesk.reports.sheet_text import payout_rule

    linear = payout_rule(PayoutSchedule())
    assert linear == (
        "Ниже 80% — премия не выплачивается; от 80% премия = целевая премия × KPI, "
        "но не более 150%."
    )
    steps = PayoutSchedule(
        kind=PayoutKind.STEPS,
        steps=(PayoutStep(Decimal("0.8"), Decimal("0.5")), PayoutStep(Decimal(1), Decimal(1))),
    )
    assert "от 80% — целевая премия × 0,5; от 100% — целевая премия × 1" in payout_rule(steps)
    assert "по своему индексу" in payout_rule(PayoutSchedule(per_indicator=True))
    with CompanyService.open(demo_database, backup=False) as service:
        batch = bonus_batch(service, OCT, names=["Кузнецова Елена Николаевна"])
    html = sheet_html(batch, batch.employees[0], appendix=True)
    assert "Приложение" in html
    row = batch.employees[0].rows[0]
    assert row.index_explanation is not None
    assert row.index_explanation.formula.replace("\u00a0", " ") in html.replace("\u00a0", " ")


def test_a_long_sheet_with_appendix_still_fits_one_page(
    russian: None, demo_database: Path, tmp_path: Path
) -> None:
    with CompanyService.open(demo_database, backup=False) as service:
        batch = bonus_batch(service, OCT, store="Центральный")
    path = tmp_path / "appendix.pdf"
    assert write(batch, path, appendix=True) == len(batch.employees) == 4
    pages = pages_text(path)
    assert len(pages) == 4
    assert all("Приложение: как получено каждое число" in page for page in pages)


def test_cancel_leaves_no_file(russian: None, demo_database: Path, tmp_path: Path) -> None:
    with CompanyService.open(demo_database, backup=False) as service:
        batch = bonus_batch(service, OCT)
    path = tmp_path / "cancelled.pdf"
    done: list[int] = []
    pages = write(
        batch, path, progress=lambda n, total: done.append(n), cancelled=lambda: len(done) >= 3
    )
    assert pages == 0 and not path.exists()
    assert done == [1, 2, 3]


def test_unwritable_target_is_a_user_error(russian: None, demo_database: Path) -> None:
    from kpidesk.services.errors import UserError

    with CompanyService.open(demo_database, backup=False) as service:
        batch = bonus_batch(service, OCT)
    with pytest.raises(UserError, match="does not exist"):
        write(batch, Path("/nonexistent-folder/x.pdf"))

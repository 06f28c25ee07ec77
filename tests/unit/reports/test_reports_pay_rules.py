"""The printed sheets and pay list follow SPEC §2 as updated (issue 13), read back from the
PDF with pdftotext: a per-indicator sheet prints each row's share × coefficient = amount
and the bonus as the sum of the printed amounts, and no single payout coefficient; a
half-month sheet pays half the monthly amounts and says so; the appendix states the
rounding of computed facts; the pay list's totals are fixed pay over everyone and bonus
and total over the complete sheets, with the incomplete ones named. Every printed sum and
product on a page is parsed back and must hold exactly as printed."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_period
from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import format_money
from kpidesk.core.org import Employee
from kpidesk.core.pay_list import pay_list_totals
from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.services.bonus_sheets import BonusBatch

D = Decimal
OCT = Period.month(2026, 10)
H2 = Period.half(2026, 10, 2)
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")

_AMOUNT = r"\d{1,3}(?: \d{3})*,\d{2}"
_SUM = re.compile(rf"((?:{_AMOUNT}(?: ₽)? \+ )+{_AMOUNT}(?: ₽)?) = ({_AMOUNT})")
_PRODUCT = re.compile(rf"({_AMOUNT})(?: ₽)? × (\d+(?:,\d+)?) = ({_AMOUNT})")


@pytest.fixture
def russian(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication

    from kpidesk.reports.translations import install_translators, remove_translators

    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "ru")
    yield
    remove_translators(app, translators)


def number(text: str) -> Decimal:
    return D(text.replace(" ₽", "").replace(" ", "").replace(",", "."))


def pages_text(path: Path) -> list[str]:
    args = ["pdftotext", "-raw", str(path), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return text.replace("\u00a0", " ").replace("\u202f", " ").split("\f")[:-1]


def assert_printed_arithmetic(page: str) -> int:
    """Every ``a + b = c`` and ``share × coefficient = amount`` on the page holds exactly
    as printed; returns how many were checked."""
    checked = 0
    for terms, total in _SUM.findall(page):
        assert sum((number(t) for t in terms.split(" + ")), D(0)) == number(total), terms
        checked += 1
    for share, coefficient, amount in _PRODUCT.findall(page):
        product = number(share) * number(coefficient)
        assert product.quantize(D("0.01"), ROUND_HALF_UP) == number(amount), share
        checked += 1
    return checked


def company() -> Company:
    """A per-indicator seller (SPEC §2.5 rounding example of the core tests), a
    whole-matrix seller, and one without a fact — paid by half-months."""
    indicators = tuple(Indicator(code, name) for code, name in (("a", "А"), ("b", "Б"), ("c", "В")))
    rows = (
        MatrixRow("a", D("0.5"), D(0), D(1000), D(2000)),
        MatrixRow("b", D("0.3"), D(0), D(100), D(200)),
        MatrixRow("c", D("0.2"), D(0), D(100), D(200)),
    )
    return Company(
        name="Тест",
        pay_period=PeriodKind.HALF,
        employees=(
            Employee("Ира", "Построчно", fixed_pay=D(30000), target_bonus=D("32666.66")),
            Employee("Петров", "Продавец", fixed_pay=D("39700.01"), target_bonus=D(16300)),
            Employee("Без факта", "Продавец", fixed_pay=D(20000), target_bonus=D(8000)),
        ),
        indicators=indicators,
        matrices=(
            Matrix(OCT, rows, position="Построчно"),
            Matrix(OCT, rows, position="Продавец"),
        ),
        schedules=(PayoutSchedule(per_indicator=True, position="Построчно"),),
    )


def facts() -> PeriodInputs:
    values = {
        ("Ира", "a"): D(1137),
        ("Ира", "b"): D(85),
        ("Ира", "c"): D(79),
        ("Петров", "a"): D(1137),
        ("Петров", "b"): D(100),
        ("Петров", "c"): D(100),
        ("Без факта", "a"): D(1000),
        ("Без факта", "b"): D(100),
    }
    return PeriodInputs(facts=values)


def batch(period: Period = H2) -> BonusBatch:
    result = compute_period(company(), period, facts())
    return BonusBatch("Тест", period, False, result.employees)


def test_per_indicator_sheet_prints_each_rows_amount_and_their_sum(
    russian: None, tmp_path: Path
) -> None:
    from kpidesk.reports.pdf import write_pdf

    sheets = batch()
    ira = sheets.employees[0]
    assert ira.pay is not None and ira.pay.per_indicator
    # H2 of 32 666,66: 16 333,33 — the core's worked example
    assert ira.employee.target_bonus == D("16333.33")
    assert ira.pay.bonus == D("13450.49")
    path = tmp_path / "sheets.pdf"
    assert write_pdf(sheets, path, appendix=True, summary=True) == 4
    pages = pages_text(path)
    page = pages[0]
    assert "коэффициент выплаты" not in page.lower()  # no single coefficient (SPEC §2.5)
    assert "0,824" not in page and "0,8235" not in page  # the effective share is not shown
    for line in (
        "8 166,66 ₽ × 1,137 = 9 285,49 ₽",
        "4 900,00 ₽ × 0,850 = 4 165,00 ₽",
        "3 266,67 ₽ × 0,000 = 0,00 ₽",
        "9 285,49 + 4 165,00 + 0,00 = 13 450,49",
        "8 166,66 × 1,137 = 9 285,49",
        "15 000,00 ₽ + 13 450,49 ₽ = 28 450,49 ₽",
    ):
        assert line in page, line
    assert "факт округлён до 0,01" in page
    assert assert_printed_arithmetic(page) >= 8


def test_half_month_sheet_pays_half_the_monthly_amounts(russian: None, tmp_path: Path) -> None:
    from kpidesk.reports.pdf import write_pdf

    sheets = batch()
    petrov = sheets.employees[1]
    assert petrov.pay is not None and petrov.kpi == D("1.069")
    # H2: 39 700,01 − 19 850,01 = 19 850,00; target 16 300 − 8 150 = 8 150; bonus
    # 8 150 × 1,069 = 8 712,35; total 28 562,35
    assert (petrov.pay.fixed_pay, petrov.pay.bonus, petrov.pay.total) == (
        D("19850.00"),
        D("8712.35"),
        D("28562.35"),
    )
    path = tmp_path / "sheets.pdf"
    write_pdf(sheets, path, appendix=True)
    page = pages_text(path)[1]
    for line in (
        "Оклад за полмесяца (в месяц 39 700,01 ₽) 19 850,00 ₽",
        "Премия (целевая премия 8 150,00 ₽ × 1,069) 8 712,35 ₽",
        "KPI 106,9% → коэффициент выплаты 1,069",
        "39 700,01 − 19 850,01 = 19 850,00",
        "16 300,00 − 8 150,00 = 8 150,00",
        "8 150,00 × 1,069 = 8 712,35",
        "19 850,00 + 8 712,35 = 28 562,35",
        "16–31 октября 2026",
    ):
        assert line in page, line
    assert assert_printed_arithmetic(page) >= 3


def test_pay_list_totals_on_the_summary_sheet(russian: None, tmp_path: Path) -> None:
    from kpidesk.reports.pdf import write_pdf

    sheets = batch()
    totals = pay_list_totals(sheets.employees)
    # fixed pay of all three halves: 15 000 + 19 850 + 10 000; bonus and total of the two
    # complete sheets: 13 450,49 + 8 712,35 and 28 450,49 + 28 562,35
    assert totals.fixed_pay == D("44850.00")
    assert (totals.bonus, totals.total, totals.incomplete) == (
        D("22162.84"),
        D("57012.84"),
        1,
    )
    path = tmp_path / "sheets.pdf"
    assert write_pdf(sheets, path, summary=True) == 4
    pay_list = pages_text(path)[-1]
    assert "Ведомость начислений за 16–31 октября 2026" in pay_list
    amounts = " ".join(
        format_money(value, symbol=False).replace("\u00a0", " ")
        for value in (totals.fixed_pay, totals.bonus, totals.total)
    )
    assert f"Итого {amounts}" in pay_list
    assert "без 1 неполного расчёта" in pay_list
    assert "Оклад — сумма по всем сотрудникам (3)" in pay_list
    assert "Без факта" in pay_list and "нет факта: В" in pay_list


def test_sheet_words_plural_and_coefficient_digits(russian: None) -> None:
    from kpidesk.reports.sheet_text import coefficient, incomplete_note

    assert incomplete_note(0) == ""
    assert incomplete_note(1) == "без 1 неполного расчёта"
    assert incomplete_note(2) == "без 2 неполных расчётов"
    assert incomplete_note(11) == "без 11 неполных расчётов"
    assert incomplete_note(21) == "без 21 неполного расчёта"
    assert coefficient(D("1.137")) == "1,137"
    assert coefficient(D(1)) == "1,000"
    assert coefficient(D("0.8333")) == "0,8333"  # a step's own digits are kept

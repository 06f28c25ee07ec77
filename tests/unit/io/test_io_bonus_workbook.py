"""The bonus workbook's live formulas, recomputed by an independent engine (LibreOffice
Calc, headless), give every KPI, coefficient, bonus and total exactly as ``core`` computed
them — on the demo company, on SPEC §2.4 example D (KPI exactly 1.0005 → 1.001), on a
steps schedule and on per-indicator payout; user text never becomes a formula."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_period
from kpidesk.core.indicators import IndexMethod, Indicator
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period
from kpidesk.core.results import PeriodResult
from kpidesk.io.bonus_workbook import write_bonus_workbook
from kpidesk.io.bonus_workbook_formulas import no_data_text

D = Decimal
OCT = Period.month(2026, 10)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_calc = pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)")

_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculate(path: Path, folder: Path) -> Path:
    """Open ``path`` in LibreOffice (recalculating every formula) and save a copy."""
    profile = folder / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_ALWAYS)
    out = folder / "recalculated"
    assert SOFFICE is not None
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    result = out / path.name
    assert result.exists(), (done.stdout, done.stderr)
    return result


def computed_summary(path: Path) -> dict[str, tuple[object, ...]]:
    """Summary rows by employee: (KPI, coefficient, fixed pay, bonus, total) as computed."""
    workbook = openpyxl.load_workbook(path, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows = {}
        for row in sheet.iter_rows(min_row=2, values_only=True):
            if row[0] is None:
                continue
            rows[str(row[1])] = tuple(row[5:10])
        return rows
    finally:
        workbook.close()


def cents(value: object) -> Decimal:
    assert isinstance(value, int | float), value
    return D(repr(float(value))).quantize(D("0.01"))


def assert_same_as_core(result: PeriodResult, recalculated: Path) -> None:
    rows = computed_summary(recalculated)
    assert len(rows) == len(result.employees)
    for employee in result.employees:
        kpi, coefficient, fixed, bonus, total = rows[employee.employee.name]
        pay = employee.pay
        if pay is None:
            assert kpi == bonus == total == no_data_text("ru"), employee.employee.name
            continue
        assert employee.kpi is not None
        assert D(repr(float(kpi))).quantize(D("0.001")) == employee.kpi, employee.employee.name
        if pay.payout_coefficient is None:  # per-indicator: no single coefficient
            assert coefficient == "по показателям"
        else:
            assert abs(D(repr(float(coefficient))) - pay.payout_coefficient) < D("1e-9")
        assert cents(fixed) == pay.fixed_pay
        assert cents(bonus) == pay.bonus, employee.employee.name
        assert cents(total) == pay.total, employee.employee.name


def example_d() -> PeriodResult:
    """SPEC §2.4 example D: ratio, weights 0.5/0.5, norm 1 000, facts 1 001 and 1 000 →
    KPI exactly 1.0005 → 1.001; and 0.5·22/20 + 0.25·17/20 + 0.25·30/20 = 1.1375 → 1.138."""
    indicators = (
        Indicator("a", "Показатель А", method=IndexMethod.RATIO),
        Indicator("b", "Показатель Б", method=IndexMethod.RATIO),
        Indicator("c", "Показатель В", method=IndexMethod.RATIO),
    )
    d_matrix = Matrix(
        OCT,
        (MatrixRow("a", D("0.5"), None, D(1000)), MatrixRow("b", D("0.5"), None, D(1000))),
        position="Д",
    )
    b_matrix = Matrix(
        OCT,
        (
            MatrixRow("a", D("0.5"), None, D(20)),
            MatrixRow("b", D("0.25"), None, D(20)),
            MatrixRow("c", D("0.25"), None, D(20)),
        ),
        position="Б",
    )
    employees = (
        Employee("Дмитриев", "Д", fixed_pay=D("39700"), target_bonus=D("16300")),
        Employee("Борисова", "Б", fixed_pay=D("30000.50"), target_bonus=D("12345.67")),
    )
    company = Company(
        name="Пример D",
        employees=employees,
        indicators=indicators,
        matrices=(d_matrix, b_matrix),
    )
    facts = {
        ("Дмитриев", "a"): D(1001),
        ("Дмитриев", "b"): D(1000),
        ("Борисова", "a"): D(22),
        ("Борисова", "b"): D(17),
        ("Борисова", "c"): D(30),
    }
    result = compute_period(company, OCT, PeriodInputs(facts=facts))
    assert result.employees[0].kpi_exact == D("1.0005")
    assert result.employees[0].kpi == D("1.001")
    assert result.employees[1].kpi == D("1.138")
    return result


def schedules_company() -> PeriodResult:
    """Steps, per-indicator payout, lower-is-better, scale without target, binary, a
    missing fact and an employee with user text that looks like a formula."""
    indicators = (
        Indicator("rev", "Выручка", "₽", method=IndexMethod.SCALE),
        Indicator("cmp", "Жалобы", "шт.", method=IndexMethod.SCALE),
        Indicator("cpl", "Цена лида", "₽", method=IndexMethod.RATIO),
        Indicator("std", "=Стандарты", method=IndexMethod.BINARY),
        Indicator("nps", "NPS", "%"),
    )
    rows = (
        MatrixRow("rev", D("0.35"), D(50000), D(100000), None),
        MatrixRow("cmp", D("0.15"), D(6), D(2), D(0)),
        MatrixRow("cpl", D("0.333"), D(900), D(600), D(400)),
        MatrixRow("std", D("0.167"), None, D(1)),
    )
    steps = PayoutSchedule(
        kind=PayoutKind.STEPS,
        steps=(
            PayoutStep(D("0.8"), D("0.5")),
            PayoutStep(D("0.9"), D("0.8")),
            PayoutStep(D("1"), D("1")),
            PayoutStep(D("1.2"), D("1.2")),
        ),
        position="Ступени",
    )
    per_row = PayoutSchedule(per_indicator=True, cap=D("1.3"), position="Построчно")
    employees = (
        Employee("Степанов", "Ступени", fixed_pay=D(30000), target_bonus=D("10001")),
        Employee("Петрова", "Построчно", fixed_pay=D(30000), target_bonus=D("14000.03")),
        Employee('=HYPERLINK("http://x")', "+Ступени", fixed_pay=D(1), target_bonus=D(1)),
        Employee("@Нет факта", "С пропуском", "-магазин", fixed_pay=D(100)),
    )
    matrices = (
        Matrix(OCT, rows, position="Ступени"),
        Matrix(OCT, rows, position="Построчно"),
        Matrix(OCT, rows, position="+Ступени"),
        Matrix(
            OCT, (*rows[:3], MatrixRow("nps", D("0.167"), D(40), D(60))), position="С пропуском"
        ),
    )
    company = Company(
        employees=employees,
        indicators=indicators,
        matrices=matrices,
        schedules=(steps, per_row, PayoutSchedule(threshold=D("0.5"), cap=None)),
    )
    facts = {}
    for name, values in (
        ("Степанов", (D("101234.5"), D(3), D(700), D(1))),
        ("Петрова", (D("180000"), D(0), D(350), D(0))),
        ('=HYPERLINK("http://x")', (D(90000), D(1), D(650), D(1))),
        ("@Нет факта", (D(90000), D(1), D(650), None)),
    ):
        for code, value in zip(("rev", "cmp", "cpl", "std"), values, strict=True):
            if value is not None:
                facts[(name, code)] = value
    result = compute_period(company, OCT, PeriodInputs(facts=facts))
    assert [e.pay is not None for e in result.employees] == [True, True, True, False]
    return result


@needs_calc
def test_example_d_recomputes_to_the_kopeck(tmp_path: Path) -> None:
    result = example_d()
    path = write_bonus_workbook(result, tmp_path / "d.xlsx", company="Пример D")
    assert_same_as_core(result, recalculate(path, tmp_path))


@needs_calc
def test_steps_per_indicator_and_incomplete_recompute(tmp_path: Path) -> None:
    result = schedules_company()
    path = write_bonus_workbook(result, tmp_path / "s.xlsx", company="=cmd")
    assert_same_as_core(result, recalculate(path, tmp_path))


@needs_calc
def test_demo_company_recomputes_to_the_kopeck(tmp_path: Path) -> None:
    from kpidesk.services.bonus_sheets import export_bonus_workbook
    from kpidesk.services.company import CompanyService
    from kpidesk.services.demo_setup import create_demo_database

    database = tmp_path / "demo.kpidesk"
    create_demo_database(database, today=date(2026, 11, 22))
    with CompanyService.open(database, backup=False) as service:
        result = service.compute_period(OCT)
        path = export_bonus_workbook(service, OCT, tmp_path / "demo.xlsx")
    assert any(e.pay is None for e in result.employees)  # the demo's missing NPS fact
    assert_same_as_core(result, recalculate(path, tmp_path))


def test_formulas_are_live_and_user_text_is_never_a_formula(tmp_path: Path) -> None:
    result = schedules_company()
    path = write_bonus_workbook(result, tmp_path / "s.xlsx", company="=cmd")
    workbook = openpyxl.load_workbook(path)
    try:
        summary = workbook.worksheets[0]
        names = [summary.cell(row, 2) for row in range(2, 6)]
        assert names[2].value == '=HYPERLINK("http://x")'
        assert names[2].data_type == "s" and names[2].quotePrefix
        assert names[3].value == "@Нет факта" and names[3].data_type == "s"
        assert summary.cell(5, 4).value == "-магазин" and summary.cell(5, 4).data_type == "s"
        sheet = workbook.worksheets[3]
        assert sheet["A1"].value == "=cmd" and sheet["A1"].data_type == "s"
        assert sheet["B4"].value == "+Ступени" and sheet["B4"].data_type == "s"
        assert sheet["A14"].value == "=Стандарты" and sheet["A14"].data_type == "s"
        # the computed cells are formulas with English function names
        first = workbook.worksheets[1]
        formulas = [c.value for row in first.iter_rows() for c in row if c.data_type == "f"]
        assert any("SUM(J11:J14)" in str(f) for f in formulas)
        assert any("ROUND(ROUND(B16,10),3)" in str(f) for f in formulas)
        assert any("IF(" in str(f) for f in formulas)
        assert str(summary["F2"].value).startswith("='Степанов'!")
        # the incomplete sheet: live formulas, the missing fact's cell empty
        incomplete = workbook.worksheets[4]
        assert incomplete["H14"].value is None
        assert str(incomplete["I14"].value).startswith("=IF(ISNUMBER(H14),")
        assert all(str(incomplete[f"B{r}"].value).startswith("=") for r in range(16, 21))
    finally:
        workbook.close()


def test_sheet_names_are_valid_and_unique(tmp_path: Path) -> None:
    from kpidesk.io.bonus_workbook_formulas import sheet_title

    taken: set[str] = set()
    first = sheet_title("Очень-очень длинная фамилия: Имя/Отчество [x]", taken)
    second = sheet_title("Очень-очень длинная фамилия: Имя/Отчество [x]", taken)
    assert len(first) <= 31 and len(second) <= 31
    assert first != second
    assert not set("[]:*?/\\") & set(first + second)


def typed_in_company(period: Period, *, typed: bool) -> PeriodResult:
    """A whole-matrix and a per-indicator employee, each without one fact (or, ``typed``,
    with it), and one complete employee; in ``period`` (a month or a half-month)."""
    indicators = (
        Indicator("rev", "Выручка", "₽", method=IndexMethod.SCALE),
        Indicator("cpl", "Цена лида", "₽", method=IndexMethod.RATIO),
        Indicator("nps", "NPS", "%"),
    )
    rows = (
        MatrixRow("rev", D("0.5"), D(50000), D(100000), D(200000)),
        MatrixRow("cpl", D("0.3"), D(900), D(600), D(400)),
        MatrixRow("nps", D("0.2"), D(40), D(60), D(80)),
    )
    employees = (
        Employee("Целиком", "Продавец", fixed_pay=D("39700.01"), target_bonus=D("16300.05")),
        Employee("Построчно", "Старший", fixed_pay=D("30000"), target_bonus=D("16333.33")),
        Employee("Полный", "Продавец", fixed_pay=D("25000.55"), target_bonus=D("10000")),
    )
    company = Company(
        employees=employees,
        indicators=indicators,
        matrices=(Matrix(OCT, rows, position="Продавец"), Matrix(OCT, rows, position="Старший")),
        schedules=(PayoutSchedule(per_indicator=True, position="Старший"),),
    )
    facts = {
        ("Целиком", "rev"): D("123456.78"),
        ("Целиком", "cpl"): D(650),
        ("Построчно", "rev"): D(156850),
        ("Построчно", "nps"): D(57),
        ("Полный", "rev"): D(90000),
        ("Полный", "cpl"): D(700),
        ("Полный", "nps"): D(61),
    }
    if typed:
        facts[("Целиком", "nps")] = D("55.5")
        facts[("Построчно", "cpl")] = D(580)
    return compute_period(company, period, PeriodInputs(facts=facts))


def computed_totals(path: Path) -> tuple[object, ...]:
    """The summary's totals line and the count of incomplete sheets under it."""
    workbook = openpyxl.load_workbook(path, data_only=True)
    try:
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        index = next(i for i, row in enumerate(rows) if row[0] is None and row[1])
        return (*rows[index][7:10], rows[index + 1][9])
    finally:
        workbook.close()


@needs_calc
def test_typing_the_missing_fact_in_the_workbook_computes_the_apps_result(
    tmp_path: Path,
) -> None:
    before = typed_in_company(OCT, typed=False)
    after = typed_in_company(OCT, typed=True)
    assert [e.pay is not None for e in before.employees] == [False, False, True]
    assert all(e.pay is not None for e in after.employees)
    path = write_bonus_workbook(before, tmp_path / "typed.xlsx")
    workbook = openpyxl.load_workbook(path)
    try:
        # the missing facts' cells are empty: nps of the first sheet, cpl of the second
        assert workbook.worksheets[1]["H13"].value is None
        assert workbook.worksheets[2]["H12"].value is None
        workbook.worksheets[1]["H13"] = 55.5
        workbook.worksheets[2]["H12"] = 580
        workbook.save(path)
    finally:
        workbook.close()
    recalculated = recalculate(path, tmp_path)
    assert_same_as_core(after, recalculated)
    workbook = openpyxl.load_workbook(recalculated, data_only=True)
    try:
        statuses = [workbook.worksheets[i]["B8"].value for i in (1, 2)]
        assert all(str(status).startswith("расчёт полный") for status in statuses)
        sheet = workbook.worksheets[2]  # per-indicator: each row's share, coefficient, amount
        rows = after.employees[1].rows
        for r, row in enumerate(rows, start=11):
            assert row.payout is not None
            assert cents(sheet[f"K{r}"].value) == row.payout.share
            assert D(repr(float(sheet[f"L{r}"].value))) == row.payout.coefficient
            assert cents(sheet[f"M{r}"].value) == row.payout.amount
    finally:
        workbook.close()


@needs_calc
def test_incomplete_sheets_wait_and_the_totals_follow_the_rule(tmp_path: Path) -> None:
    """Before the facts are typed: the incomplete sheets show "нет данных" and the
    summary's totals are fixed pay over all three, bonus and total of the complete one,
    with 2 incomplete sheets named beside them (SPEC §2.5)."""
    from kpidesk.core.pay_list import pay_list_totals

    before = typed_in_company(OCT, typed=False)
    recalculated = recalculate(write_bonus_workbook(before, tmp_path / "w.xlsx"), tmp_path)
    assert_same_as_core(before, recalculated)
    totals = pay_list_totals(before.employees)
    assert (totals.fixed_pay, totals.incomplete) == (D("94700.56"), 2)
    fixed, bonus, total, incomplete = computed_totals(recalculated)
    assert cents(fixed) == totals.fixed_pay
    assert cents(bonus) == totals.bonus and cents(total) == totals.total
    assert incomplete == 2


@needs_calc
def test_half_month_workbook_halves_the_monthly_amounts(tmp_path: Path) -> None:
    """H1 and H2 of SPEC §2.2: the fixed pay and target bonus cells are formulas over the
    monthly amounts (39 700,01 → 19 850,01 and 19 850,00; 16 300,05 → 8 150,03 and
    8 150,02), and every sheet recomputes to the app's numbers."""
    for half in (1, 2):
        period = Period.half(2026, 10, half)
        result = typed_in_company(period, typed=True)
        first = result.employees[0]
        assert first.pay is not None and first.half_month is not None
        assert first.pay.fixed_pay == (D("19850.01") if half == 1 else D("19850.00"))
        assert first.employee.target_bonus == (D("8150.03") if half == 1 else D("8150.02"))
        folder = tmp_path / f"h{half}"
        folder.mkdir()
        path = write_bonus_workbook(result, folder / "half.xlsx")
        workbook = openpyxl.load_workbook(path)
        try:
            assert str(workbook.worksheets[1]["B6"].value).startswith("=")
            assert workbook.worksheets[1]["D6"].value == 39700.01
        finally:
            workbook.close()
        recalculated = recalculate(path, folder)
        assert_same_as_core(result, recalculated)
        workbook = openpyxl.load_workbook(recalculated, data_only=True)
        try:
            assert cents(workbook.worksheets[1]["B7"].value) == first.employee.target_bonus
        finally:
            workbook.close()

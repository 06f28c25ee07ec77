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
        assert abs(D(repr(float(coefficient))) - pay.coefficient) < D("1e-9")
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
        assert any(str(f).startswith("=SUM(J11:J14)") for f in formulas)
        assert any(str(f).startswith("=ROUND(ROUND(") and str(f).endswith(",3)") for f in formulas)
        assert any("IF(" in str(f) for f in formulas)
        assert str(summary["F2"].value).startswith("='Степанов'!")
        incomplete = workbook.worksheets[4]
        assert no_data_text("ru") in [c.value for row in incomplete.iter_rows() for c in row]
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

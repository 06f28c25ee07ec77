"""The payroll hand-off (SPEC §7) on both engines: the headers 1С:ЗУП loads, one row per
accrual with dates as dates and amounts as numbers, the accruals adding up to the pay
list's totals, the refusal while a sheet is incomplete (nothing written) and the export of
the complete ones with ``allow_incomplete``; the CSV's ``;`` and decimal comma; only
those who may see the pay export it."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpidesk.core.pay_list import pay_list_totals
from kpidesk.core.periods import Period
from kpidesk.core.results import Status
from kpidesk.core.rights import Actor, Role
from kpidesk.io.payroll import BONUS_KIND, FIXED_PAY_KIND, HEADERS
from kpidesk.services.bonus_sheets import export_payroll, period_bonuses
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
SEP = Period.month(2026, 9)  # every sheet complete in the demo
OCT = Period.month(2026, 10)  # one incomplete sheet


@pytest.fixture
def demo(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> CompanyService:
    service = CompanyService.open(demo_company(engine, tmp_path, request, TODAY))
    request.addfinalizer(service.close)
    return service


def _rows(path: Path) -> list[tuple[object, ...]]:
    book = load_workbook(path)
    try:
        return [tuple(row) for row in book["Начисления"].iter_rows(values_only=True)]
    finally:
        book.close()


def test_one_row_per_accrual_adding_up_to_the_pay_list(
    demo: CompanyService, tmp_path: Path
) -> None:
    path = tmp_path / "payroll.xlsx"
    done = export_payroll(demo, SEP, path)
    rows = _rows(path)
    assert rows[0] == HEADERS
    assert HEADERS == (
        "Табельный номер",
        "Сотрудник",
        "Дата начала",
        "Дата окончания",
        "Вид начисления",
        "Сумма",
    )
    body = rows[1:]
    results = period_bonuses(demo, SEP).employees
    assert all(r.status is Status.COMPLETE for r in results)
    expected = [
        (r.employee.personnel_number, r.employee.name, kind, amount)
        for r in results
        for kind, amount in ((FIXED_PAY_KIND, r.pay.fixed_pay), (BONUS_KIND, r.pay.bonus))  # type: ignore[union-attr]
        if amount
    ]
    assert [(n, e, k, Decimal(str(a))) for n, e, _s, _e, k, a in body] == expected
    assert done.accruals == len(body) and done.employees == len(results) == 15
    for number, _name, start, end, _kind, amount in body:
        assert isinstance(number, str) and len(number) == 4  # "0001": text, zeros kept
        assert isinstance(start, datetime) and start.date() == date(2026, 9, 1)
        assert isinstance(end, datetime) and end.date() == date(2026, 9, 30)
        assert isinstance(amount, int | float)
    per_person: dict[str, Decimal] = defaultdict(Decimal)
    for _n, name, _s, _e, _k, amount in body:
        per_person[str(name)] += Decimal(str(amount)).quantize(Decimal("0.01"))
    for result in results:
        assert per_person[result.employee.name] == result.pay.total  # type: ignore[union-attr]
    totals = pay_list_totals(results)
    assert sum(per_person.values()) == totals.total == done.total
    fixed = sum(Decimal(str(a)) for *_x, k, a in body if k == FIXED_PAY_KIND)
    assert fixed.quantize(Decimal("0.01")) == totals.fixed_pay


def test_incomplete_sheets_refuse_unless_allowed(demo: CompanyService, tmp_path: Path) -> None:
    path = tmp_path / "october.xlsx"
    with pytest.raises(UserError) as refused:
        export_payroll(demo, OCT, path)
    assert refused.value.codes == ["payroll_incomplete"]
    params = dict(refused.value.problems[0].params)
    assert params["names"] == "Соколова Анна Игоревна" and params["count"] == "1"
    assert not path.exists()
    done = export_payroll(demo, OCT, path, allow_incomplete=True)
    assert done.left_out == ("Соколова Анна Игоревна",)
    names = {row[1] for row in _rows(path)[1:]}
    assert "Соколова Анна Игоревна" not in names and len(names) == 14
    complete = [r for r in period_bonuses(demo, OCT).employees if r.status is Status.COMPLETE]
    assert done.total == pay_list_totals(complete).total


def test_csv_has_semicolons_and_a_decimal_comma(demo: CompanyService, tmp_path: Path) -> None:
    path = tmp_path / "payroll.csv"
    export_payroll(demo, SEP, path, csv=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == ";".join(HEADERS)
    first = lines[1].split(";")
    assert first[0] == "0001" and first[2:5] == ["01.09.2026", "30.09.2026", FIXED_PAY_KIND]
    assert first[5] == "55000,00"


def test_only_who_may_see_pay_exports_it(demo: CompanyService, tmp_path: Path) -> None:
    demo.sign_in(Actor("Зритель", Role.VIEWER))
    with pytest.raises(UserError) as refused:
        export_payroll(demo, SEP, tmp_path / "viewer.xlsx")
    assert refused.value.codes == ["right_denied"]
    assert not (tmp_path / "viewer.xlsx").exists()
    seller = period_bonuses(demo, SEP).employees[1].employee
    demo.sign_in(Actor("Анна", Role.EMPLOYEE, store=seller.store, employee=seller.name))
    done = export_payroll(demo, SEP, tmp_path / "own.xlsx")
    assert {row[1] for row in _rows(tmp_path / "own.xlsx")[1:]} == {seller.name}
    assert done.employees == 1

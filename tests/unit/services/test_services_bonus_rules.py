"""The services side of SPEC §2 as updated (issue 13): a month of a half-month company is
refused for every bonus output by the services (``not_a_pay_period``), not only by the
CLI; the JSON of ``report bonus`` reproduces each bonus from itself (per-indicator rows
with share, coefficient and amount; the payout coefficient, null when there is none;
the period's halved amounts; the totals rule); and an import changing a locked matrix
names the changed row, not the matrix's first row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kpidesk.core.periods import Period
from kpidesk.services import periods
from kpidesk.services.bonus_sheets import bonus_batch, export_bonus_workbook, period_bonuses
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.reporting import bonus_report_csv, bonus_report_json

D = Decimal
OCT = Period.month(2026, 10)
H1, H2 = Period.half(2026, 10, 1), Period.half(2026, 10, 2)


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    book.close()
    return path


def company_sheets(period: str, facts_period: str, norm: int = 6) -> dict[str, list[list[Any]]]:
    return {
        "Показатели": [
            ["Код", "Название", "Ед.", "Источник", "Метод"],
            ["rev", "Выручка", "₽", "manual", "scale"],
            ["chk", "Чек", "₽", "manual", "scale"],
            ["conv", "Конверсия", "%", "manual", "scale"],
        ],
        "Сотрудники": [
            ["ФИО", "Должность", "Оклад", "Премия"],
            ["Ира", "Старший", 30000, 32666.66],
            ["Петров", "Продавец", 39700.01, 16300],
            ["Без факта", "Продавец", 20000, 8000],
        ],
        "Матрица": [
            ["Период", "Должность", "Сотрудник", "Показатель", "Вес", "База", "Норма", "Цель"],
            [period, "Продавец", None, "rev", 0.5, 0, 1000, 2000],
            [period, "Продавец", None, "chk", 0.3, 0, 100, 200],
            [period, "Продавец", None, "conv", 0.2, 5, norm, 30],
            [period, "Старший", None, "rev", 0.5, 0, 1000, 2000],
            [period, "Старший", None, "chk", 0.3, 0, 100, 200],
            [period, "Старший", None, "conv", 0.2, 0, 100, 200],
        ],
        "Факты": [
            ["Период", "Сотрудник", "Показатель", "Факт"],
            [facts_period, "Ира", "rev", 1137],
            [facts_period, "Ира", "chk", 85],
            [facts_period, "Ира", "conv", 79],
            [facts_period, "Петров", "rev", 1137],
            [facts_period, "Петров", "chk", 100],
            [facts_period, "Петров", "conv", 6],
            [facts_period, "Без факта", "rev", 1000],
        ],
        "Премирование": [
            ["Порог", "Коэффициент", "Должность", "По показателям"],
            [0.8, 1.5, "Старший", "да"],
        ],
    }


@pytest.fixture
def half_months(tmp_path: Path) -> Iterator[CompanyService]:
    service = CompanyService.create(tmp_path / "half.kpidesk", name="Полмесяца", half_months=True)
    with service:
        service.import_workbook(
            workbook(tmp_path / "in.xlsx", company_sheets("2026-10-H1", "2026-10-H2"))
        )
        yield service


def test_a_month_of_a_half_month_company_is_refused_by_the_services(
    half_months: CompanyService, tmp_path: Path
) -> None:
    for call in (
        lambda: period_bonuses(half_months, OCT),
        lambda: bonus_batch(half_months, OCT),
        lambda: export_bonus_workbook(half_months, OCT, tmp_path / "x.xlsx"),
    ):
        with pytest.raises(UserError) as refused:
            call()
        (problem,) = refused.value.problems
        assert problem.code == "not_a_pay_period"
        assert dict(problem.params) == {
            "period": "2026-10",
            "first": "2026-10-H1",
            "second": "2026-10-H2",
        }
    assert not (tmp_path / "x.xlsx").exists()
    assert len(period_bonuses(half_months, H2).employees) == 3


def test_the_json_reproduces_every_bonus(half_months: CompanyService) -> None:
    document = json.loads(bonus_report_json(period_bonuses(half_months, H2)))
    ira, petrov, missing = document["employees"]
    # per-indicator: no coefficient; each row's share × coefficient = amount; Σ = bonus
    assert ira["coefficient"] is None and ira["target_bonus"] == "16333.33"
    amounts = []
    for row in ira["rows"]:
        share, coefficient, amount = (D(row[key]) for key in ("share", "coefficient", "amount"))
        assert (share * coefficient).quantize(D("0.01"), ROUND_HALF_UP) == amount
        amounts.append(amount)
    assert [row["amount"] for row in ira["rows"]] == ["9285.49", "4165.00", "0.00"]
    assert sum(amounts) == D(ira["bonus"]) == D("13450.49")
    assert sum(D(row["share"]) for row in ira["rows"]) == D(ira["target_bonus"])
    # whole matrix: bonus = target bonus × coefficient, of the half's amounts
    assert petrov["coefficient"] == "1.069" and "share" not in petrov["rows"][0]
    assert (petrov["fixed_pay"], petrov["target_bonus"]) == ("19850.00", "8150.00")
    assert (D(petrov["target_bonus"]) * D(petrov["coefficient"])).quantize(
        D("0.01"), ROUND_HALF_UP
    ) == D(petrov["bonus"])
    assert D(petrov["fixed_pay"]) + D(petrov["bonus"]) == D(petrov["total"])
    # incomplete: no KPI, no coefficient, still its fixed pay
    assert missing["status"] == "incomplete" and missing["coefficient"] is None
    assert missing["fixed_pay"] == "10000.00" and missing["bonus"] is None
    assert document["totals"] == {
        "fixed_pay": "44850.00",
        "bonus": "22162.84",
        "total": "57012.84",
        "complete": 2,
        "incomplete": 1,
    }


def test_the_csv_has_the_totals_line(half_months: CompanyService) -> None:
    lines = bonus_report_csv(period_bonuses(half_months, H2)).strip().splitlines()
    header, *rows = (line.split(",") for line in lines)
    assert len(rows) == 4
    values = [dict(zip(header, row, strict=True)) for row in rows]
    assert values[0]["coefficient"] == ""  # per-indicator: none
    assert values[1]["coefficient"] == "1.069"
    assert values[-1]["status"] == "totals"
    assert (values[-1]["fixed_pay"], values[-1]["bonus"], values[-1]["total"]) == (
        "44850.00",
        "22162.84",
        "57012.84",
    )
    assert values[-1]["missing"] == "incomplete: 1"


def test_a_locked_matrix_change_names_the_changed_row(tmp_path: Path) -> None:
    with CompanyService.create(tmp_path / "month.kpidesk", name="Месяц") as service:
        service.import_workbook(workbook(tmp_path / "a.xlsx", company_sheets("2026-10", "2026-10")))
        periods.lock_period(service, OCT)
        changed = workbook(tmp_path / "b.xlsx", company_sheets("2026-10", "2026-10", norm=7))
        with pytest.raises(UserError) as refused:
            service.import_workbook(changed)
    (problem,) = refused.value.problems
    assert problem.code == "period_locked"
    # the conversion row of the seller's matrix: Excel row 4 (row 2 is its first row)
    assert (problem.where.sheet, problem.where.row) == ("Матрица", 4)

"""Generate the reference data set of SPEC §9 ("chain": 20 stores, 200 employees with 8
indicators each, 3 years of daily data ≈ 22 000 daily rows) or a multiple of it, as an
interchange workbook and/or a company database.

    python bench/generate.py                 # bench/data/reference.xlsx + reference.kpidesk
    python bench/generate.py --scale 10      # 200 stores, 2 000 employees, 10 years
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, Fact, StorePlan
from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import round_money
from kpidesk.core.org import Employee, Store
from kpidesk.core.periods import Period

DATA = Path(__file__).resolve().parent / "data"
LAST_MONTH = Period.month(2026, 10)
D = Decimal


def _indicators() -> tuple[Indicator, ...]:
    scale, ratio, binary = IndexMethod.SCALE, IndexMethod.RATIO, IndexMethod.BINARY
    rows = (
        ("plan", "Выполнение плана", "%", "store:plan_completion", ratio),
        ("conversion", "Конверсия", "%", "store:conversion", scale),
        ("avg_check", "Средний чек", "₽", "store:avg_check", scale),
        ("upt", "Товаров в чеке", "шт.", "store:upt", scale),
        ("rpv", "Выручка на посетителя", "₽", "store:revenue_per_visitor", scale),
        ("nps", "NPS", "%", "manual", scale),
        ("complaints", "Жалобы", "шт.", "manual", scale),
        ("standards", "Стандарты", "", "manual", binary),
    )
    return tuple(Indicator(c, n, u, Source.parse(s), m) for c, n, u, s, m in rows)


def _matrix(position: str, first: Period) -> Matrix:
    rows = (
        MatrixRow("plan", D("0.2"), None, D(100), D(130)),
        MatrixRow("conversion", D("0.15"), D(18), D(24), D(30)),
        MatrixRow("avg_check", D("0.15"), D(2200), D(2700), D(3300)),
        MatrixRow("upt", D("0.1"), D("1.2"), D("1.6"), D(2)),
        MatrixRow("rpv", D("0.1"), D(450), D(650), D(800)),
        MatrixRow("nps", D("0.1"), D(40), D(60), D(75)),
        MatrixRow("complaints", D("0.1"), D(6), D(2), D(0)),
        MatrixRow("standards", D("0.1"), None, D(1), None),
    )
    return Matrix(first, rows, position=position)


def build(scale: int = 1, years: int | None = None) -> CompanyContent:
    """The reference company at ``scale`` (1: 20 stores × 10 people, 3 years)."""
    rng = random.Random(9)
    stores_count = 20 * scale
    years = years or (3 if scale == 1 else 10)
    months = [LAST_MONTH.shifted(-k) for k in range(12 * years - 1, -1, -1)]
    first = months[0]
    stores = tuple(Store(f"Магазин {n:03d}") for n in range(1, stores_count + 1))
    employees: list[Employee] = []
    for store in stores:
        for k in range(10):
            position = "Управляющий" if k == 0 else "Продавец"
            name = f"{store.name} сотрудник {k + 1:02d}"
            pay = D(55000) if k == 0 else D(32000)
            bonus = D(25000) if k == 0 else D(14000)
            employees.append(
                Employee(name, position, store.name, "Розница", pay, bonus, first.start)
            )
    daily: list[DailyEntry] = []
    day = first.start
    while day <= LAST_MONTH.end:
        weekday = (0.85, 0.8, 0.9, 0.95, 1.1, 1.45, 1.35)[day.weekday()]
        for number, store in enumerate(stores):
            size = 0.6 + (number % 7) * 0.12
            visitors = int(160 * size * weekday * rng.uniform(0.85, 1.15))
            receipts = max(1, int(visitors * rng.uniform(0.19, 0.28)))
            revenue = round_money(D(receipts) * D(str(round(2650 * rng.uniform(0.85, 1.2), 2))))
            units = int(receipts * rng.uniform(1.3, 1.9))
            daily.append(DailyEntry(store.name, day, revenue, receipts, visitors, units))
        day += timedelta(days=1)
    plans = [
        StorePlan(store.name, month, round_money(D(int(3_300_000 * (0.6 + (n % 7) * 0.12)))))
        for month in months
        for n, store in enumerate(stores)
    ]
    facts: list[Fact] = []
    for month in months:
        for employee in employees:
            facts.append(Fact(month, employee.name, "nps", D(rng.randint(40, 80))))
            facts.append(Fact(month, employee.name, "complaints", D(rng.randint(0, 6))))
            facts.append(Fact(month, employee.name, "standards", D(rng.choice((0, 1, 1, 1)))))
    return CompanyContent(
        company_name=f"Эталонная сеть ×{scale}",
        stores=stores,
        employees=tuple(employees),
        indicators=_indicators(),
        matrices=(_matrix("Управляющий", first), _matrix("Продавец", first)),
        daily=tuple(daily),
        plans=tuple(plans),
        facts=tuple(facts),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--no-xlsx", action="store_true", help="only the database")
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    stem = "reference" if args.scale == 1 else f"reference-x{args.scale}"
    started = time.perf_counter()
    content = build(args.scale)
    print(
        f"built {len(content.daily)} daily rows, {len(content.employees)} employees, "
        f"{len(content.facts)} facts in {time.perf_counter() - started:.1f} s"
    )
    from kpidesk.store.database import Database

    database_path = DATA / f"{stem}.kpidesk"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database_path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with Database.open(database_path, actor="bench") as database:
        database.content.apply_content(content)
    print(f"wrote {database_path} in {time.perf_counter() - started:.1f} s")
    if not args.no_xlsx:
        from kpidesk.io.writer import write_workbook

        started = time.perf_counter()
        write_workbook(content, DATA / f"{stem}.xlsx")
        print(f"wrote {DATA / f'{stem}.xlsx'} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

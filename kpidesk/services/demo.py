"""The demo company: a realistic, deterministic small chain to try every screen on.

Three stores, fifteen employees in four positions (store managers, sales assistants, a
marketer, warehouse keepers), three full months of daily data with weekly seasonality plus
the current month up to yesterday, per-seller sales, revenue plans, marketing and warehouse
inputs, manual facts — with one employee's fact for the latest full month deliberately left
out so the period shows an incomplete matrix. Matrices use all three index methods and
lower-is-better rows; store managers are also paid for closing their duties
(``tasks:open_at_close``). Duty lists per position and a realistic mix of accepted, late,
done and open duties and tasks (``demo_tasks``). Builds a ``CompanyContent`` only; the
service applies it.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, Fact, PeriodInput, SellerDay, StorePlan
from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.money import round_money
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.services.demo_tasks import demo_duty_lists, demo_tasks

D = Decimal
COMPANY_NAME = "ООО «Уютный дом»"
MANAGER, SELLER, MARKETER, KEEPER = (
    "Управляющий магазином",
    "Продавец-консультант",
    "Маркетолог",
    "Кладовщик",
)
INCOMPLETE_EMPLOYEE = "Соколова Анна Игоревна"  # her NPS fact for the latest month is missing

_STORES = (  # name, size factor, sellers
    (
        "ТЦ «Мега»",
        1.35,
        ("Соколова Анна Игоревна", "Павлов Денис Олегович", "Морозова Юлия Сергеевна"),
    ),
    (
        "Центральный",
        1.0,
        ("Волков Артём Андреевич", "Лебедева Ксения Павловна", "Новиков Илья Романович"),
    ),
    (
        "На Садовой",
        0.75,
        ("Козлова Дарья Викторовна", "Зайцев Максим Ильич", "Орлова Полина Алексеевна"),
    ),
)
_MANAGERS = ("Кузнецова Елена Николаевна", "Смирнов Сергей Петрович", "Попова Ольга Дмитриевна")
_MARKETER = "Фёдорова Марина Андреевна"
_KEEPERS = ("Васильев Николай Иванович", "Михайлов Егор Станиславович")
_WEEKDAY_FACTOR = (0.85, 0.8, 0.9, 0.95, 1.1, 1.45, 1.35)  # Mon..Sun


def _indicators() -> tuple[Indicator, ...]:
    def ind(code: str, name: str, unit: str, source: str, method: IndexMethod) -> Indicator:
        return Indicator(code, name, unit, Source.parse(source), method)

    scale, ratio, binary = IndexMethod.SCALE, IndexMethod.RATIO, IndexMethod.BINARY
    return (
        ind("plan", "Выполнение плана выручки", "%", "store:plan_completion", ratio),
        ind("conversion", "Конверсия", "%", "store:conversion", scale),
        ind("avg_check", "Средний чек", "₽", "store:avg_check", scale),
        ind("complaints", "Жалобы покупателей", "шт.", "manual", scale),
        ind("personal_sales", "Личные продажи", "₽", "employee:revenue", ratio),
        ind("nps", "Лояльность покупателей (NPS)", "%", "manual", scale),
        ind("standards", "Соблюдение стандартов", "", "manual", binary),
        ind("ctr", "CTR рекламы", "%", "marketing:ctr", ratio),
        ind("cpl", "Стоимость лида", "₽", "marketing:cpl", ratio),
        ind("dynamics", "Динамика продаж сети", "%", "store:sales_dynamics", scale),
        ind("warehouse", "Интегральный KPI склада", "%", "warehouse:integrated", scale),
        ind("shortage", "Недостача по инвентаризации", "₽", "manual", scale),
        ind(
            "duties_open",
            "Незакрытые обязанности и задачи на конец периода",
            "шт.",
            "tasks:open_at_close",
            scale,
        ),
    )


def _row(code: str, weight: str, base: str | None, norm: str, target: str | None) -> MatrixRow:
    return MatrixRow(
        code,
        D(weight),
        None if base is None else D(base),
        D(norm),
        None if target is None else D(target),
    )


def _matrices(first: Period) -> tuple[Matrix, ...]:
    return (
        Matrix(
            first,
            (
                _row("plan", "0.4", None, "100", "130"),
                _row("conversion", "0.15", "18", "24", "30"),
                _row("avg_check", "0.15", "2200", "2700", "3300"),
                _row("complaints", "0.2", "6", "2", "0"),  # lower is better: base above norm
                _row("duties_open", "0.1", "4", "0", None),  # every duty closed by the end
            ),
            position=MANAGER,
        ),
        Matrix(
            first,
            (
                _row("personal_sales", "0.5", None, "1100000", "1650000"),
                _row("conversion", "0.2", "18", "24", "30"),
                _row("nps", "0.2", "40", "60", "75"),
                _row("standards", "0.1", None, "1", None),
            ),
            position=SELLER,
        ),
        Matrix(
            first,
            (
                _row("ctr", "0.3", None, "2.5", "4"),
                _row("cpl", "0.4", "900", "600", "450"),  # lower is better, ratio method
                _row("dynamics", "0.3", "90", "103", "115"),
            ),
            position=MARKETER,
        ),
        Matrix(
            first,
            (
                _row("warehouse", "0.6", "90", "98", "100"),
                _row("shortage", "0.4", "30000", "5000", "0"),
            ),
            position=KEEPER,
        ),
    )


def _employees(first_day: date) -> tuple[Employee, ...]:
    people: list[Employee] = []
    for (store, _factor, sellers), manager in zip(_STORES, _MANAGERS, strict=True):
        people.append(Employee(manager, MANAGER, store, "Розница", D(55000), D(25000), first_day))
        for seller in sellers:
            people.append(Employee(seller, SELLER, store, "Розница", D(32000), D(14000), first_day))
    people.append(Employee(_MARKETER, MARKETER, None, "Маркетинг", D(48000), D(20000), first_day))
    for keeper in _KEEPERS:
        people.append(Employee(keeper, KEEPER, None, "Склад", D(36000), D(12000), first_day))
    # personnel numbers as a payroll program numbers people (SPEC §2.1)
    return tuple(replace(e, personnel_number=f"{n:04d}") for n, e in enumerate(people, 1))


def _schedules() -> tuple[PayoutSchedule, ...]:
    steps = tuple(
        PayoutStep(D(t), D(c))
        for t, c in (("0.8", "0.5"), ("0.9", "0.8"), ("1.0", "1.0"), ("1.2", "1.2"))
    )
    return (
        PayoutSchedule(),  # the company's: linear, from 80 %, at most 150 %
        PayoutSchedule(PayoutKind.STEPS, steps=steps, position=SELLER),
    )


def build_demo(today: date) -> CompanyContent:
    """The demo company as of ``today``: three full months before ``today``'s month with
    every input, plus the current month's daily data up to yesterday."""
    rng = random.Random(20261022)
    current = Period.containing(today, PeriodKind.MONTH)
    months = [current.shifted(-3), current.shifted(-2), current.shifted(-1)]
    first = months[0]
    daily: list[DailyEntry] = []
    sellers: list[SellerDay] = []
    plans: list[StorePlan] = []
    day = first.start
    while day < today:
        season = 1 + 0.04 * ((day.month - first.start.month) % 12)
        for store, factor, store_sellers in _STORES:
            weekday = _WEEKDAY_FACTOR[day.weekday()]
            visitors = int(160 * factor * weekday * rng.uniform(0.85, 1.15))
            conversion = rng.uniform(0.19, 0.28)
            receipts = max(1, int(visitors * conversion))
            check = D(str(round(2650 * rng.uniform(0.85, 1.2) * season, 2)))
            revenue = round_money(check * receipts)
            units = int(receipts * rng.uniform(1.3, 1.9))
            daily.append(DailyEntry(store, day, revenue, receipts, visitors, units))
            shares = [rng.uniform(0.7, 1.3) for _ in store_sellers]
            left_revenue, left_receipts, left_units = revenue, receipts, units
            for index, seller in enumerate(store_sellers):
                if index == len(store_sellers) - 1:
                    part_revenue, part_receipts, part_units = (
                        left_revenue,
                        left_receipts,
                        left_units,
                    )
                else:
                    share = shares[index] / sum(shares)
                    part_receipts = int(receipts * share)
                    part_units = int(units * share)
                    part_revenue = round_money(revenue * D(str(round(share, 4))))
                left_revenue -= part_revenue
                left_receipts -= part_receipts
                left_units -= part_units
                sellers.append(
                    SellerDay(store, day, seller, part_revenue, part_receipts, part_units)
                )
        day += timedelta(days=1)
    for month in [*months, current]:
        for store, factor, _sellers in _STORES:
            plan = round_money(D(str(round(3_350_000 * factor * month.length / 30, -3))))
            plans.append(StorePlan(store, month, plan))
    facts: list[Fact] = []
    inputs: list[PeriodInput] = []
    for month in months:
        latest = month == months[-1]
        for (_store, _f, store_sellers), manager in zip(_STORES, _MANAGERS, strict=True):
            facts.append(Fact(month, manager, "complaints", D(rng.choice((0, 1, 2, 3, 5)))))
            for seller in store_sellers:
                if not (latest and seller == INCOMPLETE_EMPLOYEE):
                    facts.append(Fact(month, seller, "nps", D(rng.randint(45, 78))))
                facts.append(Fact(month, seller, "standards", D(rng.choice((1, 1, 1, 0)))))
        impressions = rng.randint(180_000, 260_000)
        clicks = int(impressions * rng.uniform(0.022, 0.036))
        leads = int(clicks * rng.uniform(0.08, 0.12))
        cost = D(leads * rng.randint(480, 720))
        for name, value in (
            ("impressions", D(impressions)),
            ("clicks", D(clicks)),
            ("leads", D(leads)),
            ("cost", cost),
        ):
            inputs.append(PeriodInput(month, _MARKETER, f"marketing:{name}", value))
        for keeper in _KEEPERS:
            for what, declared in (("orders", 420), ("lines", 2900), ("units", 16000)):
                shipped = int(declared * rng.uniform(0.95, 1.0))
                inputs.append(PeriodInput(month, keeper, f"warehouse:{what}_declared", D(declared)))
                inputs.append(PeriodInput(month, keeper, f"warehouse:{what}_shipped", D(shipped)))
            money = D(rng.randint(9_000_000, 11_000_000))
            shipped_money = round_money(money * D(str(round(rng.uniform(0.95, 1.0), 4))))
            inputs.append(PeriodInput(month, keeper, "warehouse:money_declared", money))
            inputs.append(PeriodInput(month, keeper, "warehouse:money_shipped", shipped_money))
            facts.append(Fact(month, keeper, "shortage", D(rng.randint(0, 40) * 500)))
    employees = _employees(first.start)
    duty_lists = demo_duty_lists()
    return CompanyContent(
        company_name=COMPANY_NAME,
        pay_period=PeriodKind.MONTH,
        stores=tuple(Store(name) for name, _f, _s in _STORES),
        departments=tuple(Department(name) for name in ("Розница", "Маркетинг", "Склад")),
        positions=tuple(Position(name) for name in (MANAGER, SELLER, MARKETER, KEEPER)),
        employees=employees,
        indicators=_indicators(),
        matrices=_matrices(first),
        schedules=_schedules(),
        daily=tuple(daily),
        seller_days=tuple(sellers),
        plans=tuple(plans),
        facts=tuple(facts),
        inputs=tuple(inputs),
        duty_templates=duty_lists,
        tasks=demo_tasks(employees, duty_lists, [*months, current], today),
    )

"""A small company content used by the store tests (every entity kind at least once)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, Fact, PeriodInput, SellerDay, StorePlan
from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period, PeriodKind

D = Decimal
OCT = Period.month(2026, 10)
SEP = Period.month(2026, 9)


def small_content() -> CompanyContent:
    """Two stores, three employees, three indicators, two months of data."""
    stores = (Store("Мега"), Store("Центр"), Store("Старый", archived=True))
    employees = (
        Employee(
            "Анна",
            "Продавец",
            "Мега",
            "Продажи",
            D("39700.00"),
            D("16300"),
            start=date(2025, 1, 10),
        ),
        Employee("Борис", "Продавец", "Центр", None, D("38000"), D("15000")),
        Employee(
            "Вера", "Маркетолог", None, "Маркетинг", D("50000"), D("20000"), end=date(2026, 12, 31)
        ),
    )
    indicators = (
        Indicator("revenue", "Выручка", "₽", Source.parse("store:revenue")),
        Indicator("nps", "NPS", "%", Source.parse("manual"), IndexMethod.SCALE),
        Indicator("clicks", "CTR", "%", Source.parse("marketing:ctr"), IndexMethod.RATIO),
    )
    seller_rows = (
        MatrixRow("revenue", D("0.7"), D("50000"), D("100000"), D("300000")),
        MatrixRow("nps", D("0.3"), D("60"), D("80"), None),
    )
    matrices = (
        Matrix(SEP, seller_rows, position="Продавец"),
        Matrix(OCT, (MatrixRow("clicks", D("1"), None, D("20"), D("30")),), employee="Вера"),
    )
    schedules = (
        PayoutSchedule(),
        PayoutSchedule(
            PayoutKind.STEPS,
            steps=(PayoutStep(D("0.8"), D("0.5")), PayoutStep(D("1"), D("1"))),
            position="Маркетолог",
        ),
    )
    daily = tuple(
        DailyEntry(
            store,
            SEP.start + timedelta(days=d),
            D(1000 + 10 * d),
            10 + d,
            50 + d,
            15,
            D("12.50") if d == 3 else None,
        )
        for d in range(61)
        for store in ("Мега", "Центр")
    )
    sellers = tuple(
        SellerDay("Мега", SEP.start + timedelta(days=d), "Анна", D(500 + d), 5, 7)
        for d in range(61)
    )
    plans = (StorePlan("Мега", SEP, D("40000")), StorePlan("Мега", OCT, D("45000.00")))
    facts = (
        Fact(SEP, "Анна", "nps", D("75")),
        Fact(OCT, "Анна", "nps", D("82.5")),
        Fact(OCT, "Борис", "nps", D("70")),
    )
    inputs = (
        PeriodInput(OCT, "Вера", "marketing:clicks", D("120")),
        PeriodInput(OCT, "Вера", "marketing:impressions", D("10000")),
    )
    return CompanyContent(
        company_name="ООО «Тест»",
        pay_period=PeriodKind.MONTH,
        stores=stores,
        departments=(Department("Продажи"), Department("Маркетинг")),
        positions=(Position("Продавец"), Position("Маркетолог")),
        employees=employees,
        indicators=indicators,
        matrices=matrices,
        schedules=schedules,
        daily=daily,
        seller_days=sellers,
        plans=plans,
        facts=facts,
        inputs=inputs,
    )

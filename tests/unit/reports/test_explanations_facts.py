"""Computed facts explained in Russian (issue 18, item 3): hand-checked worked examples of
each family's breakdown text, as the matrix editor's tooltip and the bonus sheet's
appendix print it — «Конверсия: 80 чеков / 300 посетителей = 26,67%» — and the plural
rule of the counted nouns."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from kpidesk.core.daily import DailyEntry, StorePlan
from kpidesk.core.explained_facts import store_breakdown, task_breakdown
from kpidesk.core.fact_breakdown import FactBreakdown
from kpidesk.core.families import family_breakdown
from kpidesk.core.indicators import SourceKind
from kpidesk.core.periods import Period
from kpidesk.core.store_metrics import DailySums, metrics_from_sums, store_metrics
from kpidesk.core.tasks import Task, TaskStatus
from kpidesk.reports.fact_breakdown_text import breakdown_text, fact_line, plural_form

D = Decimal
OCT = Period.month(2026, 10)
NB = "\u00a0"


@pytest.fixture
def russian(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication

    from kpidesk.reports.translations import install_translators, remove_translators

    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "ru")
    yield
    remove_translators(app, translators)


def plain(text: str) -> str:
    return text.replace(NB, " ")


def text(found: FactBreakdown | None) -> str:
    assert found is not None
    return plain(breakdown_text(found))


def test_store_facts_in_russian(russian: None) -> None:
    metrics = metrics_from_sums(DailySums(1, D(2908990), 1000, 3750, 2345))
    conversion = metrics_from_sums(DailySums(1, D(1), 80, 300))
    assert plain(fact_line("Конверсия", store_breakdown(conversion, "conversion"))) == (  # type: ignore[arg-type]
        "Конверсия: 80 чеков / 300 посетителей = 26,67%"
    )
    assert text(store_breakdown(metrics, "avg_check")) == "2 908 990 ₽ / 1 000 чеков = 2 908,99 ₽"
    assert text(store_breakdown(metrics, "upt")) == "2 345 единиц товара / 1 000 чеков = 2,35"
    assert text(store_breakdown(metrics, "revenue")) == (
        "2 908 990,00 ₽ (сумма дневных данных за период)"
    )
    month = store_metrics(
        [DailyEntry("A", date(2026, 10, 1), D(1025900), 10, 21)],
        {"A"},
        OCT,
        [StorePlan("A", OCT, D(1000000))],
    )
    assert text(store_breakdown(month, "plan_completion")) == (
        "1 025 900 ₽ / 1 000 000 ₽ = 102,59%"
    )
    span = Period.custom(date(2026, 9, 19), date(2026, 10, 4))
    part = store_metrics(
        [DailyEntry("A", date(2026, 10, 2), D(129000), 10, 20)],
        {"A"},
        span,
        [StorePlan("A", OCT, D(1000000))],
    )
    assert text(store_breakdown(part, "plan_completion")) == (
        "129 000 ₽ / 129 032,258 ₽ = 99,98% (план покрывает 4 из 16 дн. диапазона)"
    )
    empty = metrics_from_sums(DailySums(1, D(0), 0, 0))
    assert text(store_breakdown(empty, "conversion")) == (
        "0 чеков / 0 посетителей: деление на ноль, нет данных"
    )


def _task(title: str, status: TaskStatus, done: int | None = None) -> Task:
    return Task(
        title,
        "Иванова",
        "Петров",
        OCT,
        date(2026, 10, 20),
        status=status,
        done_on=date(2026, 10, done) if done else None,
        accepted_on=date(2026, 10, 19) if status is TaskStatus.ACCEPTED else None,
    )


def test_tasks_facts_in_russian(russian: None) -> None:
    tasks = [
        _task("a", TaskStatus.OPEN),
        _task("b", TaskStatus.DONE, 25),
        _task("c", TaskStatus.DONE, 28),
        _task("d", TaskStatus.ACCEPTED, 15),
    ]
    assert plain(
        fact_line("Незакрытые на конец периода", task_breakdown("open_at_close", tasks, OCT))  # type: ignore[arg-type]
    ) == ("Незакрытые на конец периода: 3 (открыто 1, ждут приёмки 2)")
    assert text(task_breakdown("on_time_percent", tasks, OCT)) == (
        "1 принята в срок / 4 задачи = 25,00%"
    )


def test_warehouse_marketing_sales_in_russian(russian: None) -> None:
    warehouse = {
        "orders_declared": D(84),
        "orders_shipped": D(82),
        "lines_declared": D(1000),
        "lines_shipped": D(959),
        "units_declared": D(3000),
        "units_shipped": D(2913),
        "money_declared": D(1000000),
        "money_shipped": D("953400.50"),
    }
    w = SourceKind.WAREHOUSE
    assert text(family_breakdown(w, "orders_fulfilment", warehouse)) == (
        "82 заказа отгружено / 84 заказа заявлено = 97,62%"
    )
    assert text(family_breakdown(w, "money_fulfilment", warehouse)) == (
        "отгружено на 953 400,50 ₽ / заявлено на 1 000 000 ₽ = 95,34%"
    )
    assert text(family_breakdown(w, "integrated", warehouse)) == (
        "(97,62% + 95,90% + 97,10% + 95,34%) / 4 = 96,49%"
    )
    marketing = {
        "clicks": D(5829),
        "impressions": D(182980),
        "cost": D(323140),
        "leads": D(604),
        "profit": D(150000),
        "marketing_cost": D(50000),
        "promoters_pct": D(45),
        "detractors_pct": D("10.5"),
    }
    m = SourceKind.MARKETING
    assert text(family_breakdown(m, "ctr", marketing)) == "5 829 кликов / 182 980 показов = 3,19%"
    assert text(family_breakdown(m, "cpl", marketing)) == "323 140 ₽ / 604 лида = 535,00 ₽"
    assert text(family_breakdown(m, "romi", marketing)) == (
        "(150 000 ₽ − 50 000 ₽) / 50 000 ₽ = 200,00%"
    )
    assert text(family_breakdown(m, "nps", marketing)) == "45% − 10,50% = 34,50"
    sales = {"deal_days": D(75), "deals": D(30), "revenue": D(905000), "transactions": D(21)}
    s = SourceKind.SALES
    assert text(family_breakdown(s, "deal_cycle", sales)) == "75 дней / 30 сделок = 2,50 дня"
    assert text(family_breakdown(s, "revenue", sales)) == "905 000,00 ₽ (введено за период)"
    assert text(family_breakdown(s, "transactions", sales)) == "21 (введено за период)"


def test_russian_plural_forms() -> None:
    forms = "%1 чек|%1 чека|%1 чеков"
    picked = {n: plural_form(D(n), forms, "ru") for n in (1, 2, 5, 11, 12, 21, 22, 25, 111, 1000)}
    assert picked == {
        1: "%1 чек",
        2: "%1 чека",
        5: "%1 чеков",
        11: "%1 чеков",
        12: "%1 чеков",
        21: "%1 чек",
        22: "%1 чека",
        25: "%1 чеков",
        111: "%1 чеков",
        1000: "%1 чеков",
    }
    assert plural_form(D("2.5"), forms, "ru") == "%1 чека"
    assert plural_form(D(1), "%1 receipt|%1 receipts|%1 receipts", "en") == "%1 receipt"
    assert plural_form(D(3), "%1 receipt|%1 receipts|%1 receipts", "en") == "%1 receipts"

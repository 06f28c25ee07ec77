"""The KPI template library (issue 14 item 2): the six ready matrices of ``core.templates``
— продавец-консультант, управляющий магазином, кассир, кладовщик, маркетолог, менеджер по
продажам — from the seeds' practice (SPEC §2.3–§2.7, §2.10). Data only: each row's source
is a real one of ``core.indicators``, every template's weights sum to exactly 100 %.

Must not: hold logic beyond building the rows.
"""

from __future__ import annotations

from decimal import Decimal

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.templates import Basis, KpiTemplate, Levels, TemplateIndicator

D = Decimal
_FIXED_PCT = Levels(Basis.FIXED, D(80), D(100), D(120))


def _row(
    code: str,
    name: str,
    description: str,
    unit: str,
    source: str,
    weight: str,
    levels: Levels,
    method: IndexMethod = IndexMethod.SCALE,
) -> TemplateIndicator:
    return TemplateIndicator(code, name, description, unit, source, method, D(weight), levels)


def _history(
    base: str | None,
    norm: str,
    target: str | None,
    fallback: tuple[str | None, str, str | None] | None = None,
    basis: Basis = Basis.HISTORY,
) -> Levels:
    fixed = None
    if fallback is not None:
        low, mid, high = fallback
        fixed = (None if low is None else D(low), D(mid), None if high is None else D(high))
    return Levels(
        basis,
        None if base is None else D(base),
        D(norm),
        None if target is None else D(target),
        fixed,
    )


def _fixed(base: str | None, norm: str, target: str | None) -> Levels:
    return Levels(
        Basis.FIXED,
        None if base is None else D(base),
        D(norm),
        None if target is None else D(target),
    )


_PLAN_COMPLETION = _row(
    "plan_completion",
    "Выполнение плана магазина",
    "Выручка магазина за период против его плана продаж, %: 80 % — порог, 100 % — план, "
    "120 % — цель.",
    "%",
    "store:plan_completion",
    "0.30",
    _FIXED_PCT,
)
_STANDARDS = _row(
    "standards",
    "Стандарты обслуживания",
    "Оценка «тайного покупателя» или управляющего по чек-листу стандартов, % выполненных пунктов.",
    "%",
    "manual",
    "0.10",
    _fixed("70", "90", "100"),
)
_ON_TIME = _row(
    "tasks_on_time",
    "Задачи в срок",
    "Доля поручений и обязанностей периода, принятых контролёром к сроку, %.",
    "%",
    "tasks:on_time_percent",
    "0.10",
    _fixed("70", "90", "100"),
)
_COMPLAINTS = _row(
    "complaints",
    "Жалобы покупателей",
    "Обоснованные жалобы за период, шт. Чем меньше, тем лучше: 0 — лучший результат.",
    "шт.",
    "manual",
    "0.15",
    _fixed("5", "1", "0"),
)

TEMPLATES: tuple[KpiTemplate, ...] = (
    KpiTemplate(
        "seller",
        "Продавец-консультант",
        "Личные продажи и средний чек продавца, выполнение плана магазина, допродажи и "
        "стандарты обслуживания.",
        (
            _PLAN_COMPLETION,
            _row(
                "seller_revenue",
                "Личные продажи",
                "Выручка по чекам продавца за период, ₽; норма — его среднее за полгода.",
                "₽",
                "employee:revenue",
                "0.25",
                _history("0.8", "1", "1.2"),
            ),
            _row(
                "seller_avg_check",
                "Средний чек продавца",
                "Выручка продавца / число его чеков, ₽.",
                "₽",
                "employee:avg_check",
                "0.15",
                _history("0.9", "1", "1.15"),
            ),
            _row(
                "seller_upt",
                "Товаров в чеке",
                "Единиц товара на один чек продавца (допродажи), шт.",
                "шт.",
                "employee:upt",
                "0.10",
                _history("0.9", "1", "1.2", ("1.2", "1.5", "2")),
            ),
            _row(
                "store_conversion",
                "Конверсия магазина",
                "Покупатели (чеки) / посетители × 100 %: из 300 вошедших купили 80 — 26,67 %.",
                "%",
                "store:conversion",
                "0.10",
                _history("0.9", "1", "1.15", ("20", "25", "30")),
            ),
            _STANDARDS,
        ),
    ),
    KpiTemplate(
        "store_manager",
        "Управляющий магазином",
        "Выручка магазина против плана, конверсия и средний чек, потери, жалобы и "
        "исполнительская дисциплина.",
        (
            _row(
                "store_revenue",
                "Выручка магазина",
                "Выручка магазина за период, ₽: база — 80 % плана магазина, норма — план, "
                "цель — 120 % плана (без плана — от среднего за полгода).",
                "₽",
                "store:revenue",
                "0.30",
                _history("0.8", "1", "1.2", basis=Basis.PLAN),
            ),
            _row(
                "store_conversion",
                "Конверсия магазина",
                "Покупатели (чеки) / посетители × 100 %.",
                "%",
                "store:conversion",
                "0.15",
                _history("0.9", "1", "1.15", ("20", "25", "30")),
            ),
            _row(
                "store_avg_check",
                "Средний чек магазина",
                "Выручка / число чеков магазина, ₽.",
                "₽",
                "store:avg_check",
                "0.15",
                _history("0.9", "1", "1.15"),
            ),
            _row(
                "losses_pct",
                "Потери (недостача)",
                "Недостача по инвентаризации, % от выручки. Чем меньше, тем лучше.",
                "%",
                "manual",
                "0.15",
                _fixed("1", "0.5", "0.2"),
            ),
            _ON_TIME,
            _COMPLAINTS,
        ),
    ),
    KpiTemplate(
        "cashier",
        "Кассир",
        "Пробитые чеки, точность кассы, стандарты обслуживания, жалобы и поручения.",
        (
            _row(
                "cashier_receipts",
                "Пробитые чеки",
                "Число чеков, пробитых кассиром за период, шт.; норма — его среднее за полгода.",
                "шт.",
                "employee:receipts",
                "0.30",
                _history("0.9", "1", "1.15"),
            ),
            _row(
                "cash_discrepancy",
                "Расхождения по кассе",
                "Сумма недостач и излишков при сверке кассы за период, ₽. 0 — лучший результат.",
                "₽",
                "manual",
                "0.25",
                _fixed("1000", "0", None),
            ),
            _row(
                "standards",
                "Стандарты обслуживания",
                "Оценка по чек-листу стандартов на кассе, % выполненных пунктов.",
                "%",
                "manual",
                "0.20",
                _fixed("70", "90", "100"),
            ),
            _COMPLAINTS,
            _ON_TIME,
        ),
    ),
    KpiTemplate(
        "storekeeper",
        "Кладовщик",
        "Выполнение заявок на отгрузку по заказам, строкам и интегрально, недостача и "
        "закрытые задачи (seed 001, «KPI для склада»).",
        (
            _row(
                "warehouse_integrated",
                "Интегральный KPI склада",
                "Среднее четырёх выполнений: заказы, строки, единицы, деньги, %.",
                "%",
                "warehouse:integrated",
                "0.35",
                _fixed("90", "98", "100"),
            ),
            _row(
                "orders_fulfilment",
                "Выполнение заказов",
                "Отгружено / заявлено заказов × 100 %.",
                "%",
                "warehouse:orders_fulfilment",
                "0.20",
                _fixed("90", "98", "100"),
            ),
            _row(
                "lines_fulfilment",
                "Выполнение строк заказов",
                "Отгружено / заявлено строк заказов × 100 %.",
                "%",
                "warehouse:lines_fulfilment",
                "0.15",
                _fixed("90", "98", "100"),
            ),
            _row(
                "losses_pct",
                "Потери (недостача)",
                "Недостача по инвентаризации склада, % от оборота. Чем меньше, тем лучше.",
                "%",
                "manual",
                "0.15",
                _fixed("1", "0.5", "0.2"),
            ),
            _row(
                "tasks_open",
                "Незакрытые задачи",
                "Задачи и обязанности периода, не принятые к его концу, шт. Норма — 0.",
                "шт.",
                "tasks:open_at_close",
                "0.15",
                _fixed("5", "0", None),
            ),
        ),
    ),
    KpiTemplate(
        "marketer",
        "Маркетолог",
        "Новые клиенты, конверсия и стоимость лида, ROMI и NPS; план — среднее за полгода "
        "+20 % (seed 001, «Образец»).",
        (
            _row(
                "new_customers",
                "Новые клиенты",
                "Число новых покупателей за период, шт.; план — среднее за полгода +20 %, "
                "индекс — факт / план.",
                "шт.",
                "manual",
                "0.30",
                _history(None, "1.2", "1.8"),
                IndexMethod.RATIO,
            ),
            _row(
                "marketing_cr",
                "Конверсия сайта (CR)",
                "Конверсии / визиты × 100 %.",
                "%",
                "marketing:cr",
                "0.20",
                _history(None, "1.2", "1.8", (None, "2", "3")),
                IndexMethod.RATIO,
            ),
            _row(
                "marketing_cpl",
                "Стоимость лида (CPL)",
                "Затраты / число лидов, ₽. Чем меньше, тем лучше.",
                "₽",
                "marketing:cpl",
                "0.20",
                _history("1.2", "1", "0.8"),
            ),
            _row(
                "marketing_romi",
                "ROMI",
                "(Прибыль − затраты на маркетинг) / затраты на маркетинг × 100 %.",
                "%",
                "marketing:romi",
                "0.15",
                _history("0.8", "1", "1.2", ("100", "200", "300")),
            ),
            _row(
                "marketing_nps",
                "NPS",
                "% промоутеров − % критиков по опросу покупателей.",
                "%",
                "marketing:nps",
                "0.15",
                _fixed("30", "50", "70"),
            ),
        ),
    ),
    KpiTemplate(
        "sales_manager",
        "Менеджер по продажам",
        "Выручка по сделкам, конверсия клиентов, средний заказ, цикл сделки и число сделок.",
        (
            _row(
                "sales_revenue",
                "Выручка по сделкам",
                "Выручка менеджера за период, ₽; норма — его среднее за полгода.",
                "₽",
                "sales:revenue",
                "0.40",
                _history("0.8", "1", "1.2"),
            ),
            _row(
                "sales_conversion",
                "Конверсия в продажу",
                "Фактические / потенциальные клиенты × 100 %.",
                "%",
                "sales:conversion",
                "0.20",
                _history("0.9", "1", "1.15", ("15", "25", "35")),
            ),
            _row(
                "sales_aov",
                "Средний заказ (AOV)",
                "Выручка / число заказов, ₽.",
                "₽",
                "sales:aov",
                "0.15",
                _history("0.9", "1", "1.15"),
            ),
            _row(
                "deal_cycle",
                "Цикл сделки",
                "Сумма длительностей сделок / число сделок, дн. Чем короче, тем лучше.",
                "дн.",
                "sales:deal_cycle",
                "0.10",
                _history("1.2", "1", "0.8", ("30", "20", "14")),
            ),
            _row(
                "sales_transactions",
                "Число сделок",
                "Закрытые сделки за период, шт.",
                "шт.",
                "sales:transactions",
                "0.15",
                _history("0.8", "1", "1.2"),
            ),
        ),
    ),
)

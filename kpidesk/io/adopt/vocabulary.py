"""The words the owner's own sheets use (SPEC §6.1): column headers of KPI matrices and
daily logs, the labels written beside a table ("ФИО:", "Оклад:"), and the words of
subtotal and total rows, in Russian and English.

Must not: read files or decide what a sheet is (``tables`` does); plain data and the one
function that turns a cell's text into a lookup key.
"""

from __future__ import annotations

import re

# field → header wordings (keys as :func:`key` makes them)
MATRIX_FIELDS: dict[str, tuple[str, ...]] = {
    "indicator": (
        "показатель",
        "показатели",
        "кпэ",
        "kpi показатель",
        "ключевые показатели",
        "ключевой показатель",
        "наименование показателя",
        "название показателя",
        "indicator",
        "metric",
        "kpi name",
    ),
    "weight": ("вес", "веса", "доля", "удельный вес", "вес показателя", "weight", "share"),
    "base": ("база", "минимум", "мин", "базовое значение", "base", "minimum", "min"),
    "norm": ("норма", "план", "плановое значение", "norm", "plan"),
    "target": ("цель", "максимум", "макс", "целевое значение", "target", "maximum", "max"),
    "fact": ("факт", "выполнение", "фактическое значение", "fact", "actual"),
    "index": ("индекс", "index", "% выполнения", "процент выполнения"),
    "weighted": ("взвешенный индекс", "вклад", "взвешенный", "weighted", "weighted index"),
    "unit": ("ед", "ед. изм", "ед изм", "единица", "единица измерения", "unit"),
}
DAILY_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("дата", "день", "date", "day"),
    "revenue": ("выручка", "оборот", "продажи", "revenue", "sales"),
    "receipts": (
        "чеки",
        "кол-во чеков",
        "количество чеков",
        "число чеков",
        "чеков",
        "покупки",
        "покупатели",
        "receipts",
        "checks",
        "transactions",
    ),
    "visitors": (
        "посетители",
        "проходимость",
        "трафик",
        "посещения",
        "кол-во посетителей",
        "visitors",
        "footfall",
        "traffic",
    ),
    "units": ("единицы", "штук", "кол-во товаров", "товаров", "units", "items"),
    "store": ("магазин", "точка", "филиал", "store", "shop", "branch"),
}
# what a matrix header must name (a fact column the words miss can be mapped by hand), and a
# daily log's
MATRIX_NEEDS = ("indicator", "weight", "norm")
DAILY_NEEDS = ("date", "revenue")

# labelled values beside a table: "ФИО: Иванова", "Оклад" | 39 700
LABELS: dict[str, tuple[str, ...]] = {
    "employee": ("фио", "сотрудник", "работник", "employee", "name"),
    "position": ("должность", "position", "job title"),
    "fixed_pay": ("оклад", "базовый оклад", "fixed pay", "salary"),
    "target_bonus": (
        "премия",
        "целевая премия",
        "плановая премия",
        "бонус",
        "target bonus",
        "bonus",
    ),
    "store": ("магазин", "точка", "филиал", "store", "shop"),
    "period": ("период", "месяц", "отчетный период", "period", "month"),
}

_TOTAL_PREFIXES = ("итог", "всего", "total", "subtotal", "сумма", "неделя", "week")

_CUT = re.compile(r"\(.*?\)|[,:;]|\s-\s.*$")


def key(text: str) -> str:
    """A header's or label's lookup key: trimmed, case-folded, ё → е, parentheses and what
    follows a comma dropped ("Выручка, руб." → "выручка", "Вес (%)" → "вес")."""
    cleaned = " ".join(text.split()).casefold().replace("ё", "е")
    cleaned = cleaned.split(",")[0]
    cleaned = _CUT.sub(" ", cleaned)
    return " ".join(cleaned.split()).strip(" .")


def _lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {word: field for field, words in table.items() for word in words}


MATRIX_WORDS = _lookup(MATRIX_FIELDS)
DAILY_WORDS = _lookup(DAILY_FIELDS)
LABEL_WORDS = _lookup(LABELS)


def is_total(text: str) -> bool:
    """Whether a cell's text marks a subtotal or total row ("Итого", "Всего за неделю",
    "KPI", "Total")."""
    cleaned = key(text)
    return cleaned.startswith(_TOTAL_PREFIXES) or cleaned in ("kpi", "итоговый kpi")

"""The text of the template's first sheet: what each sheet of the interchange workbook holds,
which formats are accepted, and an example row for each (the data sheets themselves stay
empty so that importing the untouched template changes nothing). Russian and English."""

from __future__ import annotations

from kpidesk.io.sheets import SHEETS

_RU: dict[str, tuple[str, str]] = {
    "company": (
        "Название компании и период выплат: месяц или полмесяца. Читается первая строка.",
        "ООО «Ромашка» | месяц",
    ),
    "stores": ("Магазины (филиалы).", "Магазин на Ленина"),
    "departments": ("Отделы (необязательно: берутся и из листа «Сотрудники»).", "Продажи"),
    "positions": ("Должности (необязательно: берутся и из других листов).", "Продавец"),
    "employees": (
        "Сотрудники: должность, магазин и отдел (могут быть пустыми), оклад, целевая премия "
        "(выплачивается при KPI = 100%), даты начала и окончания работы (необязательно).",
        "Иванова Анна | Продавец | Магазин на Ленина | Продажи | 39 700 | 16 300 | 01.03.2026 |",
    ),
    "indicators": (
        "Показатели: код, название, единица (₽, %, шт., дн.), источник (manual — вводится "
        "вручную; store:revenue, store:conversion, employee:revenue, marketing:ctr …), "
        "метод (шкала, отношение, бинарный; пусто = шкала).",
        "conv | Конверсия | % | store:conversion | шкала",
    ),
    "matrices": (
        "KPI-матрицы: в каждой строке заполните либо «Должность» (шаблон для всех на "
        "должности), либо «Сотрудник» (индивидуальная матрица). Показатель — код или "
        "название. Вес: 0,3, 0.3 или 30%; веса матрицы в сумме дают 100%.",
        "2026-10 | Продавец |  | conv | 30% | 10 | 15 | 20",
    ),
    "schedules": (
        "Шкала премирования. Вид «линейная»: одна строка, порог и коэффициент = потолок. "
        "Вид «ступени»: строка на каждую ступень. Должность пустая — правило компании. "
        "По показателям: да — премия считается по каждому показателю отдельно.",
        "80% | 150% |  | линейная | нет",
    ),
    "daily": (
        "Ежедневные данные магазина: дата, выручка, число чеков, посетители, единицы "
        "товара (целые числа), возвраты (необязательно).",
        "01.10.2026 | Магазин на Ленина | 125 400,50 | 84 | 310 | 190 |",
    ),
    "seller_days": (
        "Продажи по продавцам за день (необязательно).",
        "01.10.2026 | Магазин на Ленина | Иванова Анна | 40 100 | 27 | 61",
    ),
    "plans": ("План выручки магазина на период.", "2026-10 | Магазин на Ленина | 3 500 000"),
    "facts": ("Факты, вводимые вручную.", "2026-10 | Иванова Анна | nps | 72"),
    "inputs": (
        "Исходные данные склада, маркетинга и продаж: параметр вида семейство:имя, "
        "например marketing:clicks, warehouse:orders_shipped, sales:deals.",
        "2026-10 | Петров Олег | marketing:clicks | 1 250",
    ),
    "duty_templates": (
        "Должностные обязанности — то, что повторяется каждый период: заполните либо "
        "«Должность», либо «Сотрудник». Контролёр — сотрудник или должность (тогда — "
        "сотрудник этой должности в том же магазине). День срока — номер дня периода или "
        "«конец периода».",
        "Продавец-консультант |  | Пересчёт витрины | Управляющий магазином | 7 |",
    ),
    "tasks": (
        "Задачи и обязанности периода: вид — обязанность или задача; статус — открыта, "
        "выполнена или принята; срок пустой — конец периода.",
        "Собрать отзывы | задача | Иванова Анна | Петров Олег | 2026-10 | 15.10.2026 | открыта | |",
    ),
}

_EN: dict[str, tuple[str, str]] = {
    "company": (
        "Company name and pay period: month or half. The first row is read.",
        "Daisy Ltd | month",
    ),
    "stores": ("Stores (branches).", "Lenin St store"),
    "departments": ("Departments (optional: also taken from Employees).", "Sales"),
    "positions": ("Positions (optional: also taken from the other sheets).", "Seller"),
    "employees": (
        "Employees: position, store and department (may be empty), fixed pay, target bonus "
        "(paid at KPI = 100%), start and end dates (optional).",
        "Anna Ivanova | Seller | Lenin St store | Sales | 39700 | 16300 | 01.03.2026 |",
    ),
    "indicators": (
        "Indicators: code, name, unit (₽, %, шт., дн.), source (manual, store:revenue, "
        "store:conversion, employee:revenue, marketing:ctr …), method (scale, ratio, "
        "binary; empty = scale).",
        "conv | Conversion | % | store:conversion | scale",
    ),
    "matrices": (
        "KPI matrices: each row fills either Position (the template for everyone in it) or "
        "Employee (a personal matrix). Indicator: its code or name. Weight: 0.3, 0,3 or "
        "30%; a matrix's weights sum to 100%.",
        "2026-10 | Seller |  | conv | 30% | 10 | 15 | 20",
    ),
    "schedules": (
        "Payout schedule. Kind linear: one row, Threshold and Coefficient = the cap. Kind "
        "steps: one row per step. Empty Position: the company's rule. Per indicator: yes "
        "pays each indicator separately.",
        "80% | 150% |  | linear | no",
    ),
    "daily": (
        "Daily store data: date, revenue, receipts, visitors, units (whole numbers), "
        "returns (optional).",
        "01.10.2026 | Lenin St store | 125400.50 | 84 | 310 | 190 |",
    ),
    "seller_days": (
        "Sales by seller per day (optional).",
        "01.10.2026 | Lenin St store | Anna Ivanova | 40100 | 27 | 61",
    ),
    "plans": ("A store's revenue plan for a period.", "2026-10 | Lenin St store | 3500000"),
    "facts": ("Facts typed in by hand.", "2026-10 | Anna Ivanova | nps | 72"),
    "inputs": (
        "Warehouse, marketing and sales inputs: family:name, e.g. marketing:clicks, "
        "warehouse:orders_shipped, sales:deals.",
        "2026-10 | Oleg Petrov | marketing:clicks | 1250",
    ),
    "duty_templates": (
        "Duty lists — what repeats every period: fill either Position or Employee. "
        "Controller: an employee, or a position (then the one holding it in the same "
        "store). Due day: a day of the period or 'period end'.",
        "Seller |  | Shelf count | Store manager | 7 |",
    ),
    "tasks": (
        "The period's duties and tasks: kind duty or task; status open, done or accepted; "
        "an empty due date means the period's end.",
        "Collect reviews | task | Anna Ivanova | Oleg Petrov | 2026-10 | 15.10.2026 | open | |",
    ),
}

_FORMATS = {
    "ru": [
        ["Форматы", ""],
        ["Даты", "дата Excel или текст дд.мм.гггг (также гггг-мм-дд)"],
        ["Периоды", "2026-10 (месяц), 2026-10-H1 / 2026-10-H2 (половины месяца), 10.2026"],
        ["Числа", "12345,50, 12 345,50 или 12345.50; доли — 0,3 или 30%"],
        ["Листы и столбцы", "в любом порядке, заголовки на русском или английском"],
        ["Пустые строки", "пропускаются; лишние столбцы не читаются"],
    ],
    "en": [
        ["Formats", ""],
        ["Dates", "an Excel date or dd.mm.yyyy text (also yyyy-mm-dd)"],
        ["Periods", "2026-10 (month), 2026-10-H1 / 2026-10-H2 (half-months), 10.2026"],
        ["Numbers", "12345.50, 12 345,50 or 12345,50; shares 0.3 or 30%"],
        ["Sheets and columns", "in any order, headers in Russian or English"],
        ["Empty rows", "are skipped; extra columns are ignored"],
    ],
}


def instructions(lang: str) -> list[list[str]]:
    """The lines of the instructions sheet; a one-cell line is a heading."""
    texts = _RU if lang == "ru" else _EN
    title = (
        "Книга обмена kpidesk: заполните нужные листы и импортируйте файл"
        if lang == "ru"
        else "kpidesk interchange workbook: fill in the sheets you need and import the file"
    )
    example = "Пример" if lang == "ru" else "Example"
    columns = "Столбцы" if lang == "ru" else "Columns"
    lines: list[list[str]] = [[title], [""]]
    for spec in SHEETS:
        about, sample = texts[spec.kind]
        header = " | ".join(c.label(lang) for c in spec.columns if c.field != "archived")
        lines += [
            [spec.label(lang)],
            ["", about],
            [columns, header],
            [example, sample],
            [""],
        ]
    lines += _FORMATS[lang]
    return lines

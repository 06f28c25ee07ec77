"""The names of the interchange workbook's sheets (SPEC §6) in both languages, with the
aliases the reader also accepts, and which sheets of a workbook kpidesk reads.

A module of its own that imports nothing: the safety scan of ``kpidesk import`` needs
:func:`is_read` before its child process forks (``io.scan_ahead``), and everything
imported by then delays the fork — :mod:`kpidesk.io.sheets`, which builds its sheets
from these names, needs :mod:`dataclasses` (≈ 8 ms to import here, issue 17).
"""

from __future__ import annotations

# kind (the ``CompanyContent`` attribute a sheet fills) → English, Russian name, aliases
SHEET_NAMES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "company": ("Company", "Компания", ()),
    "stores": ("Stores", "Магазины", ()),
    "departments": ("Departments", "Отделы", ()),
    "positions": ("Positions", "Должности", ()),
    "employees": ("Employees", "Сотрудники", ()),
    "indicators": ("Indicators", "Показатели", ()),
    "matrices": ("Matrix", "Матрица", ("matrices", "матрицы", "kpi")),
    "schedules": ("Payout", "Премирование", ()),
    "daily": ("Daily", "Ежедневно", ()),
    "seller_days": ("Sales by seller", "Продажи по продавцам", ()),
    "plans": ("Plans", "Планы", ()),
    "facts": ("Facts", "Факты", ()),
    "inputs": ("Inputs", "Исходные данные", ()),
    "duty_templates": (
        "Duties",
        "Обязанности",
        ("duty list", "duty lists", "должностные обязанности"),
    ),
    "tasks": ("Tasks", "Задачи", ("задания", "персональные задания")),
}


def normalize(text: str) -> str:
    """Header/sheet-name key: trimmed, inner whitespace collapsed, case-folded, ё → е."""
    return " ".join(text.split()).casefold().replace("ё", "е")


_KIND_BY_KEY: dict[str, str] = {
    normalize(name): kind
    for kind, (en, ru, aliases) in reversed(SHEET_NAMES.items())  # the first kind wins
    for name in (en, ru, *aliases)
}


def kind_for_name(name: str) -> str | None:
    """The kind of sheet a workbook sheet name stands for (either language), or ``None``."""
    return _KIND_BY_KEY.get(normalize(name))


def is_read(name: str) -> bool:
    """Whether the reader reads a workbook sheet of this name (the others are skipped
    unscanned: they may be large)."""
    return kind_for_name(name) is not None

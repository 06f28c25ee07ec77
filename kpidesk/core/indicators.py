"""Indicators: code, name, unit, source and index method (SPEC §2.3).

A source says where the fact comes from: ``manual`` (typed in), ``store:<metric>``,
``employee:<metric>``, ``warehouse:<metric>``, ``marketing:<metric>``, ``sales:<metric>``,
``tasks:<metric>`` (computed). The catalogue of known computed metrics lives here so that
validation, the importer and the GUI agree on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class IndexMethod(Enum):
    """How a row's index is computed from its fact (SPEC §2.4)."""

    SCALE = "scale"
    RATIO = "ratio"
    BINARY = "binary"


class SourceKind(Enum):
    """Where a fact comes from."""

    MANUAL = "manual"
    STORE = "store"
    EMPLOYEE = "employee"
    WAREHOUSE = "warehouse"
    MARKETING = "marketing"
    SALES = "sales"
    TASKS = "tasks"


UNITS = ("₽", "%", "шт.", "дн.", "")

# Computed metrics each source family knows (SPEC §2.6, §2.7).
STORE_METRICS = (
    "revenue",
    "receipts",
    "visitors",
    "units",
    "returns",
    "conversion",
    "avg_check",
    "upt",
    "revenue_per_visitor",
    "sales_dynamics",
    "plan_completion",
)
EMPLOYEE_METRICS = ("revenue", "receipts", "units", "avg_check", "upt", "share_of_store")
WAREHOUSE_METRICS = (
    "orders_fulfilment",
    "lines_fulfilment",
    "units_fulfilment",
    "money_fulfilment",
    "integrated",
)
MARKETING_METRICS = ("ctr", "cr", "cpc", "cpl", "cpo", "ltv", "br", "roi", "romi", "nps")
SALES_METRICS = ("revenue", "deal_cycle", "aov", "sales_dynamics", "conversion", "transactions")
# From the employee's duties and tasks of the period (SPEC §2.8, core.tasks).
TASKS_METRICS = ("open_at_close", "on_time_percent")

# Raw per-period inputs (entered per employee) that the warehouse, marketing and sales
# metrics are computed from. Key in PeriodInputs.inputs: "<family>:<name>".
FAMILY_INPUTS: dict[SourceKind, tuple[str, ...]] = {
    SourceKind.WAREHOUSE: (
        "orders_declared",
        "orders_shipped",
        "lines_declared",
        "lines_shipped",
        "units_declared",
        "units_shipped",
        "money_declared",
        "money_shipped",
    ),
    SourceKind.MARKETING: (
        "impressions",
        "clicks",
        "visits",
        "conversions",
        "cost",
        "leads",
        "orders",
        "revenue",
        "customers",
        "bounces",
        "income",
        "investment",
        "profit",
        "marketing_cost",
        "promoters_pct",
        "detractors_pct",
    ),
    SourceKind.SALES: (
        "revenue",
        "previous_revenue",
        "deal_days",
        "deals",
        "orders",
        "actual_clients",
        "potential_clients",
        "transactions",
    ),
}

KNOWN_METRICS: dict[SourceKind, tuple[str, ...]] = {
    SourceKind.STORE: STORE_METRICS,
    SourceKind.EMPLOYEE: EMPLOYEE_METRICS,
    SourceKind.WAREHOUSE: WAREHOUSE_METRICS,
    SourceKind.MARKETING: MARKETING_METRICS,
    SourceKind.SALES: SALES_METRICS,
    SourceKind.TASKS: TASKS_METRICS,
}


_SOURCE_ALIASES = {
    "магазин": "store",
    "сотрудник": "employee",
    "продавец": "employee",
    "склад": "warehouse",
    "маркетинг": "marketing",
    "продажи": "sales",
    "задачи": "tasks",
}

_METHOD_ALIASES = {
    "": IndexMethod.SCALE,
    "scale": IndexMethod.SCALE,
    "шкала": IndexMethod.SCALE,
    "ratio": IndexMethod.RATIO,
    "отношение": IndexMethod.RATIO,
    "факт/план": IndexMethod.RATIO,
    "binary": IndexMethod.BINARY,
    "бинарный": IndexMethod.BINARY,
    "да/нет": IndexMethod.BINARY,
}


def parse_method(text: str) -> IndexMethod:
    """Parse an index method: ``scale``/``шкала`` (also empty), ``ratio``/``отношение``/
    ``факт/план``, ``binary``/``бинарный``/``да/нет``.

    Raises:
        ValueError: not a known method.
    """
    try:
        return _METHOD_ALIASES[text.strip().lower()]
    except KeyError:
        raise ValueError(
            f"unknown index method {text!r} (expected scale, ratio or binary)"
        ) from None


@dataclass(frozen=True)
class Source:
    """A fact source: ``manual`` or ``<kind>:<metric>``."""

    kind: SourceKind
    metric: str | None = None

    @classmethod
    def parse(cls, text: str) -> Source:
        """Parse ``manual`` / ``store:conversion`` / … (case-insensitive, spaces trimmed).

        Raises:
            ValueError: unknown kind or metric.
        """
        cleaned = text.strip().lower()
        if cleaned in ("", "manual", "вручную", "ручной"):
            return cls(SourceKind.MANUAL)
        kind_text, sep, metric = cleaned.partition(":")
        kind_text = _SOURCE_ALIASES.get(kind_text.strip(), kind_text.strip())
        try:
            kind = SourceKind(kind_text)
        except ValueError:
            raise ValueError(
                f"unknown source {text!r} (expected manual, store:…, employee:…, "
                "warehouse:…, marketing:…, sales:… or tasks:…)"
            ) from None
        metric = metric.strip()
        if kind is SourceKind.MANUAL:
            return cls(SourceKind.MANUAL)
        if not sep or metric not in KNOWN_METRICS[kind]:
            known = ", ".join(KNOWN_METRICS[kind])
            raise ValueError(f"unknown metric {metric!r} for source {kind.value} (known: {known})")
        return cls(kind, metric)

    @property
    def text(self) -> str:
        """The text form that :meth:`parse` reads back."""
        return "manual" if self.kind is SourceKind.MANUAL else f"{self.kind.value}:{self.metric}"

    @property
    def is_manual(self) -> bool:
        """Whether facts are typed in rather than computed."""
        return self.kind is SourceKind.MANUAL


MANUAL = Source(SourceKind.MANUAL)


@dataclass(frozen=True)
class Indicator:
    """An indicator a matrix row measures."""

    code: str
    name: str
    unit: str = ""
    source: Source = MANUAL
    method: IndexMethod = IndexMethod.SCALE
    archived: bool = False

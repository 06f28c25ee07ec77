"""Fact sources in words (SPEC §2.3, §4.9): every source an indicator may have — its family,
a short name and a one-line description — so that the owner picks "Конверсия магазина"
rather than ``store:conversion``. The code stays the workbook's word for it (SPEC §6).

English here; the Russian comes from ``resources/i18n/ru/matrix_more.json`` through
``reports.source_words``, which lists every text below for translation (a test checks that
the two agree and that the catalogue covers ``indicators.KNOWN_METRICS``).

Must not: parse or resolve sources (``core.indicators``, ``core.sources`` do).
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.core.indicators import KNOWN_METRICS, Source, SourceKind


@dataclass(frozen=True)
class SourceName:
    """One source in words: ``code`` as the workbook writes it (``store:conversion``)."""

    code: str
    kind: SourceKind
    name: str
    description: str


# The families in the order the lists show them, with their names.
FAMILIES: tuple[tuple[SourceKind, str], ...] = (
    (SourceKind.MANUAL, "Typed in"),
    (SourceKind.STORE, "Store (daily data)"),
    (SourceKind.EMPLOYEE, "Seller (sales by seller)"),
    (SourceKind.SALES, "Sales manager"),
    (SourceKind.WAREHOUSE, "Warehouse"),
    (SourceKind.MARKETING, "Marketing"),
    (SourceKind.TASKS, "Duties and tasks"),
)

_NAMES: dict[str, tuple[str, str]] = {
    "manual": ("Typed in by hand", "The fact is typed in per employee for each period."),
    # store
    "store:revenue": ("Store revenue", "The store's revenue over the period, ₽."),
    "store:receipts": ("Store receipts", "How many purchases (receipts) the store had."),
    "store:visitors": ("Store visitors", "Footfall: how many people came in."),
    "store:units": ("Store units sold", "Units sold by the store over the period."),
    "store:returns": ("Store returns", "Money refunded for returned goods, ₽."),
    "store:conversion": ("Store conversion", "Receipts / visitors × 100: buyers per 100 visitors."),
    "store:avg_check": ("Store average check", "Revenue / receipts, ₽."),
    "store:upt": ("Store units per receipt", "Units sold / receipts (UPT)."),
    "store:revenue_per_visitor": ("Revenue per visitor", "Revenue / visitors, ₽."),
    "store:sales_dynamics": (
        "Store sales dynamics",
        "Revenue against the previous equal period × 100.",
    ),
    "store:plan_completion": (
        "Store plan completion",
        "Revenue / the store's revenue plan × 100.",
    ),
    # seller
    "employee:revenue": ("Personal sales", "The seller's own revenue over the period, ₽."),
    "employee:receipts": ("Personal receipts", "How many receipts the seller rang up."),
    "employee:units": ("Personal units sold", "Units the seller sold."),
    "employee:avg_check": ("Personal average check", "The seller's revenue / receipts, ₽."),
    "employee:upt": ("Personal units per receipt", "The seller's units / receipts."),
    "employee:share_of_store": (
        "Share of the store's sales",
        "Seller's revenue / store's revenue on their days × 100.",
    ),
    # sales manager
    "sales:revenue": ("Sales revenue", "Revenue of the manager's deals, ₽ (typed in)."),
    "sales:deal_cycle": ("Deal cycle", "Days of deals / deals: the average days to close."),
    "sales:aov": ("Average order value", "Revenue / orders, ₽."),
    "sales:sales_dynamics": ("Sales dynamics", "Revenue / the previous period's revenue × 100."),
    "sales:conversion": ("Client conversion", "Actual clients / potential clients × 100."),
    "sales:transactions": ("Transactions", "The number of transactions (typed in)."),
    # warehouse
    "warehouse:orders_fulfilment": (
        "Orders fulfilled",
        "Orders shipped / orders declared × 100.",
    ),
    "warehouse:lines_fulfilment": ("Lines fulfilled", "Lines shipped / lines declared × 100."),
    "warehouse:units_fulfilment": ("Units fulfilled", "Units shipped / units declared × 100."),
    "warehouse:money_fulfilment": (
        "Value fulfilled",
        "Value shipped / value declared × 100.",
    ),
    "warehouse:integrated": (
        "Integrated fulfilment",
        "The mean of the orders, lines, units and value rates.",
    ),
    # marketing
    "marketing:ctr": ("Click-through rate (CTR)", "Clicks / impressions × 100."),
    "marketing:cr": ("Conversion rate (CR)", "Conversions / visits × 100."),
    "marketing:cpc": ("Cost per click (CPC)", "Cost / clicks, ₽."),
    "marketing:cpl": ("Cost per lead (CPL)", "Cost / leads, ₽."),
    "marketing:cpo": ("Cost per order (CPO)", "Cost / orders, ₽."),
    "marketing:ltv": ("Customer value (LTV)", "Revenue / customers, ₽."),
    "marketing:br": ("Bounce rate", "Bounces / visits × 100."),
    "marketing:roi": ("Return on investment (ROI)", "Income / investment × 100."),
    "marketing:romi": (
        "Return on marketing (ROMI)",
        "(Profit − marketing cost) / marketing cost × 100.",
    ),
    "marketing:nps": ("Net promoter score (NPS)", "Promoters % − detractors %."),
    # duties and tasks
    "tasks:open_at_close": (
        "Tasks left open",
        "Items not accepted by the period's end (fewer is better).",
    ),
    "tasks:on_time_percent": (
        "Tasks on time",
        "Items accepted by their due date / all × 100.",
    ),
}


def _kind_of(code: str) -> SourceKind:
    return SourceKind(code.partition(":")[0])


CATALOGUE: tuple[SourceName, ...] = tuple(
    SourceName(code, _kind_of(code), name, description)
    for kind, _family in FAMILIES
    for code, (name, description) in _NAMES.items()
    if _kind_of(code) is kind
)


def family_name(kind: SourceKind) -> str:
    """The English name of a source family."""
    return dict(FAMILIES)[kind]


def source_name(source: Source) -> SourceName:
    """The words of a source (a metric missing from the table is named by its code)."""
    code = source.text
    found = _NAMES.get(code)
    if found is None:
        return SourceName(code, source.kind, code, "")
    return SourceName(code, source.kind, found[0], found[1])


def uncovered() -> list[str]:
    """Codes of ``KNOWN_METRICS`` without words (empty when the table is complete)."""
    known = [
        f"{kind.value}:{metric}" for kind, metrics in KNOWN_METRICS.items() for metric in metrics
    ]
    return [code for code in known if code not in _NAMES]

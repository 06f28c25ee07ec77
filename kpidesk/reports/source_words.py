"""Fact sources in the user's language (SPEC §2.3, §4.9): the family, name and one-line
description of ``core.source_names`` translated, and the text a list shows — "Конверсия
магазина — Чеки / посетители × 100 (store:conversion)".

``WORDS`` lists every English text of the catalogue for lupdate (context ``SourceNames``);
a test checks it against ``core.source_names``, so a new source cannot go untranslated.

Must not: decide what a source means (``core.source_names`` does) or use widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kpidesk.core.indicators import Source, SourceKind
from kpidesk.core.source_names import CATALOGUE, FAMILIES, SourceName, family_name, source_name

WORDS = (
    QT_TRANSLATE_NOOP("SourceNames", "Typed in"),
    QT_TRANSLATE_NOOP("SourceNames", "Store (daily data)"),
    QT_TRANSLATE_NOOP("SourceNames", "Seller (sales by seller)"),
    QT_TRANSLATE_NOOP("SourceNames", "Sales manager"),
    QT_TRANSLATE_NOOP("SourceNames", "Warehouse"),
    QT_TRANSLATE_NOOP("SourceNames", "Marketing"),
    QT_TRANSLATE_NOOP("SourceNames", "Duties and tasks"),
    QT_TRANSLATE_NOOP("SourceNames", "Typed in by hand"),
    QT_TRANSLATE_NOOP("SourceNames", "The fact is typed in per employee for each period."),
    QT_TRANSLATE_NOOP("SourceNames", "Store revenue"),
    QT_TRANSLATE_NOOP("SourceNames", "The store's revenue over the period, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Store receipts"),
    QT_TRANSLATE_NOOP("SourceNames", "How many purchases (receipts) the store had."),
    QT_TRANSLATE_NOOP("SourceNames", "Store visitors"),
    QT_TRANSLATE_NOOP("SourceNames", "Footfall: how many people came in."),
    QT_TRANSLATE_NOOP("SourceNames", "Store units sold"),
    QT_TRANSLATE_NOOP("SourceNames", "Units sold by the store over the period."),
    QT_TRANSLATE_NOOP("SourceNames", "Store returns"),
    QT_TRANSLATE_NOOP("SourceNames", "Money refunded for returned goods, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Store conversion"),
    QT_TRANSLATE_NOOP("SourceNames", "Receipts / visitors × 100: buyers per 100 visitors."),
    QT_TRANSLATE_NOOP("SourceNames", "Store average check"),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue / receipts, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Store units per receipt"),
    QT_TRANSLATE_NOOP("SourceNames", "Units sold / receipts (UPT)."),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue per visitor"),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue / visitors, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Store sales dynamics"),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue against the previous equal period × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Store plan completion"),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue / the store's revenue plan × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Personal sales"),
    QT_TRANSLATE_NOOP("SourceNames", "The seller's own revenue over the period, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Personal receipts"),
    QT_TRANSLATE_NOOP("SourceNames", "How many receipts the seller rang up."),
    QT_TRANSLATE_NOOP("SourceNames", "Personal units sold"),
    QT_TRANSLATE_NOOP("SourceNames", "Units the seller sold."),
    QT_TRANSLATE_NOOP("SourceNames", "Personal average check"),
    QT_TRANSLATE_NOOP("SourceNames", "The seller's revenue / receipts, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Personal units per receipt"),
    QT_TRANSLATE_NOOP("SourceNames", "The seller's units / receipts."),
    QT_TRANSLATE_NOOP("SourceNames", "Share of the store's sales"),
    QT_TRANSLATE_NOOP("SourceNames", "Seller's revenue / store's revenue on their days × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Sales revenue"),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue of the manager's deals, ₽ (typed in)."),
    QT_TRANSLATE_NOOP("SourceNames", "Deal cycle"),
    QT_TRANSLATE_NOOP("SourceNames", "Days of deals / deals: the average days to close."),
    QT_TRANSLATE_NOOP("SourceNames", "Average order value"),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue / orders, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Sales dynamics"),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue / the previous period's revenue × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Client conversion"),
    QT_TRANSLATE_NOOP("SourceNames", "Actual clients / potential clients × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Transactions"),
    QT_TRANSLATE_NOOP("SourceNames", "The number of transactions (typed in)."),
    QT_TRANSLATE_NOOP("SourceNames", "Orders fulfilled"),
    QT_TRANSLATE_NOOP("SourceNames", "Orders shipped / orders declared × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Lines fulfilled"),
    QT_TRANSLATE_NOOP("SourceNames", "Lines shipped / lines declared × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Units fulfilled"),
    QT_TRANSLATE_NOOP("SourceNames", "Units shipped / units declared × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Value fulfilled"),
    QT_TRANSLATE_NOOP("SourceNames", "Value shipped / value declared × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Integrated fulfilment"),
    QT_TRANSLATE_NOOP("SourceNames", "The mean of the orders, lines, units and value rates."),
    QT_TRANSLATE_NOOP("SourceNames", "Click-through rate (CTR)"),
    QT_TRANSLATE_NOOP("SourceNames", "Clicks / impressions × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Conversion rate (CR)"),
    QT_TRANSLATE_NOOP("SourceNames", "Conversions / visits × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Cost per click (CPC)"),
    QT_TRANSLATE_NOOP("SourceNames", "Cost / clicks, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Cost per lead (CPL)"),
    QT_TRANSLATE_NOOP("SourceNames", "Cost / leads, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Cost per order (CPO)"),
    QT_TRANSLATE_NOOP("SourceNames", "Cost / orders, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Customer value (LTV)"),
    QT_TRANSLATE_NOOP("SourceNames", "Revenue / customers, ₽."),
    QT_TRANSLATE_NOOP("SourceNames", "Bounce rate"),
    QT_TRANSLATE_NOOP("SourceNames", "Bounces / visits × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Return on investment (ROI)"),
    QT_TRANSLATE_NOOP("SourceNames", "Income / investment × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Return on marketing (ROMI)"),
    QT_TRANSLATE_NOOP("SourceNames", "(Profit − marketing cost) / marketing cost × 100."),
    QT_TRANSLATE_NOOP("SourceNames", "Net promoter score (NPS)"),
    QT_TRANSLATE_NOOP("SourceNames", "Promoters % − detractors %."),
    QT_TRANSLATE_NOOP("SourceNames", "Tasks left open"),
    QT_TRANSLATE_NOOP("SourceNames", "Items not accepted by the period's end (fewer is better)."),
    QT_TRANSLATE_NOOP("SourceNames", "Tasks on time"),
    QT_TRANSLATE_NOOP("SourceNames", "Items accepted by their due date / all × 100."),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("SourceNames", text) if text else text


def family_text(kind: SourceKind) -> str:
    """A family's name in the user's language."""
    return _t(family_name(kind))


def name_text(source: Source) -> str:
    """A source's short name in the user's language (``Конверсия магазина``)."""
    return _t(source_name(source).name)


def description_text(source: Source) -> str:
    """A source's one-line description in the user's language."""
    return _t(source_name(source).description)


def label_text(source: Source) -> str:
    """A source as a list or a cell shows it: ``Конверсия магазина (store:conversion)``."""
    words = source_name(source)
    return f"{_t(words.name)} ({words.code})"


def grouped() -> list[tuple[SourceKind, str, list[SourceName]]]:
    """The catalogue by family, in display order: (kind, family name translated, sources)."""
    return [
        (kind, _t(family), [entry for entry in CATALOGUE if entry.kind is kind])
        for kind, family in FAMILIES
    ]

"""A pay period in words for the printouts (SPEC §7): "ноябрь 2026" for a month,
"1–15 ноября 2026" for a half-month (English: "November 2026", "1–15 November 2026"), and
"01.10.2026 – 07.10.2026" for any other range. The month names come through the installed
translator (``PeriodWords`` context: the Russian genitive sits inside the half-month
phrase), so the words follow the interface language.

Must not: compute a period's days (``core.periods`` does) or touch widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpidesk.core.periods import Period, PeriodKind


def _months() -> tuple[str, ...]:
    """ "%1" is the year: "November %1" → "ноябрь %1"."""
    return (
        QCoreApplication.translate("PeriodWords", "January %1"),
        QCoreApplication.translate("PeriodWords", "February %1"),
        QCoreApplication.translate("PeriodWords", "March %1"),
        QCoreApplication.translate("PeriodWords", "April %1"),
        QCoreApplication.translate("PeriodWords", "May %1"),
        QCoreApplication.translate("PeriodWords", "June %1"),
        QCoreApplication.translate("PeriodWords", "July %1"),
        QCoreApplication.translate("PeriodWords", "August %1"),
        QCoreApplication.translate("PeriodWords", "September %1"),
        QCoreApplication.translate("PeriodWords", "October %1"),
        QCoreApplication.translate("PeriodWords", "November %1"),
        QCoreApplication.translate("PeriodWords", "December %1"),
    )


def _days_of() -> tuple[str, ...]:
    """ "%1–%2" are the days, "%3" the year: "%1–%2 November %3" → "%1–%2 ноября %3"."""
    return (
        QCoreApplication.translate("PeriodWords", "%1–%2 January %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 February %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 March %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 April %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 May %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 June %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 July %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 August %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 September %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 October %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 November %3"),
        QCoreApplication.translate("PeriodWords", "%1–%2 December %3"),
    )


def period_in_words(period: Period) -> str:
    """``ноябрь 2026`` / ``1–15 ноября 2026`` / ``01.10.2026 – 07.10.2026``."""
    start, end = period.start, period.end
    if period.kind is PeriodKind.MONTH:
        return _months()[start.month - 1].replace("%1", str(start.year))
    if period.kind is PeriodKind.HALF:
        phrase = _days_of()[start.month - 1]
        return (
            phrase.replace("%1", str(start.day))
            .replace("%2", str(end.day))
            .replace("%3", str(start.year))
        )
    return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"


def page_of(page: int, pages: int) -> str:
    """``стр. 1 из 12`` (English: ``page 1 of 12``)."""
    return (
        QCoreApplication.translate("PeriodWords", "page %1 of %2")
        .replace("%1", str(page))
        .replace("%2", str(pages))
    )

"""The personal period report (seed 002) as one printable A4 page: HTML rendered by
``QTextDocument`` to a ``QPdfWriter`` or a printer. DejaVu Sans, Russian numbers via
``core.money``; long lists are cut so that the page stays one page (the rest is counted).

Independent of the bonus sheet rendering on purpose (another module), but the same look:
a heading, a small facts table, the figures, then the lists.

Must not: compute anything (every figure is in the ``PersonalReport``), or use widgets.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from kpidesk.core.money import NBSP, format_money, format_number, format_percent
from kpidesk.core.needs import result_needs
from kpidesk.core.results import EmployeeResult
from kpidesk.core.tasks import Task, TaskKind, TaskStatus
from kpidesk.core.tasks_report import PersonalReport
from kpidesk.reports.fact_breakdown_text import breakdown_text
from kpidesk.reports.need_text import amount_text, need_lines

MAX_ROWS = 18  # items listed per table on the one page
FONT = "DejaVu Sans"

_STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #222; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
p.sub { color: #555; margin: 0 0 8pt 0; }
h2 { font-size: 11pt; margin: 10pt 0 3pt 0; border-bottom: 1px solid #999; }
table { border-collapse: collapse; }
td, th { padding: 2pt 4pt; border: 1px solid #bbb; font-size: 8pt; }
td.d { white-space: nowrap; }
th { background: #eee; text-align: left; }
td.n { text-align: right; }
td.bad { color: #b00020; font-weight: bold; }
p.note { color: #555; font-size: 8pt; }
"""


# Every text of the page, marked for lupdate; translated when the page is built.
_WORDS = (
    QT_TRANSLATE_NOOP("PersonalReport", "open"),
    QT_TRANSLATE_NOOP("PersonalReport", "done, waiting"),
    QT_TRANSLATE_NOOP("PersonalReport", "accepted"),
    QT_TRANSLATE_NOOP("PersonalReport", "duty"),
    QT_TRANSLATE_NOOP("PersonalReport", "task"),
    QT_TRANSLATE_NOOP("PersonalReport", "None."),
    QT_TRANSLATE_NOOP("PersonalReport", "Title"),
    QT_TRANSLATE_NOOP("PersonalReport", "Kind"),
    QT_TRANSLATE_NOOP("PersonalReport", "Due"),
    QT_TRANSLATE_NOOP("PersonalReport", "Status"),
    QT_TRANSLATE_NOOP("PersonalReport", "Days overdue"),
    QT_TRANSLATE_NOOP("PersonalReport", "Assignee"),
    QT_TRANSLATE_NOOP("PersonalReport", "Costs if left open"),
    QT_TRANSLATE_NOOP("PersonalReport", "… and %1 more"),
    QT_TRANSLATE_NOOP("PersonalReport", "no data"),
    QT_TRANSLATE_NOOP("PersonalReport", "over %1 of the last 6 periods"),
    QT_TRANSLATE_NOOP("PersonalReport", "period %1"),
    QT_TRANSLATE_NOOP("PersonalReport", "as of %1"),
    QT_TRANSLATE_NOOP("PersonalReport", "Duties"),
    QT_TRANSLATE_NOOP("PersonalReport", "Tasks"),
    QT_TRANSLATE_NOOP("PersonalReport", "Waiting for my acceptance"),
    QT_TRANSLATE_NOOP("PersonalReport", "My overdue items"),
    QT_TRANSLATE_NOOP("PersonalReport", "up to %1 days"),
    QT_TRANSLATE_NOOP("PersonalReport", "Left to close"),
    QT_TRANSLATE_NOOP("PersonalReport", "%1 (%2 open, %3 waiting for acceptance)"),
    QT_TRANSLATE_NOOP("PersonalReport", "They cost in the bonus if left open"),
    QT_TRANSLATE_NOOP("PersonalReport", "My KPI for the period"),
    QT_TRANSLATE_NOOP("PersonalReport", "My average KPI"),
    QT_TRANSLATE_NOOP("PersonalReport", "My bonus for the period"),
    QT_TRANSLATE_NOOP("PersonalReport", "Personal period report"),
    QT_TRANSLATE_NOOP("PersonalReport", "My duties and tasks still open"),
    QT_TRANSLATE_NOOP("PersonalReport", "By the end of the period every figure here should be 0."),
    QT_TRANSLATE_NOOP("PersonalReport", "What is needed"),
    QT_TRANSLATE_NOOP("PersonalReport", "Indicator"),
    QT_TRANSLATE_NOOP("PersonalReport", "Fact"),
)


def _t(text: str, value: object = None) -> str:
    """``text`` translated, with ``%1`` replaced by ``value``; escaped for HTML."""
    translated = QCoreApplication.translate("PersonalReport", text)
    if value is not None:
        translated = translated.replace("%1", str(value))
    return escape(translated)


def _day(day: date | None) -> str:
    return "" if day is None else day.strftime("%d.%m.%Y")


def _status(task: Task) -> str:
    if task.status is TaskStatus.OPEN:
        return _t("open")
    return _t("done, waiting") if task.status is TaskStatus.DONE else _t("accepted")


def _money(value: Decimal | None, lang: str) -> str:
    return "—" if value is None else escape(format_money(value, lang=lang))


def _items_table(report: PersonalReport, tasks: tuple[Task, ...], lang: str, *, costs: bool) -> str:
    if not tasks:
        return f"<p>{_t('None.')}</p>"
    head = [_t("Title"), _t("Kind"), _t("Due"), _t("Status"), _t("Days overdue")]
    head.append(_t("Costs if left open") if costs else _t("Assignee"))
    rows = []
    for task in tasks[:MAX_ROWS]:
        days = task.days_overdue(report.as_of)
        last = _money(report.cost_of(task), lang) if costs else escape(task.assignee)
        kind = _t("duty") if task.kind is TaskKind.DUTY else _t("task")
        late = "n bad" if days else "n"
        rows.append(
            f"<tr><td>{escape(task.title)}</td><td>{kind}</td><td class='d'>{_day(task.due)}</td>"
            f"<td>{_status(task)}</td><td class='{late}'>{days or ''}</td>"
            f"<td class='{'n' if costs else ''}'>{last}</td></tr>"
        )
    more = ""
    if len(tasks) > MAX_ROWS:
        more = f"<p class='note'>{_t('… and %1 more', len(tasks) - MAX_ROWS)}</p>"
    widths = ("30%", "15%", "12%", "17%", "10%", "16%")
    header = "".join(f"<th width='{w}'>{h}</th>" for h, w in zip(head, widths, strict=True))
    return f"<table width='100%'><tr>{header}</tr>{''.join(rows)}</table>{more}"


def _not_closed(report: PersonalReport) -> str:
    """``3 (1 open, 2 waiting for acceptance)``: the ``tasks:open_at_close`` fact split."""
    still_open, waiting = report.open_at_close
    return (
        _t("%1 (%2 open, %3 waiting for acceptance)")
        .replace("%1", str(still_open + waiting))
        .replace("%2", str(still_open))
        .replace("%3", str(waiting))
    )


def _figures(report: PersonalReport, lang: str) -> str:
    kpi = _t("no data") if report.kpi is None else format_percent(report.kpi, lang=lang)
    average = (
        _t("no data")
        if report.average_kpi is None
        else format_percent(report.average_kpi, lang=lang)
    )
    days = max((t.days_overdue(report.as_of) for t in report.overdue), default=0)
    overdue = str(len(report.overdue)) + (f" ({_t('up to %1 days', days)})" if days else "")
    figures = (
        (_t("Waiting for my acceptance"), str(len(report.to_accept)), bool(report.to_accept)),
        (_t("My overdue items"), overdue, bool(report.overdue)),
        (_t("Left to close"), _not_closed(report), False),
        (_t("They cost in the bonus if left open"), _money(report.total_cost, lang), False),
        (_t("My KPI for the period"), kpi, False),
        (
            _t("My average KPI"),
            f"{average} ({_t('over %1 of the last 6 periods', report.kpi_periods)})",
            False,
        ),
        (_t("My bonus for the period"), _money(report.bonus, lang), False),
    )
    return "".join(
        f"<tr><th>{name}</th><td class='{'n bad' if bad else 'n'}'>{value}</td></tr>"
        for name, value, bad in figures
    )


def _needs_table(result: EmployeeResult | None, lang: str) -> str:
    """«Что нужно» (SPEC §2.5): per matrix row the fact for 100 %, for the payout threshold
    and for the next step, in the indicator's unit (``core.needs``, ``reports.need_text``)."""
    if result is None or not result.rows:
        return ""
    rows = []
    for found, needs in zip(result.rows, result_needs(result), strict=True):
        indicator = found.indicator
        name = indicator.name if indicator is not None else found.row.indicator
        unit = indicator.unit if indicator is not None else ""
        fact = "—" if found.fact is None else amount_text(found.fact, unit, lang)
        told = found.fact_breakdown
        if told is not None and found.fact is not None:  # computed: "2,00", not "2"
            text = format_number(found.fact, 2, lang=lang)
            fact = text + unit if unit in ("", "%") else f"{text}{NBSP}{unit}"
        shown = need_lines(needs, unit, lang)
        if told is not None:  # what the computed fact was computed from, as printed
            shown = [breakdown_text(told, lang), *shown]
        lines = "<br/>".join(escape(line) for line in shown)
        rows.append(
            f"<tr><td>{escape(name)}</td><td class='n'>{escape(fact)}</td><td>{lines}</td></tr>"
        )
    head = (
        f"<tr><th width='28%'>{_t('Indicator')}</th><th width='14%'>{_t('Fact')}</th><th></th></tr>"
    )
    return f"<h2>{_t('What is needed')}</h2><table width='100%'>{head}{''.join(rows)}</table>"


def report_html(
    report: PersonalReport,
    *,
    company: str,
    position: str = "",
    store: str | None = None,
    lang: str = "ru",
    result: EmployeeResult | None = None,
) -> str:
    """The report as one page of HTML; with the employee's ``result`` of the period, its
    «Что нужно» table too."""
    parts = (
        escape(company),
        escape(position),
        escape(store or ""),
        _t("period %1", report.period.code),
        _t("as of %1", _day(report.as_of)),
    )
    sub = " · ".join(part for part in parts if part)
    grid = []
    for kind, label in ((TaskKind.DUTY, _t("Duties")), (TaskKind.TASK, _t("Tasks"))):
        cells = "".join(
            f"<td class='n'>{report.count(kind, status)}</td>"
            for status in (TaskStatus.OPEN, TaskStatus.DONE, TaskStatus.ACCEPTED)
        )
        grid.append(f"<tr><th>{label}</th>{cells}</tr>")
    words = "".join(f"<th>{_t(w)}</th>" for w in ("open", "done, waiting", "accepted"))
    left = tuple(t for t in report.items if t.status is not TaskStatus.ACCEPTED)
    return (
        f"<html><head><style>{_STYLE}</style></head><body>"
        f"<h1>{_t('Personal period report')}: {escape(report.employee)}</h1>"
        f"<p class='sub'>{sub}</p>"
        f"<table width='100%'><tr><th width='25%'></th>{words}</tr>{''.join(grid)}</table>"
        f"<p></p><table width='100%'>{_figures(report, lang)}</table>"
        f"{_needs_table(result, lang)}"
        f"<h2>{_t('My duties and tasks still open')}</h2>"
        f"{_items_table(report, left, lang, costs=True)}"
        f"<h2>{_t('Waiting for my acceptance')}</h2>"
        f"{_items_table(report, report.to_accept, lang, costs=False)}"
        f"<p class='note'>{_t('By the end of the period every figure here should be 0.')}</p>"
        "</body></html>"
    )


def a4_layout() -> QPageLayout:
    """Portrait A4 with 15 mm margins."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15),
        QPageLayout.Unit.Millimeter,
    )


def print_html(html: str, device: QPagedPaintDevice) -> None:
    """Render the report to a printer or a PDF writer (one page)."""
    device.setPageLayout(a4_layout())
    document = QTextDocument()
    font = QFont(FONT)
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.print_(device)


def write_pdf(html: str, path: Path) -> Path:
    """Write the report as a one-page A4 PDF."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle("Personal period report")
    writer.setCreator("kpidesk")
    print_html(html, writer)
    del writer  # the file is finished when the writer goes away
    return Path(path)

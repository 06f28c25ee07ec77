"""One employee's bonus sheet as HTML (SPEC §7): the template ``resources/bonus_sheet.html``
filled with the heading, the matrix table, the KPI, the payout rule in words, fixed pay +
bonus = total, signature lines and, optionally, an appendix with every number's
explanation. ``QTextDocument`` renders it (see ``reports.pdf``).

Must not: compute a number (all come from ``core``'s ``EmployeeResult``) or touch widgets.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from string import Template

from kpidesk.core.results import EmployeeResult
from kpidesk.reports import sheet_text as words
from kpidesk.reports.sheet_text import translate
from kpidesk.resources_path import resource_path
from kpidesk.services.bonus_sheets import BonusBatch


@lru_cache(maxsize=1)
def template() -> Template:
    """The sheet's HTML template (read once)."""
    return Template(resource_path("bonus_sheet.html").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The print stylesheet."""
    return resource_path("print.css").read_text(encoding="utf-8")


def _cell(text: str, css: str = "") -> str:
    # attributes rather than CSS classes: QTextDocument matches every element against the
    # stylesheet, which costs more than the table itself (bench/bench_pdf.py)
    align = ' align="right"' if css == "num" else ""
    return f"<td{align}>{escape(text)}</td>"


def _matrix(result: EmployeeResult, lang: str) -> tuple[str, str, int, str]:
    """Header cells, body rows, the KPI row's colspan and its cells after the KPI."""
    per_indicator = result.schedule.per_indicator
    headers = [
        (translate("BonusSheet", "Indicator"), ""),
        (translate("BonusSheet", "Weight"), "num"),
        (translate("BonusSheet", "Base"), "num"),
        (translate("BonusSheet", "Norm"), "num"),
        (translate("BonusSheet", "Target"), "num"),
        (translate("BonusSheet", "Fact"), "num"),
        (translate("BonusSheet", "Index"), "num"),
        (translate("BonusSheet", "Weighted"), "num"),
    ]
    if per_indicator:
        headers.append((translate("BonusSheet", "Bonus"), "num"))
    header = "".join(
        f'<th align="right">{escape(text)}</th>' if css else f'<th align="left">{escape(text)}</th>'
        for text, css in headers
    )
    body: list[str] = []
    for row in result.rows:
        indicator = row.indicator
        name = indicator.name if indicator is not None else row.row.indicator
        if indicator is not None and indicator.unit:
            name = f"{name}, {indicator.unit}"
        cells = [
            _cell(name),
            _cell(words.share(row.row.weight, lang), "num"),
            _cell(words.quantity(row.row.base, lang), "num"),
            _cell(words.quantity(row.row.norm, lang), "num"),
            _cell(words.quantity(row.row.target, lang), "num"),
            _cell(
                words.quantity(row.fact, lang)
                if row.fact is not None
                else translate("BonusSheet", "no fact"),
                "num",
            ),
            _cell(words.percent(row.index, lang), "num"),
            _cell(words.percent(row.weighted, lang), "num"),
        ]
        if per_indicator:
            bonus = row.row_bonus
            cells.append(_cell(words.money(bonus, lang) if bonus is not None else "—", "num"))
        shade = ' bgcolor="#f4f6f9"' if len(body) % 2 else ""
        body.append(f"<tr{shade}>" + "".join(cells) + "</tr>")
    tail = "<td></td>" if per_indicator else ""
    return header, "\n".join(body), 7, tail


def _appendix(result: EmployeeResult) -> str:
    """Every number's explanation (the core's formula with the values put in)."""
    lines: list[tuple[str, str]] = []
    for row in result.rows:
        name = row.indicator.name if row.indicator is not None else row.row.indicator
        lines.append(
            (
                translate("BonusSheet", "%1: index").replace("%1", name),
                words.explanation_text(row.index_explanation),
            )
        )
        if row.weighted_explanation is not None:
            lines.append(
                (
                    translate("BonusSheet", "%1: weighted").replace("%1", name),
                    words.explanation_text(row.weighted_explanation),
                )
            )
    if result.kpi_explanation is not None:
        lines.append(("KPI", words.explanation_text(result.kpi_explanation)))
    pay = result.pay
    if pay is not None:
        lines.append(
            (
                translate("BonusSheet", "Payout coefficient"),
                words.explanation_text(pay.coefficient_explanation),
            )
        )
        lines.append(
            (translate("BonusSheet", "Bonus"), words.explanation_text(pay.bonus_explanation))
        )
        lines.append(
            (translate("BonusSheet", "Total pay"), words.explanation_text(pay.total_explanation))
        )
    rows = "".join(
        f'<tr><td width="36%">{escape(label)}</td><td>{escape(text)}</td></tr>'
        for label, text in lines
    )
    title = escape(translate("BonusSheet", "Appendix: how each number was obtained"))
    return f'<h2>{title}</h2><table width="100%" cellspacing="0" cellpadding="1">{rows}</table>'


def sheet_html(
    batch: BonusBatch, result: EmployeeResult, *, lang: str = "ru", appendix: bool = False
) -> str:
    """The bonus sheet of one employee as HTML for ``QTextDocument``.

    Args:
        batch: the company, period and lock state.
        result: the employee's result from ``core``.
        lang: number format, ``"ru"`` or ``"en"`` (the words follow the installed
            translator).
        appendix: add every number's explanation at the end.
    """
    employee = result.employee
    header, rows, colspan, tail = _matrix(result, lang)
    pay = result.pay
    schedule = result.schedule
    if pay is not None and result.kpi is not None:
        applied = (
            translate("BonusSheet", "KPI %1 → payout coefficient %2")
            .replace("%1", words.percent(result.kpi, lang))
            .replace("%2", words.coefficient(pay.coefficient, lang))
        )
        bonus_label = translate("BonusSheet", "Bonus (target bonus %1 × %2)")
        bonus_label = bonus_label.replace("%1", words.money(employee.target_bonus, lang)).replace(
            "%2", words.coefficient(pay.coefficient, lang)
        )
        sum_line = translate("BonusSheet", "Fixed pay + bonus = total: %1").replace(
            "%1",
            f"{words.money(pay.fixed_pay, lang)} + {words.money(pay.bonus, lang)} = "
            f"{words.money(pay.total, lang)}",
        )
        status = ""
    else:
        applied = translate("BonusSheet", "The KPI and the bonus are not computed: %1.").replace(
            "%1", words.missing_text(result)
        )
        bonus_label = translate("BonusSheet", "Bonus (target bonus %1)").replace(
            "%1", words.money(employee.target_bonus, lang)
        )
        sum_line = translate(
            "BonusSheet", "The total is not computed until the matrix is complete."
        )
        status = translate("BonusSheet", "Incomplete: %1").replace("%1", words.missing_text(result))
    if pay is None and result.kpi is None:
        kpi_text = translate("BonusSheet", "no data")
    else:
        kpi_text = words.percent(result.kpi, lang)
    values = {
        "title": translate("BonusSheet", "Bonus sheet for %1").replace(
            "%1", words.period_title(batch.period)
        ),
        "company": batch.company,
        "period_label": translate("BonusSheet", "Period"),
        "period": batch.period.code,
        "employee_label": translate("BonusSheet", "Employee"),
        "employee": employee.name,
        "position_label": translate("BonusSheet", "Position"),
        "position": employee.position,
        "store_label": translate("BonusSheet", "Store"),
        "store": employee.store or "—",
        "matrix_label": translate("BonusSheet", "KPI matrix"),
        "kpi_label": "KPI",
        "kpi": kpi_text,
        "status": status,
        "rule_label": translate("BonusSheet", "Payout rule"),
        "rule": words.payout_rule(schedule, lang),
        "applied": applied,
        "pay_label": translate("BonusSheet", "Pay"),
        "fixed_label": translate("BonusSheet", "Fixed pay"),
        "fixed": words.money(employee.fixed_pay if pay is None else pay.fixed_pay, lang),
        "bonus_label": bonus_label,
        "bonus": words.money(pay.bonus if pay else None, lang),
        "total_label": translate("BonusSheet", "Total pay"),
        "total": words.money(pay.total if pay else None, lang),
        "sum_line": sum_line,
        "manager_label": translate("BonusSheet", "Manager"),
        "acknowledged_label": translate("BonusSheet", "Acknowledged"),
        "sign_note": translate("BonusSheet", "signature / full name"),
        "date_label": translate("BonusSheet", "Date"),
    }
    safe = {key: escape(value) for key, value in values.items()}
    safe.update(
        matrix_header=header,
        matrix_rows=rows,
        kpi_colspan=str(colspan),
        kpi_tail=tail,
        appendix=_appendix(result) if appendix else "",
    )
    return template().substitute(safe)

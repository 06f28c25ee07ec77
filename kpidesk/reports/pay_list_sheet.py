"""The pay list's summary sheet (ведомость, SPEC §7) as HTML: №, personnel number,
employee, position, KPI, fixed pay, bonus, total and a signature column, then the totals
of SPEC §2.5 — fixed pay over everyone, bonus and total over the complete sheets, with the
incomplete ones named beside them ("без 1 неполного расчёта"). The period is in words
("ноябрь 2026"). ``reports.pdf`` lays it out on as many A4 pages as the list needs, the
header row repeated on each.

Must not: compute a number (the totals are ``core.pay_list.pay_list_totals``, every other
figure the core's ``EmployeeResult``) or touch widgets.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from kpidesk.core.money import format_money
from kpidesk.core.pay_list import pay_list_totals
from kpidesk.core.results import EmployeeResult, Status
from kpidesk.reports import sheet_text as words
from kpidesk.reports.period_words import period_in_words
from kpidesk.reports.sheet_text import translate
from kpidesk.services.bonus_sheets import BonusBatch

_NUM = '<td align="right" style="white-space: nowrap">'


def _money(value: Decimal, lang: str) -> str:
    """An amount without the ruble sign (the column headers carry it): ``28 825,00``."""
    return format_money(value, lang=lang, symbol=False)


def _header() -> str:
    names = (
        ("left", "3%", translate("BonusSheet", "No.")),
        ("left", "8%", translate("BonusSheet", "Pers. No.")),
        ("left", "20%", translate("BonusSheet", "Employee")),
        ("left", "13%", translate("BonusSheet", "Position")),
        ("right", "7%", "KPI"),
        ("right", "11%", translate("BonusSheet", "Fixed pay, ₽")),
        ("right", "11%", translate("BonusSheet", "Bonus, ₽")),
        ("right", "12%", translate("BonusSheet", "Total pay, ₽")),
        ("left", "15%", translate("BonusSheet", "Signature")),
    )
    cells = "".join(
        f'<th align="{side}" width="{width}">{escape(name)}</th>' for side, width, name in names
    )
    return f"<thead><tr>{cells}</tr></thead>"


def _row(number: int, result: EmployeeResult, lang: str, no_data: str) -> str:
    employee, pay = result.employee, result.pay
    name = escape(employee.name)
    if result.status is Status.INCOMPLETE:
        missing = escape(words.missing_text(result))
        name += f'<br><font size="1" color="#8a1c1c">{missing}</font>'
    fixed = result.fixed_pay
    cells = (
        f"<td>{number}</td>",
        f"<td>{escape(employee.personnel_number or '')}</td>",
        f"<td>{name}</td>",
        f"<td>{escape(employee.position)}</td>",
        _NUM + (words.percent(result.kpi, lang) if result.kpi is not None else no_data) + "</td>",
        _NUM + (_money(fixed, lang) if fixed is not None else no_data) + "</td>",
        _NUM + (_money(pay.bonus, lang) if pay is not None else no_data) + "</td>",
        _NUM + (_money(pay.total, lang) if pay is not None else no_data) + "</td>",
        '<td style="white-space: nowrap">________</td>',
    )
    shade = '<tr bgcolor="#f4f6f9">' if number % 2 == 0 else "<tr>"
    return shade + "".join(cells) + "</tr>"


def pay_list_html(batch: BonusBatch, *, lang: str = "ru") -> str:
    """The batch's pay list with its totals, as HTML for ``QTextDocument``.

    Args:
        batch: the company, period, lock state and the employees' results.
        lang: number format, ``"ru"`` or ``"en"`` (the words follow the installed
            translator).
    """
    no_data = escape(translate("BonusSheet", "no data"))
    totals = pay_list_totals(batch.employees)
    note = words.incomplete_note(totals.incomplete, lang)
    label = escape(translate("BonusSheet", "Total"))
    rows = [_row(number, result, lang, no_data) for number, result in enumerate(batch.employees, 1)]
    rows.append(
        '<tr bgcolor="#dfe5ee">'
        f'<td colspan="5" align="right"><b>{label}</b></td>'
        f"{_NUM}<b>{_money(totals.fixed_pay, lang)}</b></td>"
        f"{_NUM}<b>{_money(totals.bonus, lang)}</b></td>"
        f"{_NUM}<b>{_money(totals.total, lang)}</b></td><td></td></tr>"
    )
    if note:  # beside the bonus and the total: who they leave out (SPEC §2.5)
        everyone = escape(translate("BonusSheet", "all %1").replace("%1", str(totals.employees)))
        rows.append(
            '<tr><td colspan="5"></td>'
            f'<td align="right"><font size="1" color="#8a1c1c">{everyone}</font></td>'
            f'<td colspan="2" align="center"><font size="1" color="#8a1c1c">'
            f"{escape(note)}</font></td><td></td></tr>"
        )
    if note:
        rule = (
            translate(
                "BonusSheet",
                "Fixed pay is summed over all %1 employees; the bonus and the total pay over "
                "the complete sheets only, %2.",
            )
            .replace("%1", str(totals.employees))
            .replace("%2", note)
        )
    else:
        rule = translate("BonusSheet", "Every sheet of the list is complete.")
    title = translate("BonusSheet", "Pay list for %1").replace("%1", period_in_words(batch.period))
    period_label = translate("BonusSheet", "Period")
    status = (
        translate("BonusSheet", "period locked")
        if batch.locked
        else translate("BonusSheet", "draft: the period is not locked")
    )
    return (
        '<html><head><meta charset="utf-8"></head><body>'
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td><font color="#444444">{escape(batch.company)}</font></td>'
        f'<td align="right"><font color="#444444">{escape(period_label)}: '
        f"<b>{escape(period_in_words(batch.period))}</b> ({escape(status)})</font></td></tr>"
        f'<tr><td colspan="2" align="right"><font size="2" color="#444444">'
        f"{escape(words.signoff_text(batch.signoff))}</font></td></tr></table>"
        f"<h1>{escape(title)}</h1>"
        '<table width="100%" border="0" cellspacing="0" cellpadding="3">'
        f"{_header()}{''.join(rows)}</table>"
        f"<p>{escape(rule)}</p>"
        "</body></html>"
    )

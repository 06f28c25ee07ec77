"""One employee's bonus sheet as HTML (SPEC §7): the template ``resources/bonus_sheet.html``
filled with the heading, the matrix table, the KPI, the payout rule in words, fixed pay +
bonus = total, signature lines and, optionally, an appendix with every number's
explanation. The period is printed in words ("ноябрь 2026", ``reports.period_words``), the
employee with their personnel number; ``reports.pdf`` adds "стр. N из M" below each page.
``QTextDocument`` renders it (see ``reports.pdf``).

A per-indicator sheet (SPEC §2.5) prints no single payout coefficient: a table of each
row's share × coefficient = amount, and the bonus as the sum of those printed amounts. A
half-month sheet prints the half of the monthly amounts it pays, with the monthly amount.

:class:`SheetRenderer` fills the sheets of one batch: the labels are translated once, each
distinct number is formatted once (weights, bases, norms and targets repeat across the
employees of a position) and the HTML is joined from plain strings — 200 sheets must reach
the PDF in under a second (bench/bench_pdf.py). Numbers from ``core.money`` hold only
digits, spaces, signs, ``%`` and ``₽`` and are not escaped; user text always is.

Every text that differs between the employees goes through a *slot* (``Slot``): for the
HTML the slot returns the text, for :meth:`SheetRenderer.shape` it returns a placeholder
and records the text. The two outputs therefore come from one code path, and the sheet's
HTML is exactly its shape with each placeholder replaced by its text —
``reports.sheet_document`` relies on that to fill one parsed document per shape instead of
parsing the HTML of every sheet.

Must not: compute a number (all come from ``core``'s ``EmployeeResult``) or touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from html import escape
from string import Template

from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.results import EmployeeResult, RowResult
from kpidesk.reports import sheet_text as words
from kpidesk.reports.fact_breakdown_text import breakdown_text
from kpidesk.reports.period_words import period_in_words
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


# attributes rather than CSS classes: QTextDocument matches every element against the
# stylesheet, which costs more than the table itself (bench/bench_pdf.py)
_NUM = '<td align="right">'
_SHADE = '<tr bgcolor="#f4f6f9">'

Slot = Callable[[str], str]
"""Takes one employee's escaped text, returns what goes into the HTML in its place."""

PLACEHOLDER_BASE = 0xE100  # slot n of a shape is the two characters U+E000, U+E100 + n
PLACEHOLDER_MARK = "\ue000"
MAX_SLOTS = 0xF8FF - PLACEHOLDER_BASE  # the private use area's end


def _same(text: str) -> str:
    return text


def _labels() -> dict[str, str]:
    """The sheet's fixed words, translated by the installed translator and escaped."""
    labels = {
        "period_label": translate("BonusSheet", "Period"),
        "employee_label": translate("BonusSheet", "Employee"),
        "number_label": translate("BonusSheet", "Personnel number"),
        "position_label": translate("BonusSheet", "Position"),
        "store_label": translate("BonusSheet", "Store"),
        "matrix_label": translate("BonusSheet", "KPI matrix"),
        "kpi_label": "KPI",
        "rule_label": translate("BonusSheet", "Payout rule"),
        "pay_label": translate("BonusSheet", "Pay"),
        "fixed_label": translate("BonusSheet", "Fixed pay"),
        "total_label": translate("BonusSheet", "Total pay"),
        "manager_label": translate("BonusSheet", "Manager"),
        "acknowledged_label": translate("BonusSheet", "Acknowledged"),
        "sign_note": translate("BonusSheet", "signature / full name"),
        "date_label": translate("BonusSheet", "Date"),
    }
    return {key: escape(value) for key, value in labels.items()}


def _matrix_header() -> str:
    names = [
        translate("BonusSheet", "Weight"),
        translate("BonusSheet", "Base"),
        translate("BonusSheet", "Norm"),
        translate("BonusSheet", "Target"),
        translate("BonusSheet", "Fact"),
        translate("BonusSheet", "Index"),
        translate("BonusSheet", "Weighted"),
    ]
    indicator = translate("BonusSheet", "Indicator")  # not inside the f-string: lupdate
    return f'<th align="left">{escape(indicator)}</th>' + "".join(
        f'<th align="right">{escape(name)}</th>' for name in names
    )


def _payout_header() -> str:
    indicator = translate("BonusSheet", "Indicator")
    share = translate("BonusSheet", "Share of the target bonus")
    coefficient = translate("BonusSheet", "Coefficient")
    amount = translate("BonusSheet", "Amount")
    return (
        f'<tr><th align="left">{escape(indicator)}</th><th align="right">{escape(share)}</th>'
        f'<th></th><th align="right">{escape(coefficient)}</th><th></th>'
        f'<th align="right">{escape(amount)}</th></tr>'
    )


def _name(row: RowResult) -> str:
    return row.indicator.name if row.indicator is not None else row.row.indicator


class SheetRenderer:
    """Fills the template for the sheets of one batch.

    Translations are looked up when the renderer is made, so make it after the translator
    is installed (one per batch and print job).
    """

    def __init__(self, batch: BonusBatch, *, lang: str = "ru", appendix: bool = False) -> None:
        self.batch = batch
        self.lang = lang
        self.appendix = appendix
        self._template = template()
        self._fixed = _labels()
        self._fixed.update(
            title=escape(
                translate("BonusSheet", "Bonus sheet for %1").replace(
                    "%1", period_in_words(batch.period)
                )
            ),
            company=escape(batch.company),
            period=escape(period_in_words(batch.period)),
            signoff=escape(words.signoff_text(batch.signoff)),
        )
        self._no_fact = escape(translate("BonusSheet", "no fact"))
        self._no_data = escape(translate("BonusSheet", "no data"))
        self._header = _matrix_header()
        self._payout_header = _payout_header()
        self._numbers: dict[tuple[str, Decimal], str] = {}
        self._rules: dict[PayoutSchedule, str] = {}

    def _number(self, kind: str, value: Decimal, format_: Callable[[Decimal, str], str]) -> str:
        # equal Decimals format alike (``core.money`` normalises), so the value is the key
        key = (kind, value)
        text = self._numbers.get(key)
        if text is None:
            text = self._numbers[key] = format_(value, self.lang)
        return text

    def _quantity(self, value: Decimal | None) -> str:
        return "—" if value is None else self._number("q", value, words.quantity)

    def _fact(self, row: RowResult) -> str:
        """A computed fact with its two decimals (``2,00``), a typed-in one as typed."""
        if row.fact is None:
            return "—"
        if row.indicator is not None and not row.indicator.source.is_manual:
            return self._number("f", row.fact, words.computed_fact)
        return self._quantity(row.fact)

    def _percent(self, value: Decimal | None) -> str:
        return "—" if value is None else self._number("p", value, words.percent)

    def _money(self, value: Decimal | None) -> str:
        return self._no_data if value is None else self._number("m", value, words.money)

    def _rule(self, schedule: PayoutSchedule) -> str:
        rule = self._rules.get(schedule)
        if rule is None:
            rule = self._rules[schedule] = escape(words.payout_rule(schedule, self.lang))
        return rule

    def _matrix_rows(self, result: EmployeeResult, slot: Slot) -> str:
        lines: list[str] = []
        for number, row in enumerate(result.rows):
            indicator = row.indicator
            name = _name(row)
            if indicator is not None and indicator.unit:
                name = f"{name}, {indicator.unit}"
            cells = [
                _SHADE if number % 2 else "<tr>",
                "<td>",
                slot(escape(name)),
                "</td>",
                _NUM,
                slot(self._number("s", row.row.weight, words.share)),
                "</td>",
                _NUM,
                slot(self._quantity(row.row.base)),
                "</td>",
                _NUM,
                slot(self._quantity(row.row.norm)),
                "</td>",
                _NUM,
                slot(self._quantity(row.row.target)),
                "</td>",
                _NUM,
                slot(self._fact(row) if row.fact is not None else self._no_fact),
                "</td>",
                _NUM,
                slot(self._percent(row.index)),
                "</td>",
                _NUM,
                slot(self._percent(row.weighted)),
                "</td></tr>",
            ]
            lines.append("".join(cells))
        return "\n".join(lines)

    def _payout_table(self, result: EmployeeResult, slot: Slot) -> str:
        """Per-indicator payout: each row's share × coefficient = amount, then the bonus as
        the sum of the printed amounts (the core's explanation of it)."""
        pay = result.pay
        if pay is None or not pay.per_indicator:
            return ""
        lines = [
            '<table width="100%" border="0" cellspacing="0" cellpadding="3">',
            self._payout_header,
        ]
        for number, row in enumerate(result.rows):
            payout = row.payout
            if payout is None:
                continue
            lines.append(
                "".join(
                    (
                        _SHADE if number % 2 else "<tr>",
                        "<td>",
                        slot(escape(_name(row))),
                        "</td>",
                        _NUM,
                        slot(self._money(payout.share)),
                        "</td><td>×</td>",
                        _NUM,
                        slot(words.coefficient(payout.coefficient, self.lang)),
                        "</td><td>=</td>",
                        _NUM,
                        slot(self._money(payout.amount)),
                        "</td></tr>",
                    )
                )
            )
        label = escape(translate("BonusSheet", "Bonus: the sum of the amounts"))
        lines.append(
            f'<tr bgcolor="#dfe5ee"><td colspan="5" align="right"><b>{label}</b></td>'
            f"{_NUM}<b>{slot(self._money(pay.bonus))}</b></td></tr>"
        )
        lines.append("</table>")
        lines.append(f"<p>{slot(escape(words.explanation_text(pay.bonus_explanation)))}</p>")
        return "\n".join(lines)

    def html(self, result: EmployeeResult) -> str:
        """The bonus sheet of one employee as HTML for ``QTextDocument``."""
        return self._build(result, _same)

    def shape(self, result: EmployeeResult) -> tuple[str, list[str]] | None:
        """The sheet as its shape and its texts: the HTML with every non-empty
        per-employee text replaced by the placeholder of its slot number (an empty one is
        left empty, so emptiness is part of the shape), and the escaped texts in slot
        order. Sheets of equal shape differ only in their texts. ``None`` when a sheet
        has more texts than there are placeholders."""
        texts: list[str] = []
        mark, base = PLACEHOLDER_MARK, PLACEHOLDER_BASE

        def slot(text: str) -> str:
            texts.append(text)
            return f"{mark}{chr(base + len(texts) - 1)}" if text else ""

        html = self._build(result, slot)
        return None if len(texts) > MAX_SLOTS else (html, texts)

    def _build(self, result: EmployeeResult, slot: Slot) -> str:
        employee = result.employee
        pay = result.pay
        if pay is not None and result.kpi is not None:
            if pay.payout_coefficient is None:
                # per-indicator: no single coefficient reproduces the rows' rounded amounts
                applied = escape(
                    translate(
                        "BonusSheet",
                        "KPI %1; per-indicator payout: each indicator pays its share of the "
                        "target bonus × its own coefficient (the table below).",
                    )
                ).replace("%1", self._percent(result.kpi))
                bonus_label = escape(
                    translate("BonusSheet", "Bonus (the sum of the indicators' amounts)")
                )
            else:
                coefficient = words.coefficient(pay.payout_coefficient, self.lang)
                applied = (
                    escape(translate("BonusSheet", "KPI %1 → payout coefficient %2"))
                    .replace("%1", self._percent(result.kpi))
                    .replace("%2", coefficient)
                )
                bonus_label = (
                    escape(translate("BonusSheet", "Bonus (target bonus %1 × %2)"))
                    .replace("%1", self._money(employee.target_bonus))
                    .replace("%2", coefficient)
                )
            sum_line = escape(translate("BonusSheet", "Fixed pay + bonus = total: %1")).replace(
                "%1",
                f"{self._money(pay.fixed_pay)} + {self._money(pay.bonus)} = "
                f"{self._money(pay.total)}",
            )
            status = ""
        else:
            missing = escape(words.missing_text(result))
            applied = escape(
                translate("BonusSheet", "The KPI and the bonus are not computed: %1.")
            ).replace("%1", missing)
            bonus_label = escape(translate("BonusSheet", "Bonus (target bonus %1)")).replace(
                "%1", self._money(employee.target_bonus)
            )
            sum_line = escape(
                translate("BonusSheet", "The total is not computed until the matrix is complete.")
            )
            status = escape(translate("BonusSheet", "Incomplete: %1")).replace("%1", missing)
        if pay is None and result.kpi is None:
            kpi_text = self._no_data
        else:
            kpi_text = self._percent(result.kpi)
        values = dict(
            self._fixed,
            employee=slot(escape(employee.name)),
            number=slot(escape(employee.personnel_number or "—")),
            position=slot(escape(employee.position)),
            store=slot(escape(employee.store or "—")),
            matrix_header=self._header,
            matrix_rows=self._matrix_rows(result, slot),
            kpi_colspan="7",
            kpi=slot(kpi_text),
            kpi_tail="",
            status=slot(status),
            rule=slot(self._rule(result.schedule)),
            applied=slot(applied),
            payout=self._payout_table(result, slot),
            fixed_label=slot(self._fixed_label(result)),
            fixed=slot(self._money(employee.fixed_pay if pay is None else pay.fixed_pay)),
            bonus_label=slot(bonus_label),
            bonus=slot(self._money(pay.bonus if pay else None)),
            total=slot(self._money(pay.total if pay else None)),
            sum_line=slot(sum_line),
            appendix=_appendix(result, self.lang, slot) if self.appendix else "",
        )
        return self._template.substitute(values)

    def _fixed_label(self, result: EmployeeResult) -> str:
        """ "Fixed pay", or in a half-month "Fixed pay for the half-month (39 700,00 ₽ a
        month)"."""
        half = result.half_month
        if half is None or result.money_withheld:  # the monthly amount is money too
            return self._fixed["fixed_label"]
        return escape(translate("BonusSheet", "Fixed pay for the half-month (%1 a month)")).replace(
            "%1", self._money(half.monthly_fixed_pay)
        )


def _appendix(result: EmployeeResult, lang: str = "ru", slot: Slot = _same) -> str:
    """Every number's explanation (the core's formula with the values put in), and the
    rounding rule of computed facts (SPEC §2.4)."""
    lines: list[tuple[str, str]] = [
        (translate("BonusSheet", "Facts"), words.computed_facts_rule()),
    ]
    for row in result.rows:
        name = _name(row)
        if row.fact_breakdown is not None:
            # what the computed fact was computed from, as printed (core.fact_breakdown)
            lines.append(
                (
                    translate("Explain", "%1: fact").replace("%1", name),
                    breakdown_text(row.fact_breakdown, lang),
                )
            )
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
        lines.append(
            (
                "",
                translate(
                    "Explain", "KPI: the sum of the weighted indices to 0.01%, rounded to 0.1%"
                ),
            )
        )
    half = result.half_month
    if half is not None and not result.money_withheld:
        lines.append(
            (
                translate("BonusSheet", "Fixed pay for the half-month"),
                words.explanation_text(half.fixed_pay_explanation),
            )
        )
        lines.append(
            (
                translate("BonusSheet", "Target bonus for the half-month"),
                words.explanation_text(half.target_bonus_explanation),
            )
        )
    pay = result.pay
    if pay is not None and pay.per_indicator:
        for row in result.rows:
            if row.payout is not None:
                lines.append(
                    (
                        translate("BonusSheet", "%1: payout").replace("%1", _name(row)),
                        words.explanation_text(row.payout.explanation),
                    )
                )
    elif pay is not None:
        lines.append(
            (
                translate("BonusSheet", "Payout coefficient"),
                words.explanation_text(pay.coefficient_explanation),
            )
        )
    if pay is not None:
        lines.append(
            (translate("BonusSheet", "Bonus"), words.explanation_text(pay.bonus_explanation))
        )
        lines.append(
            (translate("BonusSheet", "Total pay"), words.explanation_text(pay.total_explanation))
        )
    rows = "".join(
        f'<tr><td width="36%">{slot(escape(label))}</td><td>{slot(escape(text))}</td></tr>'
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
    return SheetRenderer(batch, lang=lang, appendix=appendix).html(result)

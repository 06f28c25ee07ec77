"""``kpidesk adopt FILE.xlsx [--period P] [--dry-run]`` (SPEC §5, §6.1): print what was
recognised in the owner's own workbook — sheet → employee, period, rows; sheet → store,
days; each column's mapping; what was not understood and why — then import it all or
nothing, and name every employee whose KPI in kpidesk differs from the sheet's own.

Must not: import Qt at module level (``language.translate`` loads it when Russian is
spoken), or decide anything (``services.adopting`` does).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from kpidesk.commands.language import (
    current,
    import_summary_lines,
    problem_lines,
    translate,
)

if TYPE_CHECKING:
    from kpidesk.io.adopt import Recognition
    from kpidesk.io.adopt.model import Table
    from kpidesk.services.adopting import AdoptReport


def field_label(field: str | None) -> str:
    """A mapped field in the command's language ("not used" for none)."""
    if field is None:
        return translate("Cli", "not used")
    return {
        "indicator": translate("Cli", "indicator"),
        "unit": translate("Cli", "unit"),
        "weight": translate("Cli", "weight"),
        "base": translate("Cli", "base"),
        "norm": translate("Cli", "norm"),
        "target": translate("Cli", "target"),
        "fact": translate("Cli", "fact"),
        "index": translate("Cli", "index (recomputed)"),
        "weighted": translate("Cli", "weighted index (ignored)"),
        "date": translate("Cli", "date"),
        "store": translate("Cli", "store"),
        "revenue": translate("Cli", "revenue"),
        "receipts": translate("Cli", "receipts"),
        "visitors": translate("Cli", "visitors"),
        "units": translate("Cli", "units"),
    }.get(field, field)


def cmd_adopt(args: argparse.Namespace) -> int:
    from kpidesk.commands.company import open_company
    from kpidesk.services.adopting import adopt_workbook, recognise
    from kpidesk.services.errors import UserError

    print(recognition_text(recognise(args.file, period=args.period)))
    service = open_company(args, create=True)
    with service:
        try:
            report = adopt_workbook(service, args.file, period=args.period, dry_run=args.dry_run)
        except UserError:
            head = translate("Cli", "cannot import {file}: nothing was changed")
            print("kpidesk: " + head.format(file=args.file.name), file=sys.stderr)
            raise
    told = set(report.recognition.all_problems)
    for line in problem_lines([p for p in report.warnings if p not in told]):
        print(f"  {line}", file=sys.stderr)
    print(report_text(report))
    return 0


def _mapping(table: Table) -> str:
    return "; ".join(f"«{cell.text}» → {field_label(cell.field)}" for cell in table.headers)


def recognition_text(recognition: Recognition) -> str:
    """Sheet by sheet, what was recognised (the window shows the same)."""
    from kpidesk.core.money import format_number
    from kpidesk.io.adopt import SheetKind

    lang = current()
    lines = [translate("Cli", "Recognised in {file}:").format(file=recognition.path.name)]
    for sheet in recognition.sheets:
        if sheet.kind is SheetKind.UNKNOWN:
            lines.append(
                translate("Cli", "sheet «{sheet}»: not understood").format(sheet=sheet.name)
            )
        elif sheet.kind is SheetKind.SKIPPED:
            lines.append(translate("Cli", "sheet «{sheet}»: left out").format(sheet=sheet.name))
        for block in sheet.blocks:
            text = translate(
                "Cli", "sheet «{sheet}», row {row}: matrix of {employee} for {period}, {rows} rows"
            ).format(
                sheet=sheet.name,
                row=block.table.row,
                employee=block.employee or "?",
                period=block.period.code if block.period else "?",
                rows=len(block.lines),
            )
            if block.sheet_kpi is not None:
                kpi = format_number(block.sheet_kpi * 100, 1, lang=lang)
                text += translate("Cli", "; the sheet's KPI {kpi}%").format(kpi=kpi)
            lines.append(text)
            lines.append("    " + _mapping(block.table))
        for log in sheet.logs:
            store = log.store or translate("Cli", "the store column")
            lines.append(
                translate(
                    "Cli",
                    "sheet «{sheet}», row {row}: daily log of {store}, {days} days, "
                    "{skipped} subtotal rows skipped",
                ).format(
                    sheet=sheet.name,
                    row=log.table.row,
                    store=store,
                    days=len(log.days),
                    skipped=len(log.skipped_rows),
                )
            )
            lines.append("    " + _mapping(log.table))
    for line in problem_lines(recognition.all_problems):
        lines.append(f"  {line}")
    return "\n".join(lines)


def report_text(report: AdoptReport) -> str:
    """What the import did or would do, and the KPIs that differ from the sheets'."""
    from kpidesk.core.money import format_number

    lang = current()
    lines = import_summary_lines(report.recognition.path.name, report.dry_run, report.summary)
    if not report.differences:
        lines.append(translate("Cli", "every KPI the sheets computed agrees with kpidesk"))
    for difference in report.differences:
        ours = (
            format_number(difference.kpidesk_kpi * 100, 1, lang=lang) + "%"
            if difference.kpidesk_kpi is not None
            else translate("Cli", "no data")
        )
        lines.append(
            translate(
                "Cli",
                "KPI differs: {employee}, {period} (sheet «{sheet}»): the sheet "
                "{sheet_kpi}, kpidesk {kpidesk}",
            ).format(
                employee=difference.employee,
                period=difference.period.code,
                sheet=difference.sheet,
                sheet_kpi=format_number(difference.sheet_kpi * 100, 1, lang=lang) + "%",
                kpidesk=ours,
            )
        )
    return "\n".join(lines)

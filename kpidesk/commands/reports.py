"""``kpidesk report bonus|payroll|stores|rating``: the period's bonuses (JSON, CSV, the
bonus workbook or the sheets' PDF with the pay list after them), the accruals for the
payroll program, store metrics over a range of days and ratings. Each report names the
company it came from (``output.emit_report``).

Must not: compute a number (services and ``core`` do), judge a period (the services refuse
a month of a half-month company, ``services.bonus_sheets.require_pay_period``) or load Qt
outside the PDF export.
"""

from __future__ import annotations

import argparse
import sys

from kpidesk.commands.company import open_company
from kpidesk.commands.language import release, translate
from kpidesk.commands.output import ReportSource, emit_report, write_file


def cmd_report_bonus(args: argparse.Namespace) -> int:
    from kpidesk.services.bonus_sheets import period_bonuses
    from kpidesk.services.reporting import bonus_report_csv, bonus_report_json

    if args.format in ("xlsx", "pdf"):
        if args.output is None:
            print(f"kpidesk report bonus: --format {args.format} needs -o FILE", file=sys.stderr)
            return 2
        return _report_bonus_file(args)
    service = open_company(args, readonly=True)
    with service:
        result = period_bonuses(service, args.period)
        source = ReportSource.of(service)
    render = bonus_report_json if args.format == "json" else bonus_report_csv
    emit_report(render(result), args.output, source, as_json=args.format == "json")
    return 0


def _report_bonus_file(args: argparse.Namespace) -> int:
    """``report bonus --format xlsx|pdf -o FILE``: the bonus workbook or the sheets' PDF
    followed by the pay list's summary sheet.
    Qt is loaded only here, for the PDF (offscreen when there is no display)."""
    from kpidesk.services.bonus_sheets import bonus_batch, export_bonus_workbook

    service = open_company(args, readonly=True)
    with service:
        print(ReportSource.of(service).line())
        if args.format == "xlsx":
            export_bonus_workbook(
                service, args.period, args.output, store=args.store, lang=args.lang
            )
            print(translate("Cli", "wrote {file}").format(file=args.output))
            return 0
        batch = bonus_batch(service, args.period, store=args.store)
    from kpidesk.reports.headless import gui_application
    from kpidesk.reports.pdf import write_pdf
    from kpidesk.reports.translations import install_translators

    release()  # a plain QCoreApplication made for a message (the login's) cannot render
    app = gui_application()
    translators = install_translators(app, args.lang)
    try:
        pages = write_pdf(batch, args.output, lang=args.lang, appendix=args.appendix, summary=True)
    finally:
        from kpidesk.reports.translations import remove_translators

        remove_translators(app, translators)
    print(translate("Cli", "wrote {file}: {pages} page(s)").format(file=args.output, pages=pages))
    return 0


def cmd_report_payroll(args: argparse.Namespace) -> int:
    """``report payroll --period P -o FILE.xlsx [--format csv] [--allow-incomplete]``: the
    accruals for the payroll program (SPEC §7); the format follows ``--format``, else the
    file's suffix."""
    from kpidesk.services.bonus_sheets import export_payroll

    as_csv = args.format == "csv" or (args.format is None and args.output.suffix == ".csv")
    service = open_company(args, readonly=True)
    with service:
        print(ReportSource.of(service).line())
        done = export_payroll(
            service,
            args.period,
            args.output,
            csv=as_csv,
            allow_incomplete=args.allow_incomplete,
        )
    from kpidesk.core.money import format_money

    text = translate(
        "Cli", "wrote {file}: {rows} accrual(s) of {employees} employee(s), total {total}"
    )
    total = format_money(done.total, lang=args.lang)
    print(text.format(file=done.path, rows=done.accruals, employees=done.employees, total=total))
    if done.left_out:
        text = translate("Cli", "left out, incomplete: {names}")
        print(text.format(names=", ".join(done.left_out)), file=sys.stderr)
    if done.unnumbered:
        text = translate("Cli", "without a personnel number: {names}")
        print(text.format(names=", ".join(done.unnumbered)), file=sys.stderr)
    return 0


def cmd_report_stores(args: argparse.Namespace) -> int:
    from kpidesk.core.ratings import calendar_period
    from kpidesk.services.errors import UserError
    from kpidesk.services.reporting import (
        stores_report_csv,
        stores_report_json,
        stores_report_xlsx,
    )

    if args.end < args.start:
        raise _dates_reversed(args)
    if args.format == "xlsx" and args.output is None:
        raise UserError.of("output_required", "--format xlsx needs -o FILE.xlsx", format="xlsx")
    service = open_company(args, readonly=True)
    # a month (week, quarter, …) given by its dates compares with the previous month, as
    # on the dashboard
    period = calendar_period(args.start, args.end)
    with service:
        rows = service.store_report(period)
        source = ReportSource.of(service)
    if args.format == "xlsx":
        print(source.line())
        write_file(lambda: stores_report_xlsx(period, rows, args.output), args.output)
        return 0
    render = stores_report_json if args.format == "json" else stores_report_csv
    emit_report(render(period, rows), args.output, source, as_json=args.format == "json")
    return 0


def cmd_report_rating(args: argparse.Namespace) -> int:
    import json

    from kpidesk.core.ratings import Subject, calendar_period
    from kpidesk.services.analytics import Analytics, rating_company_json, rating_rows_json
    from kpidesk.services.errors import UserError

    if args.period is not None:
        if args.end is not None:
            raise UserError.of(
                "period_or_dates", "give either --period or --from and --to, not both"
            )
        period = args.period
    else:
        if args.end is None:
            raise UserError.of("from_needs_to", "--from needs --to")
        if args.end < args.start:
            raise _dates_reversed(args)
        period = calendar_period(args.start, args.end)
    if args.format == "xlsx" and args.output is None:
        raise UserError.of("output_required", "--format xlsx needs -o FILE.xlsx", format="xlsx")
    service = open_company(args, readonly=True)
    with service:
        analytics = Analytics(service)
        measure = analytics.measure(args.indicator)
        rating = analytics.rating(Subject(args.by), measure, period)
        source = ReportSource.of(service)
    code = "kpi" if measure.code == "kpi" else measure.code
    if args.format == "xlsx":
        from kpidesk.io.rating_export import write_rating_xlsx

        caption = f"{args.by} by {code}, {period.start:%d.%m.%Y} — {period.end:%d.%m.%Y}"
        print(source.line())
        write_file(
            lambda: write_rating_xlsx(rating, args.output, title="rating", caption=caption),
            args.output,
        )
        return 0
    if args.format == "csv":
        from kpidesk.io.rating_export import rating_columns, rating_csv_records
        from kpidesk.io.tables import to_csv

        table = to_csv(rating_csv_records(rating), columns=rating_columns(rating))
        emit_report(table, args.output, source, as_json=False)
        return 0
    document: dict[str, object] = {
        "period": period.code,
        "by": args.by,
        "indicator": code,
        "rows": rating_rows_json(rating),
    }
    company = rating_company_json(rating)
    if rating.subject is Subject.DEPARTMENT and company is not None:
        # the company KPI and its complete matrices (§2.9); ``company`` names the source
        document["company_kpi"] = company
    emit_report(json.dumps(document, ensure_ascii=False), args.output, source, as_json=True)
    return 0


def _dates_reversed(args: argparse.Namespace) -> Exception:
    from kpidesk.services.errors import UserError

    end, start = f"{args.end:%d.%m.%Y}", f"{args.start:%d.%m.%Y}"
    return UserError.of(
        "dates_reversed", f"--to ({end}) is before --from ({start})", end=end, start=start
    )

"""The ``kpidesk`` command (SPEC §5): argparse in, service calls, text/JSON/CSV out.

Exit codes: 0 success, 1 a user error (one clear message on stderr naming the file, sheet,
row and column), 2 a usage error (argparse). Heavy libraries (pandas, matplotlib, openpyxl,
Qt) load only inside the commands that need them so that ``kpidesk --help`` and the report
commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kpidesk import __version__

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService

Handler = Callable[[argparse.Namespace], int]


def _period(text: str) -> object:
    from kpidesk.core.periods import Period

    try:
        return Period.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _date(text: str) -> date:
    from kpidesk.core.periods import parse_date

    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of SPEC §5."""
    parser = argparse.ArgumentParser(
        prog="kpidesk",
        description="Offline KPI matrices, daily store data and bonus sheets.",
    )
    parser.add_argument("--version", action="version", version=f"kpidesk {__version__}")
    parser.add_argument("--db", type=Path, help="the company database file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.set_defaults(handler=_cmd_gui)

    demo = commands.add_parser("demo", help="create (or reset) the demo company and open it")
    demo.add_argument("--no-gui", action="store_true", help="only create it and print a summary")
    demo.set_defaults(handler=_cmd_demo)

    init = commands.add_parser("init", help="create an empty company database")
    init.add_argument("--name", default="", help="the company's name")
    init.add_argument("--half-months", action="store_true", help="pay in half-months")
    init.set_defaults(handler=_cmd_init)

    template = commands.add_parser("template", help="write the empty interchange workbook")
    template.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    template.add_argument("--lang", choices=("ru", "en"), default="ru")
    template.set_defaults(handler=_cmd_template)

    imp = commands.add_parser("import", help="import an interchange workbook, all or nothing")
    imp.add_argument("file", type=Path, metavar="FILE.xlsx")
    imp.add_argument("--dry-run", action="store_true", help="check only, change nothing")
    imp.set_defaults(handler=_cmd_import)

    export = commands.add_parser("export", help="the whole company as an interchange workbook")
    export.add_argument("file", type=Path, metavar="FILE.xlsx")
    export.add_argument("--lang", choices=("ru", "en"), default="ru")
    export.set_defaults(handler=_cmd_export)

    report = commands.add_parser("report", help="bonus and store reports")
    reports = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    bonus = reports.add_parser("bonus", help="every employee's KPI, bonus and total")
    bonus.add_argument("--period", type=_period, required=True, help="e.g. 2026-10")
    bonus.add_argument("--format", choices=("json", "csv", "xlsx", "pdf"), default="json")
    bonus.add_argument(
        "-o", "--output", type=Path, help="write to a file instead of stdout (xlsx, pdf: needed)"
    )
    bonus.add_argument("--store", help="only this store's employees (xlsx, pdf)")
    bonus.add_argument("--lang", choices=("ru", "en"), default="ru", help="xlsx and pdf language")
    bonus.add_argument("--appendix", action="store_true", help="pdf: add each number's explanation")
    bonus.set_defaults(handler=_cmd_report_bonus)
    stores = reports.add_parser("stores", help="store metrics over a range of days")
    stores.add_argument("--from", dest="start", type=_date, required=True, help="dd.mm.yyyy")
    stores.add_argument("--to", dest="end", type=_date, required=True, help="dd.mm.yyyy")
    stores.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    stores.add_argument("-o", "--output", type=Path, help="the file (required for xlsx)")
    stores.set_defaults(handler=_cmd_report_stores)
    rating = reports.add_parser(
        "rating", help="rank employees, stores or departments by KPI or an indicator"
    )
    rating_range = rating.add_mutually_exclusive_group(required=True)
    rating_range.add_argument(
        "--period", type=_period, help="e.g. 2026-10, 2026-10-H1, 2026-W43, 2026-Q4, 2026"
    )
    rating_range.add_argument("--from", dest="start", type=_date, help="dd.mm.yyyy (with --to)")
    rating.add_argument("--to", dest="end", type=_date, help="dd.mm.yyyy (with --from)")
    rating.add_argument("--by", choices=("employee", "store", "department"), required=True)
    rating.add_argument(
        "--indicator", default="kpi", help="kpi (default), an indicator code or a store metric"
    )
    rating.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    rating.add_argument("-o", "--output", type=Path, help="the file (required for xlsx)")
    rating.set_defaults(handler=_cmd_report_rating)
    report_tasks = reports.add_parser(
        "tasks", help="duties and tasks by assignee, by controller, or the debtors"
    )
    report_tasks.add_argument("--period", type=_period, required=True, help="e.g. 2026-10")
    report_tasks.add_argument(
        "--by", choices=("assignee", "controller", "debtors"), default="assignee"
    )
    report_tasks.add_argument(
        "--as-of",
        dest="as_of",
        type=_date,
        help="count overdue on this day (default: today or the period's end, if earlier)",
    )
    report_tasks.add_argument("--format", choices=("json", "csv"), default="json")
    report_tasks.add_argument("-o", "--output", type=Path)
    report_tasks.set_defaults(handler=_cmd_report_tasks)

    tasks = commands.add_parser("tasks", help="duties and tasks")
    tasks_commands = tasks.add_subparsers(dest="tasks_command", metavar="ACTION", required=True)
    generate = tasks_commands.add_parser(
        "generate", help="create the period's duties from the duty lists (never twice)"
    )
    generate.add_argument("--period", type=_period, required=True, help="e.g. 2026-10")
    generate.set_defaults(handler=_cmd_tasks_generate)

    backup = commands.add_parser("backup", help="copy the database to a backup file")
    backup.add_argument("-o", "--output", type=Path, help="the backup file (default: backups/)")
    backup.set_defaults(handler=_cmd_backup)
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=_cmd_restore)
    check = commands.add_parser("check", help="check the database's integrity and matrices")
    check.set_defaults(handler=_cmd_check)
    _add_period_and_daily_commands(commands)
    return parser


def _add_period_and_daily_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``period lock|reopen|status`` and ``daily set`` (closing a period, feeding days)."""
    period = commands.add_parser("period", help="lock, reopen or check a payroll period")
    actions = period.add_subparsers(dest="period_action", metavar="ACTION", required=True)
    lock = actions.add_parser("lock", help="lock a period after its bonuses are paid")
    lock.add_argument("period", type=_period, metavar="PERIOD", help="e.g. 2026-10")
    lock.set_defaults(handler=_cmd_period_lock)
    reopen = actions.add_parser("reopen", help="reopen a locked period (the reason is logged)")
    reopen.add_argument("period", type=_period, metavar="PERIOD")
    reopen.add_argument("--reason", required=True, help="why it is reopened")
    reopen.set_defaults(handler=_cmd_period_reopen)
    status = actions.add_parser("status", help="locked or not, and what is still missing")
    status.add_argument("period", type=_period, metavar="PERIOD")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(handler=_cmd_period_status)

    daily = commands.add_parser("daily", help="a store's daily data")
    daily_actions = daily.add_subparsers(dest="daily_action", metavar="ACTION", required=True)
    daily_set = daily_actions.add_parser("set", help="add or change one store's day")
    daily_set.add_argument("--store", required=True)
    daily_set.add_argument("--date", dest="day", type=_date, required=True, help="dd.mm.yyyy")
    daily_set.add_argument("--revenue", required=True, help="₽, e.g. 125 400,50")
    daily_set.add_argument("--receipts", required=True, help="number of receipts")
    daily_set.add_argument("--visitors", required=True, help="number of visitors")
    daily_set.add_argument("--units", help="units sold")
    daily_set.add_argument("--returns", help="returns, ₽")
    daily_set.set_defaults(handler=_cmd_daily_set)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from kpidesk.services.errors import UserError

    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _cmd_gui)
    try:
        return handler(args)
    except UserError as error:
        _print_user_error(error)
        return 1
    except KeyboardInterrupt:
        print("kpidesk: interrupted", file=sys.stderr)
        return 1
    except SystemExit:
        raise
    except BrokenPipeError:
        # the reader (e.g. `| head`) went away: not an error of ours, and no traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug: logged with its traceback, one line for the user
        from kpidesk.services import crash_log

        print(f"kpidesk: {crash_log.summary(error, crash_log.record(error))}", file=sys.stderr)
        return 1


def _print_user_error(error: Exception) -> None:
    problems = getattr(error, "problems", [])
    print(f"kpidesk: {error}", file=sys.stderr)
    for problem in problems:
        print(f"  {problem.describe()}", file=sys.stderr)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    from kpidesk.services.errors import UserError

    try:
        output.write_text(text, encoding="utf-8-sig" if output.suffix == ".csv" else "utf-8")
    except OSError as error:
        raise UserError(f"cannot write {output}: {error.strerror or error}") from None


# --- commands -----------------------------------------------------------------------------
def _cmd_gui(args: argparse.Namespace) -> int:
    from kpidesk.app import run_gui

    return run_gui(database=args.db)


def _cmd_demo(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.demo_setup import create_demo_database

    path = args.db or locations.demo_database()
    summary = create_demo_database(path, today=date.today())
    locations.remember_database(path)
    print(summary.describe())
    if args.no_gui:
        return 0
    from kpidesk.app import run_gui

    return run_gui(database=path, period=summary.latest_full_month)


def _cmd_init(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.company import CompanyService

    path = locations.database_for_command(args.db)
    service = CompanyService.create(path, name=args.name, half_months=args.half_months)
    service.close()
    locations.remember_database(path)
    print(f"created {path}")
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from kpidesk.services.exchange import write_template

    write_template(args.output, lang=args.lang)
    print(f"wrote {args.output}")
    return 0


def _open(args: argparse.Namespace, *, create: bool = False, backup: bool = True) -> CompanyService:
    from kpidesk.services import locations
    from kpidesk.services.company import CompanyService

    path = locations.database_for_command(args.db)
    service = CompanyService.open(path, create=create, backup=backup)
    locations.remember_database(path)
    return service


def _cmd_import(args: argparse.Namespace) -> int:
    service = _open(args, create=True)
    with service:
        report = service.import_workbook(args.file, dry_run=args.dry_run)
    for problem in report.warnings:
        print(f"  {problem.describe()}", file=sys.stderr)
    print(report.describe())
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    service = _open(args, backup=False)
    with service:
        service.export_workbook(args.file, lang=args.lang)
    print(f"wrote {args.file}")
    return 0


def _cmd_report_bonus(args: argparse.Namespace) -> int:
    from kpidesk.services.reporting import bonus_report_csv, bonus_report_json

    if args.format in ("xlsx", "pdf"):
        if args.output is None:
            print(f"kpidesk report bonus: --format {args.format} needs -o FILE", file=sys.stderr)
            return 2
        return _report_bonus_file(args)
    service = _open(args, backup=False)
    with service:
        result = service.compute_period(args.period)
    render = bonus_report_json if args.format == "json" else bonus_report_csv
    _emit(render(result), args.output)
    return 0


def _report_bonus_file(args: argparse.Namespace) -> int:
    """``report bonus --format xlsx|pdf -o FILE``: the bonus workbook or the sheets' PDF.
    Qt is loaded only here, for the PDF (offscreen when there is no display)."""
    from kpidesk.services.bonus_sheets import bonus_batch, export_bonus_workbook

    service = _open(args, backup=False)
    with service:
        if args.format == "xlsx":
            export_bonus_workbook(
                service, args.period, args.output, store=args.store, lang=args.lang
            )
            print(f"wrote {args.output}")
            return 0
        batch = bonus_batch(service, args.period, store=args.store)
    from kpidesk.gui.i18n import install_translators
    from kpidesk.reports.headless import gui_application
    from kpidesk.reports.pdf import write_pdf

    app = gui_application()
    translators = install_translators(app, args.lang)
    try:
        pages = write_pdf(batch, args.output, lang=args.lang, appendix=args.appendix)
    finally:
        from kpidesk.gui.i18n import remove_translators

        remove_translators(app, translators)
    print(f"wrote {args.output}: {pages} page(s)")
    return 0


def _cmd_report_stores(args: argparse.Namespace) -> int:
    from kpidesk.core.ratings import calendar_period
    from kpidesk.services.errors import UserError
    from kpidesk.services.reporting import (
        stores_report_csv,
        stores_report_json,
        stores_report_xlsx,
    )

    if args.end < args.start:
        raise UserError(f"--to ({args.end:%d.%m.%Y}) is before --from ({args.start:%d.%m.%Y})")
    if args.format == "xlsx" and args.output is None:
        raise UserError("--format xlsx needs -o FILE.xlsx")
    service = _open(args, backup=False)
    # a month (week, quarter, …) given by its dates compares with the previous month, as
    # on the dashboard
    period = calendar_period(args.start, args.end)
    with service:
        rows = service.store_report(period)
    if args.format == "xlsx":
        _write_file(lambda: stores_report_xlsx(period, rows, args.output), args.output)
        return 0
    render = stores_report_json if args.format == "json" else stores_report_csv
    _emit(render(period, rows), args.output)
    return 0


def _write_file(write: Callable[[], object], output: Path) -> None:
    from kpidesk.services.errors import UserError

    try:
        write()
    except OSError as error:
        raise UserError(f"cannot write {output}: {error.strerror or error}") from None
    print(f"wrote {output}")


def _cmd_report_rating(args: argparse.Namespace) -> int:
    import json

    from kpidesk.core.ratings import Subject, calendar_period
    from kpidesk.services.analytics import Analytics, rating_rows_json
    from kpidesk.services.errors import UserError

    if args.period is not None:
        if args.end is not None:
            raise UserError("give either --period or --from and --to, not both")
        period = args.period
    else:
        if args.end is None:
            raise UserError("--from needs --to")
        if args.end < args.start:
            raise UserError(f"--to ({args.end:%d.%m.%Y}) is before --from ({args.start:%d.%m.%Y})")
        period = calendar_period(args.start, args.end)
    if args.format == "xlsx" and args.output is None:
        raise UserError("--format xlsx needs -o FILE.xlsx")
    service = _open(args, backup=False)
    with service:
        analytics = Analytics(service)
        measure = analytics.measure(args.indicator)
        rating = analytics.rating(Subject(args.by), measure, period)
    code = "kpi" if measure.code == "kpi" else measure.code
    if args.format == "xlsx":
        from kpidesk.io.rating_export import write_rating_xlsx

        caption = f"{args.by} by {code}, {period.start:%d.%m.%Y} — {period.end:%d.%m.%Y}"
        _write_file(
            lambda: write_rating_xlsx(rating, args.output, title="rating", caption=caption),
            args.output,
        )
        return 0
    if args.format == "csv":
        from kpidesk.io.rating_export import RATING_COLUMNS, rating_csv_records
        from kpidesk.io.tables import to_csv

        _emit(to_csv(rating_csv_records(rating), columns=RATING_COLUMNS), args.output)
        return 0
    document = {
        "period": period.code,
        "by": args.by,
        "indicator": code,
        "rows": rating_rows_json(rating),
    }
    _emit(json.dumps(document, ensure_ascii=False, indent=1), args.output)
    return 0


def _cmd_report_tasks(args: argparse.Namespace) -> int:
    from kpidesk.core.tasks_filters import Grouping, default_as_of
    from kpidesk.services.tasks import tasks_report

    as_of = args.as_of or default_as_of(args.period, date.today())
    service = _open(args, backup=False)
    with service:
        report = tasks_report(service, args.period, Grouping(args.by), as_of)
    _emit(report.as_json() if args.format == "json" else report.as_csv(), args.output)
    return 0


def _cmd_tasks_generate(args: argparse.Namespace) -> int:
    from kpidesk.services.tasks import generate_period_duties

    service = _open(args)
    with service:
        outcome = generate_period_duties(service, args.period)
    for problem in outcome.problems:
        print(f"  {problem.describe()}", file=sys.stderr)
    if outcome.added:
        print(f"created {len(outcome.added)} duties for {args.period.code}")
    else:
        print(f"no new duties for {args.period.code} (they exist already)")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    service = _open(args, backup=False)
    with service:
        path = service.backup(args.output)
    print(f"backed up to {path}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.company import restore_database

    path = locations.database_for_command(args.db)
    safety = restore_database(path, args.file)
    print(f"restored {path} from {args.file} (the previous state is kept in {safety})")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    service = _open(args, backup=False)
    with service:
        report = service.check()
    print(report.describe())
    return 0 if report.ok else 1


def _cmd_period_lock(args: argparse.Namespace) -> int:
    from kpidesk.services.periods import lock_period

    service = _open(args, backup=False)
    with service:
        lock_period(service, args.period)
    print(f"period {args.period.code} locked")
    return 0


def _cmd_period_reopen(args: argparse.Namespace) -> int:
    from kpidesk.services.periods import reopen_period

    service = _open(args, backup=False)
    with service:
        reopen_period(service, args.period, args.reason)
    print(f"period {args.period.code} reopened: {args.reason.strip()}")
    return 0


def _cmd_period_status(args: argparse.Namespace) -> int:
    import json

    from kpidesk.services.periods import period_status, status_json

    service = _open(args, backup=False)
    with service:
        status = period_status(service, args.period, date.today())
    if args.format == "json":
        _emit(json.dumps(status_json(status), ensure_ascii=False, indent=1), None)
    else:
        _emit(status.describe(), None)
    return 0


def _cmd_daily_set(args: argparse.Namespace) -> int:
    from decimal import Decimal

    from kpidesk.core.money import parse_number
    from kpidesk.services.daily_entry import check_day, save_day
    from kpidesk.services.errors import UserError

    values: dict[str, Decimal | None] = {}
    for name in ("revenue", "receipts", "visitors", "units", "returns"):
        text = getattr(args, name)
        if text is None:
            values[name] = None
            continue
        try:
            values[name] = parse_number(text)
        except ValueError:
            raise UserError(f"--{name}: not a number: {text!r}") from None
    if values["units"] is None:
        values["units"] = Decimal(0)
    service = _open(args, backup=False)
    with service:
        checked = check_day(service, args.store, args.day, values)
        if checked.entry is None or checked.errors:
            errors = checked.errors
            raise UserError(
                f"{args.store} {args.day:%d.%m.%Y}: {errors[0].message}" if errors else "",
                errors,
            )
        save_day(service, checked.entry)
    for problem in checked.warnings:
        print(f"  {problem.describe()}", file=sys.stderr)
    print(f"saved {args.store} {args.day:%d.%m.%Y}")
    return 0

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
    bonus.add_argument("--format", choices=("json", "csv"), default="json")
    bonus.add_argument("-o", "--output", type=Path, help="write to a file instead of stdout")
    bonus.set_defaults(handler=_cmd_report_bonus)
    stores = reports.add_parser("stores", help="store metrics over a range of days")
    stores.add_argument("--from", dest="start", type=_date, required=True, help="dd.mm.yyyy")
    stores.add_argument("--to", dest="end", type=_date, required=True, help="dd.mm.yyyy")
    stores.add_argument("--format", choices=("json", "csv"), default="json")
    stores.add_argument("-o", "--output", type=Path)
    stores.set_defaults(handler=_cmd_report_stores)

    backup = commands.add_parser("backup", help="copy the database to a backup file")
    backup.add_argument("-o", "--output", type=Path, help="the backup file (default: backups/)")
    backup.set_defaults(handler=_cmd_backup)
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=_cmd_restore)
    check = commands.add_parser("check", help="check the database's integrity and matrices")
    check.set_defaults(handler=_cmd_check)
    return parser


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
    except BrokenPipeError:
        # the reader (e.g. `| head`) went away: not an error of ours, and no traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


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

    service = _open(args, backup=False)
    with service:
        result = service.compute_period(args.period)
    render = bonus_report_json if args.format == "json" else bonus_report_csv
    _emit(render(result), args.output)
    return 0


def _cmd_report_stores(args: argparse.Namespace) -> int:
    from kpidesk.core.periods import Period
    from kpidesk.services.errors import UserError
    from kpidesk.services.reporting import stores_report_csv, stores_report_json

    if args.end < args.start:
        raise UserError(f"--to ({args.end:%d.%m.%Y}) is before --from ({args.start:%d.%m.%Y})")
    service = _open(args, backup=False)
    period = Period.custom(args.start, args.end)
    with service:
        rows = service.store_report(period)
    render = stores_report_json if args.format == "json" else stores_report_csv
    _emit(render(period, rows), args.output)
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

"""``kpidesk period lock|reopen|status`` and ``kpidesk daily set``: closing a payroll period
and feeding a store's days.

Must not: check a day's values itself (``services.daily_entry`` does) or write SQL.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kpidesk.commands.company import open_company
from kpidesk.commands.output import emit


def cmd_period_lock(args: argparse.Namespace) -> int:
    from kpidesk.services.periods import lock_period

    service = open_company(args, backup=False)
    with service:
        lock_period(service, args.period)
    print(f"period {args.period.code} locked")
    return 0


def cmd_period_reopen(args: argparse.Namespace) -> int:
    from kpidesk.services.periods import reopen_period

    service = open_company(args, backup=False)
    with service:
        reopen_period(service, args.period, args.reason)
    print(f"period {args.period.code} reopened: {args.reason.strip()}")
    return 0


def cmd_period_status(args: argparse.Namespace) -> int:
    import json

    from kpidesk.services.periods import period_status, status_json

    service = open_company(args, backup=False)
    with service:
        status = period_status(service, args.period, date.today())
    if args.format == "json":
        emit(json.dumps(status_json(status), ensure_ascii=False, indent=1), None)
    else:
        emit(status.describe(), None)
    return 0


def cmd_daily_set(args: argparse.Namespace) -> int:
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
    service = open_company(args, backup=False)
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

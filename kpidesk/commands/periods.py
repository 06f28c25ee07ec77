"""``kpidesk period lock|reopen|status`` and ``kpidesk daily set``: closing a payroll period
and feeding a store's days.

Must not: check a day's values itself (``services.daily_entry`` does) or write SQL.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from kpidesk.commands.company import open_company
from kpidesk.commands.language import problem_lines, translate
from kpidesk.commands.output import emit

if TYPE_CHECKING:
    from kpidesk.services.period_status import PeriodStatus


def cmd_period_lock(args: argparse.Namespace) -> int:
    from kpidesk.services.periods import lock_period

    service = open_company(args, backup=False)
    with service:
        lock_period(service, args.period)
    print(translate("Cli", "period {period} locked").format(period=args.period.code))
    return 0


def cmd_period_reopen(args: argparse.Namespace) -> int:
    from kpidesk.services.periods import reopen_period

    service = open_company(args, backup=False)
    with service:
        reopen_period(service, args.period, args.reason)
    text = translate("Cli", "period {period} reopened: {reason}")
    print(text.format(period=args.period.code, reason=args.reason.strip()))
    return 0


def cmd_period_status(args: argparse.Namespace) -> int:
    import json

    from kpidesk.services.periods import period_status, status_json

    service = open_company(args, readonly=True)
    with service:
        status = period_status(service, args.period, date.today())
    if args.format == "json":
        emit(json.dumps(status_json(status), ensure_ascii=False, indent=1), None)
    else:
        emit(_status_text(status), None)
    return 0


def _status_text(status: PeriodStatus) -> str:
    """Locked or open, and what is missing (``PeriodStatus.describe``, translated)."""
    if status.locked:
        head = translate(
            "Cli", "period {period}: LOCKED; {complete} of {employees} matrices complete"
        )
    else:
        head = translate(
            "Cli", "period {period}: open; {complete} of {employees} matrices complete"
        )
    lines = [
        head.format(period=status.period.code, complete=status.complete, employees=status.employees)
    ]
    for store, days in status.missing_days.items():
        shown = ", ".join(f"{day:%d.%m}" for day in days[:10])
        if len(days) > 10:
            more = translate("Cli", "{shown} and {more} more")
            shown = more.format(shown=shown, more=len(days) - 10)
        line = translate("Cli", "{store}: {count} day(s) without data: {days}")
        lines.append("  " + line.format(store=store, count=len(days), days=shown))
    for fact in status.missing_facts:
        line = translate("Cli", "missing fact: {employee} — {indicator}")
        lines.append("  " + line.format(employee=fact.employee, indicator=fact.indicator))
    missing_fact_people = {fact.employee for fact in status.missing_facts}
    for name in status.incomplete:
        if name not in missing_fact_people:
            line = translate("Cli", "incomplete matrix: {employee}")
            lines.append("  " + line.format(employee=name))
    return "\n".join(lines)


def cmd_daily_set(args: argparse.Namespace) -> int:
    """Add a store's day, or change only the values given of a saved one (SPEC §5): an
    option left out keeps the saved value; ``--returns ""`` clears the returns."""
    from decimal import Decimal

    from kpidesk.core.money import parse_number
    from kpidesk.services.daily_entry import (
        FIELDS,
        change_day,
        check_day,
        merged_values,
        saved_day,
    )
    from kpidesk.services.errors import UserError

    given: dict[str, Decimal | None] = {}
    for name in FIELDS:
        text = getattr(args, name)
        if text is None:
            continue  # not given: kept as saved
        if name == "returns" and not text.strip():
            given[name] = None  # cleared
            continue
        try:
            given[name] = parse_number(text)
        except ValueError:
            raise UserError.of(
                "option_not_a_number",
                f"--{name}: not a number: {text!r}",
                option=name,
                value=text,
            ) from None
    if not given:
        raise UserError.of("nothing_to_change", "daily set: give at least one value to save")
    service = open_company(args, backup=False)
    with service:
        values = merged_values(saved_day(service, args.store, args.day), given)
        # warnings: the usual day; a day after today is refused, naming the date
        checked = check_day(service, args.store, args.day, values, today=date.today())
        if checked.errors:
            errors = checked.errors
            raise UserError(f"{args.store} {args.day:%d.%m.%Y}: {errors[0].message}", errors)
        if checked.entry is None:
            raise UserError.of(
                "day_incomplete",
                f"{args.store} {args.day:%d.%m.%Y}: the day is incomplete",
                store=args.store,
                day=f"{args.day:%d.%m.%Y}",
            )
        # the saved day is read again inside the write: only the given values change
        change_day(service, args.store, args.day, given)
    for line in problem_lines(checked.warnings):
        print(f"  {line}", file=sys.stderr)
    text = translate("Cli", "saved {store} {day}")
    print(text.format(store=args.store, day=f"{args.day:%d.%m.%Y}"))
    return 0

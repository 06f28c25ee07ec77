"""Users and sign-off on the command line (SPEC §5, §8.1): logging a command in
(``--user NAME``, the password from ``KPIDESK_PASSWORD`` or a prompt, never an argument),
``kpidesk users add|list|disable|enable|passwd`` and ``kpidesk paylist
check|approve|back|status``.

Must not: hash or check a password (``services.login`` and ``services.users`` do).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from kpidesk.commands.language import translate
from kpidesk.commands.output import emit

if TYPE_CHECKING:
    from kpidesk.core.signoff import PaylistState
    from kpidesk.services.company import CompanyService


def _password(user: str) -> str:
    """The password from ``KPIDESK_PASSWORD``, else asked for on the terminal.

    Raises:
        UserError: no variable and no terminal to ask on.
    """
    from kpidesk.services.errors import UserError
    from kpidesk.services.login import PASSWORD_VARIABLE

    given = os.environ.get(PASSWORD_VARIABLE)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UserError.of(
            "password_required",
            f"no password: set {PASSWORD_VARIABLE} or run the command in a terminal",
            variable=PASSWORD_VARIABLE,
        )
    prompt = translate("Cli", "password for {user}: ").format(user=user)
    try:
        return getpass.getpass(prompt)
    except EOFError:
        return ""


def log_in(service: CompanyService, args: argparse.Namespace) -> None:
    """Log the command in when the company has users (else nothing to do).

    Raises:
        UserError: users exist and no ``--user`` was given (``user_required``), or the
            name or password is wrong (``login_failed``).
    """
    from kpidesk.services.errors import UserError

    user = getattr(args, "user", None)
    if not service.logins_on() or service.database.is_server:
        return  # a company server authenticated the login of the URL itself
    from kpidesk.services.login import login  # (only then: a one-person shop never loads it)

    if not user:
        raise UserError.of(
            "user_required",
            "this company has users: give --user NAME (the password from KPIDESK_PASSWORD "
            "or asked for)",
        )
    login(service, user, _password(user))


def _new_password(args: argparse.Namespace, name: str) -> str:
    """The new user's password: ``KPIDESK_NEW_PASSWORD``, else asked for twice."""
    from kpidesk.services.errors import UserError

    given = os.environ.get("KPIDESK_NEW_PASSWORD")
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UserError.of(
            "password_required",
            "no password: set KPIDESK_NEW_PASSWORD or run the command in a terminal",
            variable="KPIDESK_NEW_PASSWORD",
        )
    first = getpass.getpass(translate("Cli", "new password for {user}: ").format(user=name))
    second = getpass.getpass(translate("Cli", "the same password again: "))
    if first != second:
        raise UserError.of("passwords_differ", "the two passwords differ")
    return first


def role_name(role: str) -> str:
    """A role in the command's language."""
    names = {
        "owner": translate("Cli", "owner"),
        "accountant": translate("Cli", "accountant"),
        "manager": translate("Cli", "manager"),
        "employee": translate("Cli", "employee"),
        "viewer": translate("Cli", "viewer"),
    }
    return names.get(role, role)


def cmd_users_add(args: argparse.Namespace) -> int:
    from kpidesk.commands.company import open_company
    from kpidesk.services.users import add_user

    service = open_company(args, backup=False)
    with service:
        password = _new_password(args, args.name)
        add_user(service, args.name, args.role, password, store=args.store, employee=args.employee)
    text = translate("Cli", "user {user} added ({role})")
    print(text.format(user=args.name, role=role_name(args.role)))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    from kpidesk.commands.company import open_company
    from kpidesk.core.rights import Right
    from kpidesk.services.users import users

    service = open_company(args, backup=False)
    with service:
        if service.logins_on():
            service.require(Right.DIRECTORIES, "list users")
        found = users(service)
    if args.format == "json":
        import json

        rows = [
            {
                "name": user.name,
                "role": user.role.value,
                "store": user.store,
                "employee": user.employee,
                "disabled": user.disabled,
            }
            for user in found
        ]
        emit(json.dumps(rows, ensure_ascii=False, indent=1), None)
        return 0
    if not found:
        emit(translate("Cli", "no users: logins are off"), None)
        return 0
    lines = []
    for user in found:
        parts = [user.name, role_name(user.role.value)]
        if user.store:
            parts.append(user.store)
        if user.employee:
            parts.append(user.employee)
        if user.disabled:
            parts.append(translate("Cli", "disabled"))
        lines.append(" · ".join(parts))
    emit("\n".join(lines), None)
    return 0


def cmd_users_disable(args: argparse.Namespace) -> int:
    from kpidesk.commands.company import open_company
    from kpidesk.services.users import disable_user

    service = open_company(args, backup=False)
    with service:
        disable_user(service, args.name, not args.enable)
    text = "user {user} enabled" if args.enable else "user {user} disabled"
    print(translate("Cli", text).format(user=args.name))
    return 0


def cmd_users_passwd(args: argparse.Namespace) -> int:
    from kpidesk.commands.company import open_company
    from kpidesk.services.users import set_password

    service = open_company(args, backup=False)
    with service:
        set_password(service, args.name, _new_password(args, args.name))
    print(translate("Cli", "password of {user} changed").format(user=args.name))
    return 0


def state_text(state: PaylistState) -> str:
    """The pay list's step in words, with who signed it."""
    from kpidesk.core.signoff import PaylistStep

    words = {
        PaylistStep.DRAFT: translate("Cli", "draft"),
        PaylistStep.CHECKED: translate("Cli", "checked"),
        PaylistStep.APPROVED: translate("Cli", "approved"),
        PaylistStep.CLOSED: translate("Cli", "closed"),
    }
    text = words[state.step]
    if state.changed:
        text += " " + translate("Cli", "(the results changed after it was signed)")
    if state.checked_by and state.step is not PaylistStep.DRAFT:
        text += "; " + translate("Cli", "checked by {user}").format(user=state.checked_by)
    if state.approved_by and state.step in (PaylistStep.APPROVED, PaylistStep.CLOSED):
        text += "; " + translate("Cli", "approved by {user}").format(user=state.approved_by)
    return text


def cmd_paylist(args: argparse.Namespace) -> int:
    from kpidesk.commands.company import open_company
    from kpidesk.services import signoff
    from kpidesk.services.periods import incomplete_before_lock

    service = open_company(args, backup=False)
    period = args.period
    with service:
        if args.paylist_action == "check":
            signoff.check_paylist(service, period)
        elif args.paylist_action == "approve":
            missing = incomplete_before_lock(service, period)
            if missing:
                line = translate("Cli", "incomplete, paid without a bonus: {names}")
                print(line.format(names=", ".join(missing)), file=sys.stderr)
            signoff.approve_paylist(service, period)
        elif args.paylist_action == "back":
            signoff.paylist_back(service, period, args.reason or "")
        state = signoff.paylist_state(service, period)
    line = translate("Cli", "pay list {period}: {state}")
    print(line.format(period=period.code, state=state_text(state)))
    return 0

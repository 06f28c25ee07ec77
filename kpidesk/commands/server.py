"""``kpidesk --db URL server init | server upload FILE.kpidesk``: putting a company on a
company server (SPEC §3.2, §5). Every other command works against a URL unchanged.

Must not: copy rows itself (``store.server`` does), or accept a password as an argument
(libpq's ``PGPASSWORD`` and ``~/.pgpass`` hold it).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kpidesk.commands.language import translate


def _server_url(args: argparse.Namespace) -> str:
    from kpidesk.services.errors import UserError

    if isinstance(args.db, str):
        return args.db
    raise UserError.of(
        "server_url_required",
        "give the company server with --db postgresql://USER@HOST:PORT/DB",
    )


def cmd_server_init(args: argparse.Namespace) -> int:
    from kpidesk.services.server import initialise_server

    url = _server_url(args)
    location = initialise_server(url)
    print(translate("Cli", "created an empty company on {server}").format(server=location))
    return 0


def cmd_server_upload(args: argparse.Namespace) -> int:
    from kpidesk.services.server import upload_company

    url = _server_url(args)
    source: Path = args.file
    location, rows = upload_company(url, source)
    text = translate("Cli", "uploaded {file} to {server}: {rows} rows")
    print(text.format(file=source, server=location, rows=sum(rows.values())))
    return 0

"""Putting a company on a company server (SPEC §3.2): creating the schema in an empty
database, and moving a whole company file onto it, all or nothing (users included). The
other use cases work on a server as on a file, through ``CompanyService.connect``.

Must not: import Qt, or copy rows itself (``store.server``).
"""

from __future__ import annotations

from pathlib import Path

from kpidesk.services.company import current_actor
from kpidesk.services.errors import UserError
from kpidesk.services.store_refusals import open_refusal, server_refusal
from kpidesk.store.database import Database
from kpidesk.store.errors import StoreError
from kpidesk.store.server import MissingGrantsError, ServerDatabase, display_location


def _not_empty(location: str) -> UserError:
    return UserError.of(
        "server_not_empty",
        f"{location} is not empty: it needs an empty database (nothing was changed)",
        server=location,
    )


def initialise_server(url: str) -> str:
    """Create the kpidesk schema in the empty database at ``url``; returns its address
    without the password.

    Raises:
        UserError: the server cannot be reached or refuses, or the database is not empty.
    """
    location = display_location(url)
    try:
        ServerDatabase.initialise(url, actor=current_actor()).close()
    except MissingGrantsError as error:
        raise UserError.of(
            "server_needs_grant",
            str(error),
            server=location,
            grants=", ".join(error.grants),
        ) from None
    except StoreError as error:
        if "not empty" in str(error):
            raise _not_empty(location) from None
        raise server_refusal(location, error) from None
    return location


def upload_company(url: str, source: Path) -> tuple[str, dict[str, int]]:
    """Copy the whole company file ``source`` onto the server at ``url`` — an empty
    database, or one ``server init`` prepared and nothing was put in yet — in one
    transaction; returns the server's address and the rows copied per table.

    Raises:
        UserError: the file cannot be read, the server cannot be used, or it already holds
            a company (nothing is changed).
    """
    location = display_location(url)
    try:
        company = Database.open_readonly(source, actor=current_actor())
    except (StoreError, OSError) as error:
        raise open_refusal(source, error) from None
    with company:
        server: ServerDatabase | None = None
        try:
            try:
                server = ServerDatabase.connect(url, actor=current_actor())
            except StoreError as error:
                if not type(error).__name__ == "EmptyDatabaseError":
                    raise
                server = ServerDatabase.initialise(url, actor=current_actor())
            try:
                rows = server.upload(company)
            except StoreError as error:
                if "already holds" in str(error):
                    raise _not_empty(location) from None
                raise
        except StoreError as error:
            raise server_refusal(location, error) from None
        finally:
            if server is not None:
                server.close()
    return location, rows

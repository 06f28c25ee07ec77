"""``services.live``: a company's revision watched from a second connection (another window
or PC) reports another connection's change once and not this window's own; a lost company
server is reported and a fresh connection goes under the same service; where a company is
(a file, a server without its password in the recent list, ``ServerAddress``); and the
keyring keeps a server's password only where it has a usable backend."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.daily import DailyEntry
from kpidesk.services import daily_entry, locations, server_passwords
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.live import (
    CompanyAddress,
    Poll,
    RevisionWatch,
    adopt_connection,
    is_connection_lost,
)
from kpidesk.store.errors import ConnectionLostError
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
DAY = date(2026, 10, 7)
STORE = "Центральный"


def _save(service: CompanyService, revenue: str) -> None:
    daily_entry.save_day(service, DailyEntry(STORE, DAY, Decimal(revenue), 40, 200, 70))


def test_another_connection_s_change_is_seen_once_and_one_s_own_never(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    with (
        CompanyService.open(location, backup=False) as mine,
        CompanyService.open(location, backup=False) as theirs,
    ):
        watch = RevisionWatch(mine)
        assert watch.poll() is Poll.UNCHANGED
        _save(mine, "101000")
        watch.note_own()
        assert watch.poll() is Poll.UNCHANGED  # this window's own save
        _save(theirs, "102000")
        assert watch.poll() is Poll.CHANGED  # another window's, once
        assert watch.poll() is Poll.UNCHANGED


def test_a_lost_server_is_reported_and_a_fresh_connection_adopted(
    pg_database: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    import psycopg

    url = demo_company("postgresql", tmp_path, request, TODAY)
    assert isinstance(url, str)
    service = CompanyService.connect(url)
    try:
        watch = RevisionWatch(service)
        pid = service.database.connection.raw.info.backend_pid  # type: ignore[attr-defined]
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert watch.poll() is Poll.LOST
        with pytest.raises(UserError) as refused:
            _save(service, "103000")
        assert is_connection_lost(refused.value)
        adopt_connection(service, CompanyAddress(url).open())
        _save(service, "104000")  # the same service writes again
        assert daily_entry.saved_day(service, STORE, DAY).revenue == Decimal("104000")
    finally:
        service.close()


def test_what_a_lost_connection_is() -> None:
    assert is_connection_lost(ConnectionLostError("gone"))
    assert is_connection_lost(UserError.of("server_unreachable", "no connection", server="x"))
    assert not is_connection_lost(UserError.of("period_locked", "locked", period="2026-10"))
    assert not is_connection_lost(ValueError("no"))


def test_an_address_of_a_file_and_of_a_server(tmp_path: Path) -> None:
    server = CompanyAddress("postgresql://anna@db.example:5433/chain", "секрет")
    assert server.is_server and server.shown == "postgresql://anna@db.example:5433/chain"
    assert "секрет" not in repr(server)  # kept in memory to reconnect, never shown
    typed = CompanyAddress("postgresql://anna:секрет@db.example:5433/chain")
    assert typed.shown == "postgresql://anna@db.example:5433/chain"
    file = CompanyAddress(tmp_path / "a.kpidesk")
    assert not file.is_server and file.shown == str(tmp_path / "a.kpidesk")


def test_the_recent_list_holds_servers_without_passwords(tmp_path: Path) -> None:
    company = tmp_path / "shop.kpidesk"
    company.write_bytes(b"")
    locations.remember_location(company)
    locations.remember_location("postgresql://anna:секрет@db.example:5433/chain")
    assert locations.recent_locations() == [
        "postgresql://anna@db.example:5433/chain",
        company.resolve(),
    ]
    assert locations.last_location() == "postgresql://anna@db.example:5433/chain"
    assert "секрет" not in (locations.config_dir() / "state.json").read_text(encoding="utf-8")
    # the command line's default company stays the last company file
    assert locations.last_database() == company.resolve()
    locations.remember_location(company)
    assert locations.recent_locations()[0] == company.resolve()
    assert len(locations.recent_locations()) == 2


def test_a_server_address_from_its_parts_and_back() -> None:
    address = locations.ServerAddress("db.example.ru", 5433, "сеть магазинов", "анна")
    url = address.url()
    assert url.startswith("postgresql://") and ":5433/" in url
    assert locations.ServerAddress.of(url) == address
    assert locations.ServerAddress("::1", 5432, "chain", "anna").url() == (
        "postgresql://anna@[::1]:5432/chain"
    )
    assert locations.ServerAddress.of("postgresql://anna:pw@h/db") == locations.ServerAddress(
        "h", 5432, "db", "anna"
    )


class FakeKeyring:
    """A keyring backend in memory."""

    priority = 5

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, password: str) -> None:
        self.stored[service, user] = password

    def get_password(self, service: str, user: str) -> str | None:
        return self.stored.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        del self.stored[service, user]


def test_the_keyring_keeps_a_password_by_the_url_without_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring

    fake = FakeKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: fake)
    monkeypatch.setattr(keyring, "set_password", fake.set_password)
    monkeypatch.setattr(keyring, "get_password", fake.get_password)
    monkeypatch.setattr(keyring, "delete_password", fake.delete_password)
    url = "postgresql://anna@db.example:5432/chain"
    assert server_passwords.keyring_available()
    assert server_passwords.remember_password(url, "секрет")
    assert fake.stored == {(server_passwords.SERVICE_NAME, url): "секрет"}
    assert server_passwords.remembered_password("postgresql://anna:x@db.example:5432/chain") == (
        "секрет"
    )
    server_passwords.forget_password(url)
    server_passwords.forget_password(url)  # nothing to forget: no error
    assert server_passwords.remembered_password(url) is None


def test_without_a_usable_keyring_nothing_is_stored(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    written: list[str] = []
    monkeypatch.setattr(keyring, "set_password", lambda *args: written.append("set"))
    url = "postgresql://anna@db.example:5432/chain"
    assert not server_passwords.keyring_available()
    assert not server_passwords.remember_password(url, "секрет")
    assert server_passwords.remembered_password(url) is None
    assert written == []

"""What opening a window asks of the company service more than once is read once (SPEC §9:
on the company server every read is a round trip): the period status, kept per period and
day until the next change, and whether the company has users — each the same as read
afresh, and read again after a change here or elsewhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

import pytest

from kpidesk.core.periods import Period
from kpidesk.services.company import CompanyService
from kpidesk.services.periods import lock_period
from kpidesk.store.postgres_dialect import PgConnection
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
NOV = Period.month(2026, 11)
OCT = Period.month(2026, 10)


def _statements(service: CompanyService) -> int:
    conn = service.database.connection
    return int(getattr(conn, "statements", 0))


def _fresh_status(location: Path | str, period: Period) -> object:
    with CompanyService.open(location, backup=False) as other:
        return other.period_status(period, TODAY)


def test_the_period_status_is_kept_until_a_change_and_is_the_fresh_one(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as service:
        first = service.period_status(NOV, TODAY)
        sent = _statements(service)
        assert service.period_status(NOV, TODAY) is first  # the status bar, then the dashboard
        assert service.period_status(NOV, TODAY, service.compute_period(NOV)) is first
        assert _statements(service) == sent
        assert first == _fresh_status(location, NOV)
        assert service.status_reads(NOV, TODAY) is service.status_reads(NOV, TODAY)
        october = service.period_status(OCT, TODAY)
        assert service.status_reads(OCT, TODAY)[1] is False
        lock_period(service, OCT)  # through the runner, which drops what the service keeps
        assert not october.locked and service.period_status(OCT, TODAY).locked
        assert service.status_reads(OCT, TODAY)[1] is True
        assert service.period_status(OCT, TODAY) == _fresh_status(location, OCT)
        assert service.period_status(NOV, TODAY) is not first


def test_a_lock_made_elsewhere_shows_after_the_watch_drops_the_caches(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as service:
        assert not service.period_status(OCT, TODAY).locked
        assert service.snapshot(OCT) is None
        with CompanyService.open(location, backup=False) as other:
            lock_period(other, OCT)
            posted = other.snapshot(OCT)
        assert posted is not None
        assert not service.period_status(OCT, TODAY).locked  # kept: nothing said it changed
        assert service.snapshot(OCT) is None
        with service.database.transaction():  # inside an operation: what is committed
            assert service.snapshot(OCT) == posted
        service.invalidate()  # what the window's live watch does on a foreign change
        assert service.period_status(OCT, TODAY).locked
        assert service.snapshot(OCT) == posted
        assert service.snapshot(NOV) is None


def test_whether_the_company_has_users_is_read_once_until_a_change(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as service:
        sent = _statements(service)
        on = service.logins_on()
        assert on == service.database.users.any()
        if engine == "postgresql":  # answered by the opening's statement (who the login is)
            assert _statements(service) == sent + 1  # only the check just above
            trips = cast(PgConnection, service.database.connection).round_trips
            service.logins_on()
            assert cast(PgConnection, service.database.connection).round_trips == trips
        service.invalidate()
        sent = _statements(service)
        assert service.logins_on() == on
        assert _statements(service) == sent + (1 if engine == "postgresql" else 0)


def test_inside_a_transaction_whether_there_are_users_is_read_afresh(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from kpidesk.core.rights import Role
    from kpidesk.services.users import add_user

    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as service:
        assert service.logins_on() is False  # the demo has no users: kept
        with CompanyService.open(location, backup=False) as other:
            add_user(other, "Хозяин", Role.OWNER, "s3cret-Pass")
        assert service.logins_on() is False  # nothing told this window yet
        with service.database.transaction():  # what an operation's check sees
            assert service.logins_on() is True
        service.invalidate()
        assert service.logins_on() is True

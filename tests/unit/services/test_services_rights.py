"""Users and rights in the services (SPEC §8.1): every write is checked by the runner and
every read that returns people's money or other stores' data is scoped — results, ratings,
dashboard, store reports, audit, bonus sheets; logins, the users' rules and the pay list's
sign-off in order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.core.ratings import Subject
from kpidesk.core.results import Status
from kpidesk.core.rights import RIGHTS, Actor, Right, Role, Scope
from kpidesk.core.signoff import PaylistStep
from kpidesk.services.analytics import Analytics
from kpidesk.services.audit import AuditFilter, audit_log
from kpidesk.services.bonus_sheets import bonus_batch
from kpidesk.services.company import CompanyService
from kpidesk.services.daily_entry import save_day
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.services.errors import UserError
from kpidesk.services.facts import set_fact
from kpidesk.services.login import delay_after, login
from kpidesk.services.periods import lock_period
from kpidesk.services.signoff import approve_paylist, check_paylist, paylist_state
from kpidesk.services.users import ChangeUser, add_user, disable_user, set_password
from tests.engines import demo_company

NOV = Period.month(2026, 11)
STORE, OTHER = "Центральный", "ТЦ «Мега»"
PASSWORD = "пароль-123"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rights") / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 12, 1))
    return path


@pytest.fixture
def company(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A copy of the demo with an owner, an accountant, a manager of Центральный linked to
    its first employee, an employee user and a viewer, on either engine."""
    path = demo_company(engine, tmp_path, request, date(2026, 12, 1))
    with CompanyService.open(path, backup=False) as service:
        people = service.company().employees
        central = [e.name for e in people if e.store == STORE]
        add_user(service, "Хозяин", Role.OWNER, PASSWORD)
        service.sign_in(Actor("Хозяин", Role.OWNER))
        add_user(service, "Бух", Role.ACCOUNTANT, PASSWORD)
        add_user(service, "Мария", Role.MANAGER, PASSWORD, store=STORE, employee=central[0])
        add_user(service, "Ира", Role.EMPLOYEE, PASSWORD, employee=central[1])
        add_user(service, "Гость", Role.VIEWER, PASSWORD)
    yield path


def _as(path: Path | str, name: str) -> CompanyService:
    service = CompanyService.open(path, backup=False)
    login(service, name, PASSWORD, sleep=lambda seconds: None)
    return service


def test_the_rights_table_is_spec_8_1() -> None:
    assert RIGHTS[Right.DAILY][Role.MANAGER] is Scope.OWN_STORE
    assert RIGHTS[Right.SEE_MONEY][Role.VIEWER] is Scope.NONE
    assert RIGHTS[Right.CHECK_PAYLIST][Role.OWNER] is Scope.NONE
    assert RIGHTS[Right.APPROVE_PAYLIST][Role.ACCOUNTANT] is Scope.NONE
    assert RIGHTS[Right.REOPEN_PERIOD] == {
        Role.OWNER: Scope.ALL,
        Role.ACCOUNTANT: Scope.NONE,
        Role.MANAGER: Scope.NONE,
        Role.EMPLOYEE: Scope.NONE,
        Role.VIEWER: Scope.NONE,
    }
    assert Actor("x").may(Right.IMPORT)  # no users: every right
    assert not Actor("x", anonymous=True).may(Right.SEE_RESULTS)


def test_a_company_with_users_refuses_whoever_has_not_logged_in(company: Path | str) -> None:
    with CompanyService.open(company, backup=False) as service:
        if service.database.is_server:  # the server's own login says who works
            assert service.actor.role is Role.OWNER  # the account that owns the company
            return
        assert service.actor.anonymous
        entry = DailyEntry(STORE, date(2026, 12, 1), Decimal(1000), 1, 2)
        with pytest.raises(UserError) as refused:
            save_day(service, entry)
        assert refused.value.codes == ["login_required"]
        assert service.compute_period(NOV).employees == ()


def test_a_manager_reads_their_store_and_their_own_money(company: Path | str) -> None:
    with _as(company, "Мария") as service:
        me = service.actor.employee
        result = service.compute_period(NOV)
        assert {r.employee.store for r in result.employees} == {STORE}
        for item in result.employees:
            own = item.employee.name == me
            assert item.money_withheld is not own
            assert (item.pay is not None) is (own and item.status is Status.COMPLETE)
            if not own:
                assert item.fixed_pay is None and item.employee.fixed_pay == 0
                assert all(row.row_bonus is None and row.payout is None for row in item.rows)
                assert item.half_month is None
        assert all(e.fixed_pay == 0 for e in service.company().employees if e.name != me)
        assert [row.store for row in service.store_report(NOV)] == [STORE]
        analytics = Analytics(service)
        stores = analytics.rating(Subject.STORE, "kpi", NOV)
        assert [row.name for row in stores.rows] == [STORE]
        people = analytics.rating(Subject.EMPLOYEE, "kpi", NOV)
        assert {row.name for row in people.rows} <= {r.employee.name for r in result.employees}
        dashboard = analytics.dashboard(NOV, date(2026, 12, 1))
        assert [row.store for row in dashboard.stores] == [STORE]
        with pytest.raises(UserError):
            analytics.daily_series(OTHER, NOV)
        batch = bonus_batch(service, NOV)
        assert [r.employee.name for r in batch.employees] == [me]
        assert all(e.store in (STORE, None) for e in audit_log(service))
        assert audit_log(service, AuditFilter(store=OTHER)) == []


def test_a_manager_writes_only_their_store_and_its_people(company: Path | str) -> None:
    with CompanyService.open(company, backup=False) as owner:  # (a server hides the rest)
        everyone = owner.full_company().employees
        theirs = next(e for e in everyone if e.store == STORE)
        other = next(e for e in everyone if e.store == OTHER)
    with _as(company, "Мария") as service:
        day = date(2026, 12, 1)
        save_day(service, DailyEntry(STORE, day, Decimal(1000), 10, 40))
        with pytest.raises(UserError) as refused:
            save_day(service, DailyEntry(OTHER, day, Decimal(1000), 10, 40))
        assert refused.value.codes == ["right_denied"]
        assert dict(refused.value.problems[0].params)["right"] == "daily"
        set_fact(service, NOV, theirs.name, "nps", Decimal(80))
        with pytest.raises(UserError, match="no right 'facts'"):
            set_fact(service, NOV, other.name, "nps", Decimal(80))
        with pytest.raises(UserError):
            lock_period(service, NOV)
        with pytest.raises(UserError):
            add_user(service, "Новый", Role.VIEWER, PASSWORD)
        (entry,) = [e for e in audit_log(service, AuditFilter(entity="daily"))][:1]
        assert entry.actor == "Мария"


def test_a_viewer_sees_everyones_results_and_no_money(company: Path | str) -> None:
    with _as(company, "Гость") as service:
        result = service.compute_period(NOV)
        assert {STORE, OTHER} <= {r.employee.store for r in result.employees}
        assert all(r.money_withheld and r.fixed_pay is None for r in result.employees)
        assert any(r.status is Status.COMPLETE for r in result.employees)
        with pytest.raises(UserError):
            bonus_batch(service, NOV)
        money = [e for e in audit_log(service) if e.field in ("fixed_pay", "target_bonus")]
        assert all(e.old is None and e.new is None for e in money)


def test_an_employee_sees_only_themself(company: Path | str) -> None:
    with _as(company, "Ира") as service:
        me = service.actor.employee
        result = service.compute_period(NOV)
        assert [r.employee.name for r in result.employees] == [me]
        assert not result.employees[0].money_withheld
        assert service.store_report(NOV) == []
        with pytest.raises(UserError):
            audit_log(service)


def test_logins_refuse_alike_with_a_growing_delay(company: Path | str) -> None:
    assert [delay_after(n) for n in (1, 2, 3, 4)] == [0.5, 1.0, 2.0, 4.0]
    assert delay_after(20) == 30.0
    slept: list[float] = []
    with CompanyService.open(company, backup=False) as service:
        for name, password in (("Мария", "нет"), ("Мария", "нет"), ("Никто", "нет")):
            with pytest.raises(UserError) as refused:
                login(service, name, password, sleep=slept.append)
            assert refused.value.codes == ["login_failed"]
        assert slept == [0.5, 1.0, 0.5]
        # a file's user names fold case; a server's logins are the server's roles
        name = "Мария" if service.database.is_server else "мария"
        actor = login(service, name, PASSWORD, sleep=slept.append)
        assert (actor.role, actor.store) == (Role.MANAGER, STORE)
        assert service.database.actor == "Мария"
    with CompanyService.open(company, backup=False) as service:
        with pytest.raises(UserError):
            login(service, "Мария", "нет", sleep=slept.append)
        assert slept[-1] == 0.5  # the success cleared the count


def test_the_users_rules(company: Path | str) -> None:
    with _as(company, "Хозяин") as service:
        with pytest.raises(UserError) as refused:
            disable_user(service, "Хозяин")
        assert refused.value.codes == ["last_owner"]
        with pytest.raises(UserError):
            service.run(ChangeUser("Хозяин", role=Role.VIEWER))
        with pytest.raises(UserError) as refused:
            add_user(service, "Пётр", Role.MANAGER, PASSWORD)
        assert refused.value.codes == ["manager_needs_store"]
        with pytest.raises(UserError) as refused:
            add_user(service, "Пётр", Role.VIEWER, "123")
        assert refused.value.codes == ["password_too_short"]
        with pytest.raises(UserError) as refused:
            add_user(service, "мария", Role.VIEWER, PASSWORD)
        assert refused.value.codes == ["user_exists"]
        add_user(service, "Второй", Role.OWNER, PASSWORD)
        disable_user(service, "Хозяин")  # another owner remains
        set_password(service, "Гость", "новый-пароль")
    with CompanyService.open(company, backup=False) as service:
        with pytest.raises(UserError):
            login(service, "Хозяин", PASSWORD, sleep=lambda s: None)
        login(service, "Гость", "новый-пароль", sleep=lambda s: None)
        set_password(service, "Гость", "ещё-новее")  # their own password
        with pytest.raises(UserError):
            set_password(service, "Мария", "чужой-пароль")


def test_the_pay_list_is_checked_approved_and_closed_in_order(company: Path | str) -> None:
    with _as(company, "Хозяин") as owner:
        with pytest.raises(UserError) as refused:
            approve_paylist(owner, NOV)
        assert refused.value.codes == ["paylist_not_checked"]
    with _as(company, "Бух") as accountant:
        check_paylist(accountant, NOV)
        state = paylist_state(accountant, NOV)
        assert (state.step, state.checked_by) == (PaylistStep.CHECKED, "Бух")
    with _as(company, "Хозяин") as owner:
        approve_paylist(owner, NOV)
        lock_period(owner, NOV)
        state = paylist_state(owner, NOV)
        assert (state.step, state.approved_by) == (PaylistStep.CLOSED, "Хозяин")


def test_without_users_everything_works_as_before(demo: Path, tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "alone.kpidesk"
    shutil.copy(demo, path)
    with CompanyService.open(path, backup=False) as service:
        assert not service.logins_on() and service.actor.role is None
        assert all(not r.money_withheld for r in service.compute_period(NOV).employees)
        lock_period(service, NOV)  # no sign-off needed for a one-person shop
        assert paylist_state(service, NOV).step is PaylistStep.CLOSED

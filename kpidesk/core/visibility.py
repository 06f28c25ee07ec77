"""What a reader may see of a period's results and of the directories (SPEC §8.1): the
people whose results they may see, and, of those, whose money.

Applied by the services to everything they return, so that a store manager's results, ratings,
dashboard, charts and reports hold only their store's people, and no one's fixed pay, bonus
and total but their own — absent from the data, not hidden by a screen.

A withheld employee's ``EmployeeResult`` has no ``pay``, no row bonuses or payouts and no
half-month amounts, and is marked ``money_withheld``; their ``Employee`` carries zero amounts
and no pay history, which no output may print (outputs print ``EmployeeResult.fixed_pay``,
``None`` when withheld, and the directories of money are the owner's).

Must not: read storage, or know anything of users but the ``Actor``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from kpidesk.core.company import Company
from kpidesk.core.org import Employee
from kpidesk.core.results import EmployeeResult, PeriodResult
from kpidesk.core.rights import Actor, Right, Scope

_NO_PAY = Decimal(0)


def sees_results_of(actor: Actor, employee: Employee) -> bool:
    """Whether ``actor`` may see this employee's KPI results."""
    return actor.may(Right.SEE_RESULTS, store=employee.store, employee=employee.name)


def sees_money_of(actor: Actor, employee: Employee) -> bool:
    """Whether ``actor`` may see this employee's fixed pay, bonus and total."""
    return actor.may(Right.SEE_MONEY, store=employee.store, employee=employee.name)


def sees_store(actor: Actor, store: str | None) -> bool:
    """Whether ``actor`` may see a store's daily data and metrics (``None``: the whole
    company's, which needs the whole right)."""
    return actor.may(Right.SEE_RESULTS, store=store)


def sees_everything(actor: Actor) -> bool:
    """Whether nothing needs to be withheld from ``actor``."""
    return actor.scope(Right.SEE_RESULTS) is Scope.ALL and actor.scope(Right.SEE_MONEY) is Scope.ALL


def without_money(employee: Employee) -> Employee:
    """The employee without their amounts and pay history."""
    if employee.fixed_pay == _NO_PAY and employee.target_bonus == _NO_PAY and not employee.rates:
        return employee
    return replace(employee, fixed_pay=_NO_PAY, target_bonus=_NO_PAY, rates=())


def withheld(result: EmployeeResult) -> EmployeeResult:
    """An employee's result without their money."""
    rows = tuple(
        row
        if row.row_bonus is None and row.payout is None
        else replace(row, row_bonus=None, payout=None)
        for row in result.rows
    )
    return replace(
        result,
        employee=without_money(result.employee),
        pay=None,
        rows=rows,
        half_month=None,
        money_withheld=True,
    )


def visible_result(result: PeriodResult, actor: Actor) -> PeriodResult:
    """The period's results as ``actor`` may see them."""
    if sees_everything(actor):
        return result
    shown = tuple(
        item if sees_money_of(actor, item.employee) else withheld(item)
        for item in result.employees
        if sees_results_of(actor, item.employee)
    )
    return PeriodResult(result.period, shown)


def visible_company(company: Company, actor: Actor) -> Company:
    """The directories as ``actor`` may see them: everyone's names (tasks, facts and
    look-ups need them), money only where the actor may see it."""
    if actor.scope(Right.SEE_MONEY) is Scope.ALL:
        return company
    employees = tuple(
        employee if sees_money_of(actor, employee) else without_money(employee)
        for employee in company.employees
    )
    return replace(company, employees=employees)

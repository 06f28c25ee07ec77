"""The pay list's sign-off from the Bonus sheets section (SPEC §8.1): черновик → проверена
(the accountant) → утверждена (the owner, after the list of incomplete matrices) → закрыта
(the lock), each step offered only to the role that may take it and only in its turn, and
the step back (the owner, with a reason)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kpidesk.core.signoff import PaylistStep
from kpidesk.gui.bonus.paylist_bar import PaylistBar
from kpidesk.services.signoff import paylist_state


def _bar(window) -> PaylistBar:  # type: ignore[no-untyped-def]
    assert window.show_section("bonus")
    return window.section("bonus").paylist


def _offered(bar: PaylistBar) -> dict[str, bool]:
    """The buttons shown, and whether each is enabled."""
    return {
        button.objectName(): button.isEnabled()
        for button in bar._buttons()
        if not button.isHidden()
    }


@pytest.fixture
def answers(monkeypatch):  # type: ignore[no-untyped-def]
    """Yes to every question (the questions asked are kept), "ошибка в факте" to every
    reason asked for."""
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("ошибка в факте", True))
    )
    return asked


def test_the_steps_in_order_each_by_its_role(role_window, answers) -> None:  # type: ignore[no-untyped-def]
    accountant = role_window("accountant")
    bar = _bar(accountant)
    assert bar.step_label.text().startswith("Ведомость: ")
    assert "черновик" in bar.step_label.text()
    assert _offered(bar) == {"paylist_check": True, "paylist_lock": False}
    owner = role_window("owner")
    owner_bar = _bar(owner)
    # an accountant works here: the owner approves a checked list only
    assert _offered(owner_bar) == {
        "paylist_approve": False,
        "paylist_lock": False,
        "paylist_back": False,
    }
    assert not owner_bar.approve()
    assert bar.check()
    assert "проверена" in bar.step_label.text() and "проверил(а) Бухгалтер" in bar.step_label.text()
    assert _offered(bar) == {"paylist_check": False, "paylist_lock": False}
    owner_bar.refresh()  # another window, another connection: redrawn when shown again
    assert _offered(owner_bar)["paylist_approve"]
    assert owner_bar.approve()
    assert "Утвердить ведомость за октябрь 2026?" in answers[-1]
    assert "утверждена" in owner_bar.step_label.text()
    assert "утвердил(а) Анна" in owner_bar.step_label.text()
    service = owner.context.service
    assert paylist_state(service, owner.context.period).step is PaylistStep.APPROVED
    assert _offered(owner_bar) == {
        "paylist_approve": False,
        "paylist_lock": True,
        "paylist_back": True,
    }
    assert owner_bar.lock()
    assert "закрыта" in owner_bar.step_label.text()
    assert owner_bar.back_button.text() == "Открыть период снова…"
    assert owner_bar.back()  # closed → approved: the period reopened, with the reason
    assert not service.is_locked(owner.context.period)
    assert "утверждена" in owner_bar.step_label.text()
    assert owner_bar.back()  # approved → checked
    assert paylist_state(service, owner.context.period).step is PaylistStep.CHECKED


def test_approving_first_lists_the_incomplete_matrices(role_window, answers) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.services.users import disable_user

    owner = role_window("owner")
    service = owner.context.service
    owner.context.run(lambda: disable_user(service, "Бухгалтер"))  # nobody to check
    bar = _bar(owner)
    assert _offered(bar)["paylist_approve"]  # without an accountant: from a draft
    assert bar.approve()
    assert "Неполных матриц: 1 (премия по ним не рассчитана):" in answers[-1]
    assert "• Соколова Анна Игоревна" in answers[-1]  # October: her fact is missing
    owner.context.set_period(owner.context.period.previous())  # September: all complete
    assert bar.approve()
    assert answers[-1].endswith("Все матрицы периода заполнены полностью.")


def test_nothing_is_offered_to_a_store_manager(role_window) -> None:  # type: ignore[no-untyped-def]
    bar = _bar(role_window("manager"))
    assert _offered(bar) == {}
    assert not bar.check() and not bar.approve() and not bar.lock() and not bar.back()
    assert "черновик" in bar.step_label.text()


def test_a_change_after_signing_makes_the_list_a_draft_again(role_window, answers) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.services import facts

    accountant = role_window("accountant")
    bar = _bar(accountant)
    assert bar.check()
    owner = role_window("owner")
    service, period = owner.context.service, owner.context.period
    sheet = facts.facts_sheet(service, period)
    (cell,) = sheet.missing  # Соколова's: typed in late, her sheet becomes complete
    owner.context.run(lambda: facts.set_facts(service, period, {cell: Decimal(80)}))
    owner_bar = _bar(owner)
    assert "черновик" in owner_bar.step_label.text()
    assert "расчёт изменился после подписи" in owner_bar.step_label.text()


def test_without_users_the_period_is_locked_as_before(russian, main_window, answers) -> None:  # type: ignore[no-untyped-def]
    bar = _bar(main_window)
    assert _offered(bar) == {
        "paylist_approve": True,
        "paylist_lock": True,
        "paylist_back": False,
    }
    assert bar.lock()  # from a draft: no sign-off needed in a one-person shop
    assert main_window.context.service.is_locked(main_window.context.period)
    assert "закрыта" in bar.step_label.text()

"""The Plans section (issue 14 item 3): the grid of store revenue plans — typed in the
Russian way, undone, copied from the previous period, filled from history + 20 % (or
another uplift) — each through the one operation; a locked period is read-only."""

from __future__ import annotations

from decimal import Decimal

from kpidesk.core.periods import Period
from kpidesk.gui.plans.model import COMPLETION, PLAN
from kpidesk.services import plans
from kpidesk.services.periods import lock_period

DEC, NOV, SEP = Period.month(2026, 12), Period.month(2026, 11), Period.month(2026, 9)
CENTRAL = "Центральный"


def _plans(main_window, period: Period):  # type: ignore[no-untyped-def]
    main_window.context.set_period(period)
    assert main_window.show_section("plans")
    section = main_window.section("plans")
    assert section is not None
    return section


def _stored(main_window, period: Period) -> dict[str, Decimal | None]:  # type: ignore[no-untyped-def]
    sheet = plans.plans_sheet(main_window.context.service, period)
    return {row.store: row.plan for row in sheet.rows}


def _row(section, store: str) -> int:  # type: ignore[no-untyped-def]
    return [row.store for row in section.model.sheet.rows].index(store)


def test_enter_a_plan_and_undo_it(main_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    section = _plans(main_window, DEC)
    qtmodeltester.check(section.model)
    model = section.model
    assert set(_stored(main_window, DEC).values()) == {None}
    index = model.index(_row(section, CENTRAL), PLAN)
    assert model.setData(index, "3 500 000,50"), model.last_error
    assert _stored(main_window, DEC)[CENTRAL] == Decimal("3500000.50")
    assert model.data(index) == "3\u00a0500\u00a0000,50\u00a0₽"
    assert not model.setData(index, "-5")
    assert not model.setData(index, "много")
    assert _stored(main_window, DEC)[CENTRAL] == Decimal("3500000.50")
    section.undo_stack.undo()
    assert _stored(main_window, DEC)[CENTRAL] is None
    section.undo_stack.redo()
    assert _stored(main_window, DEC)[CENTRAL] == Decimal("3500000.50")


def test_copy_from_the_previous_period(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _plans(main_window, DEC)
    november = _stored(main_window, NOV)
    assert None not in november.values()
    assert section.copy_previous()
    assert _stored(main_window, DEC) == november
    section.undo_stack.undo()  # one step for all the stores
    assert set(_stored(main_window, DEC).values()) == {None}


def test_from_history_with_the_uplift(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _plans(main_window, DEC)
    service = main_window.context.service
    assert section.uplift.value() == 20  # the default
    assert section.from_history()
    assert _stored(main_window, DEC) == plans.from_history(service, DEC, Decimal("0.2"))
    twenty = _stored(main_window, DEC)[CENTRAL]
    section.uplift.setValue(30)
    assert section.from_history()
    thirty = _stored(main_window, DEC)[CENTRAL]
    assert thirty is not None and twenty is not None and thirty > twenty


def test_the_completion_follows_a_new_plan(main_window) -> None:  # type: ignore[no-untyped-def]
    section = _plans(main_window, NOV)
    row = _row(section, CENTRAL)
    revenue = section.model.sheet.rows[row].revenue
    assert section.model.setData(section.model.index(row, PLAN), "2000000")
    # by hand: revenue so far / 2 000 000 × 100, to 0.1 %
    expected = (revenue / Decimal(20000)).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    shown = section.model.data(section.model.index(row, COMPLETION))
    assert shown == f"{expected}".replace(".", ",") + "%"


def test_a_locked_period_is_read_only(main_window) -> None:  # type: ignore[no-untyped-def]
    lock_period(main_window.context.service, SEP)
    section = _plans(main_window, SEP)
    assert section.model.read_only
    assert not section.copy_button.isEnabled()
    assert section.locked_note.isVisibleTo(section)
    before = _stored(main_window, SEP)
    assert not section.model.setData(section.model.index(0, PLAN), "1")
    assert _stored(main_window, SEP) == before

"""The pay list's sign-off order (SPEC §8.1), as pure rules: which step may follow which,
the step back, and a signature that no longer holds once the results change."""

from __future__ import annotations

import pytest

from kpidesk.core.signoff import (
    PaylistState,
    PaylistStep,
    refusal,
    state_of,
    step_back,
)

DRAFT, CHECKED, APPROVED, CLOSED = (
    PaylistStep.DRAFT,
    PaylistStep.CHECKED,
    PaylistStep.APPROVED,
    PaylistStep.CLOSED,
)


@pytest.mark.parametrize(
    ("now", "wanted", "needs_check", "code"),
    [
        (DRAFT, CHECKED, True, None),
        (DRAFT, APPROVED, True, "paylist_not_checked"),
        (DRAFT, APPROVED, False, None),  # no accountant: the owner approves a draft
        (DRAFT, CLOSED, True, "paylist_not_approved"),
        (CHECKED, CHECKED, True, "paylist_already"),
        (CHECKED, APPROVED, True, None),
        (CHECKED, CLOSED, True, "paylist_not_approved"),
        (APPROVED, APPROVED, True, "paylist_already"),
        (APPROVED, CHECKED, True, "paylist_already"),
        (APPROVED, CLOSED, True, None),
        (CLOSED, CHECKED, True, "paylist_closed"),
        (CLOSED, CLOSED, True, "paylist_closed"),
    ],
)
def test_steps_follow_in_order(
    now: PaylistStep, wanted: PaylistStep, needs_check: bool, code: str | None
) -> None:
    assert refusal(PaylistState(now), wanted, needs_check=needs_check) == code


def test_the_step_back() -> None:
    assert step_back(PaylistState(CLOSED)) is APPROVED
    assert step_back(PaylistState(APPROVED, checked_by="Бух")) is CHECKED
    assert step_back(PaylistState(APPROVED)) is DRAFT  # approved without a check
    assert step_back(PaylistState(CHECKED, checked_by="Бух")) is DRAFT
    assert step_back(PaylistState(DRAFT)) is None


def test_a_signature_holds_only_for_the_results_it_signed() -> None:
    stamps = ("Бух", "t1", "Хозяин", "t2")
    held = state_of("approved", "abc", "abc", False, stamps)
    assert (held.step, held.approved_by, held.changed) == (APPROVED, "Хозяин", False)
    changed = state_of("approved", "abc", "xyz", False, stamps)
    assert (changed.step, changed.changed, changed.approved_by) == (DRAFT, True, None)
    closed = state_of("approved", "abc", None, True, stamps)
    assert closed.step is CLOSED and closed.approved_by == "Хозяин"
    assert state_of(None, None, "xyz", False).step is DRAFT
    assert state_of(None, None, None, True).step is CLOSED  # locked before sign-offs

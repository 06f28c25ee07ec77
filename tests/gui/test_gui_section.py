"""The one stale rule of ``Section``: a shown section redraws at once on a change that
concerns it, a hidden one only marks itself stale and redraws once when shown (or
activated); the period, the store filter and another company file count as changes."""

from __future__ import annotations

from kpidesk.gui.context import AppContext
from kpidesk.gui.section import Section
from kpidesk.services.changes import Change, ChangeKind


class CountingSection(Section):
    """Counts its redraws; concerned by tasks only, and not by the store filter."""

    key = "counting"

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.refreshes = 0

    def refresh(self) -> None:
        self.refreshes += 1

    def concerns(self, change: Change) -> bool:
        return change.kind is ChangeKind.TASK

    def store_changed(self, store: str | None) -> bool:
        return False


def test_hidden_marks_stale_shown_redraws(qtbot, demo_service, demo_period, today) -> None:  # type: ignore[no-untyped-def]
    context = AppContext(demo_service, lang="ru", period=demo_period, today=today)
    section = CountingSection(context)
    qtbot.addWidget(section)
    task = Change(ChangeKind.TASK, demo_period)

    context.run(lambda: task)
    assert section.refreshes == 0 and section.stale  # hidden: only marked
    section.show()
    qtbot.waitExposed(section)
    assert section.refreshes == 1 and not section.stale  # redrawn once when shown
    section.activated()
    assert section.refreshes == 1  # nothing deferred

    context.run(lambda: task, initiator=section)
    assert section.refreshes == 2  # shown: at once
    context.run(lambda: Change(ChangeKind.FACT, demo_period))
    assert section.refreshes == 2  # not its concern
    context.set_store("Центральный")
    assert section.refreshes == 2  # the hook said the filter does not matter
    context.set_period(demo_period.previous())
    assert section.refreshes == 3

    section.hide()
    context.run(lambda: task)
    context.set_period(demo_period)
    assert section.refreshes == 3 and section.stale
    section.activated()
    section.show()
    assert section.refreshes == 4  # the two deferred changes cost one redraw

"""Screenshots of the main sections for the README, made from the demo company:

    python docs/make_screenshots.py            # all of them, into docs/screenshots/
    python docs/make_screenshots.py charts     # only the shots named

The window is built offscreen at 1280×800 in Russian on a temporary demo company (the
user's folders are never touched: ``KPIDESK_HOME`` points at a temporary folder). To add
a shot, add a :class:`Shot` to :data:`SHOTS`: a file name, the key of the section to show
(``kpidesk.gui.sections.SECTIONS``) and, if the section needs it, a setup callable that
gets the window after the section is shown (choose a row, switch a tab, …).

The owner's setup (checklist, template, plans) is shot by ``make_setup_screenshots.py``, the
matrix editor with «Что нужно», the import preview and the adopt dialog by
``make_matrix_screenshots.py``; the printed pages are described in ``docs/payroll.md``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from screenshot_kit import OUTPUT, ROOT, demo_window, russian_session, settle

if TYPE_CHECKING:
    from kpidesk.gui.main_window import MainWindow

Setup = Callable[["MainWindow"], None]


@dataclass(frozen=True)
class Shot:
    """One screenshot: ``docs/screenshots/<name>.png`` of the section ``section``."""

    name: str
    section: str
    setup: Setup | None = None


SHOTS: list[Shot] = [
    Shot("dashboard", "dashboard"),
    Shot("daily-entry", "daily"),
    Shot("month-grid", "month_grid"),
    Shot("ratings", "ratings"),
    Shot("charts", "charts"),
    Shot("bonus-sheets", "bonus"),
    Shot("directories", "directories"),
]


def make(shots: Sequence[Shot], output: Path = OUTPUT) -> list[Path]:
    """Take ``shots``; returns the files written."""
    written: list[Path] = []
    with russian_session() as home, demo_window(home) as window:
        output.mkdir(parents=True, exist_ok=True)
        for shot in shots:
            if not window.show_section(shot.section):
                print(f"skipped {shot.name}: no section {shot.section!r}", file=sys.stderr)
                continue
            settle()
            if shot.setup is not None:
                shot.setup(window)
                settle()
            target = output / f"{shot.name}.png"
            if not window.grab().save(str(target)):
                raise OSError(f"cannot write {target}")
            written.append(target)
            print(f"wrote {target.relative_to(ROOT)}")
    return written


def main(argv: Sequence[str]) -> int:
    wanted = set(argv)
    unknown = wanted - {shot.name for shot in SHOTS}
    if unknown:
        print(f"unknown shot(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    make([shot for shot in SHOTS if not wanted or shot.name in wanted])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The command line's language (SPEC §5: messages follow the interface language, Russian
by default): the global ``--lang``, else the language saved in the window's settings, else
Russian; and the one way a command's own text and a service's refusal reach the terminal
translated (:func:`translate`, :func:`problem_lines`).

A command's own text (:func:`translate`) and the kinds of an import summary
(:func:`kind_label`) are translated from the dictionaries ``resources/i18n/ru/*.json``,
without Qt: they are what ``resources/i18n/build.py`` fills the ``.ts`` with (by source
text, in every context) before compiling the ``.qm`` Qt reads, so the words are the same
(``tests/cli/test_cli_language.py`` compares every ``Cli`` and ``ProblemText``
message with Qt's translator), and a successful ``import`` starts no Qt at all (importing
QtCore cost ≈ 0.2 s of a 0.6 s budget, SPEC §9). Only the problems (``problem_lines``,
``reports.problem_text``) still need Qt's translators: QtCore is imported, a
``QCoreApplication`` created (when none exists) and the translators installed the first
time a problem is printed in Russian; English is the source language and needs none.

The language is process state, set by ``main`` with :func:`speaking` and undone after it:
one ``kpidesk`` run speaks one language, and Qt's translators are process-wide anyway (the
reason this module deviates from STYLE's "no module-level singletons").

Must not: import Qt at module level, or open the company.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpidesk.core.problems import Problem
    from kpidesk.store.content import ChangeSummary

LANGUAGES = ("ru", "en")

# the kinds of content as ``reports.problem_text.kind_name`` names them (its English
# sources, context ``ProblemText``): kept equal by a test
_KIND_NAMES = {
    "company": "Company",
    "stores": "Stores",
    "departments": "Departments",
    "positions": "Positions",
    "employees": "Employees",
    "indicators": "Indicators",
    "schedules": "Payout",
    "matrices": "Matrix",
    "daily": "Daily",
    "seller_days": "Sales by seller",
    "plans": "Plans",
    "facts": "Facts",
    "inputs": "Inputs",
    "duty_templates": "Duties",
    "tasks": "Tasks",
}


@cache
def dictionary(lang: str) -> dict[str, str]:
    """Every ``resources/i18n/<lang>/*.json`` merged, English source → translation, in
    the order ``resources/i18n/build.py`` merges them (a later file wins)."""
    from kpidesk.resources_path import resource_path

    merged: dict[str, str] = {}
    for path in sorted(resource_path("i18n", lang).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def _words(text: str) -> str:
    """``text`` in the current language from the dictionaries (the source if missing)."""
    lang = _current.lang
    if lang == "en":
        return text
    return dictionary(lang).get(text) or text


def default_language() -> str:
    """The language saved by the window's settings, if valid, else Russian."""
    from kpidesk.services import locations

    saved = locations.get_setting("language")
    return saved if isinstance(saved, str) and saved in LANGUAGES else "ru"


class _Speaker:
    """One run's language and, once needed, the Qt application and translators for it."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._ready = False
        self._app: Any = None  # the QCoreApplication created here, if any
        self._translators: list[Any] = []

    def ready(self) -> None:
        """Install the translators (once; nothing for English)."""
        if self._ready or self.lang == "en":
            return
        self._ready = True
        from PySide6.QtCore import QCoreApplication

        from kpidesk.reports.translations import install_translators

        app = QCoreApplication.instance()
        if app is None:
            app = self._app = QCoreApplication([sys.argv[0] or "kpidesk"])
        self._translators = install_translators(app, self.lang)

    def close(self) -> None:
        """Remove the translators, and shut the application down if it was created here
        (so that the window, or a test, can create its own)."""
        if not self._ready:
            return
        from PySide6.QtCore import QCoreApplication

        from kpidesk.reports.translations import remove_translators

        app = QCoreApplication.instance()
        if app is not None:
            remove_translators(app, self._translators)
        self._translators = []
        if self._app is not None:
            self._app.shutdown()
            self._app = None
        self._ready = False


_current = _Speaker("en")


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Run a command in ``lang``; the translators are removed afterwards."""
    global _current
    previous, _current = _current, _Speaker(lang)
    try:
        yield
    finally:
        _current.close()
        _current = previous


def current() -> str:
    """The language of the command being run."""
    return _current.lang


def release() -> None:
    """Give Qt back before a command opens the window (which needs its own application)."""
    _current.close()


def translate(context: str, text: str) -> str:
    """``text`` (English, the source) in the command's language. ``pyside6-lupdate``
    collects the calls of this function (context ``Cli``, a literal text) as it collects
    ``QCoreApplication.translate``; the translation comes from the same dictionaries, by
    source text (see the module docstring), so ``context`` only serves lupdate."""
    return _words(text)


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """The problems as terminal lines in the command's language (where, then what)."""
    if not problems:
        return []  # nothing to say: no translators (an import without warnings)
    _current.ready()
    from kpidesk.reports.problem_text import problem_line

    ordered = sorted(problems, key=lambda p: not p.is_error)
    return list(dict.fromkeys(problem_line(problem, _current.lang) for problem in ordered))


def kind_label(kind: str) -> str:
    """A kind of content in an import summary: the attribute name in English (``daily``),
    the workbook sheet's name otherwise (``Ежедневно``)."""
    if _current.lang == "en":
        return kind
    source = _KIND_NAMES.get(kind)
    return kind if source is None else _words(source)


def import_summary_lines(file: str, dry_run: bool, summary: ChangeSummary) -> list[str]:
    """The head line of an import (done, would change, nothing changed) and a line per kind
    of content it added, changed or left — for ``import`` and ``adopt``."""
    if dry_run:
        head = translate("Cli", "{file}: checked, no problems; an import would change:")
    elif summary.changed_anything:
        head = translate("Cli", "imported {file}:")
    else:
        head = translate("Cli", "imported {file}: nothing changed (the data was already there)")
    lines = [head.format(file=file)]
    each = translate("Cli", "{kind}: {added} added, {changed} changed, {unchanged} unchanged")
    for kind, counts in summary.kinds.items():
        if counts.added or counts.changed or counts.unchanged:
            line = each.format(
                kind=kind_label(kind),
                added=counts.added,
                changed=counts.changed,
                unchanged=counts.unchanged,
            )
            lines.append(f"  {line}")
    return lines

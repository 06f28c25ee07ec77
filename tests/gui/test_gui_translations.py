"""The Russian translation is complete: every tr() string of the sources is in
kpidesk_ru.ts, none is unfinished, and the compiled .qm translates in the running app."""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
sys.path.insert(0, str(I18N))

import build  # noqa: E402  (resources/i18n/build.py)


def _messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    tree = ElementTree.parse(ts)
    found: dict[tuple[str, str], ElementTree.Element] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_no_unfinished_strings() -> None:
    unfinished = [
        key
        for key, message in _messages(I18N / "kpidesk_ru.ts").items()
        if (t := message.find("translation")) is None or t.get("type") == "unfinished" or not t.text
    ]
    assert unfinished == []


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="needs pyside6-lupdate")
def test_every_source_string_is_in_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    build.run_lupdate(fresh)
    missing = set(_messages(fresh)) - set(_messages(I18N / "kpidesk_ru.ts"))
    assert not missing, f"run python resources/i18n/build.py; missing: {sorted(missing)[:20]}"


def test_compiled_translation_is_used(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from kpidesk.reports.translations import install_translators, remove_translators

    translators = install_translators(QCoreApplication.instance(), "ru")  # type: ignore[arg-type]
    try:
        assert QCoreApplication.translate("MainWindow", "All stores") == "Все магазины"
        # Qt's own strings too (standard buttons)
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    finally:
        remove_translators(QCoreApplication.instance(), translators)  # type: ignore[arg-type]


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """lupdate does not look inside f-strings: a tr()/translate() with a literal there is
    never collected and shows in English (it happened to a bonus sheet header)."""
    import ast

    hidden = []
    for path in (ROOT / "kpidesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if isinstance(call, ast.Call):
                    func = call.func
                    name = getattr(func, "attr", getattr(func, "id", ""))
                    if name in ("tr", "translate") and call.args:
                        hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == []

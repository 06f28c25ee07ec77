"""The Russian translation is complete: every tr() string of the sources is in
kpidesk_ru.ts, none is unfinished, and the compiled .qm translates in the running app."""

from __future__ import annotations

import re
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


# --- every problem code has a Russian sentence ---------------------------------------------
# Where codes are born, in every layer: a literal first argument of these calls, a
# ``code="…"`` keyword, the runner's store-error table and its default, and the io cursor's
# default code.
_CODE_SOURCES = ("services", "core", "io", "commands", "reports", "store", "gui")
_BORN = re.compile(
    r"(?:UserError\.of|\bProblem|\bproblem|_refusal|UnsafeFileError|_file_problem|_unknown)"
    r'\(\s*(?:code=)?"([a-z_]+)"(?:\s+if\s[^\n]*?\selse\s+"([a-z_]+)")?'
    r'|\bcode(?::\s*str\s*=\s*|=)"([a-z_]+)"'
    r'|"[A-Za-z]+Error":\s*"([a-z_]+)"'
    r'|_STORE_CODES\.get\(.*?,\s*"([a-z_]+)"\)'
)
# Latin words a Russian sentence may keep: product and format names, command-line options,
# environment variables (KPIDESK_PASSWORD).
_ALLOWED = re.compile(
    r"--?[a-z][a-z-]*|\b(?:Excel|OpenDocument|CSV|XML|KPI|NPS|xlsx|xls|ods)\b"
    r"|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"
    # what a user types: the command and its words, a server's address
    r"|«[^»]*kpidesk[^»]*»|«server (?:init|upload)»|\bpostgresql://\S+|\bURL\b"
)
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def problem_codes() -> set[str]:
    """Every problem code the sources can produce (scanned, so a new one is found)."""
    files = [ROOT / "kpidesk" / "cli.py"]
    for folder in _CODE_SOURCES:
        files += sorted((ROOT / "kpidesk" / folder).rglob("*.py"))
    codes: set[str] = set()
    for path in files:
        for match in _BORN.finditer(path.read_text(encoding="utf-8")):
            codes.update(group for group in match.groups() if group)
    codes.discard("error")  # UserError's own default for a message without a code
    return codes


def _latin(text: str) -> list[str]:
    return _LATIN_WORD.findall(_ALLOWED.sub(" ", text))


def test_the_code_scan_finds_the_codes_of_every_layer() -> None:
    codes = problem_codes()
    for code in ("weights_sum", "bad_value", "zip_bomb", "period_locked", "store_error"):
        assert code in codes
    for code in ("right_denied", "unknown_reference", "database_busy", "no_company_file"):
        assert code in codes
    assert len(codes) > 90


def test_every_problem_code_has_a_russian_sentence(qapp: object) -> None:
    import string

    from PySide6.QtCore import QCoreApplication

    from kpidesk.core.problems import Problem
    from kpidesk.reports.problem_templates import templates
    from kpidesk.reports.problem_text import problem_text
    from kpidesk.reports.translations import install_translators, remove_translators

    english = templates()  # no translator yet: the source texts
    missing = sorted(problem_codes() - set(english))
    assert missing == [], f"give these codes a template in reports/problem_templates.py: {missing}"
    app = QCoreApplication.instance()
    translators = install_translators(app, "ru")  # type: ignore[arg-type]
    try:
        bad: dict[str, str] = {}
        for code, source in sorted(english.items()):
            names = {name for _, name, _, _ in string.Formatter().parse(source) if name}
            # every param a Cyrillic marker: whatever Latin is left is the template's own
            problem = Problem(code, "An English message.", params=tuple((n, "Ж") for n in names))
            text = problem_text(problem, "ru")
            if _latin(text) or text == source:
                bad[code] = text
        assert bad == {}
    finally:
        remove_translators(app, translators)  # type: ignore[arg-type]


def test_names_and_places_in_messages_are_russian(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from kpidesk.core.problems import Location, Problem
    from kpidesk.reports.problem_text import (
        entity_name,
        field_name,
        kind_name,
        location_text,
        problem_text,
    )
    from kpidesk.reports.translations import install_translators, remove_translators

    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "kpidesk").rglob("*.py"))
    sheets = (ROOT / "kpidesk" / "io" / "sheets.py").read_text(encoding="utf-8")
    fields = set(re.findall(r'_c\(\s*"([a-z_]+)"', sheets))
    fields |= set(re.findall(r'\bfield="([a-z_]+)"', sources))
    kinds = set(re.findall(r'SheetSpec\(\s*"([a-z_]+)"', sheets))
    entities = set(re.findall(r'\bentity="([a-z ]+)"', sources))
    app = QCoreApplication.instance()
    translators = install_translators(app, "ru")  # type: ignore[arg-type]
    try:
        bad = [f"field {f}: {field_name(f)}" for f in sorted(fields) if _latin(field_name(f))]
        bad += [f"kind {k}: {kind_name(k)}" for k in sorted(kinds) if _latin(kind_name(k))]
        bad += [f"entity {e}: {entity_name(e)}" for e in sorted(entities) if _latin(entity_name(e))]
        assert bad == []
        where = Location(sheet="Daily", row=7, column="Revenue", field="revenue")
        assert location_text(where) == "лист «Daily», строка 7, столбец «Revenue»"
        place = location_text(Location(entity="matrix", key="Продавец 2026-10", field="weight"))
        assert place == "матрица «Продавец 2026-10», поле «Вес»"
        # an unknown code: a Russian sentence naming the code, never the English message
        unknown = problem_text(Problem("brand_new", "Something English happened."), "ru")
        assert unknown == "Не удалось выполнить действие (brand_new)."
    finally:
        remove_translators(app, translators)  # type: ignore[arg-type]

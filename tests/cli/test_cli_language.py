"""The command line translates its own text from the JSON dictionaries, without Qt
(``commands/language.py``): the words must be Qt's, and a successful import must not load
PySide6 at all (SPEC §9, issue 17)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest

from kpidesk.commands import language
from kpidesk.resources_path import resource_path
from kpidesk.store.content import KINDS

ROOT = Path(__file__).resolve().parents[2]


def _messages(context: str) -> list[str]:
    """The source texts of one context of the compiled-from ``.ts``."""
    tree = ElementTree.parse(resource_path("i18n", "kpidesk_ru.ts"))
    return [
        message.findtext("source") or ""
        for found in tree.getroot().iter("context")
        if found.findtext("name") == context
        for message in found.iter("message")
    ]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_cli_text_and_kind_is_what_qt_would_say(qapp: object, lang: str) -> None:
    from PySide6.QtCore import QCoreApplication

    from kpidesk.reports.problem_text import kind_name

    sources = _messages("Cli")
    assert len(sources) > 50  # the check reads the real file
    with language.speaking(lang):
        language._current.ready()  # Qt's translators, as the problems still use them
        for source in sources:
            expected = source if lang == "en" else QCoreApplication.translate("Cli", source)
            assert language.translate("Cli", source) == expected, source
        for kind in KINDS:
            expected = kind if lang == "en" else kind_name(kind)
            assert language.kind_label(kind) == expected, kind
        assert language.kind_label("no such kind") == "no such kind"
    with language.speaking("ru"):  # the dictionaries do translate (the test can fail)
        assert language.kind_label("daily") == "Ежедневно"
        assert language.translate("Cli", "imported {file}:") == "импортирован {file}:"
        assert language.translate("Cli", "not a collected text") == "not a collected text"


def test_problem_text_kind_names_are_the_sources_kept_here() -> None:
    """``kind_label`` keeps a copy of ``problem_text.kind_name``'s English sources."""
    text = (ROOT / "kpidesk" / "reports" / "problem_text.py").read_text(encoding="utf-8")
    for kind, source in language._KIND_NAMES.items():
        assert f'"{kind}": translate("ProblemText", "{source}")' in text
    assert set(language._KIND_NAMES) == set(KINDS)


@pytest.fixture(scope="module")
def demo_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kpidesk.services.company import CompanyService
    from kpidesk.services.demo_setup import create_demo_database

    folder = tmp_path_factory.mktemp("language_demo")
    create_demo_database(folder / "demo.kpidesk", today=date(2026, 11, 22))
    with CompanyService.open(folder / "demo.kpidesk") as service:
        service.export_workbook(folder / "demo.xlsx")
    return folder / "demo.xlsx"


# imports a workbook as ``python -m kpidesk`` does (``cli.launch`` runs ``cli.main``, then
# ends an import with ``os._exit``), then names the Qt modules it loaded
_IMPORT_AND_LIST = """
import sys
from kpidesk.cli import main
code = main(sys.argv[1:])
print("QT:", sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
sys.exit(code)
"""


def test_a_russian_import_prints_the_same_summary_without_qt(
    demo_workbook: Path, tmp_path: Path, python_code
) -> None:
    database = tmp_path / "new.kpidesk"
    args = ["--db", str(database), "import", str(demo_workbook)]
    done = python_code(_IMPORT_AND_LIST, *args)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "QT: []"
    assert lines[0] == "импортирован demo.xlsx:"
    assert any(line.startswith("  Ежедневно: добавлено ") for line in lines)
    assert any(line.startswith("  Сотрудники: добавлено ") for line in lines)
    assert all(", изменено " in line for line in lines[1:-1]), lines
    again = python_code(_IMPORT_AND_LIST, *args)
    assert again.returncode == 0, again.stderr
    head = "импортирован demo.xlsx: ничего не изменилось (эти данные уже были в базе)"
    assert again.stdout.splitlines()[0] == head, again.stdout
    assert again.stdout.splitlines()[-1] == "QT: []"

"""The command line speaks the interface language (SPEC §5): Russian by default, so that no
English sentence reaches a Russian user on stderr, and English with ``--lang en``.

Each refusal is provoked through ``python -m kpidesk``; its stderr, after removing what is
data (file paths, quoted names, codes in parentheses, option names, a few product names),
must hold no Latin word of three letters or more.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpidesk.services.demo_setup import create_demo_database

Run = Callable[..., subprocess.CompletedProcess[str]]
TODAY = date(2026, 11, 22)
DAY = ["--store", "ТЦ «Мега»", "--date", "05.10.2026"]
NUMBERS = ["--receipts", "35", "--visitors", "160"]

# what is data or syntax, not a sentence
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][^\s«»()'\"]+)+")
_QUOTED = re.compile(r"«[^«»]*»|'[^']*'|\"[^\"]*\"")
_CODE = re.compile(r"\([a-z_]+\)")
_OPTION = re.compile(r"--?[a-z][a-z-]*")
_NAMES = re.compile(r"\b(?:kpidesk|Excel|OpenDocument|CSV|XML|KPI|NPS|xlsx|xls|ods)\b")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def latin_words(text: str) -> list[str]:
    """The Latin words of ``text`` that are not data: what a Russian user must not see."""
    for pattern in (_PATH, _CODE, _OPTION, _NAMES):
        text = pattern.sub(" ", text)
    previous = None
    while previous != text:  # nested quotes: «ТЦ «Мега» 05.10.2026»
        previous, text = text, _QUOTED.sub(" ", text)
    return _LATIN_WORD.findall(text.replace("«", " ").replace("»", " "))


def test_the_filter_keeps_english_sentences() -> None:
    """The check itself can fail: an English sentence survives the clean-up."""
    line = "kpidesk: Period 2026-10 is locked (period_locked) in /tmp/x.kpidesk «Мега»"
    assert latin_words(line) == ["Period", "locked"]
    assert latin_words("kpidesk: Период 2026-10 закрыт (period_locked): /tmp/a b.xlsx") == []


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("russian_demo") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.kpidesk"
    source, copy = sqlite3.connect(demo_template), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def _bad_workbook(kpidesk: Run, tmp_path: Path) -> Path:
    """The Russian template with bad cells: a word for revenue, an unknown store, a
    negative count, a day that is not a date, revenue without receipts."""
    workbook = tmp_path / "плохая.xlsx"
    kpidesk("template", "-o", str(workbook), "--lang", "ru", check_code=0)
    book = load_workbook(workbook)
    book["Магазины"].append(["Северный"])
    daily = book["Ежедневно"]
    daily.append(["01.10.2026", "Северный", "сто", 10, 100, 12])
    daily.append(["02.10.2026", "Нигде", "100", 1, 10, 1])
    daily.append(["03.10.2026", "Северный", "100", -3, 10, 1])
    daily.append(["32.10.2026", "Северный", "100", 1, 10, 1])
    daily.append(["04.10.2026", "Северный", "500", 0, 10, 0])
    book.save(workbook)
    book.close()
    return workbook


def _refusals(kpidesk: Run, demo: Path, tmp_path: Path, *lang: str) -> dict[str, str]:
    """Provoke every refusal of the test in ``lang`` (none: the default); name → stderr."""
    db = ["--db", str(demo)]
    stderr: dict[str, str] = {}

    def refused(name: str, *args: str) -> None:
        done = kpidesk(*lang, *args)
        assert done.returncode == 1, (name, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr, (name, done.stderr)
        stderr[name] = done.stderr

    missing = tmp_path / "нет" / "company.kpidesk"
    refused("missing company", "--db", str(missing), "report", "bonus", "--period", "2026-10")
    assert kpidesk(*lang, *db, "period", "lock", "2026-10").returncode == 0
    refused("locked twice", *db, "period", "lock", "2026-10")
    refused("reopen not locked", *db, "period", "reopen", "2026-09", "--reason", "тест")
    refused("locked day", *db, "daily", "set", *DAY, "--revenue", "1000", *NUMBERS)
    unknown = ["--store", "Нет такого", "--date", "05.11.2026"]
    refused("unknown store", *db, "daily", "set", *unknown, "--revenue", "1000", *NUMBERS)
    huge = ["--store", "ТЦ «Мега»", "--date", "05.11.2026", "--revenue", "1e30"]
    refused("huge revenue", *db, "daily", "set", *huge, *NUMBERS)
    refused("not a number", *db, "daily", "set", *unknown, "--revenue", "много", *NUMBERS)
    workbook = _bad_workbook(kpidesk, tmp_path)
    refused("bad cells", "--db", str(tmp_path / "empty.kpidesk"), "import", str(workbook))
    refused("restore missing", *db, "restore", str(tmp_path / "нет.kpidesk"))
    half = tmp_path / "half.kpidesk"
    assert kpidesk(*lang, "--db", str(half), "init", "--half-months").returncode == 0
    refused("half-month company", "--db", str(half), "report", "bonus", "--period", "2026-10")
    return stderr


def test_refusals_are_russian_by_default(kpidesk: Run, demo: Path, tmp_path: Path) -> None:
    stderr = _refusals(kpidesk, demo, tmp_path)
    for name, text in stderr.items():
        assert text.startswith("kpidesk: "), (name, text)
        assert latin_words(text) == [], (name, text)
    # the period only, never the store's internal label of the locked item
    assert "Период 2026-10 закрыт" in stderr["locked day"]
    assert "daily" not in stderr["locked day"]
    # the import names every bad cell where the workbook has it, in Russian
    bad = stderr["bad cells"]
    assert "ничего не изменено" in bad
    for row in ("строка 2", "строка 3", "строка 4", "строка 5", "строка 6"):
        assert row in bad, bad
    assert "лист «Ежедневно»" in bad and "столбец «Выручка»" in bad
    assert "2026-10-H1" in stderr["half-month company"]
    assert "2026-10-H2" in stderr["half-month company"]


def test_lang_en_gives_english(kpidesk: Run, demo: Path, tmp_path: Path) -> None:
    stderr = _refusals(kpidesk, demo, tmp_path, "--lang", "en")
    expected = {
        "missing company": "There is no company file",
        "locked twice": "is already locked",
        "reopen not locked": "is not locked",
        "locked day": "Period 2026-10 is locked",
        "unknown store": "Unknown store 'Нет такого'",
        "huge revenue": "is too large",
        "not a number": "is not a number",
        "bad cells": "cannot import",
        "restore missing": "There is no backup file",
        "half-month company": "is not a pay period",
    }
    for name, text in expected.items():
        assert text in stderr[name], (name, stderr[name])
        assert latin_words(stderr[name]), (name, stderr[name])


def test_the_saved_window_language_is_the_default(kpidesk: Run, demo: Path) -> None:
    from kpidesk.services import locations

    locations.set_setting("language", "en")  # in the test's home, as the settings dialog does
    done = kpidesk("--db", str(demo), "period", "reopen", "2026-09", "--reason", "x")
    assert done.returncode == 1 and "is not locked" in done.stderr
    done = kpidesk(
        "--lang", "ru", "--db", str(demo), "period", "reopen", "2026-09", "--reason", "x"
    )
    assert done.returncode == 1 and "не закрыт" in done.stderr


def test_success_lines_and_an_unchanged_import_are_russian(
    kpidesk: Run, demo: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "всё.xlsx"
    written = kpidesk("--db", str(demo), "export", str(workbook), check_code=0)
    assert latin_words(written.stdout) == [], written.stdout
    again = kpidesk("--db", str(demo), "import", str(workbook), check_code=0)
    assert "ничего не изменилось" in again.stdout, again.stdout
    assert "Ежедневно: добавлено 0, изменено 0" in again.stdout
    for text in (again.stdout, again.stderr):
        assert latin_words(text) == [], text
    english = kpidesk("--lang", "en", "--db", str(demo), "import", str(workbook), check_code=0)
    assert "nothing changed (the data was already there)" in english.stdout
    for args in (
        ("period", "lock", "2026-10"),
        ("period", "status", "2026-10"),
        ("period", "reopen", "2026-10", "--reason", "ошибка в фактах"),
        ("daily", "set", *DAY, "--revenue", "90 000,50", *NUMBERS),
        ("backup", "-o", str(tmp_path / "копия.kpidesk")),
        ("check",),
    ):
        done = kpidesk("--db", str(demo), *args, check_code=0)
        assert done.stdout.strip(), args
        assert latin_words(done.stdout) == [], (args, done.stdout)

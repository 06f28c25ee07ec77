"""Refresh the Russian translation: collect every ``tr()`` string from the sources with
``pyside6-lupdate`` into ``kpidesk_ru.ts``, fill the translations from the dictionaries in
``ru/*.json`` (English source text → Russian, one file per part of the window so that parts
can be translated independently), then compile ``kpidesk_ru.qm`` with ``pyside6-lrelease``.

    python resources/i18n/build.py          # exits 1 and lists what is untranslated

Kept here rather than in kpidesk/ because only developers run it; the .ts and .qm it writes
are committed and shipped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "kpidesk_ru.ts"
QM = HERE / "kpidesk_ru.qm"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} is not on PATH (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    """Every Python file that may hold translatable strings."""
    return sorted(
        path
        for folder in ("kpidesk/gui", "kpidesk/reports", "kpidesk/commands")
        for path in (ROOT / folder).rglob("*.py")
    ) + [ROOT / "kpidesk" / "app.py", ROOT / "kpidesk" / "cli.py"]


def run_lupdate(target: Path) -> None:
    """Collect the strings into ``target`` (keeps translations already in it)."""
    files = [str(path) for path in sources()]
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(target)],
        check=True,
        capture_output=True,
    )


def dictionary() -> dict[str, str]:
    """Every ru/*.json merged: English source → Russian."""
    merged: dict[str, str] = {}
    for path in sorted((HERE / "ru").glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def fill(target: Path, words: dict[str, str]) -> list[tuple[str, str]]:
    """Put translations in; return the (context, source) pairs still unfinished."""
    tree = ElementTree.parse(target)
    unfinished: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ElementTree.SubElement(message, "translation")
            if source in words:
                translation.text = words[source]
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished" or not translation.text:
                unfinished.append((context_name, source))
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return unfinished


def main() -> int:
    run_lupdate(TS)
    unfinished = fill(TS, dictionary())
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    if unfinished:
        print(f"{len(unfinished)} untranslated string(s):", file=sys.stderr)
        for context, source in unfinished:
            print(f"  [{context}] {source}", file=sys.stderr)
        return 1
    print(f"{TS.name}: complete; wrote {QM.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

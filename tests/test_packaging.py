"""Packaging stays honest (issue 16): every package and every imported library declared,
one version, lint tools out of what users install, the README's commands in a venv, the
bundle's spec collecting every module and the version resource from pyproject.toml."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# import name → distribution name, where they differ
DISTRIBUTIONS = {"PySide6": "PySide6-Essentials", "python_calamine": "python-calamine"}


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!;\[ ]", item, maxsplit=1)[0].lower() for item in requirements}


def test_every_package_on_disk_is_installed() -> None:
    on_disk = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "kpidesk").rglob("__init__.py")
    }
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"]) - {"kpidesk.resources"}
    assert on_disk == listed


def test_every_imported_library_is_declared() -> None:
    declared = _requirement_names(PYPROJECT["project"]["dependencies"])
    imported: set[str] = set()
    for path in (ROOT / "kpidesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = {
        name
        for name in imported
        if name not in sys.stdlib_module_names and name not in {"kpidesk", "__future__"}
    }
    third_party -= {"shiboken6"}  # comes with PySide6
    missing = {
        name for name in third_party if DISTRIBUTIONS.get(name, name).lower() not in declared
    }
    assert "numpy" in third_party
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"


def test_tools_are_a_dev_extra_not_the_users() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    users = _requirement_names(PYPROJECT["project"]["dependencies"] + extras["test"])
    assert not users & {"ruff", "mypy", "pyinstaller"}
    assert {"ruff", "mypy", "pyinstaller"} <= _requirement_names(extras["dev"])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".[dev]" in ci and "-m ruff check" in ci and "-m mypy kpidesk" in ci


def test_one_version() -> None:
    from kpidesk import __version__

    assert __version__ == PYPROJECT["project"]["version"]
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_readme_commands_use_a_venv() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = readme.split("<!-- test-command -->", 1)[1].strip().splitlines()[0]
    assert "python3 -m venv" in test_command and ".[test]" in test_command
    assert "pytest" in test_command
    install = readme.split("<!-- install-command -->", 1)[1].strip().splitlines()[0]
    assert "python3 -m venv" in install and "kpidesk demo" in install
    assert "py -m venv" in readme  # the Windows note


def test_the_spec_collects_every_module_and_reads_the_version() -> None:
    spec = (ROOT / "build_spec" / "kpidesk.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("kpidesk")' in spec
    assert 'datas=[(str(ROOT / "resources"), "resources")]' in spec
    assert "kpidesk.ico" in spec and "console=True" in spec and '"kpidesk-cli"' in spec
    assert 'KEPT_QT_LANGUAGES = ("ru", "en")' in spec


def test_the_version_resource_comes_from_pyproject(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "build_spec"))
    try:
        import version_info
    finally:
        sys.path.remove(str(ROOT / "build_spec"))
    version = version_info.project_version(ROOT)
    assert version == PYPROJECT["project"]["version"]
    assert version_info.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    path = version_info.write_version_file(tmp_path, version, name="kpidesk-cli", description="x")
    text = path.read_text(encoding="utf-8")
    call = ast.parse(text, mode="eval").body  # PyInstaller evaluates it as Python
    assert isinstance(call, ast.Call) and getattr(call.func, "id", "") == "VSVersionInfo"
    assert f"StringStruct('ProductVersion', '{version}')" in text
    assert f"filevers={version_info.version_tuple(version)}" in text


def test_the_icons_are_there() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "kpidesk.svg").is_file() and (icons / "kpidesk-256.png").is_file()
    ico = (icons / "kpidesk.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and int.from_bytes(ico[4:6], "little") >= 5
    from kpidesk.gui.sections import SECTIONS

    for entry in SECTIONS:
        assert entry.icon, f"section {entry.key} has no icon"
        assert (icons / "sections" / f"{entry.icon}.svg").is_file()

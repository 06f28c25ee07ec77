"""The layer rules of STYLE.md, checked on the source: core/store/io/services never import
Qt or matplotlib; core imports only the standard library and itself; io never imports
store; gui never imports store or sqlite3; nothing but app.py and cli.py imports gui (the
command handlers in commands/ open the window through app.py)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kpidesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("layer", ["core", "store", "io", "services"])
def test_pure_layers_never_import_qt_or_matplotlib(layer: str) -> None:
    for path in _modules(layer):
        bad = {n for n in _imports(path) if _top(n) in {"PySide6", "shiboken6", "matplotlib"}}
        bad |= {n for n in _imports(path) if n.startswith("kpidesk.gui")}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_core_uses_only_the_standard_library() -> None:
    for path in _modules("core"):
        for name in _imports(path):
            top = _top(name)
            if top == "kpidesk":
                assert name.startswith("kpidesk.core"), f"{path.name} imports {name}"
            else:
                assert top in sys.stdlib_module_names or top == "__future__", (
                    f"{path.name} imports {name}, which is not the standard library"
                )


def test_store_and_io_stay_in_their_lanes() -> None:
    for path in _modules("store"):
        assert not {n for n in _imports(path) if n.startswith(("kpidesk.io", "kpidesk.services"))}
    for path in _modules("io"):
        assert not {
            n for n in _imports(path) if n.startswith(("kpidesk.store", "kpidesk.services"))
        }


def test_gui_never_reaches_the_database() -> None:
    for path in _modules("gui"):
        bad = {n for n in _imports(path) if n.startswith("kpidesk.store") or n == "sqlite3"}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_only_the_entry_points_import_gui() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "gui" or relative.name in {"app.py", "cli.py"}:
            continue
        bad = {n for n in _imports(path) if n.startswith("kpidesk.gui")}
        assert not bad, f"{relative} imports {sorted(bad)}"


def test_the_checker_sees_imports() -> None:
    """Guard against a checker that silently finds nothing."""
    assert "kpidesk.core.periods" in _imports(PACKAGE / "core" / "matrix.py")

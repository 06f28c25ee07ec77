"""The layer rules of STYLE.md, checked on the source: core/store/io/services never import
Qt or matplotlib; core imports only the standard library and itself; io never imports
store; gui never imports store or sqlite3; nothing but app.py and cli.py imports gui (the
command handlers in commands/ open the window through app.py). Inside gui: a section's
package never imports another section's package, the shell (gui's own modules) and
gui/widgets/ import no section package (the shell loads sections through the registry, by
module name), and no gui modules import one another in a circle."""

from __future__ import annotations

import ast
import sys
import tomllib
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


# --- inside gui ---------------------------------------------------------------------------
GUI = PACKAGE / "gui"
SHARED = "widgets"  # gui/widgets/: what several sections share; not a section


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _gui_modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(GUI.rglob("*.py"))}


def _gui_imports(path: Path, known: set[str]) -> set[str]:
    """The kpidesk.gui modules that ``path`` imports anywhere in it (at module level, in a
    function, under TYPE_CHECKING): ``from kpidesk.gui.matrix import rows`` names
    ``kpidesk.gui.matrix.rows`` when that is a module; relative imports are resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports_in(path.read_text(encoding="utf-8"), name, package, known)


def _imports_in(source: str, name: str, package: str, known: set[str]) -> set[str]:
    tree = ast.parse(source)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {module for module in found if module in known and module != name}


def _section_of(module: str) -> str | None:
    """``kpidesk.gui.matrix.model`` → ``matrix``; None for the shell and for widgets."""
    parts = module.split(".")
    if len(parts) < 3 or not (GUI / parts[2]).is_dir() or parts[2] == SHARED:
        return None
    return parts[2]


def _section_violations(modules: dict[str, Path]) -> list[str]:
    known = set(modules)
    bad = []
    for name, path in modules.items():
        own = _section_of(name)
        for target in sorted(_gui_imports(path, known)):
            other = _section_of(target)
            if other is not None and other != own:
                bad.append(f"{name} imports {target}")
    return bad


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of imports in ``graph`` (module → the modules it imports), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_gui_is_split_by_section() -> None:
    sections = {path.name for path in GUI.iterdir() if (path / "__init__.py").is_file()}
    assert {"widgets", "matrix", "daily", "analytics", "directories"} <= sections
    assert not [path.name for path in GUI.glob("*.py") if "_model" in path.name], (
        "a model belongs to its section's package or to widgets/"
    )


def test_sections_do_not_import_one_another() -> None:
    """Shared code lives in gui/widgets/; a drill-down to another section goes through the
    window's ``show_section(key)``; the shell and widgets import no section package."""
    assert _section_violations(_gui_modules()) == []


def test_no_import_cycle_in_gui() -> None:
    modules = _gui_modules()
    graph = {name: _gui_imports(path, set(modules)) for name, path in modules.items()}
    assert graph["kpidesk.gui.main_window"] >= {"kpidesk.gui.sections"}, "the checker sees"
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_gui_checkers_can_fail() -> None:
    """The section and cycle checkers find a planted violation."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
    assert _section_of("kpidesk.gui.matrix.model") == "matrix"
    assert _section_of("kpidesk.gui.widgets.numbers") is None
    assert _section_of("kpidesk.gui.main_window") is None
    known = set(_gui_modules())
    planted = "def f():\n    from ..daily import entry\n"
    assert _imports_in(planted, "kpidesk.gui.matrix.page", "kpidesk.gui.matrix", known) == {
        "kpidesk.gui.daily",
        "kpidesk.gui.daily.entry",
    }


def test_every_package_is_installed() -> None:
    """pyproject.toml lists the packages by hand: a new subpackage must be added there."""
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    packages = {_module_name(path) for path in PACKAGE.rglob("__init__.py")}
    assert packages - listed == set()


# --- one road for every write (STYLE.md) ---------------------------------------------------
_REPOSITORIES = {"org", "matrices", "daily", "facts", "tasks", "locks", "content", "snapshots"}
# every write method of the composed repositories (kpidesk/store)
_WRITES = {
    "save_store",
    "save_department",
    "save_position",
    "save_employee",
    "save_indicator",
    "archive_store",
    "archive_department",
    "archive_position",
    "archive_employee",
    "archive_indicator",
    "save_matrix",
    "delete_matrix",
    "save_schedule",
    "delete_schedule",
    "upsert_daily",
    "delete_daily",
    "upsert_seller_day",
    "delete_seller_day",
    "set_plan",
    "set_fact",
    "set_input",
    "add_tasks",
    "change_task_statuses",
    "lock",
    "reopen",
    "set_company",
    "apply_content",
    "save",
    "delete",
}


def _store_writes(tree: ast.AST) -> list[tuple[ast.Call, list[ast.AST]]]:
    """Calls ``<x>.<repository>.<method>(…)`` of a store write, with their enclosing nodes."""
    found: list[tuple[ast.Call, list[ast.AST]]] = []

    def visit(node: ast.AST, stack: list[ast.AST]) -> None:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            repo = owner.attr if isinstance(owner, ast.Attribute) else None
            repo = repo or (owner.id if isinstance(owner, ast.Name) else None)
            method = node.func.attr
            if repo in _REPOSITORIES and method in _WRITES:
                found.append((node, list(stack)))
        for child in ast.iter_child_nodes(node):
            visit(child, [*stack, node])

    visit(tree, [])
    return found


def _inside_an_operation(stack: list[ast.AST]) -> bool:
    """Within an ``apply`` method, or a lambda of a directory write (``lambda db: …``, run
    by ``DirectoryWrite.apply``)."""
    for node in stack:
        if isinstance(node, ast.FunctionDef) and node.name == "apply":
            return True
        if isinstance(node, ast.Lambda) and [a.arg for a in node.args.args] == ["db"]:
            return True
    return False


def test_only_operations_write_and_only_the_runner_opens_transactions() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("store/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, stack in _store_writes(tree):
            assert relative.startswith("services/") and _inside_an_operation(stack), (
                f"{relative}:{call.lineno} writes to the store outside an operation"
            )
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "transaction"
            ):
                assert relative == "services/runner.py", (
                    f"{relative}:{node.lineno} opens a transaction; only the runner does"
                )


def test_the_write_checker_can_fail() -> None:
    planted = ast.parse(
        "def save(service):\n    service.database.daily.upsert_daily(entry)\n"
        "class Op:\n    def apply(self, session):\n        session.db.facts.set_fact(1)\n"
    )
    calls = _store_writes(planted)
    assert [_inside_an_operation(stack) for _, stack in calls] == [False, True]

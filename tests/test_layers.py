"""The layers (imports point down only) and the help text of every command."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from caretool.cli.root import app

PACKAGE = Path(__file__).resolve().parents[1] / "caretool"
MODULES = sorted(PACKAGE.rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def layer(path: Path) -> str:
    """cli, views, domain, store, core, demo, or entry (the package's own __init__/__main__)."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else "entry"


# What each layer may import from caretool: imports point down only (cli -> views -> domain -> store
# -> core). The domain reaches the store only through the StoreLike protocol it is handed, so it
# imports nothing from caretool.store; views render what the domain returns and never read a store.
ALLOWED = {
    "core": ("core",),
    "store": ("store", "core"),
    "domain": ("domain", "core"),
    "views": ("views", "domain", "core"),
    "demo": ("demo", "domain", "core"),
    "cli": ("cli", "views", "domain", "store", "core", "demo"),
    "entry": ("cli", "core"),
    "locale": ("locale", "core"),  # the catalogues and their developer tool
}


def caretool_layer(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "caretool":
        return None
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else "entry"


def _names(node: ast.Import | ast.ImportFrom) -> list[str]:
    """What an import statement names: `from a.b import c` counts as a.b.c (c may be a module)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = "." * node.level + (node.module or "")
    return [f"{base}.{alias.name}" for alias in node.names]


def all_imports(tree: ast.AST) -> set[str]:
    """Every import anywhere in the module, lazy ones inside functions included."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.update(_names(node))
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _run_at_import(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements that run when the module is imported (not function bodies, not TYPE_CHECKING)."""
    for stmt in body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if isinstance(stmt, ast.If) and _is_type_checking(stmt.test):
            yield from _run_at_import(stmt.orelse)
            continue
        yield stmt
        for field in ("body", "orelse", "finalbody"):
            yield from _run_at_import(getattr(stmt, field, []) or [])
        for handler in getattr(stmt, "handlers", []) or []:
            yield from _run_at_import(handler.body)


def import_time_imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for stmt in _run_at_import(tree.body):
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            found.update(_names(stmt))
    return found


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def top(name: str) -> str:
    return name.split(".")[0]


def test_the_package_is_found() -> None:
    assert {"cli", "views", "store", "domain", "core", "demo"} <= {layer(p) for p in MODULES}
    assert PACKAGE / "domain" / "care" / "redflags.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_only_the_store_imports_tinydb(path: Path) -> None:
    if layer(path) == "store":
        return
    wrong = sorted(m for m in all_imports(parsed(path)) if top(m) == "tinydb")
    assert not wrong, f"{rel(path)} imports {wrong}; go through caretool.store.Store"


@pytest.mark.parametrize("path", [p for p in MODULES if layer(p) in ("core", "domain", "store", "demo")],
                         ids=rel)
def test_below_the_views_nothing_imports_typer_or_rich(path: Path) -> None:
    wrong = sorted(m for m in all_imports(parsed(path)) if top(m) in ("typer", "rich", "click"))
    assert not wrong, f"{rel(path)} imports {wrong}; the domain must work without the CLI"


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_imports_point_down(path: Path) -> None:
    allowed = ALLOWED[layer(path)]
    wrong = sorted(m for m in all_imports(parsed(path))
                   if caretool_layer(m) not in (None, *allowed)
                   and m not in ("caretool.version", "caretool"))
    assert not wrong, f"{rel(path)} ({layer(path)}) imports {wrong}: a layer it may not use"


def test_the_layer_rule_catches_an_upward_import() -> None:
    tree = ast.parse("def f():\n    from caretool.views import output\n")
    assert caretool_layer(next(iter(all_imports(tree)))) == "views"
    assert "views" not in ALLOWED["domain"] and "store" not in ALLOWED["domain"]


@pytest.mark.parametrize("path", [p for p in MODULES if layer(p) == "views"], ids=rel)
def test_views_take_no_store_and_call_no_service(path: Path) -> None:
    tree = parsed(path)
    services = sorted(m for m in all_imports(tree) if (m.startswith("caretool.domain")
                      and m.rsplit(".", 1)[-1] == "service") or ".service." in m)
    assert not services, f"{rel(path)} imports {services}: views render results, they do not compute them"
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            names = [a.arg for a in [*node.args.args, *node.args.kwonlyargs]]
            assert "store" not in names, f"{rel(path)}: {node.name}() takes a store"


def test_views_import_rich_only_lazily() -> None:
    for path in (p for p in MODULES if layer(p) == "views"):
        wrong = sorted(m for m in import_time_imports(parsed(path)) if top(m) == "rich")
        assert not wrong, f"{rel(path)} imports {wrong} at import time (start-up cost)"


# What a command module may import when `caretool --help` loads it.
# caretool.core.messages: help texts go through the catalogue (_()) when the module is loaded.
CLI_ALLOWED = ("__future__", "typing", "typer", "caretool.cli.common", "caretool.core.messages")
CLI_EXTRA = {
    # common is the shared module itself: light standard library only.
    "caretool/cli/common.py": ("dataclasses", "pathlib"),
    # root holds the error boundary: `sys` is always loaded; caretool.errors has no imports.
    "caretool/cli/root.py": ("sys", "caretool.core.errors", "caretool.core.messages"),
    # prompts is imported only by commands that ask questions, when they ask.
    "caretool/cli/prompts.py": ("sys", "caretool.core", "caretool.domain.interview"),
}


@pytest.mark.parametrize("path", [p for p in MODULES if layer(p) == "cli"], ids=rel)
def test_cli_modules_import_little_at_module_level(path: Path) -> None:
    allowed = CLI_ALLOWED + CLI_EXTRA.get(rel(path), ())

    def ok(name: str) -> bool:
        return any(name == a or name.startswith(a + ".") for a in allowed)

    wrong = sorted(m for m in import_time_imports(parsed(path)) if not ok(m))
    assert not wrong, f"{rel(path)} imports {wrong} at module level; import inside the command"


def test_type_checking_imports_are_not_counted() -> None:
    tree = ast.parse("from __future__ import annotations\nfrom typing import TYPE_CHECKING\n"
                     "if TYPE_CHECKING:\n    from caretool.store import Store\n"
                     "def f():\n    import rich\n")
    assert import_time_imports(tree) == {"__future__.annotations", "typing.TYPE_CHECKING"}
    assert {"rich", "caretool.store.Store"} <= all_imports(tree)


def test_a_module_level_import_in_a_command_module_is_caught() -> None:
    tree = ast.parse("import typer\nfrom caretool import journal\ntry:\n    import rich\n"
                     "except ImportError:\n    pass\nclass A:\n    from caretool.views import output\n")
    assert import_time_imports(tree) == {"typer", "caretool.journal", "rich",
                                         "caretool.views.output"}


def test_starting_the_cli_loads_no_heavy_modules() -> None:
    probe = ("import sys, caretool.cli.root\n"
             "LIGHT = ('caretool.core', 'caretool.core.errors', 'caretool.core.messages')\n"
             "heavy = ('rich', 'tinydb', 'dateutil', 'platformdirs')\n"
             "print('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
             "      or (m.startswith('caretool.') and not m.startswith('caretool.cli')\n"
             "          and m not in LIGHT))))\n")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            timeout=60).stdout.split()
    assert loaded == []


# --- help text ----------------------------------------------------------------------------------
def walk(command: Any, path: tuple[str, ...] = ("caretool",)) -> Iterator[tuple[str, Any]]:
    yield " ".join(path), command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, (*path, name))


COMMANDS = list(walk(typer.main.get_command(app)))


def test_the_command_tree_is_complete() -> None:
    names = {name for name, _ in COMMANDS}
    for wanted in ("caretool checkin", "caretool log symptom", "caretool history", "caretool undo",
                   "caretool phase set", "caretool phase assess", "caretool phase next",
                   "caretool guide show", "caretool guide search", "caretool guide list"):
        assert wanted in names


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_and_group_has_help(name: str, command: Any) -> None:
    assert (command.help or "").strip() or (command.short_help or "").strip(), f"{name} has no help"
    assert command.get_short_help_str(80).strip(), f"{name} has no short help for the list"


OWN = [(n, c) for n, c in COMMANDS if n.startswith(("caretool phase", "caretool guide", "caretool checkin"))]


@pytest.mark.parametrize(("name", "command"), OWN, ids=[n for n, _ in OWN])
def test_guide_phase_and_checkin_options_have_help(name: str, command: Any) -> None:
    for param in command.params:
        if param.name in ("help",) or getattr(param, "hidden", False):
            continue
        assert (getattr(param, "help", None) or "").strip(), f"{name}: {param.opts} has no help"


@pytest.mark.parametrize(("name", "command"), [(n, c) for n, c in OWN if not hasattr(c, "commands")],
                         ids=[n for n, c in OWN if not hasattr(c, "commands")])
def test_guide_phase_and_checkin_commands_show_an_example(name: str, command: Any) -> None:
    assert "caretool " in (command.help or ""), f"{name}: the help has no example line"


@pytest.mark.parametrize("args", [["--help"], ["checkin", "--help"], ["phase", "--help"],
                                  ["phase", "assess", "--help"], ["guide", "show", "--help"]])
def test_help_prints_and_exits_0(run: Any, args: list[str]) -> None:
    out = run(*args).stdout
    assert "Usage" in out

"""The layout's import rules: data flows one way, pure stages stay pure, offline jobs stay offline.

registry -> discover -> extract -> analysis -> store -> fetch. `extract` and `analysis` import no
I/O library (what a pool worker imports stays lean and testable without a database); the offline
jobs (reextract, export, status) never import the Scrapy stage.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "newsarchive"
#: Position of each stage in the flow; a module may import its own stage or an earlier one.
STAGES = {"registry": 0, "discover": 1, "extract": 2, "analysis": 3, "store": 4, "fetch": 5}
IO_LIBRARIES = ("scrapy", "twisted", "sqlalchemy", "psycopg")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """newsarchive modules imported at module level (imports inside functions are deferred)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("newsarchive")}


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: {imported for imported in _top_level_imports(path) if imported in modules}
        for name, path in modules.items()
    }


def test_the_graph_is_read_from_the_source() -> None:
    graph = _graph()
    assert "newsarchive.fetch.spider" in graph["newsarchive.fetch.runner"]


def test_no_import_cycle() -> None:
    graph = _graph()
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            cycle = " -> ".join((*path[path.index(name) :], name))
            pytest.fail(f"import cycle: {cycle}")
        if name in done:
            return
        for imported in graph[name]:
            # A package importing its own submodules (re-exports) is not a cycle of concerns.
            if not imported.startswith(name + "."):
                visit(imported, (*path, name))
        done.add(name)

    for module in graph:
        visit(module, ())


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.get(parts[1]) if len(parts) > 1 else None


def test_imports_run_one_way_in_the_order_data_flows() -> None:
    backwards = [
        f"{module} imports {imported}"
        for module, imports in _graph().items()
        for imported in imports
        if (here := _stage(module)) is not None
        and (there := _stage(imported)) is not None
        and there > here
    ]
    assert backwards == []


def _loaded_after_import(*modules: str) -> set[str]:
    code = f"import sys\nimport {', '.join(modules)}\nprint('\\n'.join(sys.modules))"
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(completed.stdout.split())


def test_extract_and_analysis_import_no_io_library() -> None:
    loaded = _loaded_after_import(
        "newsarchive.extract", "newsarchive.analysis", "newsarchive.analysis.page"
    )
    assert "newsarchive.analysis.page" in loaded
    assert sorted(m for m in loaded if m.split(".")[0] in IO_LIBRARIES) == []


def test_offline_jobs_never_import_the_scrapy_stage() -> None:
    loaded = _loaded_after_import(
        "newsarchive.reextract", "newsarchive.export", "newsarchive.status", "newsarchive.report"
    )
    assert "newsarchive.reextract" in loaded
    assert sorted(m for m in loaded if m.startswith("newsarchive.fetch")) == []
    assert sorted(m for m in loaded if m.split(".")[0] in ("scrapy", "twisted")) == []

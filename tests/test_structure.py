"""The shape of the house (DESIGN.md section 1): small modules, no import cycle, no vocabulary in Python."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "sahel_extract"
PATTERNS = ROOT / "models" / "patterns"
MAX_LINES = 400
MAX_COMPILES = 20


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules a module imports (at module level or inside functions)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(
        node.test) for n in ast.walk(node)}  # imports for type hints only are no runtime dependency
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            candidates = [target] + [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            candidates = [a.name for a in node.names]
        else:
            continue
        for c in candidates:
            while c and c not in known:
                c = c.rpartition(".")[0]
            if c and c != name:
                found.add(c)
    return found


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_there_is_no_import_cycle():
    mods = modules()
    graph = {name: imports(name, path, set(mods)) for name, path in mods.items()}
    # a package's __init__ re-exporting its own modules is not a cycle of jobs: drop edges parent -> child
    graph = {n: {m for m in deps if not m.startswith(n + ".")} for n, deps in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert cycles == []


def _compiled_patterns() -> list[tuple[str, str]]:
    out = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "compile" and \
                    getattr(node.func.value, "id", None) == "re":
                literal = node.args[0] if node.args else None
                text = literal.value if isinstance(literal, ast.Constant) and isinstance(literal.value, str) else ""
                out.append((str(path.relative_to(ROOT)), text))
    return out


def test_few_regular_expressions_and_none_holds_words():
    compiled = _compiled_patterns()
    assert len(compiled) <= MAX_COMPILES, compiled
    for where, pattern in compiled:
        # escapes, character classes, group syntax (named groups too) and counts are not words; markup in capitals
        # ("<!DOCTYPE") is not the vocabulary of a language
        bare = re.sub(r"\\.|\[[^\]]*\]|\(\?P?<\w+>|\(\?[:=!<]+|\{\d+(,\d*)?\}", "", pattern)
        assert not re.search(r"[a-zà-ÿ]{3,}", bare), f"{where}: a regular expression holds words: {pattern!r}"


@pytest.mark.parametrize("family", ["triggers", "tolls", "times", "sources", "cues", "senses", "places", "actors"])
def test_each_pattern_family_is_a_file_with_its_provenance(family):
    assert (PATTERNS / "en" / f"{family}.jsonl").is_file()
    readme = (PATTERNS / "README.md").read_text(encoding="utf-8")
    assert f"`{family}.jsonl`" in readme or f"({family}.jsonl" in readme or f"`<lang>/{family}.jsonl`" in readme
    assert "Where the entries come from" in readme


def test_every_package_is_installed():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(SRC.parent).parts) for p in SRC.rglob("__init__.py")}
    assert found - listed == set()

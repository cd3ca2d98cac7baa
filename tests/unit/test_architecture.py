"""The house rules, checked on the source: arrows point one way, each outside library lives in one room."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "src" / "paperqa"
# Imports inside functions, each for a reason; anything else goes at the top of its module.
LAZY = {
    ("backends.py", "llama_index.embeddings.openai"): "the OpenAI backend costs 0.35 s of import; offline never",
    ("backends.py", "llama_index.llms.openai_like"): "idem",
    ("backends.py", "paperqa.providers.openai"): "idem (openai, httpx)",
    ("cli/serve.py", "paperqa.ui.app"): "gradio loads for `paperqa ui` only (CONVENTIONS: lazily)",
    ("evaluation.py", "matplotlib"): "only `--chart` draws; 0.25 s of import",
    ("evaluation.py", "matplotlib.pyplot"): "idem",
}


EDGES = {ROOT / "ui": "paperqa.ui", ROOT / "ingest": "paperqa.ingest"}
MODULES: set[str] = set()


def module_name(path: Path) -> str:
    for folder, name in EDGES.items():
        if path.is_relative_to(folder):
            parts: tuple[str, ...] = (*name.split("."), *path.relative_to(folder).with_suffix("").parts)
            break
    else:
        parts = path.relative_to(LIBRARY.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, bool, int]]:
    """(imported module, inside a function, line) of every import of a file, relative ones resolved."""
    tree = ast.parse(path.read_text())
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    inner = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
             for n in ast.walk(f)}  # fmt: skip
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, id(node) in inner, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            # `from package import module` depends on that module; `from module import name` on the module.
            named = [f"{base}.{a.name}" for a in node.names]
            targets = [t for t in named if t in MODULES] or [base]
            out += [(t, id(node) in inner, node.lineno) for t in targets]
    return out


MODULES.update(module_name(p) for p in LIBRARY.rglob("*.py"))


def library_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in LIBRARY.rglob("*.py")}
    return {name: {t for t, _, _ in imports(path) if t in files and t != name} for name, path in files.items()}


def test_the_library_has_no_import_cycle():
    graph = library_graph()
    # A package's __init__ re-exports its modules; an edge into a package means its __init__.
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, cycles


def test_imports_inside_functions_are_only_the_explained_ones():
    found = {}
    for path in list(LIBRARY.rglob("*.py")) + list((ROOT / "ui").rglob("*.py")) + list((ROOT / "ingest").glob("*.py")):
        for target, inside, line in imports(path):
            if (inside and not target.startswith(("paperqa.", "llama_index.", "matplotlib"))) or not inside:
                if inside:
                    found[(str(path.relative_to(ROOT)), target)] = line
                continue
            where = str(path.relative_to(LIBRARY)) if path.is_relative_to(LIBRARY) else str(path.relative_to(ROOT))
            key = (where, target)
            if key not in LAZY and not any(key[1].startswith(f"{t}.") and key[0] == w for w, t in LAZY):
                found[key] = line
    assert not found, f"imports inside functions without a reason in LAZY: {found}"


def test_each_outside_library_lives_in_one_room():
    rooms = {
        "chromadb": {"index/chroma.py", "index/chroma_probe.py"},
        "openai": {"providers/openai.py"},
        "httpx": {"providers/openai.py"},
        "gradio": set(),
    }
    for path in LIBRARY.rglob("*.py"):
        where = str(path.relative_to(LIBRARY))
        for target, _, line in imports(path):
            top = target.split(".")[0]
            if top in rooms:
                assert where in rooms[top], f"{where}:{line} imports {top}, which belongs to {rooms[top] or 'ui/'}"


def test_the_core_imports_no_edge():
    for path in LIBRARY.rglob("*.py"):
        where = str(path.relative_to(LIBRARY))
        for target, _inside, line in imports(path):
            if target.split(".")[:2] in (["paperqa", "ui"], ["paperqa", "ingest"]):
                assert where.startswith("cli/"), f"{where}:{line} imports the edge {target}"


def test_stored_arrays_are_read_in_one_place():
    # numpy parses .npy headers with ast, which two threads must not do at once on CPython 3.11 (index/arrays.py).
    for path in LIBRARY.rglob("*.py"):
        where = str(path.relative_to(LIBRARY))
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr == "load" and getattr(node.value, "id", "") == "np":
                assert where == "index/arrays.py", f"{where}:{node.lineno} reads an array outside index/arrays.py"

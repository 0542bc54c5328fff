"""The package's layers: each part of cybrief imports only the parts below it, and no modules import each other in a ring."""

from __future__ import annotations

import ast
from pathlib import Path

import cybrief

SOURCE = Path(cybrief.__file__).parent

# Bottom to top. A module may import its own part and the parts of lower layers, never a higher layer or
# another part of its own layer. The shared modules (errors, files, safety, t2s) may be imported by every part.
LAYERS = (
    ("shared",),
    ("figures",),
    ("brief",),
    ("search",),
    ("index",),
    ("library",),
    ("render", "draft"),
    ("cli",),
)
SHARED = {"cybrief.errors": "shared", "cybrief.files": "shared", "cybrief.safety": "shared", "cybrief.t2s": "shared",
          "cybrief.decoding": "shared"}
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(module: str) -> str | None:
    """The part a module belongs to; None for the package itself (its version, and the public API it re-exports)."""
    if module in SHARED:
        return SHARED[module]
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 and pieces[1] in RANK else None


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(path: Path) -> set[str]:
    """Every cybrief module a module imports, at its top or inside functions; not what it names for type checkers."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for rest in child.orelse:
                    visit(rest)
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.startswith("cybrief"))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1] + ([base] if base else []))
                if base.startswith("cybrief"):
                    for alias in child.names:  # `from cybrief.search import fields` imports a module
                        candidate = f"{base}.{alias.name}"
                        found.add(candidate if _exists(candidate) else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found - {module}


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (SOURCE / relative).with_suffix(".py").is_file() or (SOURCE / relative / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in sorted(SOURCE.rglob("*.py"))}


def test_every_module_belongs_to_a_part():
    loose = sorted(m for m in _graph() if _part(m) is None and m not in ("cybrief", "cybrief.__main__"))
    assert loose == [], "put the module in a part of the domain, or add it to LAYERS or SHARED"


def test_each_part_imports_only_the_layers_below_it():
    wrong = []
    for module, imported in _graph().items():
        part = _part(module)
        if part is None:
            continue
        for target in sorted(imported):
            other = _part(target)
            if other is None or other == part or other == "shared":
                continue
            if RANK[other] >= RANK[part]:
                wrong.append(f"{module} imports {target} ({other} is not below {part})")
    assert wrong == []


def test_no_modules_import_each_other_in_a_ring():
    # Every module may read the package's version (`from cybrief import __version__`): the package itself is
    # loaded before any of its modules, so that is no ring.
    graph = {module: imported - {"cybrief"} for module, imported in _graph().items()}
    rings, state = [], {}

    def walk(module, trail):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if target not in graph:
                continue
            if state.get(target) == "open":
                rings.append(" -> ".join(trail[trail.index(target):] + [target]))
            elif target not in state:
                walk(target, trail + [target])
        state[module] = "done"

    for module in graph:
        if module not in state:
            walk(module, [module])
    assert rings == []


def test_modules_are_short_enough_to_read_in_one_sitting():
    long = sorted(f"{_module_name(p)}: {n} lines" for p in SOURCE.rglob("*.py")
                  if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400)
    assert long == []

"""The house's floors, checked from the source: data flows one way through the folders.

Every module's imports are read with `ast` (relative ones resolved), including imports inside
functions, so a lazy import counts as much as one at the top of a file.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

import kroniek

PACKAGE = Path(kroniek.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolved(module: str, node: ast.ImportFrom) -> str:
    """The absolute name a `from … import` node imports from."""
    if not node.level:
        return node.module or ""
    is_package = MODULES[module].name == "__init__.py"
    base = module.split(".")[: len(module.split(".")) - node.level + is_package]
    return ".".join([*base, node.module] if node.module else base)


@cache
def imports(module: str) -> frozenset[str]:
    """Every module name `module` imports, anywhere in its code (submodules of `from pkg import sub` too)."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            origin = _resolved(module, node)
            found |= {origin, *(f"{origin}.{alias.name}" for alias in node.names)}
    return frozenset(found)


def reachable(module: str) -> set[str]:
    """The modules `module` imports, directly or through other Kroniek modules."""
    seen, todo = set(), [module]
    while todo:
        for name in imports(todo.pop()):
            if name not in seen:
                seen.add(name)
                todo += [name] if name in MODULES else []
    return seen


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_the_import_reader_sees_relative_and_lazy_imports():
    assert "kroniek.matching" in imports("kroniek.stages.quotes")
    assert "kroniek.pipeline" in imports("kroniek.analysis")
    assert "kroniek.store.sqlite" in imports("kroniek.store.base")


@pytest.mark.parametrize("module", [m for m in MODULES if not _within(m, "kroniek.evaluate")])
def test_nothing_outside_evaluate_imports_it(module):
    assert not [name for name in imports(module) if _within(name, "kroniek.evaluate")]


@pytest.mark.parametrize("module", [m for m in MODULES if _within(m, "kroniek.store")])
def test_the_store_needs_no_language_processing(module):
    forbidden = ("spacy", "kroniek.analysis", "kroniek.pipeline", "kroniek.stages", "kroniek.extensions")
    assert not [name for name in reachable(module) if any(_within(name, f) for f in forbidden)]


def test_every_evaluated_layer_has_a_scorer():
    from kroniek.cli import EVALUATED_LAYERS

    for layer in EVALUATED_LAYERS:
        assert "def evaluate(" in MODULES[f"kroniek.evaluate.{layer}"].read_text(encoding="utf-8")


SPEAKS_NO_LANGUAGE = [m for m in MODULES if not _within(m, "kroniek.lang") and not _within(m, "kroniek.train")]
"""Every module but the language data and the training of one language's model."""


@pytest.mark.parametrize("module", SPEAKS_NO_LANGUAGE)
def test_only_lang_imports_a_language_s_own_code(module):
    assert not [name for name in imports(module) if _within(name, "kroniek.lang.nl")]


@pytest.mark.parametrize("module", [m for m in MODULES if _within(m, "kroniek.stages") and m != "kroniek.stages"])
def test_stages_holds_registered_components_only(module):
    source = MODULES[module].read_text(encoding="utf-8")
    assert "@Language.factory(" in source or "@Language.component(" in source


@pytest.mark.parametrize("module", [m for m in MODULES if _within(m, "kroniek.syntax")])
def test_the_clause_layer_sits_below_the_stages(module):
    above = ("kroniek.stages", "kroniek.attribution", "kroniek.events", "kroniek.store", "kroniek.analysis")
    assert not [name for name in reachable(module) if any(_within(name, f) for f in above)]

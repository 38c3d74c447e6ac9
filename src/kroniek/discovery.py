"""Imports every module of a package, so that stages and views register themselves by being there."""

from __future__ import annotations

import importlib
import pkgutil


def import_submodules(package_name: str) -> list[str]:
    """Import each module directly inside `package_name`, in name order; return their names."""
    package = importlib.import_module(package_name)
    names = sorted(info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_"))
    for name in names:
        importlib.import_module(f"{package_name}.{name}")
    return names

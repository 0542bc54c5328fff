"""The package's layout: one exception hierarchy in errors.py, a docstring atop every module."""

from __future__ import annotations

import importlib
import pkgutil

import cybrief
from cybrief.errors import CybriefError

# Modules that run or print on import: the entry point of `python -m cybrief`.
NOT_IMPORTED = {"cybrief.__main__"}


def _modules():
    names = ["cybrief"] + [m.name for m in pkgutil.walk_packages(cybrief.__path__, "cybrief.")]
    return [importlib.import_module(name) for name in names if name not in NOT_IMPORTED]


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_error_cybrief_reports_is_declared_in_errors_py():
    _modules()
    outside = sorted(f"{c.__module__}.{c.__qualname__}" for c in _subclasses(CybriefError)
                     if c.__module__.startswith("cybrief") and c.__module__ != "cybrief.errors")
    assert outside == []


def test_every_module_opens_with_a_one_line_docstring():
    for module in _modules():
        doc = module.__doc__ or ""
        assert doc.strip(), module.__name__
        assert doc.strip().splitlines()[0].endswith("."), module.__name__

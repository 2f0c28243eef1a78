"""The MkDocs boundary is visible and true: only guidekit/adapters imports MkDocs, Material or a plugin,
and the content model, every check and `python -m guidekit` run with MkDocs absent."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import pytest
from conftest import ROOT

PACKAGE = ROOT / "hooks" / "guidekit"
# What a successor generator would not have: MkDocs, its theme, its plugins (and the MkDocs fork).
GENERATOR = ("mkdocs", "material", "mkdocs_print_site_plugin", "mkdocs_redirects",
             "mkdocs_git_revision_date_localized_plugin", "properdocs")
PURE = ("core", "checks", "search")


def imported(path) -> set[str]:
    """Top-level names of every module a file imports, at any depth of its code."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_adapters_import_the_generator():
    outside = {path.relative_to(PACKAGE).as_posix(): sorted(imported(path) & set(GENERATOR))
               for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).parts[0] != "adapters"}
    assert {name: found for name, found in outside.items() if found} == {}
    adapters = [p for p in (PACKAGE / "adapters").glob("*.py") if imported(p) & set(GENERATOR)]
    assert adapters, "the adapters are where MkDocs is used"


def test_the_pure_packages_never_import_the_generated_pages_or_the_adapters():
    """The pipeline runs one way: core <- checks <- pages/search <- adapters."""
    for package in PURE:
        for path in (PACKAGE / package).glob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "from ..adapters" not in text and "from ..pages" not in text, path.relative_to(ROOT)
    for path in (PACKAGE / "core").glob("*.py"):
        assert "from ..checks" not in path.read_text(encoding="utf-8"), path.relative_to(ROOT)


BLOCK = """
import importlib.abc, sys
GENERATOR = {generator!r}
class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in GENERATOR:
            raise ModuleNotFoundError(f"No module named {{name!r}} (kept out by the test)")
sys.meta_path.insert(0, Absent())
"""


@pytest.mark.build
def test_the_model_and_every_check_run_with_mkdocs_absent(tmp_path):
    modules = [f"guidekit.{package}.{path.stem}" for package in PURE
               for path in sorted((PACKAGE / package).glob("*.py")) if path.stem != "__init__"]
    script = BLOCK.format(generator=GENERATOR) + (
        "import importlib\n"
        f"for name in {modules!r}:\n    importlib.import_module(name)\n"
        "from pathlib import Path\n"
        "from guidekit.checks.content import load_content\n"
        f"docs = Path({str(ROOT / 'docs')!r})\n"
        "content = load_content({p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob('*.md')})\n"
        "print(len(content.graph.items), len(content.findings))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT / "hooks", capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    items, findings = map(int, result.stdout.split())
    assert items > 0 and findings == 0


@pytest.mark.build
def test_the_command_line_check_runs_with_mkdocs_absent(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(BLOCK.format(generator=GENERATOR), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "guidekit", str(ROOT / "docs")], cwd=ROOT / "hooks", env=env,
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 个错误，0 个警告" in result.stdout

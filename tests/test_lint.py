"""The copy-quality gate editors run (bash scripts/lint.sh) passes on the guide and catches mistakes."""

from __future__ import annotations

import subprocess
import sys

import autocorrect_py as autocorrect
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import copy_lint  # noqa: E402

PYMARKDOWN = [sys.executable, "-m", "pymarkdown", "--config", str(ROOT / ".pymarkdown.json")]


def test_chinese_copy_of_the_guide_is_clean():
    assert copy_lint.main([]) == 0


def test_copy_mistakes_are_reported_with_file_and_line(tmp_path, monkeypatch):
    autocorrect.load_config((ROOT / ".autocorrectrc").read_text(encoding="utf-8"))
    page = tmp_path / "docs" / "problems" / "x.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: 测试\n---\n\n党员36人,占34%。\n", encoding="utf-8")
    monkeypatch.setattr(copy_lint, "ROOT", tmp_path)
    (found,) = copy_lint.findings(page)
    assert found.startswith("docs/problems/x.md:5 “党员36人,占34%。” 应为 “党员 36 人，占 34%。”")


def test_markdown_of_the_guide_is_clean():
    result = subprocess.run([*PYMARKDOWN, "scan", "-r", "docs", "includes"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_markdown_mistakes_are_reported(tmp_path):
    page = tmp_path / "bad.md"
    page.write_text("---\ntitle: 测试\n---\n\n## 表现\n正文\n* 列表\n", encoding="utf-8")
    result = subprocess.run([*PYMARKDOWN, "scan", str(page)], capture_output=True, text=True)
    assert result.returncode != 0
    assert "bad.md:5:1: MD022" in result.stdout and "bad.md:7:1: MD032" in result.stdout

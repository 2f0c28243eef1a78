"""The copy-quality gate editors run (bash scripts/lint.sh) passes on the guide and catches mistakes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import autocorrect_py as autocorrect
from conftest import ROOT
from guidekit.front_matter import split_front_matter
from guidekit.regions import protected_text
from guidekit.scaffold import create_page

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


# --- lint.sh --fix never rewrites what it does not understand -------------------------------------

FIX_PROJECT = ("mkdocs.yml", ".autocorrectrc", ".pymarkdown.json")


def fix_project(tmp_path: Path) -> Path:
    """A copy of the project (every real page) plus one new page of every type from its template."""
    project = tmp_path / "project"
    project.mkdir()
    for name in FIX_PROJECT:
        shutil.copy(ROOT / name, project / name)
    for folder in ("hooks", "overrides", "includes", "docs", "scripts"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for type_name, item_id in (("问题", "tpl-problem"), ("成因", "tpl-cause"), ("举措", "tpl-measure"),
                               ("案例", "tpl-case"), ("来源", "s098")):
        create_page(project / "docs", type_name, item_id)
    return project


def with_copy_mistakes(text: str) -> str:
    """The page with what autocorrect would "fix" in its front matter and a code block: title and code
    mention 2019年 and a half-width comma; both must stay as written."""
    block, body, _ = split_front_matter(text)
    assert block is not None
    front = [f"{line}（2019年,试行）" if line.startswith("title: ") else line for line in block]
    code = "\n```text\n示例:2019年,36人\n```\n"
    return "---\n" + "\n".join(front) + "\n---\n" + body.rstrip("\n") + "\n" + code


def guide_findings(project: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "guidekit", str(project / "docs")], cwd=project / "hooks",
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("[G")]


def test_fix_over_every_page_and_template_keeps_front_matter_and_code_and_the_build_passes(tmp_path):
    project = fix_project(tmp_path)
    pages = sorted((project / "docs").rglob("*.md"))
    for path in pages:
        path.write_text(with_copy_mistakes(path.read_text(encoding="utf-8")), encoding="utf-8")
    # one prose mistake autocorrect must fix, next to a flow-style tag list it must not touch
    case = project / "docs" / "cases" / "kuitun-psbc.md"
    text = case.read_text(encoding="utf-8")
    assert "\ntags:\n" in text
    text = re.sub(r"\ntags:\n(?:\s+- .+\n)+", "\ntags: [党员管理, 载体活动]\n", text, count=1)
    heading, cited = text.index("\n## "), re.search(r"^\[\^(\w+)\]:", text, re.M)[1]
    case.write_text(text[:heading] + f"\n\n党员36人,占34%[^{cited}]。" + text[heading:], encoding="utf-8")
    before = {p: p.read_text(encoding="utf-8") for p in pages}
    expected = guide_findings(project)  # only the templates' placeholders (G070)
    assert expected and {line[:6] for line in expected} == {"[G070]"}

    fix = subprocess.run([sys.executable, "scripts/copy_lint.py", "--fix"], cwd=project, capture_output=True,
                         text=True, timeout=300)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    after = {p: p.read_text(encoding="utf-8") for p in pages}
    assert f"党员 36 人，占 34%[^{cited}]。" in after[case], "the prose was not fixed"
    for path in pages:
        assert protected_text(after[path]) == protected_text(before[path]), path
        assert split_front_matter(after[path])[0] == split_front_matter(before[path])[0], path
    assert "tags: [党员管理, 载体活动]" in after[case]
    assert guide_findings(project) == expected, "a fix made the build report something new"


def test_a_markdown_fix_that_would_change_code_is_undone_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(copy_lint, "ROOT", tmp_path)
    page = tmp_path / "docs" / "guide" / "x.md"
    page.parent.mkdir(parents=True)
    original = "---\ntitle: 测试\n---\n\n# 测试\n\n```text\n  *  代码\n```\n"
    page.write_text(original, encoding="utf-8")

    def fake_pymarkdown(command, **kwargs):  # a fixer that, like any tool, could reach into code
        page.write_text(original.replace("  *  代码", "* 代码"), encoding="utf-8")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(copy_lint.subprocess, "run", fake_pymarkdown)
    fixed, restored = copy_lint.guarded_markdown_fix([page])
    assert (fixed, restored) == ([], [page])
    assert page.read_text(encoding="utf-8") == original


def test_lint_sh_says_which_checks_failed_and_never_that_all_passed(tmp_path):
    project = fix_project(tmp_path)
    (project / ".venv").symlink_to(ROOT / ".venv")
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, project / name)
    result = subprocess.run(["bash", "scripts/lint.sh", "--fix"], cwd=project, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 1
    assert "全部检查通过" not in result.stdout
    assert "未通过：内容检查" in result.stdout and "[G070] docs/cases/tpl-case.md:2 " in result.stdout

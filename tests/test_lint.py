"""The copy-quality gate editors run (bash scripts/lint.sh) passes on the guide and catches mistakes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import autocorrect_py as autocorrect
from conftest import ROOT
from guidekit.core.front_matter import split_front_matter
from guidekit.core.regions import protected_text
from guidekit.pages.scaffold import create_page

sys.path.insert(0, str(ROOT / "scripts"))
import copy_lint  # noqa: E402
import lint_markdown  # noqa: E402
from rendering import PageRenderer  # noqa: E402


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
    assert lint_markdown.main([]) == 0


def test_markdown_mistakes_are_reported_in_chinese_with_file_line_and_column(tmp_path, monkeypatch):
    monkeypatch.setattr(lint_markdown, "ROOT", tmp_path)
    page = tmp_path / "docs" / "bad.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: 测试\n---\n\n## 表现\n正文\n* 列表\n", encoding="utf-8")
    lines = [p.format() for p in lint_markdown.scan([page])]
    assert "docs/bad.md:5:1 标题前后要各空一行。 [MD022]" in lines
    assert any(line.startswith("docs/bad.md:7:1 列表前后要各空一行。") for line in lines), lines
    assert all(re.search(r"[\u4e00-\u9fff]", line.split(" [")[0]) for line in lines), lines


# What the editors' guide shows (nested lists under a numbered item, indented 4 spaces or a tab; a little
# HTML from the allowlist) must pass lint; what Python-Markdown would not nest must not.
GUIDE_WRITING = (
    "---\ntitle: 测试\n---\n\n# 测试\n\n1. 第一步\n    - 子项甲\n    - 子项乙\n2. 第二步\n\t- 制表符子项\n\n"
    "- 要点\n    - 四格子项\n\n<span>文字</span><br>\n<abbr title=\"党建\">党建</abbr>和<sup>1</sup>\n"
)


def test_what_the_editors_guide_allows_passes_lint(tmp_path, monkeypatch):
    monkeypatch.setattr(lint_markdown, "ROOT", tmp_path)
    page = tmp_path / "ok.md"
    page.write_text(GUIDE_WRITING, encoding="utf-8")
    assert [p.format() for p in lint_markdown.scan([page])] == []


def test_a_sub_list_python_markdown_would_not_nest_and_a_disallowed_element_are_named(tmp_path, monkeypatch):
    monkeypatch.setattr(lint_markdown, "ROOT", tmp_path)
    page = tmp_path / "bad.md"
    page.write_text("---\ntitle: 测试\n---\n\n# 测试\n\n- 要点\n  - 两格子项\n\n<script>x</script>\n",
                    encoding="utf-8")
    lines = [p.format() for p in lint_markdown.scan([page])]
    assert any(line.startswith("bad.md:8:1 列表项缩进了 2 个空格") for line in lines), lines
    assert any(line.startswith("bad.md:10:1 用了编辑指南不允许的 HTML 元素：`<script>`") for line in lines), lines


def test_lint_allows_exactly_the_html_the_build_allows():
    from guidekit.checks.html_safety import ELEMENTS
    assert set(lint_markdown.allowed_html()) == set(ELEMENTS)


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
    front = [f"{line[:17]}（2019年,试行）" if line.startswith("title: ") else line for line in block]  # within G140
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
    # at the end of 背景, a section in the sources' voice, where a cited statement belongs
    heading, cited = text.index("\n## 做法"), re.search(r"^\[\^(\w+)\]:", text, re.M)[1]
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


# Pages a fixer has damaged before: sub-lists under numbered items (tab, 4 spaces), code, tables,
# admonitions, footnotes. Each must render exactly the same after --fix.
FIX_FIXTURES = {
    "nested-tab.md": "---\ntitle: 甲\n---\n\n# 甲\n\n1. 第一步\n\t- 子项甲\n\t- 子项乙\n2. 第二步\n",
    "nested-four.md": "---\ntitle: 乙\n---\n\n# 乙\n\n1. 第一步\n    - 子项甲\n\n    - 子项乙\n2. 第二步\n",
    "blocks.md": (
        "---\ntitle: 丙\n---\n\n# 丙\n\n| 列一 | 列二 |\n| --- | --- |\n| 甲 | 乙 |\n\n"
        "```text\n  *  代码\n```\n\n!!! tip \"编者建议\"\n\n    建议。\n\n    - 一\n    - 二\n\n"
        "??? note \"资料说明\"\n\n    说明。\n\n正文[^s002]。\n\n[^s002]: 见资料来源。\n"),
}


def test_fix_never_changes_what_a_page_renders(tmp_path):
    project = fix_project(tmp_path)
    for name, text in FIX_FIXTURES.items():
        (project / "docs" / "guide" / name).write_text(text, encoding="utf-8")
    pages = sorted((project / "docs").rglob("*.md"))
    renderer = PageRenderer(project / "mkdocs.yml")
    before = {p: p.read_text(encoding="utf-8") for p in pages}
    fix = subprocess.run([sys.executable, "scripts/copy_lint.py", "--fix"], cwd=project, capture_output=True,
                         text=True, timeout=600)
    assert "Traceback" not in fix.stdout + fix.stderr
    for path in pages:
        after = path.read_text(encoding="utf-8")
        if path.name in FIX_FIXTURES:
            assert renderer.render(after) == renderer.render(before[path]), path
        assert renderer.skeleton(after) == renderer.skeleton(before[path]), path


def test_a_markdown_fix_that_would_change_the_page_is_not_applied_and_is_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(copy_lint, "ROOT", tmp_path)
    page = tmp_path / "docs" / "guide" / "x.md"
    page.parent.mkdir(parents=True)
    original = FIX_FIXTURES["nested-four.md"]
    page.write_text(original, encoding="utf-8")
    # the damage pymarkdown 0.9 once did: a 4-space sub-list under "1." re-indented to 3 spaces
    monkeypatch.setattr(lint_markdown, "fix_string", lambda text: text.replace("    - ", "   - "))
    monkeypatch.setattr(copy_lint, "written_files", lambda: [page])
    assert copy_lint.fix() == 1
    assert page.read_text(encoding="utf-8") == original
    assert "未修正 docs/guide/x.md：Markdown 写法的自动修正会改变页面显示" in capsys.readouterr().out


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


def test_the_editors_guide_lists_exactly_the_html_lint_and_the_build_allow():
    from guidekit.pages.markers import expand_markers
    guide = (ROOT / "docs" / "contributing" / "index.md").read_text(encoding="utf-8")
    assert "<!-- guide:allowed-html -->" in guide
    expanded = expand_markers(guide, "contributing/", True).splitlines()
    line = next(line for line in expanded if "可以用的元素只有" in line)
    listed = set(re.findall(r"`<([a-z0-9]+)>`", line))
    assert listed == set(lint_markdown.allowed_html())

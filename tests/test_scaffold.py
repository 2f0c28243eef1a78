"""Starting a page in one command: a valid page from the type's template, never an overwrite."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import BASE_PAGES, ROOT
from guidekit.checks.content import load_content
from guidekit.core.placeholders import PLACEHOLDER
from support import write_pages


def new_page(docs: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guidekit", "new", *args, "--docs", str(docs)],
                          cwd=ROOT / "hooks", capture_output=True, text=True)


def write_base(docs: Path) -> None:
    write_pages(docs, BASE_PAGES)


NEW_PAGES = {"问题": "new-problem", "成因": "new-cause", "举措": "branch-visits", "案例": "new-case",
             "来源": "s099"}


def fill_placeholders(text: str, source: str = "s002") -> str:
    """What an editor does: every placeholder replaced by real content (linking the new pages together)."""
    text = re.sub(r"\[【待填写：[^】]*资料来源[^】]*】\]", f"[{source}]", text)
    text = re.sub(r"\[【待填写：[^】]*问题或成因[^】]*】\]", "[new-problem, new-cause]", text)
    text = re.sub(r"^  【待填写：[^】]*创新举措[^】]*】:", "  branch-visits:", text, flags=re.M)
    text = re.sub(r"\[【待填写：[^】]*成因[^】]*】\]", "[new-cause]", text)
    definition = f"[^{source}]: 见[来源](../sources/{source}.md)。"
    text = re.sub(r"^【待填写：在页面末尾[^】]*】$", definition, text, flags=re.M)
    # the sources' sections cite; the guide's advice (and the folded note) is written without footnotes
    text = re.sub(r"【待填写：资料报告或主张的内容[^】]*】", f"写好的一段正文[^{source}]。", text)
    text = re.sub(r"【待填写：证据等级[^】]*】", "已实施，无成效数据", text)
    text = re.sub(r"【待填写：由谁牵头[^】]*】", "支部委员会", text)
    text = re.sub(r"【待填写：投入[^】]*】", "小", text)
    return re.sub(r"【待填写：[^】]*】", "写好的内容", text)


def test_every_template_passes_the_schema_and_only_its_placeholders_are_refused(tmp_path, fixture_site):
    docs = tmp_path / "docs"
    write_base(docs)
    generated = {}
    for type_name, item_id in NEW_PAGES.items():
        title = ["支部走访制度"] if item_id == "branch-visits" else []
        result = new_page(docs, type_name, item_id, *title)
        assert result.returncode == 0, result.stderr
        path = next(docs.glob(f"*/{item_id}.md")).relative_to(docs).as_posix()
        generated[path] = (docs / path).read_text(encoding="utf-8")
    assert generated["measures/branch-visits.md"].startswith("---\ntitle: 支部走访制度\n")
    for heading in ("## 要点", "## 怎么做", "## 注意事项", "## 资料依据", "??? note \"资料说明\""):
        assert heading in generated["measures/branch-visits.md"]

    content = load_content({p: t.encode() for p, t in {**BASE_PAGES, **generated}.items()})
    for path, text in generated.items():
        placeholders = [(n, m) for n, line in enumerate(text.split("\n"), 1) for m in PLACEHOLDER.findall(line)]
        found = content.findings_for(path)
        assert placeholders and {f.code for f in found} == {"G070"}, (path, [f.format() for f in found])
        assert sorted((f.line, PLACEHOLDER.search(f.message)[0]) for f in found) == sorted(placeholders)

    built = fixture_site(generated)
    assert built.returncode == 1
    for path, text in generated.items():
        line, first = next((n, PLACEHOLDER.search(x)[0]) for n, x in enumerate(text.split("\n"), 1)
                           if PLACEHOLDER.search(x))
        assert f"[G070] docs/{path}:{line} " in built.output and first in built.output

    filled = fixture_site({path: fill_placeholders(text, "s099" if path.startswith("cases/") else "s002")
                           for path, text in generated.items()})
    assert filled.returncode == 0, filled.output


def test_a_title_with_a_colon_is_written_so_it_reads_back_the_same(tmp_path):
    docs = tmp_path / "docs"
    write_base(docs)
    assert new_page(docs, "案例", "colon-title", "某支部: 三会一课 #1").returncode == 0
    content = load_content({"cases/colon-title.md": (docs / "cases" / "colon-title.md").read_bytes()})
    assert content.pages["cases/colon-title.md"].meta["title"] == "某支部: 三会一课 #1"


def test_existing_id_is_refused_and_the_file_is_untouched(tmp_path):
    docs = tmp_path / "docs"
    write_base(docs)
    before = (docs / "problems" / "two-skins.md").read_bytes()
    result = new_page(docs, "成因", "two-skins")
    assert result.returncode == 1
    assert "id “two-skins”已被 docs/problems/two-skins.md 使用" in result.stderr
    assert (docs / "problems" / "two-skins.md").read_bytes() == before
    assert not (docs / "causes" / "two-skins.md").exists()


def test_bad_id_and_unknown_type_get_chinese_reasons(tmp_path):
    docs = tmp_path / "docs"
    write_base(docs)
    bad_id = new_page(docs, "problems", "Weak_Learning")
    assert bad_id.returncode == 1 and "只能用小写英文字母、数字和连字符" in bad_id.stderr
    bad_type = new_page(docs, "文章", "weak-learning")
    assert bad_type.returncode == 1 and "不认识的页面类型“文章”" in bad_type.stderr
    assert "Traceback" not in bad_id.stderr + bad_type.stderr

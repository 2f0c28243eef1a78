"""Starting a page in one command: a valid page from the type's template, never an overwrite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import BASE_PAGES, ROOT


def new_page(docs: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guidekit", "new", *args, "--docs", str(docs)],
                          cwd=ROOT / "hooks", capture_output=True, text=True)


def write_base(docs: Path) -> None:
    for path, text in BASE_PAGES.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")


def test_new_page_is_created_from_the_template_and_builds(tmp_path, fixture_site):
    docs = tmp_path / "docs"
    write_base(docs)
    result = new_page(docs, "举措", "branch-visits", "支部走访制度")
    assert result.returncode == 0, result.stderr
    assert "已创建 docs/measures/branch-visits.md" in result.stdout
    text = (docs / "measures" / "branch-visits.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 支部走访制度\n")
    for heading in ("## 是什么", "## 为什么", "## 怎么做", "## 谁做过", "## 注意事项"):
        assert heading in text
    built = fixture_site({"measures/branch-visits.md": text})
    assert built.returncode == 0, built.output


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

"""The navigation is derived from the files; big sections list only their cards page."""

from __future__ import annotations

from guidekit.pages.nav import MAX_LISTED_ITEMS, build_nav


def test_sections_in_reading_order_with_index_first():
    paths = ["sources/s1.md", "problems/b.md", "problems/index.md", "problems/a.md", "index.md",
             "overview.md", "cases/index.md", "cases/k.md", "contributing/index.md", "extra.md"]
    nav, unlisted = build_nav(paths)
    titles = [next(iter(entry)) for entry in nav]
    assert titles == ["首页", "全景图", "问题", "实践案例", "资料来源", "编辑指南", "extra"]
    assert nav[2]["问题"] == ["problems/index.md", "problems/a.md", "problems/b.md"]
    assert unlisted == []


def test_large_section_lists_only_its_index():
    many = [f"measures/m{i:04d}.md" for i in range(MAX_LISTED_ITEMS + 1)]
    nav, unlisted = build_nav(["measures/index.md", *many])
    assert nav == [{"创新举措": ["measures/index.md"]}]
    assert unlisted == many

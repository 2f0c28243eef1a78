"""Links between pages come from MkDocs' URL arithmetic, under both URL styles."""

from __future__ import annotations

import pytest
from guidekit.pages.links import md_link, print_page_link


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("measures/index.md", "guide/themes.md", "../guide/themes.md"),
    ("overview.md", "problems/two-skins.md", "problems/two-skins.md"),
    ("measures/index.md", "measures/four-togethers.md", "four-togethers.md"),
    ("guide/a/b.md", "index.md", "../../index.md"),
])
def test_markdown_links_are_relative_source_paths(source, target, expected):
    assert md_link(source, target) == expected


@pytest.mark.parametrize(("page_url", "directory_urls", "href"), [
    ("", True, "print_page/"),
    ("measures/four-togethers/", True, "../../print_page/"),
    ("index.html", False, "print_page.html"),
    ("guide/index.html", False, "../print_page.html"),
])
def test_the_print_page_link_works_from_any_page_in_both_url_styles(page_url, directory_urls, href):
    assert print_page_link(page_url, directory_urls) == f'<a href="{href}">整本指南（打印版）</a>'

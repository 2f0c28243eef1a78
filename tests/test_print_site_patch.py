"""The print-site patch: anchors prefixed tag by tag, so every in-page link of the print page lands.

Each test loads its own copy of the plugin's urls module, so patching it here never
touches the module a build in this process would use.
"""

from __future__ import annotations

import importlib.util
from importlib import metadata
from types import ModuleType

import mkdocs_print_site_plugin.urls
from guidekit.adapters.print_site_patch import (
    PINNED_VERSION,
    installed_version,
    patch_print_site,
    prefix_anchor_ids,
    prefix_tab_ids,
    whole_guide,
)
from support import InPageLinks


def fresh_urls() -> ModuleType:
    spec = importlib.util.spec_from_file_location("print_site_urls_copy", mkdocs_print_site_plugin.urls.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dead_links(html: str) -> list[str]:
    anchors = InPageLinks()
    anchors.feed(html)
    return anchors.dead()


# What Material and pymdownx write on one line: a task-list checkbox, then a footnote mark;
# a list item, then a heading; and an ordinary heading and footnote list.
PAGE = (
    '<h1 id="title">标题</h1>\n'
    '<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
    '<input type="checkbox" disabled/></label> 检查项。<sup id="fnref:s002">'
    '<a class="footnote-ref" href="#fn:s002">1</a></sup></li></ul>\n'
    '<ul><li>说明</li></ul><h2 id="bei-jing">背景</h2><p>见<a href="#bei-jing">背景</a>。</p>\n'
    '<div class="footnote"><ol><li id="fn:s002"><p>来源。<a class="footnote-backref" '
    'href="#fnref:s002">&#8617;</a></p></li></ol></div>\n'
)


def test_the_installed_plugin_is_the_pinned_version_the_patch_knows():
    assert installed_version() == PINNED_VERSION == metadata.version("mkdocs-print-site-plugin")
    assert patch_print_site(fresh_urls(), installed_version()) is None, "pinned plugin changed: see print_site_patch.py"


def test_every_in_page_link_of_a_page_lands_after_the_patch_and_not_before():
    # guards the patch itself: switch it off and the footnote and heading links break again
    original = fresh_urls()
    before = original.fix_internal_links(PAGE, "cases/sinan/", True, "1")
    assert dead_links(before), "the unpatched plugin no longer breaks these links: is the patch still needed?"
    patched = fresh_urls()
    assert patch_print_site(patched, PINNED_VERSION) is None
    after = patched.fix_internal_links(PAGE, "cases/sinan/", True, "1")
    assert dead_links(after) == []
    assert 'id="cases-sinan-bei-jing"' in after and 'id="cases-sinan-fnref:s002"' in after


def test_headings_and_footnotes_are_prefixed_once_and_nothing_else():
    html = ('<h2 id="a">A</h2><sup id="fnref:1">1</sup><li id="fn:1">x</li>'
            '<div id="keep">d</div><h3 data-id="x" class="c">B</h3><span id="s">s</span>')
    assert prefix_anchor_ids(html, "k") == (
        '<h2 id="k-a">A</h2><sup id="k-fnref:1">1</sup><li id="k-fn:1">x</li>'
        '<div id="keep">d</div><h3 data-id="x" class="c">B</h3><span id="s">s</span>')


def test_tabbed_content_keeps_its_inputs_and_labels_paired_per_page():
    html = ('<input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">'
            '<label for="__tabbed_1_1">C</label><input type="checkbox" disabled/><sup id="fnref:1">')
    assert prefix_tab_ids(html, "k") == (
        '<input checked="checked" id="k-__tabbed_1_1" name="k-__tabbed_1" type="radio">'
        '<label for="k-__tabbed_1_1">C</label><input type="checkbox" disabled/><sup id="fnref:1">')


def test_same_result_as_the_plugin_where_the_plugin_is_right():
    original = fresh_urls()
    one_tag_a_line = "\n".join(['<h2 id="x">X</h2>', '<p>text</p>', '<sup id="fnref:1">1</sup>',
                                '<li id="fn:1">n</li>', '<input id="__tabbed_1_1" name="__tabbed_1">',
                                '<label for="__tabbed_1_1">L</label>'])
    assert prefix_anchor_ids(one_tag_a_line, "k") == original.update_anchor_ids(one_tag_a_line, "k")
    assert prefix_tab_ids(one_tag_a_line, "k") == original.fix_tabbed_content(one_tag_a_line, "k")


def test_another_version_or_changed_source_is_reported_and_left_alone():
    urls = fresh_urls()
    unpatched = urls.update_anchor_ids
    finding = patch_print_site(urls, "3.0")
    assert finding is not None and finding.code == "G090" and "3.0" in finding.message
    assert urls.update_anchor_ids is unpatched

    def update_anchor_ids(page_html: str, page_key: str) -> str:  # a new release's version
        return page_html.replace('id="', f'id="{page_key}-')

    changed = fresh_urls()
    changed.update_anchor_ids = update_anchor_ids
    assert patch_print_site(changed, PINNED_VERSION).code == "G090"
    assert changed.update_anchor_ids is update_anchor_ids


def test_patching_twice_changes_nothing():
    urls = fresh_urls()
    assert patch_print_site(urls, PINNED_VERSION) is None
    assert patch_print_site(urls, PINNED_VERSION) is None
    assert urls.update_anchor_ids is prefix_anchor_ids and urls.fix_tabbed_content is prefix_tab_ids


def test_links_are_rewritten_exactly_as_the_plugin_does_in_one_pass():
    page = ('<p><a href="../../measures/points/">积分制</a> <a class="x" href="#bei-jing">背景</a> '
            '<a href="../s002/#ji-ben">来源</a> <a href="https://example.org/">外部</a> '
            '<a href="../../assets/file.pdf">附件</a> <a href="../../measures/points/">积分制</a> '
            '<A HREF="../../">首页</a></p>\n') * 3
    original, patched = fresh_urls(), fresh_urls()
    assert patch_print_site(patched, PINNED_VERSION) is None
    for directory_urls in (True, False):
        assert patched.fix_href_links(page, "cases-sinan", "cases/sinan/", directory_urls) == \
            original.fix_href_links(page, "cases-sinan", "cases/sinan/", directory_urls)
    assert patched.fix_href_links is not original.fix_href_links


def test_items_left_out_of_the_nav_are_printed_in_their_section():
    class Item:
        def __init__(self, src_uri: str) -> None:
            self.is_page, self.is_section = True, False
            self.file = type("F", (), {"src_uri": src_uri})()

    class Folder:
        def __init__(self, title: str, children: list) -> None:
            self.title, self.children, self.is_section, self.is_page = title, children, True, False

    home, index, other = Item("index.md"), Item("cases/index.md"), Folder("资料", [Item("sources/index.md")])
    nav = [home, Folder("案例", [index]), other]
    unlisted = [Item("cases/b.md"), Item("cases/a.md")]
    printed = whole_guide(nav, unlisted, Folder)
    assert printed[0] is home and printed[2] is other
    assert [c.file.src_uri for c in printed[1].children] == ["cases/index.md", "cases/a.md", "cases/b.md"]
    assert [c.file.src_uri for c in nav[1].children] == ["cases/index.md"], "the site's own nav is untouched"


def test_links_to_a_page_left_out_of_the_print_page_go_to_the_site():
    from guidekit.adapters.print_site_patch import relink_unprinted

    page = '<a href="#self-check">自查诊断</a> <a href="#self-check-q1">题</a> <a href="#two-skins">问题</a>'
    assert relink_unprinted(page, {"self-check": "../self-check/"}) == (
        '<a href="../self-check/">自查诊断</a> <a href="../self-check/">题</a> <a href="#two-skins">问题</a>')

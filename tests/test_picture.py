"""The relation pictures: every item is a node linking to its page, every relation a line."""

from __future__ import annotations

import re

from conftest import BASE_PAGES, ROOT
from guidekit.checks.content import load_content
from guidekit.pages.picture import neighbourhood_picture, order_columns, overview_picture, picture_edges, relative_url

LINK = re.compile(r'<a class="guide-graph__node guide-graph__node--(\w+)[^"]*" href="([^"]+)"[^>]*>')


def small_graph():
    return load_content({path: text.encode() for path, text in BASE_PAGES.items()}).graph


def test_every_item_is_a_node_linking_to_its_page_and_every_relation_a_line():
    graph = small_graph()
    svg = overview_picture(graph, "overview/", use_directory_urls=True)
    links = LINK.findall(svg)
    assert sorted(links) == sorted([
        ("cases", "../cases/nchu/"), ("causes", "../causes/business-over-party/"),
        ("measures", "../measures/four-togethers/"), ("problems", "../problems/two-skins/")])
    relations = [(o, t) for o in graph.items for k in ("causes", "addresses", "applies") for t in graph.links(o, k)]
    assert svg.count('class="guide-graph__edge') == len(relations) == 4


def test_columns_follow_the_chain_problem_cause_measure_case():
    graph = small_graph()
    columns = order_columns(graph, set(graph.items) - {"s002"}, picture_edges(graph, set(graph.items)))
    assert columns == [["two-skins"], ["business-over-party"], ["four-togethers"], ["nchu"]]


def test_links_work_in_the_offline_bundle_too():
    assert relative_url("overview.html", "problems/two-skins.html") == "problems/two-skins.html"
    assert relative_url("measures/a.html", "problems/b.html") == "../problems/b.html"
    assert relative_url("measures/a/", "problems/b/") == "../../problems/b/"


def test_neighbourhood_marks_the_current_item_and_shows_only_its_neighbours():
    graph = small_graph()
    svg = neighbourhood_picture(graph, "four-togethers", "measures/four-togethers/", use_directory_urls=True)
    assert "guide-graph__node--current" in svg
    assert {kind for kind, _ in LINK.findall(svg)} == {"problems", "causes", "measures", "cases"}


def test_built_overview_picture_links_every_item(built_site):
    page = built_site.html("overview/index.html")
    hrefs = {href for _, href in LINK.findall(page)}
    # one node per item page written in docs/ (a redirect left at an old address is no item)
    items = [p for folder in ("problems", "causes", "measures", "cases")
             for p in (ROOT / "docs" / folder).glob("*.md") if p.name != "index.md"]
    assert items and len(hrefs) == len(items)
    for href in hrefs:
        assert (built_site.site / "overview" / href / "index.html").resolve().is_file(), href

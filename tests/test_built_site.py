"""The real guide, built once with --strict: what a reader sees matches the front matter."""

from __future__ import annotations

import html
import re

import pytest
from conftest import ROOT, BuildResult, run_mkdocs
from guidekit.checks.content import Content, load_content
from guidekit.core.evidence import badge_title, item_rating
from guidekit.core.model import EVIDENCE_GRADES, ITEM_TYPES
from support import InPageLinks, tree_digest

DOCS = ROOT / "docs"


@pytest.fixture(scope="session")
def content() -> Content:
    sources = {p.relative_to(DOCS).as_posix(): p.read_bytes() for p in DOCS.rglob("*.md")}
    return load_content(sources)


@pytest.fixture(scope="session")
def built(built_site) -> BuildResult:
    return built_site


def test_a_build_leaves_docs_untouched(tmp_path):
    before = tree_digest(DOCS)
    result = run_mkdocs(ROOT, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.output
    assert tree_digest(DOCS) == before, "the build changed files under docs/"


def page_html(built: BuildResult, src: str) -> str:
    return built.html(src.removesuffix(".md") + "/index.html")


def article(text: str) -> str:
    return text.split('class="md-content__inner', 1)[1].split("</article>", 1)[0]


def linked_titles(fragment: str) -> set[str]:
    anchors = re.findall(r"<a (?![^>]*headerlink)[^>]*>(.*?)</a>", fragment)
    return {html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in anchors}


def section(text: str, css_class: str) -> str:
    match = re.search(rf'<section class="guide-related__group guide-related__group--{css_class}">(.*?)</section>',
                      text, re.S)
    return match.group(1) if match else ""


def test_strict_build_passes_without_warnings(built):
    assert built.returncode == 0, built.output
    assert "WARNING" not in built.output and "ERROR" not in built.output, built.output


def test_every_item_page_shows_its_type_summary_and_sources(built, content):
    for item in content.graph.items.values():
        text = article(page_html(built, item.path))
        assert f'guide-badge--{item.folder}">{item.type_label}<' in text, item.path
        lead = re.search(r'<p class="guide-lead">(.*?)</p>', text, re.S)
        assert lead and html.unescape(re.sub(r"<[^>]+>", "", lead.group(1))) == item.summary, item.path
        if item.folder != "sources":
            cited = linked_titles(text.split('id="guide-sources-title"', 1)[1])
            expected = {f"《{content.graph.items[s].title}》" for s in content.graph.links(item.id, "sources")}
            assert cited == expected, item.path


def test_generated_pages_carry_no_last_updated_date(built):
    """They have no file in git: the hook excludes the model's GENERATED_PAGES from the git-dates plugin."""
    from guidekit.core.model import GENERATED_PAGES

    for path in GENERATED_PAGES:
        assert "git-revision-date-localized" not in built.html(path.removesuffix(".md").removesuffix("/index")
                                                              + "/index.html"), path
    assert "git-revision-date-localized" in built.html("problems/two-skins/index.html")


GRADE_BADGE = re.compile(
    r'class="guide-evidence guide-evidence--(\w+)"><span class="guide-sr-only">证据等级：</span>([^<]+)<')


def test_every_measure_and_case_shows_exactly_one_badge_with_its_reason(built, content):
    """The badge at the top: linked to the scale, its reason in its title, and the same reason in words beside
    it that the link names as its description (read by screen readers, shown on a phone); none on other types."""
    for item in content.graph.items.values():
        text = article(page_html(built, item.path))
        rating = item_rating(content.graph, item.id)
        expected = [] if rating is None else [(rating.grade.slug, rating.grade.label)]
        assert GRADE_BADGE.findall(text) == expected, item.path
        if rating is None:
            assert "guide-evidence-reason" not in text, item.path
            continue
        title = html.escape(badge_title(rating))
        assert (f'<a class="guide-evidence-link" href="../../guide/evidence/" title="{title}" '
                'aria-describedby="guide-evidence-reason">') in text, item.path
        assert text.count('id="guide-evidence-reason"') == 1, item.path
        assert f'<span class="guide-evidence-reason" id="guide-evidence-reason">{html.escape(rating.reason)}</span>' \
            in text, item.path


def test_a_measures_reason_names_the_case_it_rests_on_and_its_page_lists_every_application(built, content):
    for measure in content.graph.by_folder("measures"):
        text = article(page_html(built, measure.path))
        rating = item_rating(content.graph, measure.id)
        cases = content.graph.backlinks(measure.id, "applies")
        if rating.rests_on:
            short = content.graph.items[rating.rests_on].title.split("：")[0]
            assert rating.reason.startswith(f"依据：{short}——"), measure.path
        else:
            assert rating.reason == "没有案例报告实施，依据是资料中的主张" and not cases, measure.path
        listed = section(text, "reverse-applies")
        assert listed.count('class="guide-related__grade"') == len(cases), measure.path
        for case in cases:
            why = content.graph.items[case].page.meta["applies"][measure.id]["why"]
            assert html.escape(why) in listed, (measure.path, case)


def test_a_measure_page_shows_lead_and_effort_as_the_guides_judgement(built, content):
    for measure in content.graph.by_folder("measures"):
        text = article(page_html(built, measure.path))
        facts = re.search(r'<p class="guide-measure-facts">(.*?)</p>', text, re.S)
        assert facts, measure.path
        words = html.unescape(re.sub(r"<[^>]+>", "", facts.group(1)))
        assert f"由谁牵头：{measure.page.meta['lead']}" in words and f"投入：{measure.page.meta['effort']}" in words
        assert "本指南编者的判断" in words and 'href="../../guide/evidence/#lead-effort"' in facts.group(1)


def test_cases_index_overview_and_measures_table_show_every_grade_with_its_reason(built, content):
    cases = article(built.html("cases/index.html"))
    items = sorted(content.graph.by_folder("cases"), key=lambda i: i.path)
    assert GRADE_BADGE.findall(cases) == [(item_rating(content.graph, i.id).grade.slug,
                                           item_rating(content.graph, i.id).grade.label) for i in items]
    for item in items:
        assert html.escape(item_rating(content.graph, item.id).reason) in cases, item.path
    overview = article(built.html("overview/index.html"))
    assert {label for _, label in GRADE_BADGE.findall(overview)} <= {g.label for g in EVIDENCE_GRADES}
    assert len(GRADE_BADGE.findall(overview)) >= len(content.graph.by_folder("measures"))
    # each overview badge: reason in its title and for screen readers, and a tap leads to the page that says it
    linked_badge = r'<a href="\.\./(?:measures|cases)/[\w-]+/"><span title="证据等级：[^"]+" class="guide-evidence '
    badges = re.findall(linked_badge, overview)
    assert len(badges) == len(GRADE_BADGE.findall(overview))

    table = article(built.html("measures/index.html"))
    assert "data-guide-compare=" in table and 'guide-compare.js' in built.html("measures/index.html")
    rows = re.findall(r"<tr data-guide-grade=\"(\w+)\".*?</tr>", table, re.S)
    measures = sorted(content.graph.by_folder("measures"), key=lambda i: i.path)
    assert rows == [item_rating(content.graph, m.id).grade.slug for m in measures]
    for measure in measures:
        row = re.search(rf'<tr [^>]*><th scope="row"><a href="{measure.id}/">.*?</tr>', table, re.S).group(0)
        rating = item_rating(content.graph, measure.id)
        assert f'<span class="guide-evidence-reason">{html.escape(rating.reason)}</span>' in row, measure.path
        assert f"<td>{html.escape(measure.page.meta['lead'])}</td><td>{measure.page.meta['effort']}</td>" in row


@pytest.mark.parametrize(("key", "css_forward", "css_reverse"), [
    ("causes", "causes", "reverse-causes"),
    ("addresses", "addresses", "reverse-addresses"),
    ("applies", "applies", "reverse-applies"),
])
def test_related_panels_hold_both_directions_of_each_relation(built, content, key, css_forward, css_reverse):
    graph = content.graph
    for item in graph.items.values():
        forward = graph.links(item.id, key)
        if forward:
            shown = linked_titles(section(page_html(built, item.path), css_forward))
            assert shown == {f"{graph.items[t].type_label}{graph.items[t].title}" for t in forward}, item.path
        for target in forward:
            shown = linked_titles(section(page_html(built, graph.items[target].path), css_reverse))
            assert f"{item.type_label}{item.title}" in shown, (item.path, target)


def test_source_pages_list_everything_drawn_from_them(built, content):
    graph = content.graph
    for source in graph.by_folder("sources"):
        shown = linked_titles(section(page_html(built, source.path), "reverse-sources"))
        expected = {f"{graph.items[i].type_label}{graph.items[i].title}" for i in graph.backlinks(source.id, "sources")}
        assert shown == expected and expected, source.path


def test_generated_index_pages_have_a_card_or_row_per_item_and_are_not_in_docs(built, content):
    for folder in ITEM_TYPES:
        assert not (DOCS / folder / "index.md").exists()
        listing = "data-guide-compare" if folder == "measures" else "guide-cards"  # measures: a comparison table
        text = article(built.html(f"{folder}/index.html")).split(listing, 1)[1]
        cards = linked_titles(re.sub(r'<td class="guide-compare__problems">.*?</td>', "", text, flags=re.S))
        assert cards == {i.title for i in content.graph.by_folder(folder)}, folder


def test_overview_has_one_row_per_problem_with_its_causes(built, content):
    assert not (DOCS / "overview.md").exists()
    text = article(built.html("overview/index.html"))
    rows = re.findall(r"<tr>(.*?)</tr>", text, re.S)[1:]
    problems = content.graph.by_folder("problems")
    assert len(rows) == len(problems)
    for problem in problems:
        cells = next(c for c in (re.findall(r"<td>(.*?)</td>", r, re.S) for r in rows)
                     if linked_titles(c[0]) == {problem.title})
        causes = {content.graph.items[c].title for c in content.graph.links(problem.id, "causes")}
        assert linked_titles(cells[1]) == causes, problem.path


def test_every_page_has_a_description_from_its_summary(built, content):
    for item in content.graph.items.values():
        text = page_html(built, item.path)
        match = re.search(r'<meta name="description" content="([^"]*)"', text)
        assert match and html.unescape(match.group(1)) == item.summary, item.path


def test_navigation_is_pruned_to_the_current_section(built, content):
    """Each page's sidebar lists its own section's items, not the whole site."""
    problem = content.graph.by_folder("problems")[0]
    nav = page_html(built, problem.path).split('md-nav--primary', 1)[1].split('md-sidebar--secondary', 1)[0]
    for folder in ("measures", "cases"):
        for item in content.graph.by_folder(folder):
            assert f'{item.id}/"' not in nav, item.path
    siblings = content.graph.by_folder("problems")
    assert all(f'{p.id}/"' in nav for p in siblings if p.id != problem.id)


def test_headings_have_readable_ascii_anchors_that_do_not_depend_on_position(built):
    page = page_html(built, "measures/four-togethers.md")
    ids = re.findall(r'<h[2-4] id="([^"]+)"', page)
    assert "zen-me-zuo" in ids and "zhu-yi-shi-xiang" in ids
    for path in built.site.rglob("index.html"):
        for anchor in re.findall(r'<h[1-6] id="([^"]+)"', path.read_text(encoding="utf-8")):
            assert anchor.isascii() and not re.fullmatch(r"_\d+", anchor), (path, anchor)


def test_every_in_page_link_of_the_print_page_lands_on_an_anchor(built):
    """The whole-guide print page is plain HTML: a dead in-page link (print-site renames anchors; see
    print_site_patch.py) is found here, in the build tier, not only when Chromium prints it."""
    anchors = InPageLinks()
    anchors.feed(built.html("print_page/index.html"))
    dead = [link for link in anchors.links if link not in anchors.ids and link != "print_page"]  # itself
    assert anchors.links and dead == [], dead[:10]


def test_the_build_exports_the_content_graph_as_one_json_file(built):
    import json
    data = json.loads(built.html("content-graph.json"))
    written = {p.relative_to(ROOT / "docs").as_posix() for folder in ITEM_TYPES
               for p in (ROOT / "docs" / folder).glob("*.md") if p.name != "index.md"}
    assert {item["path"] for item in data["items"]} == written

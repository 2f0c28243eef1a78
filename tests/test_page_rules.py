"""Per-page rules on top of the schema, and one finding per mistake."""

from __future__ import annotations

from conftest import BASE_PAGES
from guidekit.checks.content import load_content
from guidekit.core.placeholders import placeholder


def findings(**pages: str) -> list[tuple[str, str]]:
    sources = {**BASE_PAGES, **{k.replace("__", "/") + ".md": v for k, v in pages.items()}}
    content = load_content({p: t.encode() for p, t in sources.items()})
    return [(f.code, f.path) for f in content.findings]


def test_the_base_site_is_clean():
    assert findings() == []


def test_every_page_needs_a_title():
    assert findings(guide__x="---\nsearch:\n  exclude: true\n---\n\n# 页面\n") == [("G010", "guide/x.md")]
    assert findings(guide__y="# 没有 front matter\n") == [("G010", "guide/y.md")]


def test_a_front_matter_that_does_not_parse_is_one_finding():
    broken = BASE_PAGES["measures/four-togethers.md"].replace("addresses: [two-skins, business-over-party]",
                                                             "addresses: [two-skins, business-over-party")
    # without its relations nothing answers two-skins (G031) nor reaches cases/nchu: neither is said
    assert findings(**{"measures__four-togethers": broken}) == [("G002", "measures/four-togethers.md")]


def test_placeholders_in_relations_are_one_finding_each_not_missing_ids_or_orphans():
    case = (f"---\ntitle: 案例\nsummary: 摘要。\nsources: [{placeholder('资料来源的 id')}]\n"
            f"applies:\n  {placeholder('创新举措的 id')}: "
            f"{{grade: {placeholder('证据等级')}, why: {placeholder('理由')}}}\n"
            "---\n\n"
            + BASE_PAGES["cases/nchu.md"].split("---\n\n", 1)[1])
    assert findings(cases__new=case) == [("G070", "cases/new.md")] * 4

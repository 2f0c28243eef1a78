"""Unit tests of the content graph on small in-memory sites."""

from __future__ import annotations

from guidekit.content import load_content
from guidekit.model import BODY_SECTIONS

TAGS = frozenset({"融合发展", "学习教育"})
# Every type's sections, so any page here has the ones its type requires (G076 is tested elsewhere).
ALL_SECTIONS = "".join(f"## {name}\n\n{'- [ ] ' if name == '自查要点' else ''}内容。[^s1]\n\n"
                       for names in BODY_SECTIONS.values() for name in names) \
    + "[^s1]: 来源一。\n"


def page(front: str, body: str = ALL_SECTIONS) -> bytes:
    return f"---\n{front}\n---\n\n{body}".encode()


def site(**overrides: bytes | None) -> dict[str, bytes]:
    pages = {
        "problems/p1.md": page("title: 问题一\nsummary: 摘要\nsources: [s1]\ncauses: [c1]"),
        "causes/c1.md": page("title: 成因一\nsummary: 摘要\nsources: [s1]"),
        "measures/m1.md": page("title: 举措一\nsummary: 摘要\nsources: [s1]\naddresses: [p1, c1]\n"
                               "lead: 支部书记\neffort: 小"),
        "cases/k1.md": page("title: 案例一\nsummary: 摘要\nsources: [s1]\n"
                            "applies: {m1: {grade: 已实施，无成效数据, why: 报告做了}}"),
        "sources/s1.md": page("title: 来源一\nsummary: 摘要\nauthor: 甲\noutlet: 乙\ndate: '2018'\nkind: 文章"),
    }
    pages.update({k.replace("__", "/") + ".md": v for k, v in overrides.items()})
    return {k: v for k, v in pages.items() if v is not None}


def codes(content) -> list[str]:
    return [f.code for f in content.findings]


def test_complete_site_has_no_findings_and_derives_reverse_links():
    content = load_content(site(), TAGS)
    assert content.findings == []
    graph = content.graph
    assert graph.backlinks("c1", "causes") == ["p1"]
    assert graph.backlinks("p1", "addresses") == ["m1"]
    assert graph.backlinks("m1", "applies") == ["k1"]
    assert sorted(graph.backlinks("s1", "sources")) == ["c1", "k1", "m1", "p1"]


def test_unknown_reference_gets_a_did_you_mean():
    content = load_content(site(problems__p1=page("title: 问题一\nsummary: 摘要\nsources: [s1]\ncauses: [c11]")))
    finding = content.findings[0]
    assert finding.code == "G020" and "是否想写 `c1`" in finding.message and finding.line == 5


def test_wrong_type_suggests_the_right_key():
    measure = page("title: 举措\nsummary: 摘要\nsources: [s1]\naddresses: [p1, k1]\nlead: 支部书记\neffort: 小")
    content = load_content(site(measures__m1=measure))
    wrong = [f for f in content.findings if f.code == "G021"]
    assert wrong and "实践案例" in wrong[0].message


def test_duplicate_reference_is_a_warning():
    measure = page("title: 举措\nsummary: 摘要\nsources: [s1]\naddresses: [p1, p1]\nlead: 支部书记\neffort: 小")
    content = load_content(site(measures__m1=measure))
    assert [(f.code, f.level) for f in content.findings] == [("G024", "warning")]


def test_orphan_unanswered_problem_and_uncited_source():
    pages = site(measures__m1=None, cases__k1=None)
    pages["sources/s2.md"] = pages["sources/s1.md"]
    pages["causes/c2.md"] = page("title: 孤立\nsummary: 摘要\nsources: [s1]")
    content = load_content(pages, TAGS)
    assert sorted(codes(content)) == ["G030", "G031", "G032"]


def test_summary_length_and_string_types_are_checked():
    long = "很" * 81
    problem = page(f"title: 123\nsummary: {long}\nsources: [s1]\ncauses: [c1]")
    content = load_content(site(problems__p1=problem))
    assert sorted(codes(content)) == ["G012", "G013"]


def test_invalid_slug_is_reported():
    pages = site()
    pages["causes/重业务.md"] = page("title: 成因\nsummary: 摘要\nsources: [s1]")
    content = load_content(pages)
    assert "G007" in codes(content)


def test_non_item_pages_only_get_page_key_checks():
    pages = site()
    pages["guide/index.md"] = page("title: 指南\nsumary: 写错了")
    content = load_content(pages, TAGS)
    assert [(f.code, f.path) for f in content.findings] == [("G011", "guide/index.md")]
    assert "是否想写 `summary`" in content.findings[0].fix


def test_findings_are_sorted_by_file_and_line():
    pages = site(problems__p1=page("title: 问题一\nsummary: 摘要\nsources: [zz]\ncauses: [yy]"))
    content = load_content(pages)
    lines = [f.line for f in content.findings if f.path == "problems/p1.md"]
    assert lines == sorted(lines)

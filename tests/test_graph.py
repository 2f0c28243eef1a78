"""Unit tests of the content graph on small in-memory sites."""

from __future__ import annotations

from guidekit.checks.content import load_content
from support import item_body

TAGS = frozenset({"融合发展", "学习教育"})


def page(front: str, body: str | None = None) -> bytes:
    """A page of the folder its front matter implies, with its type's sections (G076 is tested elsewhere)."""
    folder = next((f for f, key in (("problems", "causes:"), ("measures", "addresses:"), ("cases", "applies:"),
                                    ("sources", "kind:")) if key in front), "causes")
    return f"---\n{front}\n---\n\n{item_body(folder, 's1') if body is None else body}".encode()


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


def test_a_title_longer_than_the_model_allows_is_one_finding_on_its_line():
    from guidekit.core.model import TITLE_MAX_CHARS
    at_limit = page(f"title: {'题' * TITLE_MAX_CHARS}\nsummary: 摘要\nsources: [s1]\ncauses: [c1]")
    assert "G140" not in codes(load_content(site(problems__p1=at_limit)))
    too_long = page(f"title: {'题' * (TITLE_MAX_CHARS + 1)}\nsummary: 摘要\nsources: [s1]\ncauses: [c1]")
    findings = [f for f in load_content(site(problems__p1=too_long)).findings if f.code == "G140"]
    assert len(findings) == 1 and findings[0].line == 2 and f"{TITLE_MAX_CHARS} 个" in findings[0].message


def test_a_full_width_comma_in_a_relation_list_is_named_and_the_fix_keeps_every_id():
    problem = page("title: 问题\nsummary: 摘要\nsources: [s1]\ncauses: [c1，c2]")
    pages = site(problems__p1=problem)
    pages["causes/c2.md"] = page("title: 成因二\nsummary: 摘要\nsources: [s1]")
    content = load_content(pages)
    found = [f for f in content.findings if f.path == "problems/p1.md"]
    assert [f.code for f in found] == ["G142"], [f.format() for f in found]
    assert "全角的“，”" in found[0].message and "`causes: [c1, c2]`" in found[0].fix and found[0].line == 5


def test_a_wrong_type_relation_only_suggests_a_relation_that_exists():
    from guidekit.core.front_matter import ParsedPage
    from guidekit.core.graph import _wrong_type_fix, make_item
    case = make_item("cases/k.md", ParsedPage(path="cases/k.md"), "cases")
    problem = make_item("problems/p.md", ParsedPage(path="problems/p.md"), "problems")
    measure = make_item("measures/m.md", ParsedPage(path="measures/m.md"), "measures")
    # a case cannot be linked from a problem in any field: no "reverse relation" is invented
    fix = _wrong_type_fix(case, "applies", problem)
    assert "删除 `p`" in fix and "反向" not in fix and "没有可写的关系" in fix
    # a problem listing a measure under `causes`: the measure's `addresses` is where it belongs
    assert "`addresses` 字段中写上 `p`" in _wrong_type_fix(problem, "causes", measure)


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

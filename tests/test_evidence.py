"""Evidence grades: per application, on outcomes, with the reason; derived for measures; shown wherever
items are listed; every mistake in `applies` one finding with its line."""

from __future__ import annotations

import pytest
from guidekit.checks.content import load_content
from guidekit.core.evidence import (
    Application,
    case_rating,
    grade_badge_html,
    item_rating,
    measure_rating,
    scale_markdown,
    short_name,
    strongest,
)
from guidekit.core.model import (
    EVIDENCE_GRADES,
    EVIDENCE_LABELS,
    MEASURE_EFFORTS,
    MEASURE_LEADS,
    NO_APPLICATION_REASON,
    REASON_MAX_CHARS,
)
from guidekit.pages.pages import overview_markdown, type_index_markdown
from support import item_body

OUTCOME, PRACTICE, PROPOSAL = EVIDENCE_LABELS
MEASURE_FIELDS = "lead: 支部委员会\neffort: 小"


def page(front: str) -> bytes:
    """A page of the folder its front matter implies, every section cited."""
    folder = next((f for f, key in (("problems", "causes:"), ("measures", "addresses:"), ("cases", "applies:"),
                                    ("sources", "kind:")) if key in front), "causes")
    return f"---\n{front}\n---\n\n{item_body(folder, 's1')}".encode()


def case(case_id: str, applies: str) -> tuple[str, bytes]:
    """A case page whose `applies` block is written as given (lines 5 on)."""
    return f"cases/{case_id}.md", page(f"title: 案例{case_id}：做法\nsummary: 摘要\nsources: [s1]\napplies:\n{applies}")


def entry(measure: str, grade: str, why: str = "报告做了") -> str:
    return f"  {measure}: {{grade: {grade}, why: {why}}}"


def guide(*cases: tuple[str, bytes], m2: str = MEASURE_FIELDS) -> dict[str, bytes]:
    """Two measures, m1 and m2, and the cases given."""
    pages = {
        "problems/p1.md": page("title: 问题一\nsummary: 摘要\nsources: [s1]\ncauses: [c1]"),
        "causes/c1.md": page("title: 成因一\nsummary: 摘要\nsources: [s1]"),
        "measures/m1.md": page(f"title: 举措一\nsummary: 摘要\nsources: [s1]\naddresses: [p1]\n{MEASURE_FIELDS}"),
        "measures/m2.md": page(f"title: 举措二\nsummary: 摘要\nsources: [s1]\naddresses: [p1]\n{m2}"),
        "sources/s1.md": page("title: 来源一\nsummary: 摘要\nauthor: 甲\noutlet: 乙\ndate: '2018'\nkind: 文章"),
    }
    pages.update(dict(cases))
    return pages


def codes(content) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.path, f.line) for f in content.findings]


# ---- derivation ---------------------------------------------------------------------------------

def test_the_scale_has_three_grades_strongest_first_and_the_strongest_says_outcomes():
    assert EVIDENCE_LABELS == ("已实施，有成效数据", "已实施，无成效数据", "仅为主张")
    assert [g.slug for g in EVIDENCE_GRADES] == ["outcome", "practice", "proposal"]
    assert "成效" in EVIDENCE_LABELS[0] and REASON_MAX_CHARS == 40
    table = scale_markdown()
    assert [table.index(label) for label in EVIDENCE_LABELS] == sorted(table.index(label) for label in EVIDENCE_LABELS)
    assert "人数" in EVIDENCE_GRADES[0].meaning  # a headcount is said not to be an outcome


def test_the_strongest_application_wins_and_the_first_case_wins_a_tie():
    outcome, practice, proposal = EVIDENCE_GRADES
    apps = [Application("a", "m", practice, "甲"), Application("b", "m", outcome, "乙"),
            Application("c", "m", outcome, "丙"), Application("d", "m", proposal, "丁")]
    assert strongest(apps).case_id == "b"
    assert strongest([]) is None
    assert short_name("思南烟草：“三三”党建工作模式") == "思南烟草" and short_name("无冒号") == "无冒号"


def test_each_application_has_its_own_grade_and_a_measure_takes_its_strongest_naming_the_case():
    content = load_content(guide(
        case("k1", "\n".join([entry("m1", PRACTICE, "报告做了，未给数字"), entry("m2", OUTCOME, "报告增长80%")])),
        case("k2", entry("m1", OUTCOME, "报告获奖数增加81%"))))
    assert codes(content) == []
    m1, m2 = measure_rating(content.graph, "m1"), measure_rating(content.graph, "m2")
    assert (m1.grade.label, m1.reason, m1.rests_on) == (OUTCOME, "依据：案例k2——报告获奖数增加81%", "k2")
    assert (m2.grade.label, m2.reason) == (OUTCOME, "依据：案例k1——报告增长80%")
    # the case k1 is graded by its strongest application, naming the measure; k1's m1 stays 无成效数据
    k1 = case_rating(content.graph, "k1")
    assert (k1.grade.label, k1.reason) == (OUTCOME, "举措二：报告增长80%")
    assert item_rating(content.graph, "p1") is None  # problems have no grade


def test_a_measure_no_case_applies_is_a_proposal_with_the_fixed_reason():
    content = load_content(guide(case("k1", entry("m1", PRACTICE))))
    rating = measure_rating(content.graph, "m2")
    assert (rating.grade.label, rating.reason, rating.rests_on) == (PROPOSAL, NO_APPLICATION_REASON, None)
    assert NO_APPLICATION_REASON == "没有案例报告实施，依据是资料中的主张"


def test_a_proposal_application_beside_a_practice_one_is_kept_and_does_not_lift_the_measure():
    content = load_content(guide(case("k1", "\n".join([entry("m1", PRACTICE), entry("m2", PROPOSAL, "只提出要求")]))))
    assert codes(content) == []
    assert measure_rating(content.graph, "m2").grade.label == PROPOSAL
    assert measure_rating(content.graph, "m2").reason == "依据：案例k1——只提出要求"


# ---- checks -------------------------------------------------------------------------------------

def test_a_case_whose_applications_are_all_proposals_is_refused():
    content = load_content(guide(case("k1", "\n".join([entry("m1", PROPOSAL), entry("m2", PROPOSAL)]))))
    assert codes(content) == [("G107", "cases/k1.md", 5)]
    assert "仅为主张" in content.findings[0].message and "资料来源页" in content.findings[0].fix


@pytest.mark.parametrize(("applies", "expected"), [
    ("  [m1, m2]", ("G100", 5)),  # the old list, on the next line
    (entry("m1", PRACTICE) + "\n  m2: 已实施", ("G100", 7)),  # an entry that is not {grade, why}
    ("  m1: {why: 报告做了}", ("G101", 6)),
    ("  m1: {grade: 有实践和数据, why: 报告做了}", ("G102", 6)),
    ("  m1:\n    grade: 已实施，无成效数据\n    why:", ("G103", 8)),
    ("  m1: {grade: 已实施，无成效数据, why: " + "很" * 41 + "}", ("G104", 6)),
    ("  m1: {grade: 已实施，无成效数据, why: [报告, 做了]}", ("G105", 6)),
    ("  m1: {grade: 已实施，无成效数据, why: 见**原文**}", ("G105", 6)),
    ("  m1: {grade: 已实施，无成效数据, why: 报告做了, note: 备注}", ("G106", 6)),
    (entry("m1", PRACTICE) + "\n  m9: {grade: 仅为主张, why: 报告做了}", ("G020", 7)),  # the graph's, with its line
    (entry("m1", PRACTICE) + "\n  p1: {grade: 仅为主张, why: 报告做了}", ("G021", 7)),
])
def test_each_mistake_in_applies_is_one_finding_with_its_line(applies, expected):
    content = load_content(guide(case("k1", applies)))
    code, line = expected
    assert codes(content) == [(code, "cases/k1.md", line)], [f.format() for f in content.findings]


def test_an_unknown_grade_gets_the_whole_scale_and_no_guess():
    content = load_content(guide(case("k1", "  m1: {grade: 已实施有成效, why: 报告做了}")))
    [finding] = content.findings
    assert all(label in finding.fix for label in EVIDENCE_LABELS) and "是否想写" not in finding.message


def test_the_old_evidence_key_is_refused_with_the_new_way_to_write_it():
    pages = guide(case("k1", entry("m1", PRACTICE)))
    pages["cases/k1.md"] = pages["cases/k1.md"].replace(b"applies:", "evidence: 仅为主张\napplies:".encode())
    [finding] = load_content(pages).findings
    assert (finding.code, finding.line) == ("G011", 5) and "`applies`" in finding.fix


def test_lead_and_effort_are_required_and_only_from_the_model():
    assert [c.value for c in MEASURE_LEADS] == ["支部书记", "支部委员会", "单位党委（党组）", "上级党组织"]
    assert [c.value for c in MEASURE_EFFORTS] == ["小", "中", "大"]
    assert all(c.meaning for c in (*MEASURE_LEADS, *MEASURE_EFFORTS))
    missing = load_content(guide(case("k1", entry("m1", PRACTICE)), m2="lead: 支部书记"))
    assert codes(missing) == [("G010", "measures/m2.md", 1)] and "`小`" in missing.findings[0].fix
    wrong = load_content(guide(case("k1", entry("m1", PRACTICE)), m2="lead: 支部委员\neffort: 很大"))
    assert codes(wrong) == [("G108", "measures/m2.md", 6), ("G109", "measures/m2.md", 7)]
    assert "是否想写 `支部委员会`" in wrong.findings[0].message


# ---- markup -------------------------------------------------------------------------------------

def test_a_badge_carries_its_reason_in_its_title_and_for_screen_readers():
    content = load_content(guide(case("k1", entry("m1", OUTCOME, "报告<增长>80%"))))
    rating = measure_rating(content.graph, "m1")
    plain = grade_badge_html(rating)
    assert 'title="证据等级：已实施，有成效数据。依据：案例k1——报告&lt;增长&gt;80%"' in plain
    assert '<span class="guide-sr-only">（依据：案例k1——报告&lt;增长&gt;80%）</span>' in plain
    linked = grade_badge_html(rating, "../guide/evidence/", "reason-id")
    assert 'aria-describedby="reason-id"' in linked and "guide-sr-only\">（" not in linked


def test_cards_and_overview_show_each_grade_with_its_reason():
    content = load_content(guide(case("k1", entry("m1", OUTCOME, "报告增长80%"))))
    cards = type_index_markdown(content.graph, "cases")
    assert cards.count("guide-evidence--outcome") == 1 and "m1" not in cards
    assert '<span class="guide-evidence-reason">举措一：报告增长80%</span>' in cards
    overview = overview_markdown(content.graph)
    assert "依据：案例k1——报告增长80%" in overview and NO_APPLICATION_REASON in overview


def test_the_measures_index_is_a_table_of_every_measure_with_grade_reason_lead_effort_and_problems():
    content = load_content(guide(case("k1", entry("m1", OUTCOME, "报告增长80%"))))
    table = type_index_markdown(content.graph, "measures")
    assert table.count('<tr data-guide-grade="') == len(content.graph.by_folder("measures"))
    assert "<table>" in table  # no class: Material styles it, and lets it scroll sideways on a phone
    assert '<tr data-guide-grade="outcome" data-guide-problems="p1"' in table
    assert "依据：案例k1——报告增长80%" in table and NO_APPLICATION_REASON in table
    assert "<td>支部委员会</td><td>小</td>" in table
    assert '<a href="../problems/p1/" data-guide-problem="p1">问题一</a>' in table
    assert 'href="../problems/p1.html"' in type_index_markdown(content.graph, "measures", use_directory_urls=False)

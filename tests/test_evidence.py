"""Evidence grades: stated on cases, derived for measures, shown wherever items are listed."""

from __future__ import annotations

from guidekit.content import load_content
from guidekit.evidence import item_grade, scale_markdown
from guidekit.model import EVIDENCE_LABELS
from guidekit.pages import overview_markdown, type_index_markdown
from support import item_body


def page(front: str) -> bytes:
    """A page of the folder its front matter implies, every section cited."""
    folder = next((f for f, key in (("problems", "causes:"), ("measures", "addresses:"), ("cases", "applies:"),
                                    ("sources", "kind:")) if key in front), "causes")
    return f"---\n{front}\n---\n\n{item_body(folder, 's1')}".encode()


def guide(*cases: tuple[str, str, str]) -> dict[str, bytes]:
    """Two measures, m1 and m2; each case is (id, applies, evidence line)."""
    pages = {
        "problems/p1.md": page("title: 问题一\nsummary: 摘要\nsources: [s1]\ncauses: [c1]"),
        "causes/c1.md": page("title: 成因一\nsummary: 摘要\nsources: [s1]"),
        "measures/m1.md": page("title: 举措一\nsummary: 摘要\nsources: [s1]\naddresses: [p1]"),
        "measures/m2.md": page("title: 举措二\nsummary: 摘要\nsources: [s1]\naddresses: [p1]"),
        "sources/s1.md": page("title: 来源一\nsummary: 摘要\nauthor: 甲\noutlet: 乙\ndate: '2018'\nkind: 文章"),
    }
    for case_id, applies, evidence in cases:
        pages[f"cases/{case_id}.md"] = page(
            f"title: 案例{case_id}\nsummary: 摘要\nsources: [s1]\napplies: [{applies}]\n{evidence}")
    return pages


def grade(content, item_id: str) -> str | None:
    found = item_grade(content.graph, item_id)
    return found.label if found else None


def test_a_measure_takes_the_strongest_grade_of_the_cases_that_apply_it():
    content = load_content(guide(("k1", "m1", "evidence: 仅为主张"), ("k2", "m1", "evidence: 有实践和数据"),
                                 ("k3", "m2", "evidence: 有实践无数据")))
    assert content.findings == []
    assert grade(content, "m1") == "有实践和数据"
    assert grade(content, "m2") == "有实践无数据"
    assert grade(content, "k1") == "仅为主张"
    assert grade(content, "p1") is None  # problems have no grade


def test_a_measure_no_case_applies_rests_on_proposals():
    content = load_content(guide(("k1", "m1", "evidence: 有实践无数据")))
    assert grade(content, "m2") == "仅为主张"


def test_a_case_without_a_grade_or_with_an_unknown_one_is_refused():
    missing = load_content(guide(("k1", "m1", "")))
    assert [(f.code, f.path) for f in missing.findings] == [("G010", "cases/k1.md")]
    wrong = load_content(guide(("k1", "m1", "evidence: 有实践有数据")))
    [finding] = wrong.findings
    assert (finding.code, finding.line) == ("G016", 6)
    assert all(label in finding.fix for label in EVIDENCE_LABELS)  # the fix names the whole scale


def test_a_measure_may_not_state_its_own_grade():
    pages = guide(("k1", "m1", "evidence: 仅为主张"))
    pages["measures/m2.md"] = page(
        "title: 举措二\nsummary: 摘要\nsources: [s1]\naddresses: [p1]\nevidence: 有实践和数据")
    assert [f.code for f in load_content(pages).findings] == ["G011"]


def test_cards_and_overview_show_each_grade_with_its_label():
    content = load_content(guide(("k1", "m1", "evidence: 有实践和数据")))
    cards = type_index_markdown(content.graph, "measures")
    assert cards.count("guide-evidence--data") == 1 and cards.count("guide-evidence--proposal") == 1
    overview = overview_markdown(content.graph)
    assert "有实践和数据" in overview and "仅为主张" in overview


def test_the_scale_page_lists_exactly_the_three_labels_strongest_first():
    table = scale_markdown()
    positions = [table.index(label) for label in EVIDENCE_LABELS]
    assert positions == sorted(positions) and len(EVIDENCE_LABELS) == 3
    assert EVIDENCE_LABELS == ("有实践和数据", "有实践无数据", "仅为主张")

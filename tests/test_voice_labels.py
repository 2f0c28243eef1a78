"""The guide's sections are labelled once as its advice, from the model, in allowlisted markup."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from guidekit.checks.html_safety import check_html
from guidekit.core.model import GUIDE_VOICE_LABEL
from guidekit.pages.voice_labels import LABEL, guide_sections, heading_text, label_guide_sections


def h2(title: str, anchor: str = "x") -> str:
    return f'<h2 id="{anchor}">{title}<a class="headerlink" href="#{anchor}" title="本节链接">¶</a></h2>'


def test_each_guide_section_of_the_type_gets_one_label_and_the_evidence_none():
    html = "".join([h2("要点"), "<p>先做。</p>", h2("怎么做"), "<ol><li>一</li></ol>", h2("注意事项"),
                    h2("资料依据"), "<p>某文提出。</p>", h2("要点", "y")])
    labelled = label_guide_sections(html, "measures")
    assert labelled.count(LABEL) == 3
    assert h2("要点") + LABEL + "<p>先做。</p>" in labelled
    assert h2("资料依据") + "<p>" in labelled
    assert labelled.endswith(h2("要点", "y"))  # a repeated heading is not labelled twice


def test_the_voices_are_the_models_per_type():
    assert guide_sections("problems") == {"下一步", "自查要点"}
    assert guide_sections("cases") == {"可借鉴之处"}
    assert guide_sections("sources") == frozenset()
    assert label_guide_sections(h2("要点"), "sources") == h2("要点")


def test_a_heading_is_read_without_its_markup_or_permalink():
    assert heading_text('<span class="x">下一步</span><a class="headerlink" href="#a">¶</a>') == "下一步"
    assert heading_text("怎么&#20570;") == "怎么做"


def test_the_label_is_markup_the_html_allowlist_accepts():
    assert GUIDE_VOICE_LABEL in LABEL and 'data-guide-voice="guide"' in LABEL
    assert check_html("measures/m.md", LABEL, "## 要点\n", 1) == []


def test_the_editors_guide_lists_each_types_sections_by_voice_from_the_model():
    from guidekit.core.model import ITEM_TYPES, PAGE_SECTIONS
    from guidekit.pages.markers import expand_markers

    table = expand_markers("<!-- guide:sections -->", "contributing/", True)
    rows = {line.split(" | ")[0].strip("| "): line for line in table.splitlines()[2:]}
    assert set(rows) == {t.label for t in ITEM_TYPES.values()}
    for folder, sections in PAGE_SECTIONS.items():
        row = rows[ITEM_TYPES[folder].label]
        positions = [row.index(f"“{s.title}”") for s in sections]
        assert positions == sorted(positions), f"{folder}: sections listed out of order"
    assert "“下一步”、“自查要点” | “资料依据”" in rows["问题"]
    docs = (Path(__file__).resolve().parent.parent / "docs" / "contributing" / "index.md").read_text(encoding="utf-8")
    assert "<!-- guide:sections -->" in docs


def test_the_editors_guide_field_table_states_the_models_limits_and_values():
    from guidekit.core.model import MEASURE_CHOICES, REASON_MAX_CHARS, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS
    from guidekit.pages.markers import expand_markers
    table = expand_markers("<!-- guide:fields -->", "contributing/", True, frozenset({"考核评价", "信息化"}))
    assert f"最多 {TITLE_MAX_CHARS} 个字符" in table and f"最多 {SUMMARY_MAX_CHARS} 个字符" in table
    assert f"最多 {REASON_MAX_CHARS} 个字符" in table and "信息化、考核评价" in table
    assert all(f"`{c.value}`" in table for choices in MEASURE_CHOICES.values() for c in choices)
    guide = (ROOT / "docs" / "contributing" / "index.md").read_text(encoding="utf-8")
    assert "<!-- guide:fields -->" in guide and "| `title` |" not in guide  # written once, by the model

"""What the sources leave open is said once, in one folded 资料说明 at the end (G112–G114, G117),
and the printable checklists speak in the guide's voice (G115, G116)."""

from __future__ import annotations

from guidekit.checks.checklists import check_checklist, links_to_item
from guidekit.checks.source_notes import check_source_notes
from guidekit.core.model import GAP_REMARKS_OUTSIDE_NOTE_MAX, SOURCE_NOTE_MARKUP

MEASURE = "## 要点\n\n建议。\n\n## 怎么做\n\n1. 做。\n\n## 注意事项\n\n- 注意。\n\n## 资料依据\n\n某文提出。[^s1]\n\n"


def codes(body: str, folder: str = "measures") -> list[tuple[str, int | None]]:
    return [(f.code, f.line) for f in check_source_notes(f"{folder}/m.md", folder, body, 1)]


def test_one_collapsed_note_at_the_end_of_the_last_section_passes():
    assert codes(MEASURE + f"{SOURCE_NOTE_MARKUP}\n\n    原文没有给出人数。\n\n    也未说明时间。\n\n[^s1]: 甲\n") == []


def test_a_note_that_is_open_or_of_another_kind_is_refused():
    for first in ('!!! note "资料说明"', '???+ note "资料说明"', '??? tip "资料说明"'):
        assert codes(MEASURE + f"{first}\n\n    说明。\n") == [("G112", 17)], first


def test_a_second_note_is_refused_and_names_the_first():
    body = MEASURE + f"{SOURCE_NOTE_MARKUP}\n\n    一。\n\n{SOURCE_NOTE_MARKUP}\n\n    二。\n"
    (finding,) = check_source_notes("measures/m.md", "measures", body, 1)
    assert (finding.code, finding.line) == ("G113", 21) and "第 17 行" in finding.message


def test_the_note_belongs_at_the_end_of_the_last_section():
    early = f"## 要点\n\n建议。\n\n{SOURCE_NOTE_MARKUP}\n\n    说明。\n\n" + MEASURE.split("\n\n", 2)[2]
    assert codes(early) == [("G117", 5)]
    assert codes(MEASURE + f"{SOURCE_NOTE_MARKUP}\n\n    说明。\n\n之后的一段。[^s1]\n") == [("G117", 17)]
    case = "## 可借鉴之处\n\n建议。\n\n## 背景\n\n甲。\n\n## 做法\n\n乙。\n\n## 成效\n\n丙。\n\n"
    assert codes(case + f"{SOURCE_NOTE_MARKUP}\n\n    说明。\n", "cases") == []


def test_more_than_one_gap_remark_outside_the_note_is_named_at_the_extra_one():
    assert GAP_REMARKS_OUTSIDE_NOTE_MAX == 1
    one = MEASURE.replace("某文提出。", "某文提出，原文没有给出人数。")
    assert codes(one) == []
    two = one.replace("- 注意。", "- 注意：资料没有说明时间。")
    (finding,) = check_source_notes("measures/m.md", "measures", two, 1)
    assert (finding.code, finding.line) == ("G114", 15)
    assert "2 处" in finding.message and "第 11、15 行" in finding.message
    assert SOURCE_NOTE_MARKUP in finding.fix


def test_remarks_inside_the_note_or_in_code_do_not_count():
    body = (MEASURE.replace("某文提出。", "某文提出，原文未交代经费。")
            + f"```\n原文没有 原文未\n```\n\n{SOURCE_NOTE_MARKUP}\n\n    原文没有给出人数。未说明时间。\n")
    assert codes(body) == []


CHECKLIST = "guide/checklist-secretary.md"


def test_a_checklist_item_links_to_its_measure_or_problem_page_without_footnotes():
    body = ("## 责任\n\n- [ ] 明确了责任人。见[责任清单](../measures/responsibility-lists.md)。\n"
            "- [ ] 书记抓党建。见[问题](../problems/weak-secretary-capacity.md#xia-yi-bu)。\n")
    assert check_checklist(CHECKLIST, body, 8) == []


def test_a_footnote_on_a_checklist_is_refused_once_and_an_unlinked_item_is_named():
    body = ("- [ ] 明确了责任人。见[责任清单](../measures/responsibility-lists.md)。[^s001]\n"
            "- [ ] 没有链接的一项。\n- [ ] 链到案例。见[案例](../cases/nchu.md)。\n\n"
            "[^s001]: 见[来源](../sources/s001.md)。\n")
    found = [(f.code, f.line) for f in check_checklist(CHECKLIST, body, 5)]
    assert found == [("G115", 5), ("G116", 6), ("G116", 7)]


def test_links_to_item_pages_are_resolved_from_the_checklist():
    assert links_to_item(CHECKLIST, "../measures/a-b.md")
    assert links_to_item(CHECKLIST, "../problems/x.md#q")
    assert not links_to_item(CHECKLIST, "../cases/x.md")
    assert not links_to_item(CHECKLIST, "index.md")
    assert not links_to_item(CHECKLIST, "https://example.com/measures/a.md")
    assert not links_to_item(CHECKLIST, "../measures/index.md")  # the generated index is no item


def test_the_counts_command_measures_advice_first_pages_and_remarks_in_view(tmp_path, capsys):
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("voice_counts", ROOT / "scripts" / "voice_counts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "measures").mkdir()
    (tmp_path / "measures" / "m.md").write_text("---\ntitle: 举措\n---\n\n" + MEASURE.replace(
        "某文提出。", "某文提出，原文没有给出人数。也未说明时间。"), encoding="utf-8")
    (tmp_path / "causes").mkdir()
    (tmp_path / "causes" / "c.md").write_text("---\ntitle: 成因\n---\n\n## 资料依据\n\n甲。[^s1]\n", encoding="utf-8")
    assert module.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "条目页 2 个；第一节是本指南的建议的 1 个；" in out
    assert "“资料说明”之外说资料没有说明什么的共 2 处，超过 1 处的页面 1 个。" in out

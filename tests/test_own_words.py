"""Own words (G141): a run copied from an original is found at its line; a quotation is not."""

from __future__ import annotations

from guidekit.checks.content import load_content
from guidekit.checks.own_words import (
    PROBE,
    WINDOW,
    Fingerprints,
    check_own_words,
    copied_runs,
    dump,
    make_fingerprints,
    parse,
)

ORIGINAL = "基层党组织要把党建工作和业务工作同谋划同部署同落实同考核，切实解决两张皮的问题，推动深度融合发展。"
PRINTS = make_fingerprints([ORIGINAL])
RUN = "把党建工作和业务工作同谋划同部署同落实同考核，切实解决两张皮的问题"  # 30 characters, punctuation aside


def test_a_copied_run_is_found_at_its_line_whatever_stands_before_it():
    for padding in range(PROBE + 1):  # the probe grid must not miss a run at any offset
        body = "第一段是自己的话。\n\n" + "我" * padding + RUN + "。\n"
        runs = copied_runs(body, 10, PRINTS)
        assert [line for line, _ in runs] == [12], (padding, runs)
        assert len(runs[0][1]) >= WINDOW


def test_re_punctuating_or_breaking_the_line_does_not_make_it_own_words():
    body = "把党建工作、和业务工作——同谋划，同部署；同落实\n同考核！切实解决两张皮的问题"
    assert copied_runs(body, 1, PRINTS)


def test_one_character_short_of_the_window_passes():
    short = ORIGINAL.replace("，", "")[2:2 + WINDOW - 1]
    assert copied_runs("甲" + short + "乙", 1, PRINTS) == []


def test_a_quotation_or_a_title_in_quotation_marks_is_exempt():
    assert copied_runs(f"该文要求“{RUN}”。", 1, PRINTS) == []
    assert copied_runs(f"见《{RUN}》。", 1, PRINTS) == []
    # The quotation marks break the run: the words on either side are not joined into one.
    assert copied_runs("基层党组织要“引文”把党建工作和业务工作同谋划同部署", 1, PRINTS) == []


def test_the_stored_form_round_trips():
    assert parse(dump(PRINTS)) == PRINTS
    assert parse("") == Fingerprints(frozenset(), frozenset())


def test_the_finding_names_the_line_and_says_how_to_fix_it():
    [finding] = check_own_words("measures/x.md", "开头。\n" + RUN + "。", 7, PRINTS)
    assert finding.code == "G141" and finding.line == 8
    assert "与资料原文连续相同" in finding.message and "引号" in finding.fix


def test_the_build_checks_every_page_against_the_stored_originals():
    """load_content (the build and `python -m guidekit`) runs the check with the committed fingerprints."""
    seed_sentence = "维护国家政治安全和社会稳定，建设更高水平的平安陕西、法治陕西，积极开展市域社会治理现代化试点"
    pages = {"guide/copied.md": f"---\ntitle: 一页\n---\n\n# 一页\n\n自己的话。\n\n{seed_sentence}。\n".encode()}
    findings = [f for f in load_content(pages).findings if f.code == "G141"]
    assert [(f.path, f.line) for f in findings] == [("guide/copied.md", 9)]

"""The guide's content as a reader and a reviewer judge it: complete, cited, simplified, clean."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import opencc
import pytest
from conftest import ROOT
from guidekit.checks import own_words
from guidekit.checks.content import Content, load_content
from guidekit.checks.simplified import ALLOWED_WORDS
from guidekit.core.model import BODY_SECTIONS

sys.path.insert(0, str(ROOT / "scripts"))
import make_seed_fingerprints  # noqa: E402

DOCS = ROOT / "docs"
WRITTEN = [*sorted(DOCS.rglob("*.md")), ROOT / "includes" / "abbreviations.md"]

# OpenCC converts 乾 to 干 (乾燥 -> 干燥); in a person's name it is already correct.
# The build's own check (G047) keeps the same list, so the two never disagree.
NAMES_OPENCC_MISREADS = ALLOWED_WORDS

# What the scraped seeds carry besides the articles: ads, spam, site furniture, markup.
SCRAPE_RESIDUE = (
    "范文网", "huxinfoam", "实用范文", "投诉建议", "为大家精心准备", "希望对大家有所帮助", "随便看",
    "科学优质学术资源", "91视频", "欧美日韩", "无毒不卡", "在线播放", "在看在线", "vqgk9", "<dfn", "<acronym",
    "中图分类号", "文献标识码:", "关键词:", "更新时间:", "Title:", "Text:",
)

# Facts each case page must state exactly as its source does (issue: numbers on the organisation's page).
CASE_FACTS = {
    "nchu-party-building-plus": ("80%", "3%", "35%", "81%", "217项", "329项", "26项", "70%", "李清华", "吴涛",
                                 "首批全国党建工作样板支部", "13个阶段"),
    "kuitun-psbc": ("36", "34%", "3个", "2016年", "优秀奖", "第一书记", "森林派出所"),
    "sinan-tobacco-three-three": ("5名", "6个支部", "三联三强化", "三建三提升", "三创三服务", "三亮一评", "1至2个"),
}


@pytest.fixture(scope="module")
def content() -> Content:
    sources = {p.relative_to(DOCS).as_posix(): p.read_bytes() for p in DOCS.rglob("*.md")}
    return load_content(sources)


def test_the_guide_has_the_shape_the_issue_asks_for(content):
    graph = content.graph
    counts = {folder: len(graph.by_folder(folder)) for folder in ("problems", "causes", "measures", "cases", "sources")}
    assert all(counts.values()), counts  # every type has pages; how many is the editors' business
    assert content.findings == [], [f.format() for f in content.findings]


def test_every_problem_has_a_cause_and_a_measure(content):
    for problem in content.graph.by_folder("problems"):
        assert content.graph.links(problem.id, "causes"), problem.path
        assert content.graph.backlinks(problem.id, "addresses"), problem.path


def test_every_measure_answers_something_and_every_case_applies_a_measure(content):
    for measure in content.graph.by_folder("measures"):
        assert content.graph.links(measure.id, "addresses"), measure.path
    for case in content.graph.by_folder("cases"):
        assert content.graph.links(case.id, "applies"), case.path


def test_every_source_is_cited_and_every_item_cites_one(content):
    for source in content.graph.by_folder("sources"):
        assert content.graph.backlinks(source.id, "sources"), source.path
    for folder in ("problems", "causes", "measures", "cases"):
        for item in content.graph.by_folder(folder):
            assert content.graph.links(item.id, "sources"), item.path


def test_every_cited_source_has_a_footnote_pointing_at_its_page(content):
    """Front matter says which sources; the body must show the reader where each claim comes from."""
    for folder in ("problems", "causes", "measures", "cases"):
        for item in content.graph.by_folder(folder):
            body = content.pages[item.path].body
            for source in content.graph.links(item.id, "sources"):
                assert f"[^{source}]:" in body and f"../sources/{source}.md" in body, (item.path, source)


def test_measures_follow_the_card_shape(content):
    """The guide's advice first, in the model's order, with numbered steps a branch can follow."""
    for measure in content.graph.by_folder("measures"):
        headings = re.findall(r"^## (.+)$", content.pages[measure.path].body, re.M)
        assert tuple(headings) == BODY_SECTIONS["measures"], measure.path
        steps = content.pages[measure.path].body.split("## 怎么做", 1)[1].split("\n## ", 1)[0]
        assert re.search(r"^1\. ", steps, re.M), f"{measure.path}: 怎么做 has no numbered steps"


@pytest.mark.parametrize("path", WRITTEN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_text_is_simplified_chinese(path: Path):
    converter = opencc.OpenCC("t2s")
    text = path.read_text(encoding="utf-8")
    for name in NAMES_OPENCC_MISREADS:
        text = text.replace(name, "")
    changed = sorted({a for a, b in zip(text, converter.convert(text), strict=True) if a != b})
    assert changed == [], f"traditional characters: {changed}"


@pytest.mark.parametrize("path", WRITTEN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_hard_wrapped_chinese_paragraphs(path: Path):
    """A newline inside a Chinese paragraph shows as a stray space in the browser."""
    text = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    in_fence = False
    for number, (line, following) in enumerate(zip(text.splitlines(), text.splitlines()[1:], strict=False), 1):
        if line.startswith("```"):
            in_fence = not in_fence
        if in_fence or not line or not following:
            continue
        plain = not re.match(r"\s*([-*>|#]|\d+\.|\[\^|\*\[|<|!!!|\?\?\?|:)", following)
        assert not (re.search(r"[\u4e00-\u9fff，、]$", line) and plain
                    and re.match(r"[\u4e00-\u9fff]", following)), f"line {number} continues on the next line"


def test_built_site_has_no_scrape_residue(built_site):
    assert built_site.returncode == 0, built_site.output
    found = []
    for page in Path(built_site.site).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found += [(page.relative_to(built_site.site).as_posix(), s) for s in SCRAPE_RESIDUE if s in text]
    assert found == []


def test_no_passage_is_pasted_from_a_source(content):
    """Own words: no run of 25 characters outside quotation marks is shared with an original.

    The build checks this itself (G141, hooks/guidekit/checks/own_words.py) with the committed
    fingerprints, so `content.findings == []` above covers it; this names the runs plainly.
    """
    assert [f.format() for f in content.findings if f.code == "G141"] == []


def test_fingerprints_match_the_seeds_when_they_are_at_hand():
    """Where the originals are checked out next to the repo, the stored fingerprints must be theirs."""
    seeds_dir = ROOT.parent / "shared" / "seeds"
    stored = own_words.stored_fingerprints()
    assert stored is not None and len(stored.windows) > 10000
    if not seeds_dir.is_dir():
        pytest.skip(f"资料原文不在 {seeds_dir}：无法核对指纹是否与原文一致")
    assert stored == make_seed_fingerprints.fingerprints_of(sorted(seeds_dir.glob("*.txt")))


@pytest.mark.parametrize("case", sorted(CASE_FACTS))
def test_case_pages_keep_the_sources_numbers_and_names(content, case):
    body = re.sub(r"\s+", "", content.pages[f"cases/{case}.md"].body)  # 36 人 and 36人 state the same fact
    missing = [fact for fact in CASE_FACTS[case] if fact not in body]
    assert missing == [], f"cases/{case}.md lacks {missing}"

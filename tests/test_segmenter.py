"""jieba-rs segments as jieba does: the same words for the search index, with the guide's own terms.

The build segments with jieba-rs (search/segmenter.py); Material, and the hook whenever it cannot
use jieba-rs, segment with jieba. A reader must find the same pages either way, so both are held
to the same words: on every run of Han characters in the guide, and on runs made up at random
from the guide's characters, where near ties between two ways of splitting are common.
"""

from __future__ import annotations

import random
import re
import sys

import jieba
import pytest
from conftest import ROOT
from guidekit.checks.content import load_content
from guidekit.core.model import TAGS
from guidekit.pages.glossary import parse_abbreviations
from guidekit.search.segmenter import guide_segmenter
from guidekit.search.vocabulary import domain_terms, register_with_jieba

DOCS = ROOT / "docs"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")  # what Material's pattern finds in this guide
# Runs of the benchmark's synthetic guide that split one way with jieba's own total after the guide's
# terms are registered, another with jieba-rs's (a few in 100,000 runs are this close to a tie).
NEAR_TIES = ["党群干群关系进线步密切", "见党员化开承诺与", "思南全草一篇是班子新员联系支部和支部来作流程",
             "便于在政治学习的同时围绕学科建设的攻坚任化开专题组织生活会"]


@pytest.fixture(scope="module")
def guide() -> dict[str, list[str]]:
    """The guide's terms (as the hook registers them) and its runs of Han characters."""
    texts = {p.relative_to(DOCS).as_posix(): p.read_bytes() for p in DOCS.rglob("*.md")}
    content = load_content(texts)
    glossary = parse_abbreviations((ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8"))
    terms = domain_terms(content.graph, glossary, TAGS, (page.body for page in content.pages.values()))
    runs = sorted({run for raw in texts.values() for run in HAN_RUN.findall(raw.decode("utf-8"))})
    characters = sorted({c for run in runs for c in run})
    chance = random.Random(20261206)

    def some(most: int) -> str:
        return "".join(chance.choice(characters) for _ in range(chance.randint(0, most)))

    # the guide's own characters at random, and its terms among them, where a term's weight decides
    # (runs of Han characters only: all that Material and the index rewrite give a segmenter)
    han_terms = [term for term in terms if HAN_RUN.fullmatch(term)]
    made_up = [some(40) for _ in range(2000)] + [some(6) + chance.choice(han_terms) + some(6) for _ in range(6000)]
    made_up += NEAR_TIES
    return {"terms": terms, "runs": runs, "made_up": made_up}


@pytest.fixture(scope="module")
def both(guide):
    """jieba (a tokenizer of its own, so other tests keep the default one) and jieba-rs, with the terms."""
    tokenizer = jieba.Tokenizer()
    register_with_jieba(guide["terms"], tokenizer)
    fast = guide_segmenter(guide["terms"])
    assert fast is not None, "rjieba is pinned in requirements.txt"
    return tokenizer, fast


@pytest.mark.parametrize("runs", ["runs", "made_up"])
def test_jieba_rs_cuts_every_run_as_jieba_does(guide, both, runs):
    tokenizer, fast = both
    assert len(guide["terms"]) > 100 and len(guide[runs]) > 3000
    different = [run for run in guide[runs] if fast.cut(run) != list(tokenizer.cut(run))]
    assert different == []


@pytest.mark.parametrize("runs", ["runs", "made_up"])
def test_jieba_rs_finds_the_same_inner_words_as_jieba(guide, both, runs):
    tokenizer, fast = both
    different = [run for run in guide[runs] if fast.cut_for_search(run) != list(tokenizer.cut_for_search(run))]
    assert different == []


def test_registering_the_terms_again_leaves_jieba_as_it_was(guide):
    """A rebuild under `mkdocs serve` registers the same terms again: the same words as the first time."""
    once, twice = jieba.Tokenizer(), jieba.Tokenizer()
    register_with_jieba(guide["terms"], once)
    register_with_jieba(guide["terms"], twice)
    register_with_jieba(guide["terms"], twice)
    assert twice.total == once.total
    runs = guide["made_up"][:500] + NEAR_TIES
    assert [list(twice.cut(run)) for run in runs] == [list(once.cut(run)) for run in runs]


def test_each_segmenter_knows_only_its_own_build_s_terms():
    with_term, without = guide_segmenter(["锚定示范岗"]), guide_segmenter([])
    assert with_term is not None and without is not None
    assert with_term.cut("锚定示范岗") == ["锚定示范岗"]
    assert without.cut("锚定示范岗") != ["锚定示范岗"]


@pytest.mark.parametrize("run", ["㐀㐁", "𠀀", "〇", "鿰鿱", "豈更", "中㐀文", "支部㐀书记𠀀党建", "思南烟草鿰党员"])
def test_han_characters_jieba_does_not_segment_stand_alone_in_both(both, run):
    tokenizer, fast = both
    assert fast.cut(run) == list(tokenizer.cut(run))
    assert fast.cut_for_search(run) == list(tokenizer.cut_for_search(run))


def test_without_rjieba_there_is_no_segmenter_and_jieba_segments(monkeypatch):
    monkeypatch.setitem(sys.modules, "rjieba", None)  # as if it were not installed: `import rjieba` fails
    assert guide_segmenter(["党建+"]) is None

"""jieba's words for the search index, worked out by jieba-rs: the same words in a tenth of the time.

Material's search segments every run of Han characters of every section with jieba, which is
pure Python: on a guide of 2,000 pages that is about six seconds, a seventh of the whole build.
jieba-rs (the `rjieba` binding) is the same algorithm over the same dictionary and the same
hidden Markov model, compiled. One piece of bookkeeping differs: when a word is added that the
dictionary already holds, jieba adds the new frequency to the dictionary's total and jieba-rs
also takes the old one off. The total enters every word's probability, so near ties would
split differently. `register_with_jieba` (vocabulary.py) therefore keeps jieba's total as
jieba-rs keeps it, and the two give the same words: tests/test_segmenter.py holds them to it
on every run of Han characters in the guide and on runs made up at random from its characters.

jieba segments only the characters U+4E00–U+9FD5; every other character of Han script (the
extensions, compatibility ideographs) it gives as a word of its own. jieba-rs takes a wider range,
so those characters are split off before it sees a run (`_as_jieba`). Both cuts are for runs of
Han characters, which is all Material and the index rewrite give them.

Each build gets a new instance with that build's words (jieba's one dictionary would keep the
words of every earlier build under `mkdocs serve`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# What a domain term is worth to the segmenter: enough to keep 党建+ or 三会一课 whole.
TERM_FREQUENCY = 20000

Cut = Callable[[str], list[str]]
JIEBA_RANGE = re.compile(r"([\u4e00-\u9fd5]+)")  # the Han characters jieba segments (its re_han)


@dataclass(frozen=True)
class Segmenter:
    """jieba's precise mode (Material's segmentation) and search mode (the index's inner words)."""

    cut: Cut
    cut_for_search: Cut


def guide_segmenter(terms: Iterable[str]) -> Segmenter | None:
    """A jieba-rs segmenter that knows the guide's terms; None if rjieba is not installed."""
    try:
        import rjieba
    except ImportError:  # jieba itself still segments (slower)
        return None
    tokenizer = rjieba.Jieba()
    for term in terms:
        tokenizer.add_word(term, TERM_FREQUENCY, None)
    return Segmenter(cut=_as_jieba(lambda text: tokenizer.cut(text, True)),
                     cut_for_search=_as_jieba(lambda text: tokenizer.cut_for_search(text, True)))


def _as_jieba(cut: Cut) -> Cut:
    """`cut` on the parts of a run jieba segments; any other character a word of its own, as in jieba."""

    def run(text: str) -> list[str]:
        if JIEBA_RANGE.fullmatch(text):  # nearly every run
            return cut(text)
        words: list[str] = []
        for position, part in enumerate(JIEBA_RANGE.split(text)):
            words.extend(cut(part) if position % 2 else part)  # split() puts the matches at odd places
        return words

    return run

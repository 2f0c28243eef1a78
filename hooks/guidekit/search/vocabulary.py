"""The guide's own vocabulary, so Chinese search keeps domain terms whole."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..core.graph import Graph
from .segmenter import TERM_FREQUENCY

# A named programme or term is written in Chinese quotation marks: “三控一平衡”, “党建+”.
QUOTED = re.compile(r"[“\"]([^”\"\s，。；：、]{2,8})[”\"]")


def quoted_terms(text: str) -> list[str]:
    """Short quoted phrases in a text: the programme names and slogans the guide cites."""
    return QUOTED.findall(text)


def domain_terms(graph: Graph, glossary: Iterable[tuple[str, str]],
                 tags: Iterable[str] = (), texts: Iterable[str] = ()) -> list[str]:
    """Glossary terms, tags, and quoted names from item titles and page bodies.

    Whole item titles are deliberately not words: a title registered with jieba would
    become one index token, and a reader typing part of it would no longer find it.
    """
    terms: list[str] = [term for term, _ in glossary]
    terms.extend(tags)
    for item in graph.items.values():
        terms.extend(quoted_terms(item.title))
    for text in texts:
        terms.extend(quoted_terms(text))
    cleaned = (t.strip().strip("“”\"") for t in terms)
    return sorted({t for t in cleaned if t})


def register_with_jieba(terms: Iterable[str], tokenizer: Any = None) -> None:
    """Make each term one word for jieba (Material's own segmentation, when the hook's is not used).

    jieba adds a term's frequency to its dictionary's total even when the term was in the
    dictionary already; the total here takes the old frequency off again, as jieba-rs does, so
    both segment alike (segmenter.py). `tokenizer`: a jieba.Tokenizer; jieba's default one if None.
    """
    try:
        import jieba
    except ImportError:  # search without jieba still works, only less precisely
        return
    import logging

    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict ..." lines are not for editors
    tokenizer = tokenizer if tokenizer is not None else jieba.dt
    tokenizer.check_initialized()
    for term in terms:
        old = tokenizer.FREQ.get(term, 0)
        tokenizer.add_word(term, freq=TERM_FREQUENCY)
        tokenizer.total -= old

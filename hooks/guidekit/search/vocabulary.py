"""The guide's own vocabulary, so Chinese search keeps domain terms whole."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..core.graph import Graph

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


def register_with_jieba(terms: Iterable[str]) -> None:
    """Make each term one word for jieba, which Material's search uses to segment Chinese."""
    try:
        import jieba
    except ImportError:  # search without jieba still works, only less precisely
        return
    import logging

    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict ..." lines are not for editors
    for term in terms:
        jieba.add_word(term, freq=20000)

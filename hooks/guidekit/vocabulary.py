"""The guide's own vocabulary, so Chinese search keeps domain terms whole."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .graph import Graph

QUOTED = re.compile(r"[“\"]([^”\"]{2,12})[”\"]")


def domain_terms(graph: Graph, glossary: Iterable[tuple[str, str]],
                 tags: Iterable[str] = ()) -> list[str]:
    """Glossary terms, tags, and the quoted programme names in item titles."""
    terms: list[str] = [term for term, _ in glossary]
    terms.extend(tags)
    for item in graph.items.values():
        terms.extend(QUOTED.findall(item.title))
    return sorted({t.strip() for t in terms if t.strip()})

"""Which lines of a page are prose, and which no automatic fixer may touch.

A fixer (autocorrect, the Markdown fixer, anything added later) only
understands prose. Front matter is YAML, where a full-width comma turns two
tags into one; code blocks, snippet lines and HTML comments are written for a
machine. `protected_lines` marks them, `fix_prose` runs a fixer on the prose
alone, and `protected_text` lets a caller check a fix left them as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .front_matter import split_front_matter

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]\s+|\d+[.)]\s+)?(?P<fence>`{3,}|~{3,})")
SNIPPET = re.compile(r"^\s*-{1,}8<-{1,}")
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def in_code_span(line: str, position: int) -> bool:
    """Whether `position` of one line falls inside an inline code span (`…`)."""
    return any(span.start() <= position < span.end() for span in CODE_SPAN.finditer(line))


def protected_lines(text: str) -> frozenset[int]:
    """0-based indexes of lines that are front matter, fenced code, snippets or HTML comments."""
    return _protected_lines(text)


@lru_cache(maxsize=64)  # the footnote, section and placeholder rules each ask it of the same page body
def _protected_lines(text: str) -> frozenset[int]:
    lines = text.split("\n")
    protected: set[int] = set()
    block, _body, body_start = split_front_matter(text)
    first = 0
    if block is not None:
        first = body_start - 1
        protected.update(range(first))
    elif text.startswith("---"):  # an unclosed front matter: not ours to judge, touch nothing
        return frozenset(range(len(lines)))
    fence: str | None = None
    comment = False
    for index in range(first, len(lines)):
        line = lines[index]
        if fence is not None:
            protected.add(index)
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            continue
        if comment:
            protected.add(index)
            comment = "-->" not in line
            continue
        opened = FENCE_OPEN.match(line)
        if opened:
            fence = opened["fence"]
            protected.add(index)
        elif SNIPPET.match(line) or ABBREVIATION.match(line):
            protected.add(index)
        elif "<!--" in line:
            protected.add(index)
            comment = "-->" not in line.split("<!--", 1)[1]
    return frozenset(protected)


def protected_text(text: str) -> list[str]:
    """The protected lines, in order: equal before and after a fix, or the fix broke something."""
    lines = text.split("\n")
    return [lines[i] for i in sorted(protected_lines(text))]


def fix_prose(text: str, fixer: Callable[[str], str]) -> str:
    """`text` with `fixer` applied to each run of prose lines; protected lines stay byte for byte.

    A run whose fix changes its number of lines is kept as written, so line numbers
    (and what they point at) never move.
    """
    lines = text.split("\n")
    protected = protected_lines(text)
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            original = "\n".join(run)
            fixed = fixer(original)
            out.extend(fixed.split("\n") if fixed.count("\n") == original.count("\n") else run)
            run.clear()

    for index, line in enumerate(lines):
        if index in protected:
            flush()
            out.append(line)
        else:
            run.append(line)
    flush()
    return "\n".join(out)

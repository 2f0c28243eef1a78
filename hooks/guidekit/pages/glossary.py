"""The glossary file (includes/abbreviations.md): one `*[term]: definition` a line.

The same file drives the hover definitions (pymdownx abbreviations, auto-appended)
and the generated 术语表 page.
"""

from __future__ import annotations

import re

ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.+)$")


def parse_abbreviations(text: str) -> list[tuple[str, str]]:
    """(term, definition) pairs from a Python-Markdown abbreviations file."""
    pairs = []
    for line in text.splitlines():
        match = ABBREVIATION.match(line.strip())
        if match:
            pairs.append((match["term"].strip(), match["definition"].strip()))
    return pairs

"""Provenance: every statement on an item page either cites a source or is marked as the guide's own.

The body of a problem, cause, measure or case page is split into the units a
reader takes as one statement: paragraphs, list items (each item on its own,
nested ones too), block quotes and tables. A unit must carry a source footnote
(`[^s002]`) unless it stands inside an editorial block, an admonition titled
"编者建议", which in turn must carry none. Headings, footnote definitions,
attribute lines, comments, code and lines that only point to other pages are
not statements.

The split works on the Markdown source line by line (the block syntax the guide
uses is small), so every finding names the line an editor sees in the editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .findings import Finding
from .model import EDITORIAL_TITLE
from .placeholders import is_placeholder

FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:")
FENCE = re.compile(r"^(`{3,}|~{3,})")
HEADING = re.compile(r"^#{1,6}\s")
ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*(?:\s+\"(?P<title>[^\"]*)\")?\s*$")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
ATTR_LINE = re.compile(r"^\{:?[^}]*\}\s*$")
COMMENT = re.compile(r"^<!--.*-->\s*$")
# A line that is only bold text works as a run-in heading ("**一、思想上深度融合**").
BOLD_HEADING = re.compile(r"^\*\*[^*]+\*\*\s*$")
LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)")
# What may surround links on a pointer-only line ("参见[…](…)和[…](…)。").
POINTER_WORDS = re.compile(r"[\s，。、；：,.;:()（）*]|参见|另见|详见|见|和|与|及|或")


@dataclass(frozen=True)
class Unit:
    """One statement: where it starts, its text, and whether it is the editors' own."""

    line: int
    text: str
    editorial: bool


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _is_pointer_only(text: str) -> bool:
    if not LINK.search(text):
        return False
    return not POINTER_WORDS.sub("", LINK.sub("", text)).strip()


def split_units(body: str, first_line: int = 1) -> Iterator[Unit]:
    """The statements of a page body, each with its 1-based line in the file."""
    lines = body.split("\n")
    # Editorial regions: (indent of the admonition's content) for each open block.
    editorial_indents: list[int] = []
    other_indents: list[int] = []
    fence: str | None = None
    in_footnote = False
    current: list[str] = []
    current_line = 0
    current_editorial = False

    def flush() -> Iterator[Unit]:
        nonlocal current
        if current:
            yield Unit(current_line, "\n".join(current), current_editorial)
        current = []

    for offset, raw in enumerate(lines):
        number = first_line + offset
        stripped = raw.strip()
        indent = _indent(raw)
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        if not stripped:
            yield from flush()
            continue
        # Leaving admonitions whose content this line is no longer indented under.
        while editorial_indents and indent < editorial_indents[-1]:
            editorial_indents.pop()
        while other_indents and indent < other_indents[-1]:
            other_indents.pop()
        if in_footnote and indent >= 4:
            continue
        in_footnote = False
        match = FENCE.match(stripped)
        if match:
            yield from flush()
            fence = match.group(1)[0] * 3
            continue
        if FOOTNOTE_DEF.match(stripped):
            yield from flush()
            in_footnote = True
            continue
        admonition = ADMONITION.match(stripped)
        if admonition:
            yield from flush()
            if (admonition["title"] or "").strip() == EDITORIAL_TITLE:
                editorial_indents.append(indent + 4)
            else:
                other_indents.append(indent + 4)
            continue
        if any(p.match(stripped) for p in (HEADING, ATTR_LINE, COMMENT)) or (
                BOLD_HEADING.match(stripped) and not current):
            yield from flush()
            continue
        is_table_row = stripped.startswith("|")
        starts_unit = bool(LIST_ITEM.match(stripped)) or stripped.startswith(">") and not current
        if current and (starts_unit or (is_table_row and not current[-1].lstrip().startswith("|"))):
            yield from flush()
        if not current:
            current_line = number
            current_editorial = bool(editorial_indents)
        current.append(raw)
    yield from flush()


def check_citations(path: str, body: str, first_line: int) -> list[Finding]:
    """G050 for an uncited statement outside an editorial block; G051 for a citation inside one."""
    findings: list[Finding] = []
    for unit in split_units(body, first_line):
        cited = bool(FOOTNOTE_REF.search(unit.text))
        if unit.editorial and cited:
            findings.append(Finding(
                "G051", path, f"“{EDITORIAL_TITLE}”块中的这一段带有资料来源脚注：{_excerpt(unit.text)}",
                "有出处的内容移到块外并保留脚注；确属编者自己的建议，删去脚注。", unit.line))
        elif not unit.editorial and not cited and not _is_pointer_only(unit.text) \
                and not is_placeholder(unit.text):  # a template's placeholder is one finding (G070)
            findings.append(Finding(
                "G050", path, f"这一段没有注明出处：{_excerpt(unit.text)}",
                "资料里有的，在句末加上脚注（如 `[^s002]`），并说清是原文报告的事实还是原文的主张；"
                f"资料里没有的（步骤、责任人、时间、清单细节、推论），放进 `!!! tip \"{EDITORIAL_TITLE}\"` 块"
                "（内容缩进四个空格），或删去。", unit.line))
    return findings


def _excerpt(text: str, limit: int = 24) -> str:
    flat = " ".join(part.strip() for part in text.split("\n"))
    flat = LIST_ITEM.sub("", flat)
    return f"“{flat[:limit]}…”" if len(flat) > limit else f"“{flat}”"

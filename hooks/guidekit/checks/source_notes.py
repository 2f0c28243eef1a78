"""What the sources leave open is said once: in one folded `??? note "资料说明"` at the end of the page.

- G112: a 资料说明 note not written as a collapsed note (`!!!`, `???+` or another type).
- G113: more than one 资料说明 note on a page.
- G117: the note is not at the end of the page's last section.
- G114: outside the note, more than one remark about what a source does not say
  (model.GAP_PHRASES: 原文没有、未说明……).
"""

from __future__ import annotations

import re

from ..core.findings import Finding
from ..core.markdown_reader import STATEMENT_KINDS, Block, Document, read
from ..core.model import (
    BODY_SECTIONS,
    GAP_PHRASES,
    GAP_REMARKS_OUTSIDE_NOTE_MAX,
    SOURCE_NOTE_KIND,
    SOURCE_NOTE_MARKUP,
    SOURCE_NOTE_TITLE,
)
from ..core.placeholders import is_placeholder

COLLAPSED = re.compile(r"^\s*\?\?\?(?!\+)")
SENTENCE_END = re.compile(r"[。！？；!?;\n]")
GAP = re.compile("|".join(re.escape(phrase) for phrase in GAP_PHRASES))


def notes(document: Document) -> list[Block]:
    return [b for b in document.blocks if b.kind == "admonition" and b.text == SOURCE_NOTE_TITLE]


def gap_remarks(document: Document) -> list[tuple[int, str]]:
    """(line, sentence) of each sentence outside the note that remarks on what a source does not say."""
    found: list[tuple[int, str]] = []
    for block in document.blocks:
        if block.kind not in STATEMENT_KINDS or SOURCE_NOTE_TITLE in block.container:
            continue
        for sentence in SENTENCE_END.split(block.text):
            if GAP.search(sentence):
                found.append((block.line, sentence.strip()))
    return found


def check_source_notes(path: str, folder: str, body: str, first_line: int) -> list[Finding]:
    document = read(body, first_line)
    findings: list[Finding] = []
    found = notes(document)
    for note in found:
        if note.name != SOURCE_NOTE_KIND or not COLLAPSED.match(note.source.split("\n", 1)[0]):
            findings.append(Finding(
                "G112", path, f"“{SOURCE_NOTE_TITLE}”要写成默认折叠的提示块，这里写成了 "
                f"`{note.source.split(chr(10), 1)[0].strip()}`。",
                f"第一行改成 `{SOURCE_NOTE_MARKUP}`（三个问号、不带加号），内容缩进四个空格。", note.line))
    for extra in found[1:]:
        findings.append(Finding(
            "G113", path, f"一页只能有一个“{SOURCE_NOTE_TITLE}”，这是第 {found.index(extra) + 1} 个"
            f"（第一个在第 {found[0].line} 行）。",
            f"把资料没有说明的各点合并到第一个 `{SOURCE_NOTE_MARKUP}` 块里，删去这一个。", extra.line))
    if found:
        findings.extend(_placement(path, folder, document, found[0]))
    remarks = gap_remarks(document)
    if len(remarks) > GAP_REMARKS_OUTSIDE_NOTE_MAX:
        line, sentence = remarks[GAP_REMARKS_OUTSIDE_NOTE_MAX]
        lines = "、".join(str(n) for n in dict.fromkeys(n for n, _ in remarks))
        findings.append(Finding(
            "G114", path, f"正文中有 {len(remarks)} 处说资料没有说明什么（第 {lines} 行），"
            f"最多 {GAP_REMARKS_OUTSIDE_NOTE_MAX} 处：“{sentence[:24]}”",
            f"资料没有说明的各点集中写进页末折叠的 `{SOURCE_NOTE_MARKUP}` 块（内容缩进四个空格），"
            "正文只写资料说了什么和本指南的建议。", line))
    return findings


def _placement(path: str, folder: str, document: Document, note: Block) -> list[Finding]:
    """G117 unless the note stands in the last section and nothing is said after it there."""
    last = BODY_SECTIONS[folder][-1]
    sections = document.sections(2)
    home = next((s for s in reversed(sections) if s.line <= note.line), None)
    if home is None or home.title != last or home is not sections[-1]:
        return [Finding(
            "G117", path, f"“{SOURCE_NOTE_TITLE}”要放在最后一节“{last}”的末尾。",
            f"把整个 `{SOURCE_NOTE_MARKUP}` 块移到“{last}”一节的最后（脚注内容之前）。", note.line)]
    after = [b for b in home.blocks if b.line > note.end_line and b.kind in (*STATEMENT_KINDS, "heading")
             and SOURCE_NOTE_TITLE not in b.container and not is_placeholder(b.source)]
    if after:
        return [Finding(
            "G117", path, f"“{SOURCE_NOTE_TITLE}”之后还有正文（第 {after[0].line} 行）。",
            f"“{SOURCE_NOTE_TITLE}”放在“{last}”一节的最后，把第 {after[0].line} 行起的内容移到它前面。",
            note.line)]
    return []

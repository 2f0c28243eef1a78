"""Readers' words for the guide's terms (includes/synonyms.yml): read, checked, expanded.

A reader searches for 走过场 where the sources say 形式主义 or 流于形式, for 网格化 where they
say 网格式, for 南航 where the guide names 南昌航空大学. The editors keep one file next to the
glossary, one reader's word a line:

    走过场: 形式主义、流于形式
    怎么添加案例: contributing/index.md

A target is either a word of the guide (it must occur in some page) or a page (a path under
docs/ ending in .md). At index time (search_index.py) the reader's word is added to every page
whose title holds a target word (ranked like the title), to every section whose text holds it
(ranked like the text), and to each target page above everything else.

Pure: the hook passes the file's text, the pages and their text; findings name file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core.findings import Finding
from ..core.front_matter import ParsedPage
from .search_terms import key_of, reader_key

FILE = "synonyms.yml"  # in includes/, next to abbreviations.md
SHOWN = f"../includes/{FILE}"
LINE = re.compile(r"^(?P<word>[^:：#]+?)\s*[:：]\s*(?P<targets>.*?)\s*$")
TARGET_SEPARATOR = re.compile(r"\s*[、,，]\s*")


@dataclass(frozen=True)
class ReaderWord:
    """One line of the file: the reader's word and what it stands for."""

    word: str
    targets: tuple[str, ...]
    line: int

    @property
    def key(self) -> str:
        """The word as it reaches the index and the query (normalised, question words dropped)."""
        return reader_key(self.word)


@dataclass(frozen=True)
class Vocabulary:
    """The expansion the index uses: guide word (as a key) -> reader words; page -> reader words."""

    by_term: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_page: dict[str, tuple[str, ...]] = field(default_factory=dict)


def is_page(target: str) -> bool:
    return target.endswith(".md")


def parse_reader_words(text: str, shown: str = SHOWN) -> tuple[list[ReaderWord], list[Finding]]:
    """The file's entries, and a finding for each line that is not `读者的词: 目标、目标`."""
    entries: list[ReaderWord] = []
    findings: list[Finding] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        targets = tuple(t for t in TARGET_SEPARATOR.split(match["targets"].strip("[] ")) if t) if match else ()
        word = match["word"].strip().strip("\"'") if match else ""
        if not match or not targets or not key_of(word):
            findings.append(Finding(
                "G132", shown, f"读者用词表的这一行看不懂：`{line}`。",
                "每行写成“读者的词: 指南里的词、指南里的词”，或“读者的词: 页面路径.md”；以 # 开头的行是注释。",
                number))
            continue
        entries.append(ReaderWord(word, tuple(t.strip("\"'") for t in targets), number))
    return entries, findings


def check_reader_words(entries: Iterable[ReaderWord], pages: Iterable[str], guide_text: str,
                       shown: str = SHOWN) -> list[Finding]:
    """Every target exists: a page among `pages` (paths under docs/), a word somewhere in `guide_text`."""
    known = set(pages)
    text = key_of(guide_text)
    findings: list[Finding] = []
    for entry in entries:
        for target in entry.targets:
            if is_page(target):
                if target not in known:
                    findings.append(Finding(
                        "G131", shown, f"读者用词“{entry.word}”指向的页面 `{target}` 不存在。",
                        "写 docs/ 下页面的路径，例如 contributing/index.md；页面改名或删除后请同时改这一行。",
                        entry.line))
            elif key_of(target) not in text:
                findings.append(Finding(
                    "G130", shown, f"读者用词“{entry.word}”指向的词“{target}”在指南的任何页面里都找不到。",
                    "写指南正文或标题里出现的词（例如“形式主义”），或者删掉这一项。", entry.line))
    return findings


def vocabulary(entries: Iterable[ReaderWord], urls: Mapping[str, str]) -> Vocabulary:
    """The expansion for the index: page targets as the locations the index uses (`urls`: path -> URL)."""
    by_term: dict[str, list[str]] = {}
    by_page: dict[str, list[str]] = {}
    for entry in entries:
        for target in entry.targets:
            if is_page(target):
                if target in urls:
                    by_page.setdefault(urls[target], []).append(entry.key)
            elif key_of(target):
                by_term.setdefault(key_of(target), []).append(entry.key)
    return Vocabulary({k: tuple(dict.fromkeys(v)) for k, v in by_term.items()},
                      {k: tuple(dict.fromkeys(v)) for k, v in by_page.items()})


def load_reader_words(includes_dir: Path, bad: Iterable[str], pages: Iterable[str],
                      parsed: Mapping[str, ParsedPage], shown: str = SHOWN) -> tuple[list[ReaderWord], list[Finding]]:
    """The editors' file read and checked against the site's `pages` (docs paths) and the text of the
    `parsed` ones (title and body); nothing if the file is absent or refused."""
    path = includes_dir / FILE
    if FILE in set(bad) or not path.is_file():
        return [], []
    entries, findings = parse_reader_words(path.read_text(encoding="utf-8"), shown)
    text = "\n".join(f"{page.meta.get('title', '')}\n{page.body}" for page in parsed.values())
    findings += check_reader_words(entries, pages, text, shown)
    return entries, findings

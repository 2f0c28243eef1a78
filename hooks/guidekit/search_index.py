"""The search index readers download: words inside longer words, and no wasted bytes.

Material's search plugin writes search/search_index.json with every Chinese character
as a `\\uXXXX` escape (six bytes for a character UTF-8 stores in three) and with the
zero-width spaces that separate jieba's words also where a separator, a tag or the
end of the text already ends the word. `lean_index` rewrites it:

- as UTF-8, with the zero-width spaces no word boundary needs dropped; the words the
  browser's tokenizer sees are exactly the same, so every query finds what it found;
- without the footnote marks in the text (the reference numbers `<sup>1</sup>` and the
  back-link arrows ↩): no reader searches for them, and in a result they are noise;
- with the shorter words inside each long word (jieba's search mode: 思南烟草 also
  yields 烟草) in two extra fields, `title_parts` and `text_parts`, boosted like
  `title` and `text`. Material's worker indexes every field named in the config and
  shows only title and text, so a reader typing 烟草 finds the 思南烟草 case, ranked
  above pages that only mention it, and sees the page's own text. A word's own
  prefixes are left out: Material matches every query word as a prefix already.

Pure: the caller passes jieba's `cut_for_search` and the index as parsed JSON; only the two
small wrappers at the end read a file or import jieba.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

BREAK = "\u200b"  # Material's word break between jieba's words
PARTS = {"title": "title_parts", "text": "text_parts"}
# Runs of three or more Han characters: a two-character word has no shorter word inside.
HAN_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{3,}")
TAG = re.compile(r"<[^>]*>")
BREAKS = re.compile(BREAK + "+")
# Footnote reference numbers and back-link arrows, as Material's search plugin keeps them.
FOOTNOTE_MARKS = re.compile(r"<sup>\d+</sup>|\s*↩+")

CutForSearch = Callable[[str], Iterable[str]]


def inner_words(word: str, cut_for_search: CutForSearch) -> list[str]:
    """The shorter words jieba's search mode finds inside `word`, minus its prefixes."""
    return [w for w in dict.fromkeys(cut_for_search(word)) if len(w) >= 2 and w != word and not word.startswith(w)]


def words_of(text: str, separator: re.Pattern[str]) -> list[str]:
    """The words Material's tokenizer makes of a title or text (tags are not words)."""
    return [w for chunk in TAG.split(text) for w in separator.split(chunk) if w]


def drop_needless_breaks(text: str, separator: re.Pattern[str]) -> str:
    """`text` without the word breaks that a separator, a tag or either end already makes."""

    def keep(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        needless = (not before or not after or before == ">" or after == "<"
                    or separator.fullmatch(before) is not None or separator.fullmatch(after) is not None)
        return "" if needless else BREAK

    return BREAKS.sub(keep, text)


def parts_of(text: str, separator: re.Pattern[str], cut_for_search: CutForSearch) -> str:
    """The inner words of `text`'s long Chinese words that are not words of it already."""
    words = words_of(text, separator)
    have = set(words)
    parts: dict[str, None] = {}
    for word in words:
        for han in HAN_WORD.findall(word):
            for inner in inner_words(han, cut_for_search):
                if inner not in have:
                    parts[inner] = None
    return " ".join(parts)


def lean_index(index: dict[str, Any], cut_for_search: CutForSearch) -> dict[str, Any]:
    """Material's parsed search index, with inner-word fields and without needless breaks.

    Idempotent: parts are computed from title and text alone, so a second run
    (a rebuild under `mkdocs serve`) gives the same index.
    """
    config = dict(index["config"])
    separator = re.compile(config["separator"])
    fields = dict(config.get("fields") or {})
    for field, part in PARTS.items():
        fields[part] = dict(fields.get(field) or {"boost": 1.0})
    config["fields"] = fields
    docs = []
    for doc in index["docs"]:
        doc = {k: v for k, v in doc.items() if k not in PARTS.values()}
        for field, part in PARTS.items():
            if isinstance(doc.get(field), str):
                doc[field] = drop_needless_breaks(FOOTNOTE_MARKS.sub("", doc[field]), separator)
                words = parts_of(doc[field], separator, cut_for_search)
                if words:
                    doc[part] = words
        docs.append(doc)
    return {**index, "config": config, "docs": docs}


def encode_index(index: dict[str, Any]) -> str:
    """Compact UTF-8 JSON, also a valid JavaScript literal (the offline build inlines it)."""
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def lean_index_file(path: Path, cut_for_search: CutForSearch) -> None:
    """Rewrite Material's search_index.json in place (nothing to do if search is off)."""
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(encode_index(lean_index(index, cut_for_search)), encoding="utf-8")


def jieba_cut_for_search() -> CutForSearch:
    """jieba's search mode, or no inner words if jieba is not installed."""
    try:
        import jieba
    except ImportError:  # search without jieba still works, only without inner words
        return lambda word: ()
    return jieba.cut_for_search

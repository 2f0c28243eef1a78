"""The search index readers download: what they mean found first, and no wasted bytes.

Material's search plugin writes search/search_index.json with every Chinese character
as a `\\uXXXX` escape, the whole text of every section with zero-width spaces between
jieba's words, and one field per kind of text. `lean_index` rewrites it:

- `text` is only what a result shows (the teaser Material clamps to two or three lines):
  the first EXCERPT characters as plain text. It is not searched;
- `words` is what is searched of a section's text: each of its words once (single Chinese
  characters left out: no query is searched by one character unless it is one), the
  shorter words jieba's search mode finds inside its long words (思南烟草 also yields 烟草;
  a word's own prefixes are left out, Material matches every query word as a prefix),
  and the readers' words (reader_words.py) whose guide word the text holds;
- `title_parts`: the inner words of the title, ranked like the title;
- `keys` (pages only): the page title as one word in the normalised form the query also gets
  (search_terms.py), the quoted terms in the title, and the readers' words whose guide word the
  title holds: a query that is a title, the start of a title or a defined term is one word
  the worker keeps whole, and it finds this field first;
- `pins`: readers' words the editors point at this very page, above everything else;
- tags rank below titles (Material ranks a tag a thousand times above a title), and each
  page's own `boost` follows what a reader is looking for: a problem a reader describes
  above the measures that answer it (TYPE_BOOST);
- the footnote marks (`<sup>1</sup>`, ↩) are gone; UTF-8, no needless breaks in titles.

Pure: the caller passes jieba's `cut_for_search` and the index as parsed JSON; only the two
small wrappers at the end read a file or import jieba. One rewrite works out each distinct word
(`WordWork`: its searched form, its inner words) and each distinct title and text (`SectionWork`:
a guide's headings and recurring sections repeat) once, and keeps nothing for the next rewrite.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any, cast

from .reader_words import Vocabulary
from .search_terms import key_of, normalise

BREAK = "\u200b"  # Material's word break between jieba's words
# Runs of three or more Han characters: a two-character word has no shorter word inside.
HAN_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{3,}")
ONE_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$")
TAG = re.compile(r"<[^>]*>")
BREAKS = re.compile(BREAK + "+")
ENTITY = re.compile(r"&#?\w+;")
# Footnote reference numbers and back-link arrows, as Material's search plugin keeps them.
FOOTNOTE_MARKS = re.compile(r"<sup>\d+</sup>|\s*↩+")
QUOTED = re.compile(r"“([^”]{2,12})”")
EXCERPT = 90  # characters of a section's text a result shows
FIELDS: dict[str, float] = {
    "title": 1000.0, "title_parts": 500.0, "keys": 10000.0, "pins": 30000.0, "words": 1.0, "tags": 100.0,
}
# What a reader looking for a page of this kind is after; a problem named ranks above the
# measures that answer it. Applies to a page and its sections (location's first folder).
TYPE_BOOST: dict[str, float] = {
    "problems": 1.5, "cases": 1.3, "measures": 1.2, "causes": 1.1, "sources": 1.0, "guide": 0.9,
}
FORMER = ("title_parts", "text_parts", "keys", "pins", "words")

CutForSearch = Callable[[str], Iterable[str]]


def inner_words(word: str, cut_for_search: CutForSearch) -> list[str]:
    """The shorter words jieba's search mode finds inside `word`, minus its prefixes."""
    return [w for w in dict.fromkeys(cut_for_search(word)) if len(w) >= 2 and w != word and not word.startswith(w)]


def words_of(text: str, separator: re.Pattern[str]) -> list[str]:
    """The words Material's tokenizer makes of a title or text (tags are not words)."""
    return list(_words(text, separator))


def _words(text: str, separator: re.Pattern[str]) -> Iterator[str]:
    """words_of, one by one (C-level iterators: the rewrite splits every text of the guide)."""
    return filter(None, chain.from_iterable(map(separator.split, TAG.split(text))))


def drop_needless_breaks(text: str, separator: re.Pattern[str]) -> str:
    """`text` without the word breaks that a separator, a tag or either end already makes."""

    def keep(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        needless = (not before or not after or before == ">" or after == "<"
                    or separator.fullmatch(before) is not None or separator.fullmatch(after) is not None)
        return "" if needless else BREAK

    return BREAKS.sub(keep, text)


def unmarked(text: str) -> str:
    """`text` without its footnote marks; the pattern only runs on a text that can hold one (most hold none)."""
    return FOOTNOTE_MARKS.sub("", text) if "<sup>" in text or "↩" in text else text


def plain_text(text: str) -> str:
    """A title's or text's characters as a reader reads them: no tags, no word breaks, one space."""
    return _plain(unmarked(text))


def _plain(marks_gone: str) -> str:
    """plain_text of a text whose footnote marks are already gone."""
    return " ".join(TAG.sub(" ", marks_gone).replace(BREAK, "").split())


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The start of a section's plain text (entities kept whole), with … if there is more."""
    return _excerpt_of_plain(plain_text(text), limit)


def _excerpt_of_plain(plain: str, limit: int = EXCERPT) -> str:
    if len(plain) <= limit:
        return plain
    cut = limit
    for entity in ENTITY.finditer(plain):
        if entity.start() < cut < entity.end():
            cut = entity.end()
    return plain[:cut].rstrip() + "…"


InnerWords = Callable[[str], tuple[str, ...]]


def inner_words_by_word(cut_for_search: CutForSearch) -> InnerWords:
    """The inner words of every long Chinese run of a word, worked out once per word."""

    @cache
    def inner(word: str) -> tuple[str, ...]:
        return tuple(w for han in HAN_WORD.findall(word) for w in inner_words(han, cut_for_search))

    return inner


def parts_of(words: Iterable[str], inner: InnerWords) -> list[str]:
    """The inner words of the long Chinese words among `words` that are not among them already,
    once each, in the order they first occur."""
    words = list(words)
    have = set(words)
    return [part for part in dict.fromkeys(chain.from_iterable(map(inner, words))) if part not in have]


def searched_form(word: str) -> str | None:
    """A word of the text as the index holds it, None for a single Chinese character (not searched)."""
    normal = normalise(html.unescape(word))
    return None if ONE_HAN.match(normal) else normal


@dataclass(frozen=True)
class WordWork:
    """What one rewrite of the index works out once per distinct word (the words of a guide recur on
    every page): its searched form and its inner words. Kept for that rewrite only."""

    form: Callable[[str], str | None]
    inner: InnerWords

    @classmethod
    def using(cls, cut_for_search: CutForSearch) -> WordWork:
        return cls(cache(searched_form), inner_words_by_word(cut_for_search))


def searched_words(text: str, separator: re.Pattern[str], work: WordWork) -> list[str]:
    """A text's words once each, single Chinese characters left out, then their inner words."""
    return _searched_words(unmarked(text), separator, work)


def _searched_words(marks_gone: str, separator: re.Pattern[str], work: WordWork) -> list[str]:
    forms = dict.fromkeys(map(work.form, _words(marks_gone, separator)))
    forms.pop(None, None)  # the single Chinese characters
    kept = cast("list[str]", list(forms))  # None is gone
    return kept + parts_of(kept, work.inner)


def readers_words(text_key: str, vocabulary: Vocabulary) -> list[str]:
    """The readers' words whose guide word occurs in `text_key` (a key_of text)."""
    return [word for term, words in vocabulary.by_term.items() if term in text_key for word in words]


def page_keys(title: str, vocabulary: Vocabulary) -> list[str]:
    """A page's title as one word, its quoted terms, and the readers' words its title holds."""
    plain = plain_text(title)
    keys = [key_of(plain), *(key_of(term) for term in QUOTED.findall(plain))]
    keys += readers_words(key_of(plain), vocabulary)
    return list(dict.fromkeys(k for k in keys if k))


def title_fields(title: str, separator: re.Pattern[str], work: WordWork) -> tuple[str, str | None]:
    """A title as the index holds it (no footnote marks, no needless breaks) and its `title_parts`
    (None if it has none)."""
    lean = drop_needless_breaks(unmarked(title), separator)
    parts = parts_of(words_of(lean, separator), work.inner)
    return lean, " ".join(parts) if parts else None


def text_fields(text: str, separator: re.Pattern[str], work: WordWork,
                vocabulary: Vocabulary) -> tuple[str, str | None]:
    """A section's teaser and its searched `words` (None if it has none)."""
    marks_gone = unmarked(text)  # the footnote marks removed and the plain text worked out once
    plain = _plain(marks_gone)
    words = _searched_words(marks_gone, separator, work)
    if vocabulary.by_term:
        words += [w for w in readers_words(key_of(plain), vocabulary) if w not in words]
    return _excerpt_of_plain(plain), " ".join(words) if words else None


@dataclass(frozen=True)
class SectionWork:
    """What one rewrite of the index works out once per distinct title and text (a guide's headings,
    labels and recurring sections repeat across pages): `title_fields` and `text_fields`, each a
    function of the title or text alone once the rewrite's separator, words and vocabulary are fixed.
    Kept for that rewrite only."""

    title: Callable[[str], tuple[str, str | None]]
    text: Callable[[str], tuple[str, str | None]]

    @classmethod
    def using(cls, separator: re.Pattern[str], work: WordWork, vocabulary: Vocabulary) -> SectionWork:
        @cache
        def title(title: str) -> tuple[str, str | None]:
            return title_fields(title, separator, work)

        @cache
        def text(text: str) -> tuple[str, str | None]:
            return text_fields(text, separator, work, vocabulary)

        return cls(title, text)


def lean_doc(doc: dict[str, Any], sections: SectionWork, vocabulary: Vocabulary) -> dict[str, Any]:
    """One entry of the index, rewritten (see the module's description)."""
    doc = {k: v for k, v in doc.items() if k not in FORMER}
    title, text = doc.get("title"), doc.get("text")
    if isinstance(title, str):
        doc["title"], title_parts = sections.title(title)
        if title_parts is not None:
            doc["title_parts"] = title_parts
    if isinstance(text, str):
        doc["text"], words = sections.text(text)
        if words is not None:
            doc["words"] = words
    location = str(doc.get("location", ""))
    if "#" not in location and isinstance(title, str):
        doc["keys"] = " ".join(page_keys(title, vocabulary))
        pins = vocabulary.by_page.get(location)
        if pins:
            doc["pins"] = " ".join(pins)
    boost = TYPE_BOOST.get(location.split("/", 1)[0])
    if boost is not None and "boost" not in doc:  # a page's own `search: boost:` wins
        doc["boost"] = boost
    return doc


def lean_index(index: dict[str, Any], cut_for_search: CutForSearch,
               vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    """Material's parsed search index, rewritten for what readers mean and for size.

    Idempotent: the searched words come from the full text, which the rewrite shortens, so an
    index already rewritten (its fields name `words`) is returned as it is.
    """
    if "words" in (index.get("config", {}).get("fields") or {}):
        return index
    config = dict(index["config"])
    separator = re.compile(config["separator"])
    config["fields"] = {name: {"boost": boost} for name, boost in FIELDS.items()}
    vocabulary = vocabulary or Vocabulary()
    sections = SectionWork.using(separator, WordWork.using(cut_for_search), vocabulary)
    docs = [lean_doc(doc, sections, vocabulary) for doc in index["docs"]]
    return {**index, "config": config, "docs": docs}


def encode_index(index: dict[str, Any]) -> str:
    """Compact UTF-8 JSON, also a valid JavaScript literal (the offline build inlines it)."""
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def lean_index_file(path: Path, cut_for_search: CutForSearch, vocabulary: Vocabulary | None = None) -> None:
    """Rewrite Material's search_index.json in place (nothing to do if search is off)."""
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(encode_index(lean_index(index, cut_for_search, vocabulary)), encoding="utf-8")


OFFLINE_PREFIX = "var __index = "  # how Material's offline plugin inlines the index (it then finds no JSON)


def index_as_script_only(search_dir: Path) -> None:
    """The offline bundle loads the index as search_index.js from disk: written here, and no JSON beside it."""
    source = search_dir / "search_index.json"
    if source.is_file():
        (search_dir / "search_index.js").write_text(OFFLINE_PREFIX + source.read_text(encoding="utf-8"),
                                                    encoding="utf-8")
        source.unlink()


def jieba_cut_for_search() -> CutForSearch:
    """jieba's search mode, or no inner words if jieba is not installed."""
    try:
        import jieba
    except ImportError:  # search without jieba still works, only without inner words
        return lambda word: ()
    return jieba.cut_for_search

"""Material's search index, built with less work and the same result.

Material 9.8.1 indexes a page in two steps that this adapter makes cheaper:

- `SearchIndex.add_entry_from_context` feeds the page's HTML to its `Parser`, an
  `html.parser.HTMLParser`, whose tokeniser is the slow part. The replacement drives the
  same `Parser` from the lexbor tree (search/html_events.py): the sections, titles, texts and
  exclusions are Material's own; only the tokenising changes (about 1 ms a page less).
- `SearchIndex._segment_chinese` runs jieba over every run of Han characters of every
  section. The replacement segments with the build's own segmenter (`use_segmenter`: jieba-rs
  with the guide's terms, search/segmenter.py, the same words as jieba in a tenth of the time;
  jieba itself until one is set). The same runs recur all over a guide (titles in links, the
  labels of every page, recurring phrases: two thirds of the runs of this guide are repeats),
  so each distinct run is segmented once per build and the result reused. The answer for a run
  depends only on the dictionary, which the hook completes before any page is indexed;
  `use_segmenter` empties the store, since a rebuild may have changed it.

tests/test_search_indexing.py holds both to Material's own results: the same sections on
every page of the guide and on HTML chosen to trip a tokeniser, the same segmented text.

Applied only to the pinned Material whose method sources are known; otherwise Material's own
indexing runs (correct, only slower) and G091 says so, so an upgrade is a deliberate step.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Callable, Iterable
from importlib import metadata
from types import ModuleType
from typing import Any

from ..core.findings import Finding
from ..search.html_events import feed

PINNED_VERSION = "9.8.1"
# sha256 of inspect.getsource(SearchIndex.<method>) in mkdocs-material 9.8.1
PINNED_SOURCES = {
    "add_entry_from_context": "4ca78ac4321f7704149f84dac0abc5a26afbd7c43de197ce7f481dcab47edb7b",
    "_segment_chinese": "34cab54f4ab639446c78f7922b3e678e6580739c1934c823e5388be830740d6b",
}
BREAK = "\u200b"  # Material's word break

_segmenter: dict[str, Any] = {}  # the cut and Material's Han-run pattern, set when patched
_segmented: dict[str, str] = {}  # each distinct run of Han characters, as Material writes it segmented


def add_entry_from_context(self: Any, page: Any) -> None:
    """Material's method with the lexbor events in place of `parser.feed(page.content)`."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    parser = self.parser_class()  # Material's Parser, kept on the class when patched
    feed(page.content, parser)
    for section in parser.data:
        if not section.is_excluded():
            self.create_entry_for_section(section, page.toc, page.url, page)


def _segment_chinese(self: Any, data: str) -> str:
    """Material's method: each Han run segmented by jieba, between word breaks; each run once."""
    return str(_segmenter["han_run"].sub(_segmented_run, data)).strip(BREAK)


def _segmented_run(match: re.Match[str]) -> str:
    value = match.group(0)
    found = _segmented.get(value)
    if found is None:
        words = _segmenter["cut"](value)
        found = _segmented[value] = BREAK + BREAK.join(words) + BREAK
    return found


def use_segmenter(cut: Callable[[str], Iterable[str]] | None) -> None:
    """Segment with `cut` from now on (None: Material's jieba) and forget the runs segmented so far
    (the words may have changed since the last build)."""
    _segmented.clear()
    _segmenter["cut"] = cut or _jieba_cut


def _jieba_cut(text: str) -> Iterable[str]:
    """Material's own call: jieba's default tokenizer, precise mode, with its hidden Markov model."""
    import jieba
    return list(jieba.cut(text.encode("utf-8")))


REPLACEMENTS = {"add_entry_from_context": add_entry_from_context, "_segment_chinese": _segment_chinese}
for _replacement in REPLACEMENTS.values():
    _replacement.patched_by_guide = True  # type: ignore[attr-defined]


def method_sha256(method: Any) -> str:
    """The hash of the method's source; "" when the source cannot be read (then it is not the known one)."""
    try:
        return hashlib.sha256(inspect.getsource(method).encode("utf-8")).hexdigest()
    except (OSError, TypeError):
        return ""


def patch_search_indexing(search_plugin_module: ModuleType, version: str) -> Finding | None:
    """Swap both methods into Material's SearchIndex; a finding, and nothing swapped, if that is not safe.
    Idempotent (a rebuild under `mkdocs serve` finds them swapped already)."""
    index_class = getattr(search_plugin_module, "SearchIndex", None)
    parser_class = getattr(search_plugin_module, "Parser", None)
    current = {name: getattr(index_class, name, None) for name in REPLACEMENTS}
    if all(getattr(method, "patched_by_guide", False) for method in current.values()):
        return None
    known = version == PINNED_VERSION and parser_class is not None and all(
        method is not None and method_sha256(method) == PINNED_SOURCES[name] for name, method in current.items())
    if not known:
        return Finding("G091", "../mkdocs.yml",
                       f"Material 的版本是 {version}，不是钩子适配的 {PINNED_VERSION}（或其建索引的方法已改变），"
                       "搜索索引改用 Material 自己的做法，构建会慢一些。",
                       "把 requirements.txt 中的 mkdocs-material 固定回适配的版本，或按 "
                       "hooks/guidekit/adapters/search_indexing.py 开头的说明检查新版本后更新其中的版本和哈希。")
    _segmenter.setdefault("cut", _jieba_cut)
    _segmenter["han_run"] = search_plugin_module.bre.compile(r"(\p{script: Han}+)", search_plugin_module.bre.UNICODE)
    index_class.parser_class = parser_class  # type: ignore[union-attr]
    for name, replacement in REPLACEMENTS.items():
        setattr(index_class, name, replacement)
    return None


def installed_version() -> str:
    try:
        return metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return "未安装"

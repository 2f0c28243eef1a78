"""Material's search index built from the fast HTML5 parse (search/html_events.py), not html.parser.

Material 9.8.1 indexes a page in `SearchIndex.add_entry_from_context`: it feeds the page's
HTML to its `Parser` (an `html.parser.HTMLParser`), then makes an entry of each section.
The replacement differs in one line: the same `Parser` is driven by `html_events.feed`. The
sections, their titles and texts, the segmentation and every field are Material's own, and
tests/test_search_indexing.py holds both to the same sections on every page of the guide and
on HTML chosen to trip a tokeniser.

Applied only to the pinned Material whose method source is known; otherwise Material's own
indexing runs (correct, only slower) and G091 says so, so an upgrade is a deliberate step.
"""

from __future__ import annotations

import hashlib
import inspect
from importlib import metadata
from types import ModuleType
from typing import Any

from ..core.findings import Finding
from ..search.html_events import feed

PINNED_VERSION = "9.8.1"
# sha256 of inspect.getsource(SearchIndex.add_entry_from_context) in mkdocs-material 9.8.1
PINNED_SOURCE = "4ca78ac4321f7704149f84dac0abc5a26afbd7c43de197ce7f481dcab47edb7b"


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


add_entry_from_context.patched_by_guide = True  # type: ignore[attr-defined]


def method_sha256(method: Any) -> str:
    """The hash of the method's source; "" when the source cannot be read (then it is not the known one)."""
    try:
        return hashlib.sha256(inspect.getsource(method).encode("utf-8")).hexdigest()
    except (OSError, TypeError):
        return ""


def patch_search_indexing(search_plugin_module: ModuleType, version: str) -> Finding | None:
    """Swap the method into Material's SearchIndex; a finding, and nothing swapped, if that is not safe.
    Idempotent (a rebuild under `mkdocs serve` finds it swapped already)."""
    index_class = getattr(search_plugin_module, "SearchIndex", None)
    parser_class = getattr(search_plugin_module, "Parser", None)
    current = getattr(index_class, "add_entry_from_context", None)
    if getattr(current, "patched_by_guide", False):
        return None
    if version != PINNED_VERSION or parser_class is None or current is None or method_sha256(current) != PINNED_SOURCE:
        return Finding("G091", "../mkdocs.yml",
                       f"Material 的版本是 {version}，不是钩子适配的 {PINNED_VERSION}（或其建索引的方法已改变），"
                       "搜索索引改用 Material 自己的解析，构建会慢一些。",
                       "把 requirements.txt 中的 mkdocs-material 固定回适配的版本，或按 "
                       "hooks/guidekit/adapters/search_indexing.py 开头的说明检查新版本后更新其中的版本和哈希。")
    index_class.parser_class = parser_class  # type: ignore[union-attr]
    index_class.add_entry_from_context = add_entry_from_context  # type: ignore[union-attr]
    return None


def installed_version() -> str:
    try:
        return metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return "未安装"

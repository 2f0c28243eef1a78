"""Tag-by-tag, linear-time replacements for two functions of the print-site plugin.

mkdocs-print-site-plugin 2.9 copies every page into the whole-guide print page and
makes each page's anchors unique by prefixing them with a page key:

- `urls.update_anchor_ids` runs `<([^\\s]+).*?id="([^"]*?)".*?>` over the page:
  from every `<` the lazy `.*?` scans to the end of the line for an `id="`, and each
  match is then applied with `str.replace` over the whole page. Both are quadratic
  in the tags on a line. The generated overview page draws the whole guide as one
  picture on a few long lines, so at 250 items that single page took 7.7 s of an
  11 s build, and four times the items took sixteen times as long.
- `urls.fix_tabbed_content` runs the same kind of pattern from each `<input`/`<label`.

Both patterns also match across tags: from a task-list checkbox `<input ...>` to the
`id` of a footnote mark later on the line, which got prefixed twice, and from an
`<li>` to a heading's id, which was left alone. Either way the link to it, which
the plugin does rewrite to `#<page key>-<anchor>`, led nowhere (1,147 of the 3,537
in-page links of this guide's print page).

The replacements do the same job one tag at a time, in one pass each: the `id` of
every h1-h6, `sup` and `li` start tag (headings and footnotes, the tags the plugin
changes), and the `id`/`name` of `<input>` and `for` of `<label>` (tabbed content)
get the page key. Nothing else changes.

The patch is applied only to the pinned plugin version whose function sources are
known; anything else is reported (G090) and fails the strict build, so an upgrade
is a deliberate step: check whether the new version still needs this, then update
the version and hashes here (tests/test_print_site_patch.py says how).
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Callable
from importlib import metadata
from types import ModuleType

from .findings import Finding

PLUGIN_DISTRIBUTION = "mkdocs-print-site-plugin"
PINNED_VERSION = "2.9"
# sha256 of inspect.getsource(<function>) in mkdocs-print-site-plugin 2.9
PINNED_SOURCES = {
    "update_anchor_ids": "0aee9101114eb8e43bc10f04f1a35c31593312fa4b15c436282873e50b64773f",
    "fix_tabbed_content": "6fd47de02e4396d98bd6807a46a8899423c6947979f95af8d8634275917f59e6",
}


def _attribute(tags: str, name: str) -> re.Pattern[str]:
    """One start tag of `tags` (an alternation) and the value of its own `name` attribute."""
    return re.compile(rf'(<(?:{tags})(?=[\s/>])[^>]*?(?<![\w-]){name}=")([^"]*)(")')


ANCHOR_ID = _attribute(r"h[1-6]|sup|li", "id")
TAB_ATTRIBUTES = (_attribute("input", "name"), _attribute("input", "id"), _attribute("label", "for"))


def _prefix(pattern: re.Pattern[str], page_html: str, page_key: str) -> str:
    return pattern.sub(lambda m: f"{m[1]}{page_key}-{m[2]}{m[3]}", page_html)


def prefix_anchor_ids(page_html: str, page_key: str) -> str:
    """The page with `id="x"` of its headings and footnotes changed to `id="<page_key>-x"`."""
    return _prefix(ANCHOR_ID, page_html, page_key)


def prefix_tab_ids(page_html: str, page_key: str) -> str:
    """The page with the `name`/`id` of its inputs and `for` of its labels prefixed."""
    for pattern in TAB_ATTRIBUTES:
        page_html = _prefix(pattern, page_html, page_key)
    return page_html


REPLACEMENTS: dict[str, Callable[[str, str], str]] = {
    "update_anchor_ids": prefix_anchor_ids,
    "fix_tabbed_content": prefix_tab_ids,
}


def source_sha256(function: Callable[..., object]) -> str:
    return hashlib.sha256(inspect.getsource(function).encode("utf-8")).hexdigest()


def patch_print_site(urls: ModuleType, version: str) -> Finding | None:
    """Swap the replacements into `urls`; a finding, and nothing swapped, if that is not safe.

    `urls` is `mkdocs_print_site_plugin.urls`; its `fix_internal_links` looks both
    functions up in the module at call time, so replacing the module attributes is
    enough. Applying it again (a rebuild under `mkdocs serve`) changes nothing.
    """
    pending = {name: fn for name, fn in REPLACEMENTS.items() if getattr(urls, name, None) is not fn}
    known = version == PINNED_VERSION and all(
        callable(getattr(urls, name, None)) and source_sha256(getattr(urls, name)) == PINNED_SOURCES[name]
        for name in pending)
    if not known:
        return Finding(
            "G090", "../requirements.txt",
            f"打印版插件 {PLUGIN_DISTRIBUTION} 的版本是 {version}，不是钩子适配的 {PINNED_VERSION}"
            "（或其中要替换的函数已改变），整本指南打印页的补丁未能应用：构建会随页数平方变慢，页内链接会失效。",
            f"把 requirements.txt 中的 {PLUGIN_DISTRIBUTION} 固定回 {PINNED_VERSION}，"
            "或按 hooks/guidekit/print_site_patch.py 开头的说明检查新版本后更新其中的版本和哈希。",
        )
    for name, fn in pending.items():
        setattr(urls, name, fn)
    return None


def installed_version() -> str:
    try:
        return metadata.version(PLUGIN_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "未安装"

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
- `urls.fix_href_links` rewrites each link with `str.replace` over the whole page:
  quadratic in the links of a page, and the overview and type indexes link every
  item (4.1 s for the overview alone at 2,000 items; 0.08 s in one pass). Its
  replacement keeps the plugin's rule per link exactly and only applies it by re.sub.

Both patterns also match across tags: from a task-list checkbox `<input ...>` to the
`id` of a footnote mark later on the line, which got prefixed twice, and from an
`<li>` to a heading's id, which was left alone. Either way the link to it, which
the plugin does rewrite to `#<page key>-<anchor>`, led nowhere (1,147 of the 3,537
in-page links of this guide's print page).

The replacements do the same job one tag at a time, in one pass each: the `id` of
every h1-h6, `sup` and `li` start tag (headings and footnotes, the tags the plugin
changes), and the `id`/`name` of `<input>` and `for` of `<label>` (tabbed content)
get the page key. Nothing else changes.

`whole_guide` (at the end) is not a patch: it hands print-site the items a folder
with more than nav.MAX_LISTED_ITEMS pages leaves out of the nav, so the whole-guide
page is whole at any size.

The patch is applied only to the pinned plugin version whose function sources are
known; anything else is reported (G090) and fails the strict build, so an upgrade
is a deliberate step: check whether the new version still needs this, then update
the version and hashes here (tests/test_print_site_patch.py says how).
"""

from __future__ import annotations

import hashlib
import html
import inspect
import os
import re
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

from ..core.findings import Finding

PLUGIN_DISTRIBUTION = "mkdocs-print-site-plugin"
PINNED_VERSION = "2.9"
# sha256 of inspect.getsource(<function>) in mkdocs-print-site-plugin 2.9
PINNED_SOURCES = {
    "update_anchor_ids": "0aee9101114eb8e43bc10f04f1a35c31593312fa4b15c436282873e50b64773f",
    "fix_tabbed_content": "6fd47de02e4396d98bd6807a46a8899423c6947979f95af8d8634275917f59e6",
    "fix_href_links": "1c00fff7b1672a7fa967823beb1f6fdc0ebbecc0b75cea4ac8aa5e874fc642fd",
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


HREF = re.compile(r"<a\s+([^>]*?\s+)?href=\"(.*?)\"", flags=re.IGNORECASE)  # the plugin's own pattern


def rewrite_links(urls: ModuleType) -> Callable[..., str]:
    """`urls.fix_href_links` in one pass: the plugin's rule for each link, applied by re.sub.

    The original runs the same rule but applies each rewritten link with `str.replace`
    over the whole page, which is quadratic in the links of a page (the overview and the
    type indexes link every item). Its helpers are taken from `urls` itself.
    """

    def fix_href_links(page_html: str, page_key: str, page_url: str, directory_urls: bool = False) -> str:
        def rewrite(m: re.Match[str]) -> str:
            url = html.unescape(m.group(2))
            if urls.is_external(url):
                return m.group()
            if urls.is_attachment(url):
                url = urls.get_url_from_root(url, page_url)
                if directory_urls:
                    url = os.path.join("..", url)
                url = url.replace(os.sep, "/")
            elif url.startswith("#"):
                url = "#" + page_key + "-" + url[1:]
            else:
                parts = urls.get_url_from_root(url, page_url).split("#")
                url = "#" + urls.get_page_key(parts[0]) + ("-" + parts[1] if len(parts) == 2 else "")
            other = m.group(1)
            return f'<a href="{url}"' if other is None else f'<a {other.rstrip()} href="{url}"'

        return HREF.sub(rewrite, page_html)

    fix_href_links.patched_by_guide = True  # type: ignore[attr-defined]
    return fix_href_links


REPLACEMENTS: dict[str, Callable[[ModuleType], Callable[..., str]]] = {
    "update_anchor_ids": lambda urls: prefix_anchor_ids,
    "fix_tabbed_content": lambda urls: prefix_tab_ids,
    "fix_href_links": rewrite_links,
}


def source_sha256(function: Callable[..., object]) -> str:
    return hashlib.sha256(inspect.getsource(function).encode("utf-8")).hexdigest()


def patch_print_site(urls: ModuleType, version: str) -> Finding | None:
    """Swap the replacements into `urls`; a finding, and nothing swapped, if that is not safe.

    `urls` is `mkdocs_print_site_plugin.urls`; its `fix_internal_links` looks both
    functions up in the module at call time, so replacing the module attributes is
    enough. Applying it again (a rebuild under `mkdocs serve`) changes nothing.
    """
    pending = {name: make for name, make in REPLACEMENTS.items() if not _patched(getattr(urls, name, None))}
    known = version == PINNED_VERSION and all(
        callable(getattr(urls, name, None)) and source_sha256(getattr(urls, name)) == PINNED_SOURCES[name]
        for name in pending)
    if not known:
        return Finding(
            "G090", "../requirements.txt",
            f"打印版插件 {PLUGIN_DISTRIBUTION} 的版本是 {version}，不是钩子适配的 {PINNED_VERSION}"
            "（或其中要替换的函数已改变），整本指南打印页的补丁未能应用：构建会随页数平方变慢，页内链接会失效。",
            f"把 requirements.txt 中的 {PLUGIN_DISTRIBUTION} 固定回 {PINNED_VERSION}，"
            "或按 hooks/guidekit/adapters/print_site_patch.py 开头的说明检查新版本后更新其中的版本和哈希。",
        )
    for name, make in pending.items():
        setattr(urls, name, make(urls))
    return None


def _patched(function: object) -> bool:
    return function in (prefix_anchor_ids, prefix_tab_ids) or getattr(function, "patched_by_guide", False)


def installed_version() -> str:
    try:
        return metadata.version(PLUGIN_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "未安装"


def whole_guide(items: list[Any], unlisted: list[Any], make_section: Callable[[str, list[Any]], Any]) -> list[Any]:
    """The nav items print-site prints, with the pages left out of the nav added to their section.

    A folder with more items than the nav lists (nav.MAX_LISTED_ITEMS) keeps only its index
    page in the nav; print-site prints the nav, so without this those items would be missing
    from the whole-guide page. `unlisted` are MkDocs pages, `make_section` builds a new
    section (title, children), so the site's own nav is left untouched.
    """
    by_folder: dict[str, list[Any]] = {}
    for page in unlisted:
        by_folder.setdefault(page.file.src_uri.rsplit("/", 1)[0], []).append(page)
    printed = []
    for item in items:
        pages = [child for child in getattr(item, "children", None) or [] if getattr(child, "is_page", False)]
        folder = pages[0].file.src_uri.rsplit("/", 1)[0] if pages and "/" in pages[0].file.src_uri else None
        if getattr(item, "is_section", False) and folder in by_folder:
            item = make_section(item.title, [*item.children, *sorted(by_folder[folder], key=lambda p: p.file.src_uri)])
        printed.append(item)
    return printed


def relink_unprinted(print_html: str, unprinted: dict[str, str]) -> str:
    """Links on the print page to a page left out of it (`#self-check`, `#self-check-…`) point to
    that page on the site instead of nowhere. `unprinted` maps the plugin's page key to the URL of
    the page, relative to the print page."""
    if not unprinted:
        return print_html
    keys = "|".join(re.escape(key) for key in sorted(unprinted, key=len, reverse=True))
    pattern = re.compile(rf'href="#({keys})(?:-[^"]*)?"')
    return pattern.sub(lambda m: f'href="{html.escape(unprinted[m.group(1)], quote=True)}"', print_html)


def relink_print_page(path: Path, print_url: str, excluded: list[str], urls: Mapping[str, str]) -> None:
    """Rewrite the written print page so links to the pages print-site leaves out (`excluded`,
    docs paths) reach those pages on the site; `urls` maps docs paths to site URLs."""
    from mkdocs.utils import get_relative_url
    from mkdocs_print_site_plugin.urls import get_page_key

    unprinted = {get_page_key(urls[src]): get_relative_url(urls[src], print_url) for src in excluded if src in urls}
    path.write_text(relink_unprinted(path.read_text(encoding="utf-8"), unprinted), encoding="utf-8")

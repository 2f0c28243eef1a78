"""The guide's own query handling inside Material's search worker.

Material (9.8.1) segments each run of Han characters in the query against the words of the
search index, but its loop never tries a word that ends at the last character and drops
whatever follows the last word it found (大党建 searched as 大 + 党); it joins the pieces with
"* " so a piece ends in "**", which the "缺少" line under a result then shows as a missing
word (~~党员*~~); and a query is searched as typed (党建＋ with a full-width plus finds nothing).

The patch prepends the guide's query module (overrides/assets/javascripts/search-query.js,
pure functions tested with `node --test tests/js/`) to the worker and makes the worker use it:
every query is first `prepare`d (the same normalisation as the index, search_terms.py), each
run of Chinese characters is split by its `segment`, and the pieces are joined by a plain space.
The build checks that the patch applied, so a Material upgrade that changes the worker is
caught instead of silently losing the fix.

The patched worker is written under a name with its own fingerprint
(search.<8 hex of its sha256>.min.js) and every page is pointed at it: the shipped
nginx config caches fingerprinted files for a year, so a changed patch must never
keep Material's name. Patching is idempotent: a worker that already carries the fix
(a rebuild under `mkdocs serve --dirty` keeps the site folder) is left as it is.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..core.findings import Finding

QUERY_MODULE = "assets/javascripts/search-query.js"  # in the theme folders (overrides/ first)

# Material's minified segmenter: function <name>(t,e){let r=new Set,n=new Uint16Array(t.length);...}
SEGMENTER = re.compile(
    r'function (?P<name>[\w$]+)\(t,e\)\{let r=new Set,n=new Uint16Array\(t\.length\);'
    r'.*?return r\.has\(""\)\?new Set\(\[t\]\):r\}'
)
# The start of Material's search method: search(e){if(e=e.replace(<Han runs>,s=>[...seg(s,index)].join("* ")),
SEARCH_START = re.compile(r'search\((?P<q>\w)\)\{if\((?P=q)=(?P=q)\.replace\((?P<han>[^,]+,"gu"\)),'
                          r'(?P<s>\w)=>\[\.\.\.(?P<seg>[\w$]+)\((?P=s),this\.index\.invertedIndex\)\]'
                          r'\.join\("\* "\)\)')

# t: one run of Han characters typed by the reader; e: the index's inverted index (word -> postings).
REPLACEMENT = "function {name}(t,e){{return new Set(GuideSearchQuery.segment(t,e))}}"
SEARCH_REPLACEMENT = ("search({q}){{if({q}=GuideSearchQuery.prepare({q}),{q}={q}.replace({han},"
                      "{s}=>GuideSearchQuery.queryTerms({s},this.index.invertedIndex))")
# Marks a patched worker, whatever the minifier named things.
PATCHED_MARK = "return new Set(GuideSearchQuery.segment(t,e))"
MODULE_MARK = "GuideSearchQuery = api"

WORKER_NAME = re.compile(r"^search\.[0-9a-f]{8}\.min\.js$")


def patch_search_worker(script: str, query_module: str) -> str | None:
    """The worker's source using the guide's query module, or None if the original was not found.

    A worker that already has the fix is returned unchanged.
    """
    if PATCHED_MARK in script and MODULE_MARK in script:
        return script
    segmenter, search = SEGMENTER.search(script), SEARCH_START.search(script)
    if segmenter is None or search is None or MODULE_MARK not in query_module:
        return None
    script = script[: segmenter.start()] + REPLACEMENT.format(name=segmenter["name"]) + script[segmenter.end():]
    search = SEARCH_START.search(script)
    assert search is not None  # the segmenter lies elsewhere in the file
    script = script[: search.start()] + SEARCH_REPLACEMENT.format(**search.groupdict()) + script[search.end():]
    return query_module.rstrip() + "\n" + script


def fingerprinted_name(script: str) -> str:
    """search.<first 8 hex digits of the script's sha256>.min.js, like Material's own names."""
    return f"search.{hashlib.sha256(script.encode('utf-8')).hexdigest()[:8]}.min.js"


@dataclass(frozen=True)
class PatchedWorker:
    """The patched worker's source, and the file names pages must swap."""

    original: str  # Material's file name, e.g. search.a7633da7.min.js
    script: str

    @cached_property  # relink runs once per page
    def name(self) -> str:
        return fingerprinted_name(self.script)

    def relink(self, html: str) -> str:
        """A page that loads the patched worker instead of Material's."""
        return html.replace(f"workers/{self.original}", f"workers/{self.name}")


def prepare_worker(original_name: str, script: str, query_module: str) -> PatchedWorker | None:
    """The patched worker for Material's `script`, or None if the worker is not the one expected."""
    patched = patch_search_worker(script, query_module)
    return None if patched is None else PatchedWorker(original_name, patched)


def find_worker(theme_dirs: list[str]) -> tuple[str, str] | None:
    """(file name, source) of the search worker the theme ships, first theme folder first."""
    for folder in theme_dirs:
        for worker in sorted(Path(folder).glob("assets/javascripts/workers/search.*.min.js")):
            if WORKER_NAME.match(worker.name):
                return worker.name, worker.read_text(encoding="utf-8")
    return None


def find_query_module(theme_dirs: list[str]) -> str:
    """The guide's query module (overrides/), or nothing if it is missing."""
    for folder in theme_dirs:
        module = Path(folder) / QUERY_MODULE
        if module.is_file():
            return module.read_text(encoding="utf-8")
    return ""


def install_worker(site_dir: Path, worker: PatchedWorker, pages: list[Path]) -> None:
    """Write the patched worker under its own name, drop Material's, relink `pages`.

    Every other page is relinked as it is written (on_post_page); `pages` are the
    ones written without that event, such as the print-site plugin's page.
    """
    folder = site_dir / "assets" / "javascripts" / "workers"
    if not folder.is_dir():
        return
    (folder / worker.original).unlink(missing_ok=True)  # no page may load the unpatched worker
    (folder / worker.name).write_text(worker.script, encoding="utf-8")
    for page in pages:
        if page.is_file():
            page.write_text(worker.relink(page.read_text(encoding="utf-8")), encoding="utf-8")


def theme_worker(theme_dirs: list[str]) -> PatchedWorker | Finding:
    """The patched worker for the theme's own, or the finding that it could not be patched."""
    found = find_worker(theme_dirs)
    worker = prepare_worker(*found, find_query_module(theme_dirs)) if found else None
    if worker is not None:
        return worker
    return Finding("G091", "../mkdocs.yml", "Material 的搜索脚本没有找到或与预期不符，中文查询分词修正未能应用。",
                   "请检查 hooks/guidekit/adapters/search_patch.py 是否适配当前的 Material 版本。")

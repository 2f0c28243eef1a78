"""What the hook knows during one build: one typed object, made anew in `on_config`.

MkDocs calls the hook's `on_*` functions one after another with no place of their own to
keep things; this is that place. Everything in it belongs to the current build only, so a
rebuild under `mkdocs serve` starts from a fresh BuildState and never sees the last one's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..checks.content import Content
from ..core.findings import Finding
from ..search.reader_words import ReaderWord
from ..search.search_index import CutForSearch
from .search_patch import PatchedWorker


@dataclass
class BuildState:
    """The per-build state, filled in event order: config, files, pages."""

    root: Path = Path(".")
    command: str = "build"                              # "serve" shows the preview banner
    allowed_tags: frozenset[str] = frozenset()
    include_findings: list[Finding] = field(default_factory=list)
    bad_includes: frozenset[str] = frozenset()          # includes/ files never to be read
    fallback_date: str | None = None                    # outside git: the build date's markup
    content: Content | None = None                      # on_files: every page, parsed and checked
    urls: dict[str, str] = field(default_factory=dict)  # on_files: docs path -> site URL
    unlisted: list[str] = field(default_factory=list)   # on_files: items left out of the nav (> 50 a folder)
    reader_words: list[ReaderWord] = field(default_factory=list)  # on_files: includes/synonyms.yml, checked
    worker: PatchedWorker | None = None                 # on_config: the search worker, patched and renamed
    fast_segmentation: bool = False                     # on_config: jieba-rs may segment (search/segmenter.py)
    cut_for_search: CutForSearch | None = None                   # on_files: the index's inner words, same segmenter

    @property
    def includes_dir(self) -> Path:
        return self.root / "includes"

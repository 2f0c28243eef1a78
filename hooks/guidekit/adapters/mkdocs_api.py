"""The parts of MkDocs the generated pages use (files and relative URLs), through one seam.

Pages and panels are built from MkDocs' own File objects and get_relative_url, so their links are
what MkDocs checks; importing them here keeps every MkDocs import inside the adapters.
"""

from __future__ import annotations

from functools import cache

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

__all__ = ["File", "Files", "get_relative_url", "page_url"]


@cache  # a function of its two arguments alone; the generated pages ask it thousands of times per build
def page_url(src_path: str, use_directory_urls: bool) -> str:
    """The URL MkDocs serves a docs file at (`problems/x/` or `problems/x.html`). Only the URL is
    computed, so the File needs neither a source nor a destination folder."""
    return File(src_path, None, "", use_directory_urls).url

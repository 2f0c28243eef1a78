"""Links between pages, computed by MkDocs' own URL arithmetic (never by hand)."""

from __future__ import annotations

from ..adapters.mkdocs_api import get_relative_url


def md_link(from_path: str, to_path: str) -> str:
    """Relative link from one docs-relative page to another, as a Markdown source path.

    Generated pages link with `.md` paths, so MkDocs resolves and checks them like any
    hand-written link, under any sub-path and in the offline build.
    """
    return get_relative_url(to_path, from_path)


def print_page_link(page_url: str, use_directory_urls: bool) -> str:
    """A link to the print-site plugin's whole-guide page, relative to the page at `page_url`."""
    target = "print_page/" if use_directory_urls else "print_page.html"
    return f'<a href="{get_relative_url(target, page_url or ".")}">整本指南（打印版）</a>'

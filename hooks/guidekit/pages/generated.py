"""The generated (virtual) pages of one build, by docs path: nothing is written into docs/.

The list of paths is the model's GENERATED_PAGES; this module fills each with its Markdown.
"""

from __future__ import annotations

from collections.abc import Collection

from ..adapters.mkdocs_api import page_url
from ..checks.content import Content
from ..core.findings import Finding
from ..core.model import GLOSSARY_PAGE, ITEM_TYPES, OVERVIEW_PAGE, SELF_CHECK_PAGE
from .pages import EVIDENCE_PAGE, THEMES_PAGE, glossary_markdown, overview_markdown, type_index_markdown
from .picture import overview_picture
from .self_check import self_check_data, self_check_markdown


def _url(path: str, use_directory_urls: bool) -> str:
    return page_url(path, use_directory_urls)


def generated_pages(content: Content, glossary: list[tuple[str, str]], use_directory_urls: bool,
                    hand_written: Collection[str]) -> dict[str, str]:
    """Markdown of every generated page; `hand_written` are the docs paths editors wrote."""
    themes, evidence = THEMES_PAGE in hand_written, EVIDENCE_PAGE in hand_written
    pages = {f"{folder}/index.md": type_index_markdown(content.graph, folder, themes, evidence, use_directory_urls)
             for folder in ITEM_TYPES}
    picture = overview_picture(content.graph, _url(OVERVIEW_PAGE, use_directory_urls), use_directory_urls)
    pages[OVERVIEW_PAGE] = overview_markdown(content.graph, picture, evidence)
    bodies = {path: page.body for path, page in content.pages.items()}
    data = self_check_data(content.graph, bodies, _url(SELF_CHECK_PAGE, use_directory_urls), use_directory_urls)
    pages[SELF_CHECK_PAGE] = self_check_markdown(data)
    if glossary:
        pages[GLOSSARY_PAGE] = glossary_markdown(glossary)
    return pages


def taken_by_hand(pages: Collection[str], hand_written: Collection[str]) -> list[Finding]:
    """G033 for a generated page's path that an editor also wrote: the hand-written file wins, and is named."""
    return [Finding("G033", path, f"docs/{path} 由构建自动生成，不能手写。",
                    f"删除或改名 docs/{path}，手写内容请放到其他页面。") for path in pages if path in hand_written]

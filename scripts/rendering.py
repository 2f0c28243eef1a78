"""Render a page's Markdown exactly as the site does, to prove a tool left the page as it was.

The Markdown settings come from mkdocs.yml through MkDocs' own loader (one reading of the
config); front matter is split off the way MkDocs splits it.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent


class PageRenderer:
    def __init__(self, config_file: Path = ROOT / "mkdocs.yml") -> None:
        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        config = load_config(str(config_file))
        self._extensions = config.markdown_extensions
        self._configs = config.mdx_configs
        self._root = config_file.parent

    def render(self, text: str) -> str:
        """The article HTML of one page's Markdown (front matter left out)."""
        body, _meta = get_data(text)
        engine = markdown.Markdown(extensions=self._extensions, extension_configs=self._configs)
        return engine.convert(body)

    def skeleton(self, text: str) -> list[tuple[str, tuple[tuple[str, str | None], ...]]]:
        """The page's elements and attributes in order, text left out (heading ids too: they
        follow the heading's words)."""
        collector = _Skeleton()
        collector.feed(self.render(text))
        return collector.items


class _Skeleton(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = tuple(sorted((k, v) for k, v in attrs
                            if k != "id" and not (k == "href" and (v or "").startswith("#"))))
        self.items.append((tag, kept))

    def handle_endtag(self, tag: str) -> None:
        self.items.append(("/" + tag, ()))

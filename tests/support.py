"""Small helpers shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path

SKIPPED_IN_DIGESTS = frozenset({".git", ".venv", "site", "dist", ".pytest_cache", ".ruff_cache", "__pycache__"})


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file below `root` (build output, caches and the venv left out), by relative path."""
    digests = {}
    for path in sorted(root.rglob("*")):
        parts = set(path.relative_to(root).parts)
        if path.is_file() and not parts & SKIPPED_IN_DIGESTS:
            digests[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def write_pages(docs: Path, pages: Mapping[str, str | bytes | None]) -> None:
    """Write pages (docs-relative path -> text or bytes; None: leave out) below `docs`."""
    for path, text in pages.items():
        if text is None:
            continue
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")


class InPageLinks(HTMLParser):
    """Every id of a page and every in-page link (`#name`, bare `#` left out), to find dead ones."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "a" and (found.get("href") or "").startswith("#") and len(found["href"]) > 1:
            self.links.append(found["href"][1:])

    def dead(self) -> list[str]:
        return [link for link in self.links if link not in self.ids]


def item_body(folder: str, source: str = "s002", define: bool = True) -> str:
    """A page body with every section of the type in its voice: the guide's advice uncited, the
    sources' statements cited with `[^source]` (and, with `define`, the footnote's definition)."""
    from guidekit.core.model import GUIDE_VOICE, PAGE_SECTIONS

    parts = []
    for section in PAGE_SECTIONS[folder]:
        if section.title == "自查要点":
            text = "- [ ] 支部开过会吗？"
        elif section.voice == GUIDE_VOICE:
            text = "本指南的建议。"
        elif section.voice is None:
            text = "说明。"
        else:
            text = f"资料报告的内容。[^{source}]"
        parts.append(f"## {section.title}\n\n{text}\n\n")
    cited = any(s.voice not in (GUIDE_VOICE, None) for s in PAGE_SECTIONS[folder])
    if define and cited:
        parts.append(f"[^{source}]: 见[来源](../sources/{source}.md)。\n")
    return "".join(parts)


REDIRECT_MARK = '<meta http-equiv="refresh"'


def is_redirect_page(path: Path) -> bool:
    """A page that only sends the reader on (an old address, mkdocs.yml `redirects`), not a page of the guide."""
    with path.open(encoding="utf-8") as handle:
        return REDIRECT_MARK in handle.read(2000)


# Markup that tokenisers disagree on (comments, bogus comments, CDATA, raw text, foreign content)
# and the usual mutation-XSS families. Each runs script in a browser unless the build stops it.
PARSER_CONFUSION: tuple[str, ...] = (
    "<!--><script>alert(1)</script>-->",
    "<!---><script>alert(2)</script>-->",
    "<!-- a --!><script>alert(3)</script>-->",
    "<?xml version=1><script>alert(4)</script>?>",
    "</ x><script>alert(5)</script>",
    "<![CDATA[><script>alert(6)</script>]]>",
    "<!DOCTYPE x><img src=x onerror=alert(7)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(8)>"></noscript>',
    "<svg><![CDATA[</svg><img src=x onerror=alert(9)>]]></svg>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(10)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(11)>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(12)>",
    "<svg><style><img src=x onerror=alert(13)></style></svg>",
    "<math><mi xlink:href=javascript:alert(14)>x</mi></math>",
    "<xmp><img src=x onerror=alert(15)></xmp>",
    "<textarea><img src=x onerror=alert(16)></textarea>",
    "<title><img src=x onerror=alert(17)></title>",
    "<noembed><img src=x onerror=alert(18)></noembed>",
    '<iframe srcdoc="&lt;script&gt;alert(19)&lt;/script&gt;"></iframe>',
    "<template><img src=x onerror=alert(20)></template>",
    "<table><td><select><option><img src=x onerror=alert(21)>",
    '<a href="javascript&colon;alert(22)">x</a>',
    "<body onload=alert(23)>",
    '<svg><a xlink:href="javascript:alert(24)"><text y="20">x</text></a></svg>',
    "<style><!--</style><img src=x onerror=alert(25)>-->",
    "<svg><foreignObject><p><img src=x onerror=alert(26)></p></foreignObject></svg>",
    "<details open ontoggle=alert(27)>",
    '<img src="x` `<script>alert(28)</script>"` `>',
    "<p><!-- <a --><img src=x onerror=alert(29)><!-- > --></p>",
    "<plaintext><img src=x onerror=alert(30)>",
)

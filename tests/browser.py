"""Helpers for the browser tests: a loopback static server and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def static_server(root: Path, prefix: str = "/", port: int = 0) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 under `prefix` (any free port unless given); yields the base URL."""
    handler = type("Handler", (_QuietHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def first_search_result(page, query: str, timeout_ms: int = 15000):
    """Type a query into Material's search box like a reader; the first result link, once shown."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    box.press("End")  # the key that commits an input method's composition
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    first.wait_for(timeout=timeout_ms)
    return first


def record_requests_off_disk(context) -> list[str]:
    """Collects every request a page opened from disk makes to anything but a file."""
    outside: list[str] = []
    local = ("file", "data", "blob", "about")
    context.on("request", lambda r: r.url.split(":", 1)[0] not in local and outside.append(r.url))
    return outside

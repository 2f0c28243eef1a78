"""Where one `mkdocs build` spends its CPU: every plugin and hook event, and MkDocs' page steps.

build_benchmark.py says how much the hook adds; this says where, inside a single build, so
a run of the plain configuration and one of the hook's can be set side by side event by
event (the hook also moves work: jieba's dictionary loads in its on_files, not in search).

    .venv/bin/python benchmarks/event_times.py -f mkdocs.yml -d /tmp/site
    .venv/bin/python benchmarks/event_times.py -f <synthetic>/mkdocs-plain.yml -d /tmp/plain

Arguments after the script's name go to `mkdocs build -q`. Prints CPU seconds
(time.process_time) per event, largest first, and the whole build's.
"""

from __future__ import annotations

import collections
import contextlib
import sys
import time
from collections.abc import Callable
from typing import Any

import mkdocs.commands.build as build_module
from mkdocs.__main__ import cli
from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page

TOTALS: collections.Counter[str] = collections.Counter()


def timed(key: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            TOTALS[key] += time.process_time() - started

    return run


def time_every_event() -> None:
    """Wrap each `on_*` method of every plugin (the hook is one) as MkDocs registers it."""
    register = PluginCollection.__setitem__

    def setitem(self: PluginCollection, key: str, plugin: Any, **kwargs: Any) -> None:
        for name in dir(plugin):
            if name.startswith("on_") and callable(getattr(plugin, name)):
                with contextlib.suppress(AttributeError, TypeError):  # a read-only attribute stays as it is
                    setattr(plugin, name, timed(f"{key}.{name}", getattr(plugin, name)))
        register(self, key, plugin, **kwargs)

    PluginCollection.__setitem__ = setitem  # type: ignore[method-assign]
    Page.render = timed("Page.render (Markdown to HTML)", Page.render)  # type: ignore[method-assign]
    build_module._populate_page = timed("_populate_page (read, page_markdown, render, page_content)",
                                        build_module._populate_page)
    build_module._build_page = timed("_build_page (page_context, template, post_page)", build_module._build_page)


def main(arguments: list[str]) -> None:
    time_every_event()
    started = time.process_time()
    sys.argv = ["mkdocs", "build", "-q", *arguments]
    try:
        cli()
    except SystemExit as stop:  # click ends every run this way; a failed build is not timed
        if stop.code:
            raise
    for key, seconds in TOTALS.most_common():
        if seconds >= 0.01:
            print(f"{seconds:8.2f}  {key}")
    print(f"{time.process_time() - started:8.2f}  whole build")


if __name__ == "__main__":
    main(sys.argv[1:])

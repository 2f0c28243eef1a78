"""The site navigation, derived from the files so editors never maintain it."""

from __future__ import annotations

from ..core.model import NAV_SECTIONS, NAV_TOP_PAGES

# A section with more items than this lists only its index page (cards) in the
# sidebar, so no page's HTML grows with the size of the guide.
MAX_LISTED_ITEMS = 50


def build_nav(paths: list[str]) -> tuple[list[dict[str, str | list[str]]], list[str]]:
    """Home, overview, one section per folder (its index first), then anything else.

    Returns the nav and the pages deliberately left out of it (reachable from cards).
    """
    nav: list[dict[str, str | list[str]]] = []
    unlisted: list[str] = []
    remaining = sorted(paths)
    for path, title in NAV_TOP_PAGES:
        if path in remaining:
            nav.append({title: path})
    placed = {path for path, _ in NAV_TOP_PAGES}
    for folder, label in NAV_SECTIONS:
        members = [p for p in remaining if p.startswith(folder + "/")]
        if not members:
            continue
        index = f"{folder}/index.md"
        others = [p for p in members if p != index]
        if index in members and len(others) > MAX_LISTED_ITEMS:
            unlisted.extend(others)
            others = []
        nav.append({label: ([index] if index in members else []) + others})
        placed.update(members)
    nav.extend({p.removesuffix(".md"): p} for p in remaining if p not in placed)
    return nav, unlisted

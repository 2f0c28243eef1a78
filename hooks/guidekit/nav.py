"""The site navigation, derived from the files so editors never maintain it."""

from __future__ import annotations

from .model import ITEM_TYPES

SECTIONS: tuple[tuple[str, str], ...] = (
    ("problems", ITEM_TYPES["problems"].label),
    ("causes", ITEM_TYPES["causes"].label),
    ("measures", ITEM_TYPES["measures"].label),
    ("cases", ITEM_TYPES["cases"].label),
    ("guide", "使用指南"),
    ("sources", ITEM_TYPES["sources"].label),
    ("contributing", "编辑指南"),
)


def build_nav(paths: list[str]) -> list[dict[str, str | list[str]]]:
    """Home, overview, one section per folder (its index first), then anything else."""
    nav: list[dict[str, str | list[str]]] = []
    remaining = sorted(paths)
    if "index.md" in remaining:
        nav.append({"首页": "index.md"})
    if "overview.md" in remaining:
        nav.append({"全景图": "overview.md"})
    placed = {"index.md", "overview.md"}
    for folder, label in SECTIONS:
        members = [p for p in remaining if p.startswith(folder + "/")]
        if not members:
            continue
        index = f"{folder}/index.md"
        ordered = ([index] if index in members else []) + [p for p in members if p != index]
        nav.append({label: ordered})
        placed.update(members)
    nav.extend({p.removesuffix(".md"): p} for p in remaining if p not in placed)
    return nav

"""Start a new item page from its type's template: `bash scripts/new-page.sh <类型> <id> [标题]`."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from ..core.model import ID_PATTERN, ITEM_TYPES
from .templates import template_markdown, title_placeholder

# Chinese names an editor may type instead of the folder name.
TYPE_NAMES: dict[str, str] = {
    **{t.label: folder for folder, t in ITEM_TYPES.items()},
    "举措": "measures", "案例": "cases", "来源": "sources",
}


# What an editor is told after the page is created, beyond the placeholders themselves.
TYPE_HINTS: dict[str, str] = {
    "cases": "`applies` 中每项举措单独定级并写一句理由：有成效数字（变化、增长、名次、获奖）才是“已实施，有成效数据”，"
             "人数和目标不算；资料只提出主张、没有报告实施的，不建案例页。",
    "measures": "`lead`（由谁牵头）和 `effort`（投入）是本指南编者的判断，只能从模板列出的值中选。",
}


def type_hint(type_name: str) -> str:
    """The reminder for a type (empty for types without one); an unknown type has none."""
    try:
        return TYPE_HINTS.get(resolve_type(type_name), "")
    except ScaffoldError:
        return ""


class ScaffoldError(ValueError):
    """A reason, in Chinese, why the page was not created."""


def resolve_type(name: str) -> str:
    folder = TYPE_NAMES.get(name, name)
    if folder not in ITEM_TYPES:
        choices = "、".join(f"{f}（{t.label}）" for f, t in ITEM_TYPES.items())
        raise ScaffoldError(f"不认识的页面类型“{name}”。可用的类型：{choices}。")
    return folder


def existing_ids(docs: Path) -> dict[str, Path]:
    return {p.stem: p for folder in ITEM_TYPES for p in (docs / folder).glob("*.md") if p.name != "index.md"}


def new_page_text(folder: str, title: str | None) -> str:
    """The type's template (the same one the editors' guide shows), with the title filled in."""
    text = template_markdown(folder).removeprefix("```markdown\n").removesuffix("```\n")
    if title:
        text = text.replace(f"title: {title_placeholder(folder)}", f"title: {_yaml_text(title)}", 1)
    return text


def _yaml_text(value: str) -> str:
    """`value` as a YAML scalar that reads back as the same text (quoted only when it must be)."""
    try:
        plain = yaml.safe_load(value) == value and "\n" not in value
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def create_page(docs: Path, type_name: str, item_id: str, title: str | None = None) -> Path:
    """Write docs/<folder>/<id>.md; refuses a malformed or existing id and never overwrites a file."""
    folder = resolve_type(type_name)
    if not ID_PATTERN.match(item_id):
        raise ScaffoldError(f"id “{item_id}”不合规：只能用小写英文字母、数字和连字符，例如 weak-learning。")
    taken = existing_ids(docs)
    if item_id in taken:
        raise ScaffoldError(f"id “{item_id}”已被 {taken[item_id].relative_to(docs.parent).as_posix()} 使用，"
                            "请换一个。")
    target = docs / folder / f"{item_id}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite
        handle.write(new_page_text(folder, title))
    return target

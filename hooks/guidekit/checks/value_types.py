"""Every front-matter value has the kind its field holds, whatever YAML made of it.

YAML reads `2024-01-01` as a date, `12:30` as a number (minutes), `yes` as
true, an empty value as null and `a: b` inside a value as a map. Each field
holds one kind: text, a list of names, a date (or text), or Material's `search`
settings. `check_value_types` says in Chinese which field, on which line, holds
what instead; `safe_meta` turns MkDocs' own copy of the front matter into
those kinds, so the theme, the search index and the plugins never meet a value
they cannot print (a date title used to stop the build with a traceback).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from ..core.findings import Finding
from ..core.front_matter import ParsedPage
from ..core.model import RELATIONS

TEXT, NAMES, DATE, SEARCH, MAPPING = "text", "names", "date", "search", "mapping"
# Fields that are not text. Every other field (title, summary, author, …) is one line of text.
FIELD_KINDS: dict[str, str] = {
    "tags": NAMES, "hide": NAMES, "date": DATE, "search": SEARCH,
    # a relation written as a map (a case's `applies`) is checked entry by entry in evidence.py (G100)
    **{relation.key: MAPPING if relation.mapped else NAMES for relation in RELATIONS.values()},
}
# Material's per-page search settings: `search: {exclude: true}` or `search: {boost: 2}`.
SEARCH_SETTINGS: dict[str, tuple[type, ...]] = {"exclude": (bool,), "boost": (int, float)}


def field_kind(key: str) -> str:
    return FIELD_KINDS.get(key, TEXT)


def describe_value(value: Any) -> str:
    """What an editor wrote, in an editor's words (never a programming type name)."""
    if value is None:
        return "空值（冒号后什么都没写，或写了 `null`、`~`）"
    if isinstance(value, bool):
        return "“是/否”（true/false、yes/no、on/off 会被读成是非值）"
    if isinstance(value, (int, float)):
        return "一个数字（像 `12:30` 这样的时间也会被读成数字）"
    if isinstance(value, (datetime.date, datetime.time)):
        return "一个日期或时间"
    if isinstance(value, list):
        return "一个列表（方括号 `[…]` 或以 `- ` 开头的几行）"
    if isinstance(value, dict):
        return "几个“名称: 值”（多半是值里有“: ”，或下一行缩进了）"
    if isinstance(value, bytes):
        return "二进制数据（`!!binary`）"
    return "无法识别的内容"


def plain(value: Any) -> str:
    """A value as the text the editor most likely meant."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "，".join(plain(v) for v in value)
    if isinstance(value, dict):
        return "，".join(f"{plain(k)}: {plain(v)}" for k, v in value.items())
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _quoted(key: str, value: Any) -> str:
    text = plain(value).replace('"', "“") or "…"
    return f'`{key}: "{text}"`'


def check_value_types(page: ParsedPage, required: tuple[str, ...] = ()) -> list[Finding]:
    """G012 for each field, and each element of a list field, whose value is of another kind.

    A required field left empty is G010 (reported by the schema), not repeated here.
    """
    findings: list[Finding] = []
    for key, value in page.meta.items():
        kind = field_kind(key)
        line = page.line_of(key)
        if value is None:
            if key not in required:
                findings.append(Finding(
                    "G012", page.path, f"字段 `{key}` 没有值，现在写的是{describe_value(value)}。",
                    f"写上值，或删除这一行 `{key}:`。", line))
        elif kind == TEXT and not isinstance(value, str):
            findings.append(Finding(
                "G012", page.path, f"字段 `{key}` 应是一段文字，现在写的是{describe_value(value)}。",
                f"写成一段文字；要保留原样时用英文双引号括起来，例如 {_quoted(key, value)}。", line))
        elif kind == DATE and not isinstance(value, (str, datetime.date)):
            findings.append(Finding(
                "G012", page.path, f"字段 `{key}` 应是日期（如 `2018-12-05`），现在写的是{describe_value(value)}。",
                f"写成 `{key}: 2018-12-05` 这样的年-月-日；只知道年月时写成 {_quoted(key, '2018年12月')}。", line))
        elif kind == NAMES:
            findings.extend(_names_findings(page, key, value))
        elif kind == SEARCH:
            findings.extend(_search_findings(page, key, value))
    return findings


def _names_findings(page: ParsedPage, key: str, value: Any) -> list[Finding]:
    if isinstance(value, str):
        return []
    if not isinstance(value, list):
        return [Finding(
            "G012", page.path, f"字段 `{key}` 应是名称列表，现在写的是{describe_value(value)}。",
            f"写成 `{key}: [名称1, 名称2]`；名称本身是数字或日期时加英文双引号，如 `[\"2024\"]`。",
            page.line_of(key))]
    return [Finding(
        "G012", page.path, f"字段 `{key}` 的第 {index + 1} 项应是一个名称，现在写的是{describe_value(element)}。",
        f"写成一个名称；是数字、日期或含“: ”时加英文双引号，例如 {_quoted(key, element)[:-1]}`（放在方括号里）。",
        page.line_of(key, index))
        for index, element in enumerate(value) if not isinstance(element, str)]


def _search_findings(page: ParsedPage, key: str, value: Any) -> list[Finding]:
    fine = isinstance(value, dict) and all(
        isinstance(name, str) and name in SEARCH_SETTINGS and isinstance(setting, SEARCH_SETTINGS[name])
        and not (isinstance(setting, bool) and name == "boost")
        for name, setting in value.items())
    if fine:
        return []
    return [Finding(
        "G012", page.path, f"字段 `{key}` 应是搜索设置，现在写的是{describe_value(value)}。",
        f"写成 `{key}: {{exclude: true}}`（不进搜索）或 `{key}: {{boost: 2}}`（排得更靠前），或删除这一行。",
        page.line_of(key))]


def safe_meta(meta: Mapping[Any, Any]) -> dict[str, Any]:
    """MkDocs' copy of the front matter with every value of its field's kind (reported by
    check_value_types): text for text, a list of names for names, settings only if well formed.
    A key need not be text (YAML allows `1:`), so keys are taken as anything and made text."""
    safe: dict[str, Any] = {}
    for key, value in meta.items():
        key = key if isinstance(key, str) else plain(key)
        kind = field_kind(key)
        if value is None:
            continue
        if kind == TEXT:
            safe[key] = value if isinstance(value, str) else plain(value)
        elif kind == DATE:
            safe[key] = value if isinstance(value, (str, datetime.date)) else plain(value)
        elif kind == NAMES:
            elements = value if isinstance(value, list) else [value]
            safe[key] = [e if isinstance(e, str) else plain(e) for e in elements]
        elif kind == SEARCH:
            if not _search_findings(ParsedPage(path=""), key, value):
                safe[key] = value
        elif kind == MAPPING:
            if isinstance(value, dict):  # anything else is reported (G100) and left out
                safe[key] = _plain_mapping(value)
        else:
            safe[key] = value
    return safe


def _plain_mapping(value: dict[Any, Any]) -> dict[str, Any]:
    """A map of names to maps or text, every key and leaf as text (a date becomes its text)."""
    return {plain(k): _plain_mapping(v) if isinstance(v, dict) else plain(v) for k, v in value.items()}

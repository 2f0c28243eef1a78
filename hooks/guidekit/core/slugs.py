"""Heading anchors that are ASCII and stable: the pinyin of the heading, e.g. 怎么做 -> #zen-me-zuo.

Python-Markdown's default slug drops Chinese entirely, so every Chinese heading
became _1, _2 … by position: inserting a heading broke every link below it.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

# Per-character readings are enough for an anchor; skipping pypinyin's phrase table halves its load time.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")

from pypinyin import lazy_pinyin  # noqa: E402 - after the setting above

NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 15)  # the same headings (是什么, 怎么做 …) recur on every page of a type
def pinyin_slug(value: str, separator: str = "-") -> str:
    words = lazy_pinyin(value)
    slug = NOT_SLUG.sub(separator, " ".join(words).lower()).strip(separator)
    return slug or "section"

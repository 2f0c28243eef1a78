"""What a reader types and what the index holds, normalised the same way on both sides.

The query side is overrides/assets/javascripts/search-query.js (run inside Material's search
worker); this module is the index side. Both apply, in this order:

1. full-width letters, digits and symbols (ＡＢＣ，１２３，＋＃（）) become their ASCII forms, the
   ideographic space a space, capitals lower case;
2. a plus sign after a word (党建+, 互联网+, the programme names most input methods type as
   ＋) becomes 加: the plus sign is one of the search's word separators, so 党建+ would otherwise
   be searched as 党建 alone;
3. (query side, and reader words here) the question words a reader wraps a query in
   (怎么, 如何, 吗 …) are dropped when something of two characters or more remains.

`key_of` makes one index word of a title or a reader word: normalised, with every separator,
quotation mark and space taken out, so a reader's query with or without the title's
punctuation is the same word, or the start of it.

Traditional characters are converted in the browser as the reader types (search-t2s.js);
the guide is written in simplified characters (rule G047), so the index needs nothing.
"""

from __future__ import annotations

import re

FULL_WIDTH_START, FULL_WIDTH_END, FULL_WIDTH_SHIFT = 0xFF01, 0xFF5E, 0xFEE0
IDEOGRAPHIC_SPACE = "\u3000"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
PLUS_AFTER_WORD = re.compile(rf"(?<=[{HAN}0-9a-z])\+")
# Longest first: 怎么办 before 怎么. Kept identical to FILLERS in search-query.js (a test compares).
FILLERS = ("怎么办", "怎么样", "怎么做", "为什么", "是什么", "怎么", "怎样", "如何", "为何", "什么",
           "哪些", "请问", "吗", "呢", "吧")
FILLER = re.compile("|".join(FILLERS))
# Everything that is not part of a word in a key: separators, quotation marks, spaces, punctuation.
NOT_IN_KEY = re.compile(rf"[^{HAN}0-9a-z%]+")


# One translation table (str.translate runs in C: the index rewrite normalises every word of the guide).
HALF_WIDTH = {code: code - FULL_WIDTH_SHIFT for code in range(FULL_WIDTH_START, FULL_WIDTH_END + 1)}
HALF_WIDTH[ord(IDEOGRAPHIC_SPACE)] = ord(" ")


def half_width(text: str) -> str:
    """Full-width ASCII forms as ASCII, the ideographic space as a space."""
    return text.translate(HALF_WIDTH)


def normalise(text: str) -> str:
    """Steps 1 and 2: what both the index and the query see."""
    return PLUS_AFTER_WORD.sub("加", half_width(text).lower())


def strip_fillers(text: str) -> str:
    """Step 3: the question words dropped, unless less than two characters would be left."""
    stripped = FILLER.sub(" ", text).strip()
    return stripped if len(NOT_IN_KEY.sub("", stripped)) >= 2 else text


def key_of(text: str) -> str:
    """One index word for a title, a term or a reader's word: normalised, nothing but word characters."""
    return NOT_IN_KEY.sub("", normalise(text))


def reader_key(text: str) -> str:
    """The index word for a reader's word, as the reader's query will arrive in the worker."""
    return key_of(strip_fillers(normalise(text)))

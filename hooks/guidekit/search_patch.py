"""A fix for how Material's search worker splits a Chinese query into words.

Material (9.8.1) segments each run of Han characters in the query against the
words of the search index, but its loop never tries a word that ends at the last
character and drops whatever follows the last word it found: 大党建 is searched as
大 + 党, 考评系数 as 考评 alone. The index itself is fine (jieba segments it at build
time); only the query side needs the fix. The replacement does greedy longest-match
segmentation and keeps the tail as a prefix, so a partly typed word still finds
its page. The build checks that the patch applied, so a Material upgrade that
changes the worker is caught instead of silently losing the fix.
"""

from __future__ import annotations

import re

# Material's minified segmenter: function <name>(t,e){let r=new Set,n=new Uint16Array(t.length);...}
SEGMENTER = re.compile(
    r'function (?P<name>[\w$]+)\(t,e\)\{let r=new Set,n=new Uint16Array\(t\.length\);'
    r'.*?return r\.has\(""\)\?new Set\(\[t\]\):r\}'
)

# t: one run of Han characters typed by the reader; e: the index's inverted index (word -> postings).
REPLACEMENT = (
    "function {name}(t,e){{"
    "let w=new Set,i=0,u=\"\",k=Object.keys(e),p=s=>k.some(x=>x.startsWith(s));"
    "for(;i<t.length;){{"
    "let r=t.slice(i);if(r in e||p(r)){{u&&w.add(u),u=\"\";w.add(r);i=t.length;break}}"
    "let n=0;for(let j=t.length-1;j>i;j--)if(t.slice(i,j)in e){{n=j-i;break}}"
    "if(!n){{u+=t[i++];continue}}"
    "u&&w.add(u),u=\"\";w.add(t.slice(i,i+n));i+=n}}"
    "u&&w.add(u);return w.size?w:new Set([t])}}"
)


def patch_search_worker(script: str) -> str | None:
    """The worker's source with the fixed segmenter, or None if the original was not found."""
    match = SEGMENTER.search(script)
    if match is None:
        return None
    return script[: match.start()] + REPLACEMENT.format(name=match["name"]) + script[match.end():]

"""The pages that keep old addresses answering (mkdocs-redirects), in the guide's language.

The five pieces that only proposed (no practice reported) stopped being cases; their old
addresses under cases/ send the reader on to their source page (mkdocs.yml, `redirects`).
The plugin writes a small page per old address from one English template; the hook swaps
in this one, so a reader who sees it for a moment (or has scripts and refresh turned off)
reads Chinese. The page works served, in the offline bundle and opened from file://.
"""

from __future__ import annotations

from types import ModuleType

PLUGIN = "redirects"

# `{url}` is the new address relative to the old one, filled in by the plugin (str.format).
# No inline script (the plugin's own template has one): the intranet's Content-Security-Policy
# refuses inline scripts, and the refresh alone works served, offline and from file://.
REDIRECT_PAGE = """<!doctype html>
<html lang="zh">
<head>
    <meta charset="utf-8">
    <title>页面已移动</title>
    <link rel="canonical" href="{url}">
    <meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>这个地址的内容已移到<a href="{url}">新的页面</a>，正在为您跳转；没有自动跳转时，请点这个链接。</p>
</body>
</html>
"""


def localise(plugin_module: ModuleType) -> bool:
    """Use the Chinese page; False when the plugin no longer has the template this replaces."""
    if not isinstance(getattr(plugin_module, "HTML_TEMPLATE", None), str):
        return False
    vars(plugin_module)["HTML_TEMPLATE"] = REDIRECT_PAGE  # a module's attributes are its namespace
    return True


def live_redirects(redirect_maps: dict[str, str], doc_pages: set[str]) -> dict[str, str]:
    """The redirects to write: an old address whose page exists again keeps its page (a redirect
    would overwrite it), and one whose target is gone is left out (the tests prove every old case
    address of the guide answers; a small site built from part of the guide has no such target)."""
    return {old: new for old, new in redirect_maps.items()
            if old not in doc_pages and new.partition("#")[0] in doc_pages}

"""Files that are not what they seem: symbolic links out of the project (G048), types a browser
would run (G062), SVG pictures that are more than pictures, read as XML as a browser reads them (G063),
and names that are not ASCII slugs (G121).

MkDocs follows symbolic links under docs/ and pymdownx.snippets follows them
under includes/, so a link to /etc/passwd or a home folder would be read and
published. The build judges each file by where it really is, not where it
seems to be. (NUL bytes and YAML aliases are refused where the page is read,
in front_matter.py.)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from xml.parsers import expat

from ..core.findings import Finding
from ..core.front_matter import ParsedPage, decode
from ..core.model import item_folder
from ..core.slugs import pinyin_slug
from .simplified import check_simplified


def outside_project(root: Path, files: Iterable[tuple[str, Path]]) -> list[Finding]:
    """G048 for each (shown path, file) whose real location is outside `root`."""
    real_root = root.resolve()
    findings = []
    for shown, path in files:
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):  # a dangling or looping link: not readable either way
            real = None
        if real is None or not real.is_relative_to(real_root):
            target = _link_target(path)
            findings.append(Finding(
                "G048", shown, f"这是指向项目以外的符号链接（→ {target}），构建不会读取或发布它。",
                "把要发布的文件复制到 docs/ 或 includes/ 中，再删除这个符号链接。"))
    return findings


def _link_target(path: Path) -> str:
    for link in (path, *path.parents):
        if link.is_symlink():
            return os.readlink(link) if link == path else f"{link.name}/ → {os.readlink(link)}"
    return "?"


def walk_files(folder: Path) -> list[Path]:
    """Every file under `folder`, following links the way MkDocs and snippets would."""
    if not folder.is_dir():
        return []
    found: list[Path] = []
    seen: set[Path] = set()
    for current, dirs, names in os.walk(folder, followlinks=True):
        real = Path(current).resolve()
        if real in seen:  # a link back up the tree
            dirs[:] = []
            continue
        seen.add(real)
        found.extend(Path(current) / name for name in names)
    return found


# Files besides pages that docs/ may hold: they are copied to the site as they are, so a
# page the browser would run (.html, .svg with a script, .js, .xml) is refused.
STATIC_SUFFIXES: frozenset[str] = frozenset({
    ".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".svg", ".pdf",
})

SVG_ELEMENTS: frozenset[str] = frozenset({
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
    "title", "desc", "defs", "use", "symbol", "lineargradient", "radialgradient", "stop", "clippath",
    "mask", "pattern", "marker", "metadata",
})
SVG_ATTRIBUTES: frozenset[str] = frozenset({
    "xmlns", "xmlns:xlink", "version", "id", "class", "role", "aria-label", "aria-hidden", "lang",
    "xml:space", "viewbox", "preserveaspectratio", "width", "height", "x", "y", "dx", "dy", "rx", "ry",
    "cx", "cy", "r", "x1", "y1", "x2", "y2", "d", "points", "transform", "offset", "fill", "fill-opacity",
    "fill-rule", "clip-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity",
    "stop-color", "stop-opacity", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "letter-spacing", "gradientunits", "gradienttransform",
    "patternunits", "patterntransform", "clip-path", "mask", "marker-start", "marker-mid", "marker-end",
    "markerwidth", "markerheight", "refx", "refy", "orient", "style", "href", "xlink:href", "fx", "fy",
    "spreadmethod", "clippathunits", "maskunits", "vector-effect", "visibility", "display",
})
# Presentation values: words, numbers, colours; the only functions are transforms, rgb() and
# url(#id), a reference to the picture's own parts. No backslash escapes, no @ rules.
SVG_FUNCTION = re.compile(r"([a-z-]+)\(", re.IGNORECASE)
SVG_FUNCTIONS: frozenset[str] = frozenset({
    "matrix", "translate", "rotate", "scale", "skewx", "skewy", "rgb", "rgba", "url",
})


def _svg_value_ok(value: str) -> bool:
    if "@" in value or "\\" in value or "/*" in value:
        return False
    if re.search(r"url\(\s*(?!#)", value, re.IGNORECASE):
        return False
    return all(name.lower() in SVG_FUNCTIONS for name in SVG_FUNCTION.findall(value))


class _Refused(Exception):
    """Raised from a handler to stop reading at the first thing refused (before any entity expands)."""


def _check_svg_element(name: str, attrs: dict[str, str]) -> None:
    tag = name.lower()  # XML is case-sensitive; judging the lowercase name refuses more, never less
    if tag not in SVG_ELEMENTS:
        raise _Refused(f"元素 `<{tag}>` 不允许")
    for attribute, value in attrs.items():
        attribute = attribute.lower()
        if attribute not in SVG_ATTRIBUTES:
            raise _Refused(f"`<{tag}>` 的属性 `{attribute}` 不允许")
        if attribute in ("href", "xlink:href") and not value.strip().startswith("#"):
            raise _Refused(f"`<{tag}>` 引用了图片以外的地址 `{value}`")
        if not _svg_value_ok(value):
            raise _Refused(f"`<{tag}>` 的 `{attribute}` 值 `{value[:40]}` 不允许")


def _refuse_doctype(name: str, system_id: str | None, public_id: str | None, internal_subset: int) -> None:
    if internal_subset or system_id:  # an internal DTD can define entities that expand to markup
        raise _Refused("有自定义实体（`<!DOCTYPE … [`）或外部定义")


def _refuse_instruction(target: str, data: str) -> None:
    raise _Refused(f"有处理指令 `<?{target}`")  # e.g. <?xml-stylesheet?>: an XSLT can run script


def svg_problem(text: str | bytes) -> str | None:
    """Why an SVG picture could run or fetch something, or None for a plain picture.

    Read with an XML parser (expat), as a browser reads an .svg file opened on its own: CDATA,
    comments and processing instructions are what XML says they are, not what an HTML tokeniser
    would guess. A file that is not well-formed XML is refused too (a browser shows an error).
    """
    parser = expat.ParserCreate()  # no namespace processing: names as written, e.g. xlink:href
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = _check_svg_element
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.ProcessingInstructionHandler = _refuse_instruction
    parser.EntityDeclHandler = lambda *declaration: _refuse_doctype("", None, None, 1)
    try:
        parser.Parse(text, True)
    except _Refused as refused:
        return str(refused)
    except expat.ExpatError as error:
        return f"不是格式正确的 XML（第 {error.lineno} 行：{expat.ErrorString(error.code)}）"
    return None


def check_static_file(shown: str, path: Path) -> list[Finding]:
    """G062 for a file type docs/ may not hold, G063 for an SVG that is more than a picture."""
    suffix = path.suffix.lower()
    if suffix not in STATIC_SUFFIXES:
        return [Finding(
            "G062", shown,
            f"docs/ 中不能放 `{suffix or '无扩展名'}` 文件：它会原样发布，浏览器可能把它当网页或脚本运行。",
            "页面请写成 .md；图片用 PNG、JPG、WebP 或 SVG；其他文件请交给维护者处理。")]
    if suffix == ".svg":
        problem = svg_problem(path.read_bytes())
        if problem:
            return [Finding(
                "G063", shown, f"SVG 图片中{problem}：直接打开它时浏览器会执行或加载其中的内容。",
                "用绘图软件另存为“普通 SVG”（不含脚本、链接和嵌入内容），或改存为 PNG。")]
    return []


def check_include_file(shown: str, path: Path) -> list[Finding]:
    """An includes/ file is pulled into pages as it is: the same NUL and traditional-character checks."""
    text, findings = decode(shown, path.read_bytes())
    if text is None:
        return findings
    return check_simplified(ParsedPage(path=shown, body=text))


# A file name as a URL keeps it: lowercase ASCII words joined by hyphens, a lowercase extension.
SLUG_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_SUFFIX = re.compile(r"^(?:\.[a-z0-9]+)*$")


def slug_path(path: str) -> str:
    """The docs-relative path with every folder and file name made an ASCII slug (pinyin for Chinese)."""
    *folders, name = path.split("/")
    stem, dot, suffix = name.partition(".")
    parts = [_slug(folder) for folder in folders] + [_slug(stem) + dot + suffix.lower()]
    return "/".join(parts)


def _slug(name: str) -> str:
    return pinyin_slug(name) if name else name


def is_slug_path(path: str) -> bool:
    *folders, name = path.split("/")
    stem, dot, suffix = name.partition(".")
    return all(SLUG_NAME.match(part) for part in [*folders, stem]) and bool(SLUG_SUFFIX.match(dot + suffix))


def check_file_names(paths: Iterable[str]) -> list[Finding]:
    """G121 for every file under docs/ (other than an item page, G007) whose path is not ASCII slugs."""
    findings = []
    for path in sorted(paths):
        if is_slug_path(path) or item_folder(path) is not None:
            continue
        findings.append(Finding(
            "G121", path,
            f"文件名 `{path}` 不是由小写英文字母、数字和连字符组成的短名：中文和空格会让网址变成 `%E6%96…` "
            "一类编码，大写字母和下划线容易写错，部分内网服务器会弄错这样的网址。",
            f"改名为 `{slug_path(path)}`（按拼音），并同时修改链接到它的地方。"))
    return findings

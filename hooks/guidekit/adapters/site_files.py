"""The MkDocs side of the file checks (file_safety.py): what to report and what to keep out of the build.

These functions take MkDocs' Files and configuration, so the hook only calls them;
the judging itself stays in the pure file_safety module.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..checks.content import Content
from ..checks.file_safety import check_file_names, check_include_file, check_static_file, outside_project, walk_files
from ..core.findings import Finding
from .mkdocs_api import Files

UNDECODABLE_PAGE = (
    "---\ntitle: 无法读取的页面\n---\n\n本页文件不是 UTF-8 编码，构建时无法读取，请查看构建日志。\n"
)
REFUSED_PAGE = (
    "---\ntitle: 无法读取的页面\n---\n\n本页文件不能安全读取（含有 NUL 字节或 YAML 别名），"
    "构建没有使用它的内容，请查看构建日志。\n"
)
REFUSED_CODES = ("G049", "G060")


def check_includes(root: Path, snippets_config: dict[str, Any]) -> tuple[list[Finding], frozenset[str]]:
    """includes/ files: links out of the project and NUL bytes are reported and never appended to a
    page (taken out of the snippets' auto_append); traditional characters are reported like a page's.
    Returns the findings and the names of the includes/ files never to read."""
    includes = root / "includes"
    shown = {f"../includes/{p.relative_to(includes).as_posix()}": p for p in walk_files(includes)}
    findings = outside_project(root, shown.items())
    outside = {f.path for f in findings}
    findings += [f for name, path in shown.items() if name not in outside for f in check_include_file(name, path)]
    bad = frozenset(f.path.removeprefix("../includes/") for f in findings if f.code != "G047")
    if bad and "auto_append" in snippets_config:
        snippets_config["auto_append"] = [name for name in snippets_config["auto_append"] if name not in bad]
    return findings, bad


def drop_unsafe_files(files: Files, docs_dir: str, root: Path) -> list[Finding]:
    """Links out of the project and files a browser would run: reported and removed before use."""
    docs = Path(docs_dir)  # as written, not resolved: theme files come from elsewhere and are fine
    candidates = {f.src_uri: (f, Path(source)) for f in files
                  if (source := f.abs_src_path) and not f.generated_by and Path(source).is_relative_to(docs)}
    findings = outside_project(root, [(uri, path) for uri, (_, path) in candidates.items()])
    for finding in findings:
        files.remove(candidates.pop(finding.path)[0])
    static = [finding for uri, (f, path) in candidates.items()
              if not f.is_documentation_page() and not f.inclusion.is_excluded()
              for finding in check_static_file(uri, path)]
    for finding in static:
        files.remove(candidates[finding.path][0])
    names = check_file_names(uri for uri, (f, _) in candidates.items() if not f.inclusion.is_excluded())
    return findings + static + names


def stand_in_for_unreadable_pages(files: Files, content: Content, pages: Iterable[str]) -> None:
    """Pages the build must not read (not UTF-8, NUL bytes, YAML aliases) get a short notice instead."""
    pages = set(pages)
    for path in content.undecodable:
        _replace_text(files, path, UNDECODABLE_PAGE)
    for path in {f.path for f in content.findings if f.code in REFUSED_CODES and f.path in pages}:
        _replace_text(files, path, REFUSED_PAGE)


def _replace_text(files: Files, path: str, text: str) -> None:
    file = files.get_file_from_path(path)
    if file is not None:  # a file already dropped as unsafe is not built, so it needs no notice
        file.content_string = text

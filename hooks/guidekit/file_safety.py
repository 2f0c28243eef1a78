"""Files that are not what they seem: symbolic links out of the project (G048).

MkDocs follows symbolic links under docs/ and pymdownx.snippets follows them
under includes/, so a link to /etc/passwd or a home folder would be read and
published. The build judges each file by where it really is, not where it
seems to be. (NUL bytes and YAML aliases are refused where the page is read,
in front_matter.py.)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .findings import Finding


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
    found = []
    seen: set[Path] = set()
    for current, dirs, names in os.walk(folder, followlinks=True):
        real = Path(current).resolve()
        if real in seen:  # a link back up the tree
            dirs[:] = []
            continue
        seen.add(real)
        found.extend(Path(current) / name for name in names)
    return found

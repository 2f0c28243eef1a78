"""Run every check the build runs: `python -m guidekit [docs-dir]`.

With a mkdocs.yml next to the docs folder (the project), this runs the real
build in memory, into a temporary folder, and prints every warning and error it
logs: the content model, snippets, the rendered-HTML checks and MkDocs' own link
checks, in the same words and with the same rule codes as `mkdocs build --strict`.
One list of checks, so what passes here passes in CI. Without a mkdocs.yml it
(or without MkDocs installed) it runs the content model and every content check alone.

Exits 1 when any finding is reported, so it can gate a commit or a CI job.

`python -m guidekit new <类型> <id> [标题] [--docs DIR]` starts a new page from its template.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

from .checks.content import load_content
from .core.model import TAGS
from .pages.scaffold import ScaffoldError, create_page, type_hint


def new_page(argv: list[str]) -> int:
    docs = Path("docs")
    if "--docs" in argv:
        at = argv.index("--docs")
        docs, argv = Path(argv[at + 1]), argv[:at] + argv[at + 2:]
    if len(argv) not in (2, 3):
        print("用法：bash scripts/new-page.sh <类型> <id> [标题]\n"
              "例如：bash scripts/new-page.sh 举措 branch-visits 支部走访制度", file=sys.stderr)
        return 2
    try:
        path = create_page(docs, *argv)
    except ScaffoldError as error:
        print(f"未创建：{error}", file=sys.stderr)
        return 1
    print(f"已创建 {path.relative_to(docs.parent).as_posix()}。"
          "按模板改写各节内容，预览时页面顶部会列出还需要修改的地方。" + type_hint(argv[0]))
    return 0


def content_messages(docs: Path, config: Path) -> tuple[list[tuple[int, str]], str]:
    """The content model alone: for a docs folder that is not part of a MkDocs project."""
    sources = {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*.md"))}
    content = load_content(sources, frozenset(TAGS))
    levels = {"error": logging.ERROR, "warning": logging.WARNING}
    scope = f"{len(sources)} 个页面、{len(content.graph.items)} 个条目"
    return [(levels[f.level], f.format()) for f in content.findings], scope


def mkdocs_available() -> bool:
    """Whether MkDocs can be found here (without it, the content model alone is checked)."""
    try:
        return importlib.util.find_spec("mkdocs") is not None
    except (ImportError, ValueError):
        return False


def main(argv: list[str]) -> int:
    if argv[:1] == ["new"]:
        return new_page(argv[1:])
    docs = Path(argv[0]) if argv else Path("docs")
    config = docs.resolve().parent / "mkdocs.yml"
    if config.exists() and mkdocs_available():
        from .adapters.mkdocs_build import build_messages  # the adapter that runs MkDocs

        messages = build_messages(config, docs)
        scope = f"{sum(1 for _ in docs.rglob('*.md'))} 个页面（与 mkdocs build --strict 相同的全部检查）"
    else:
        messages, scope = content_messages(docs, config)
    for _, message in messages:
        print(message)
    errors = sum(level >= logging.ERROR for level, _ in messages)
    warnings = len(messages) - errors
    print(f"检查了 {scope}：{errors} 个错误，{warnings} 个警告。")
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

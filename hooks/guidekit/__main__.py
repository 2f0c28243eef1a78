"""Run every check the build runs: `python -m guidekit [docs-dir]`.

With a mkdocs.yml next to the docs folder (the project), this runs the real
build in memory, into a temporary folder, and prints every warning and error it
logs: the content model, snippets, the rendered-HTML checks and MkDocs' own link
checks, in the same words and with the same rule codes as `mkdocs build --strict`.
One list of checks, so what passes here passes in CI. Without a mkdocs.yml it
runs the content model alone (no MkDocs needed).

Exits 1 when any finding is reported, so it can gate a commit or a CI job.

`python -m guidekit new <类型> <id> [标题] [--docs DIR]` starts a new page from its template.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import yaml

from .content import load_content
from .scaffold import ScaffoldError, create_page, type_hint


def allowed_tags_from_config(config_path: Path) -> frozenset[str]:
    """The tags plugin's `tags_allowed` list from mkdocs.yml (tolerates !ENV tags)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=Loader) or {}
    plugins = config.get("plugins") or []
    entries = [plugins] if isinstance(plugins, dict) else [p for p in plugins if isinstance(p, dict)]
    for entry in entries:
        tags = entry.get("tags") or entry.get("material/tags")
        if isinstance(tags, dict):
            return frozenset(str(t) for t in tags.get("tags_allowed", []))
    return frozenset()


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


class _Collect(logging.Handler):
    """Keeps every warning and error the build logs, in order."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_messages(config_path: Path, docs: Path) -> list[tuple[int, str]]:
    """(level, message) for every warning/error of a build of the project; nothing is written to it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect, propagate, level = _Collect(), logger.propagate, logger.level
    logger.addHandler(collect)
    logger.propagate = False  # the messages are printed below, once
    logger.setLevel(logging.INFO)
    here, docs = Path.cwd(), docs.resolve()
    os.chdir(config_path.parent)  # like `mkdocs build`: snippet paths are relative to the project
    try:
        with tempfile.TemporaryDirectory(prefix="guidekit-") as site:
            config = None
            try:
                config = load_config(str(config_path), docs_dir=str(docs), site_dir=site, strict=False)
                config.plugins.on_startup(command="build", dirty=False)
                build(config)
            except MkDocsException as error:
                collect.records.append(logging.makeLogRecord({"levelno": logging.ERROR, "msg": str(error)}))
            except Exception as error:  # noqa: BLE001 - a crash must still end in a message, not a traceback
                collect.records.append(logging.makeLogRecord({"levelno": logging.ERROR, "msg": (
                    f"构建意外中断（{type(error).__name__}: {error}）。这不是按编辑指南能改的问题，"
                    "请把这一行发给维护者。")}))
            finally:
                if config is not None:
                    config.plugins.on_shutdown()
    finally:
        os.chdir(here)
        logger.removeHandler(collect)
        logger.propagate, logger.level = propagate, level
    return [(r.levelno, r.getMessage().removeprefix("guide: ")) for r in collect.records]


def content_messages(docs: Path, config: Path) -> tuple[list[tuple[int, str]], str]:
    """The content model alone: for a docs folder that is not part of a MkDocs project."""
    tags = allowed_tags_from_config(config) if config.exists() else frozenset()
    sources = {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*.md"))}
    content = load_content(sources, tags)
    levels = {"error": logging.ERROR, "warning": logging.WARNING}
    scope = f"{len(sources)} 个页面、{len(content.graph.items)} 个条目"
    return [(levels[f.level], f.format()) for f in content.findings], scope


def main(argv: list[str]) -> int:
    if argv[:1] == ["new"]:
        return new_page(argv[1:])
    docs = Path(argv[0]) if argv else Path("docs")
    config = docs.resolve().parent / "mkdocs.yml"
    if config.exists():
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

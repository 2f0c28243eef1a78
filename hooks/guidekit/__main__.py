"""Run every content check without MkDocs: `python -m guidekit [docs-dir]`.

Exits 1 when any finding is reported, so it can gate a commit or a CI job even
on a generator that does not run MkDocs hooks.

`python -m guidekit new <类型> <id> [标题] [--docs DIR]` starts a new page from its template.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from .content import load_content
from .scaffold import ScaffoldError, create_page


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
          "按模板改写各节内容，预览时页面顶部会列出还需要修改的地方。")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["new"]:
        return new_page(argv[1:])
    docs = Path(argv[0]) if argv else Path("docs")
    config = docs.parent / "mkdocs.yml"
    tags = allowed_tags_from_config(config) if config.exists() else frozenset()
    sources = {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*.md"))}
    content = load_content(sources, tags)
    for finding in content.findings:
        print(finding.format())
    errors = sum(f.level == "error" for f in content.findings)
    warnings = len(content.findings) - errors
    pages, items = len(sources), len(content.graph.items)
    print(f"检查了 {pages} 个页面、{items} 个条目：{errors} 个错误，{warnings} 个警告。")
    return 1 if content.findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

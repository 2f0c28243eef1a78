"""Chinese copywriting check (autocorrect) over what editors write; `--fix` corrects in place.

Reports `docs/path:line` with the line as written and as it should be, so an editor
can find it; exits 1 when anything needs fixing.

Only prose is checked and fixed: front matter (YAML), fenced code, snippet lines and
HTML comments are left byte for byte (hooks/guidekit/core/regions.py). `--fix` also runs
the Markdown fixer (pymarkdown); no fix is kept that changes what the page renders
(see `fix`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import autocorrect_py as autocorrect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
from guidekit.core.regions import fix_prose, protected_lines, protected_text  # noqa: E402

TARGETS = ("docs", "includes")


def written_files() -> list[Path]:
    return sorted(p for folder in TARGETS for p in (ROOT / folder).rglob("*.md"))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None  # the content check reports the encoding (G001); nothing to fix here


def findings(path: Path) -> list[str]:
    text = _read(path)
    if text is None:
        return []
    skip = protected_lines(text)
    result = autocorrect.lint_for(text, str(path))
    name = path.relative_to(ROOT).as_posix()
    return [f"{name}:{line.line} “{line.old.strip()}” 应为 “{line.new.strip()}”"
            for line in result.lines if line.line - 1 not in skip]


def fix() -> int:
    """Fix Markdown (pymarkdown) and prose (autocorrect) in place, never changing what a page renders.

    Each fixer's result is rendered with the site's own Markdown settings (rendering.py) and
    kept only if the page renders the same: for the Markdown fixer the HTML must be identical;
    for the prose fixer, which is meant to change spacing and punctuation in the text, every
    element and attribute must be. A fix that would change more is not applied to that file,
    and the editor is told what was left for them. Returns 1 when anything was left.
    """
    import lint_markdown
    from rendering import PageRenderer

    renderer = PageRenderer()
    left: list[str] = []
    for path in written_files():
        original = _read(path)
        if original is None:
            continue
        name = path.relative_to(ROOT).as_posix()
        text = original
        html = renderer.render(text)
        markdown_fixed = lint_markdown.fix_string(text)
        if markdown_fixed != text:
            if protected_text(markdown_fixed) == protected_text(text) and renderer.render(markdown_fixed) == html:
                text = markdown_fixed
            else:
                left.append(f"{name}：Markdown 写法的自动修正会改变页面显示，没有应用；请按上面的提示手工修改。")
        prose_fixed = fix_prose(text, lambda prose, where=str(path): autocorrect.format_for(prose, where))
        if prose_fixed != text:
            if renderer.skeleton(prose_fixed) == renderer.skeleton(text):
                text = prose_fixed
            else:
                left.append(f"{name}：排版的自动修正会改变页面结构，没有应用；请按上面的提示手工修改。")
        if text != original:
            path.write_text(text, encoding="utf-8")
            print(f"已修正 {name}")
    for line in left:
        print(f"未修正 {line}")
    return 1 if left else 0


def main(argv: list[str]) -> int:
    autocorrect.load_config((ROOT / ".autocorrectrc").read_text(encoding="utf-8"))
    if "--fix" in argv:
        return fix()
    problems = [f for path in written_files() for f in findings(path)]
    if problems:
        print("\n".join(problems))
        print(f"中文排版：{len(problems)} 处需要修改。自动修正：bash scripts/lint.sh --fix")
    else:
        print("中文排版：没有问题。")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

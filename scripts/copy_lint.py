"""Chinese copywriting check (autocorrect) over what editors write; `--fix` corrects in place.

Reports `docs/path:line` with the line as written and as it should be, so an editor
can find it; exits 1 when anything needs fixing.

Only prose is checked and fixed: front matter (YAML), fenced code, snippet lines and
HTML comments are left byte for byte (hooks/guidekit/regions.py). `--fix` also runs
the Markdown fixer (pymarkdown) and then checks every file it changed: a file whose
front matter or code changed is put back as it was and reported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import autocorrect_py as autocorrect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from guidekit.regions import fix_prose, protected_lines, protected_text  # noqa: E402

TARGETS = ("docs", "includes")
PYMARKDOWN = [sys.executable, "-m", "pymarkdown", "--config", str(ROOT / ".pymarkdown.json")]


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


def autocorrect_file(path: Path) -> bool:
    """Fix the prose of one file; True when it changed."""
    text = _read(path)
    if text is None:
        return False
    fixed = fix_prose(text, lambda prose: autocorrect.format_for(prose, str(path)))
    if fixed == text:
        return False
    path.write_text(fixed, encoding="utf-8")
    return True


def guarded_markdown_fix(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Run pymarkdown's fixer; undo it on any file whose front matter or code it changed.

    Returns (files fixed, files put back).
    """
    before = {p: p.read_bytes() for p in paths}
    subprocess.run([*PYMARKDOWN, "fix", *map(str, paths)], cwd=ROOT, capture_output=True, text=True)
    fixed, restored = [], []
    for path, raw in before.items():
        now = path.read_bytes()
        if now == raw:
            continue
        try:
            same = protected_text(raw.decode("utf-8")) == protected_text(now.decode("utf-8"))
        except UnicodeDecodeError:
            same = False
        if same:
            fixed.append(path)
        else:
            path.write_bytes(raw)
            restored.append(path)
    return fixed, restored


def fix() -> int:
    """Fix prose (autocorrect) and Markdown (pymarkdown) in place; 1 when a fix had to be undone."""
    changed = {p for p in written_files() if autocorrect_file(p)}
    markdown_fixed, restored = guarded_markdown_fix(written_files())
    for path in sorted(changed | set(markdown_fixed)):
        print(f"已修正 {path.relative_to(ROOT).as_posix()}")
    for path in restored:
        print(f"未修正 {path.relative_to(ROOT).as_posix()}：自动修正会改动 front matter 或代码，已还原，"
              "请按 Markdown 检查的提示手工修改。")
    return 1 if restored else 0


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

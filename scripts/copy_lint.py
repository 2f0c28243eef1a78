"""Chinese copywriting check (autocorrect) over what editors write; `--fix` corrects in place.

Reports `docs/path:line` with the line as written and as it should be, so an editor
can find it; exits 1 when anything needs fixing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import autocorrect_py as autocorrect

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("docs", "includes")


def written_files() -> list[Path]:
    return sorted(p for folder in TARGETS for p in (ROOT / folder).rglob("*.md"))


def findings(path: Path) -> list[str]:
    result = autocorrect.lint_for(path.read_text(encoding="utf-8"), str(path))
    name = path.relative_to(ROOT).as_posix()
    return [f"{name}:{line.line} “{line.old.strip()}” 应为 “{line.new.strip()}”" for line in result.lines]


def main(argv: list[str]) -> int:
    autocorrect.load_config((ROOT / ".autocorrectrc").read_text(encoding="utf-8"))
    if "--fix" in argv:
        for path in written_files():
            text = path.read_text(encoding="utf-8")
            fixed = autocorrect.format_for(text, str(path))
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                print(f"已修正 {path.relative_to(ROOT).as_posix()}")
    problems = [f for path in written_files() for f in findings(path)]
    print("\n".join(problems) if problems else "中文排版检查通过。")
    if problems:
        print(f"共 {len(problems)} 处。自动修正：bash scripts/lint.sh --fix")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

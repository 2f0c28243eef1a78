"""Fingerprint the sources' original articles, so the build can check "own words" without them.

The originals stay out of the repository (third-party texts, often with scrape residue).
What is kept is hooks/guidekit/checks/data/seed-fingerprints.txt (see hooks/guidekit/checks/own_words.py):
short hashes of every stretch of each original, after conversion to simplified characters.

Rebuild from a folder of originals (every *.txt):
    .venv/bin/python scripts/make_seed_fingerprints.py ../shared/seeds
Add one new original (a new source; the others are kept):
    .venv/bin/python scripts/make_seed_fingerprints.py --add 新资料原文.txt
List every copied run in pages (the build reports the same as G141, with the line):
    .venv/bin/python scripts/make_seed_fingerprints.py --check docs
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from guidekit.checks import own_words  # noqa: E402

TARGET = own_words.FINGERPRINTS
_converter = opencc.OpenCC("t2s")


def read_original(path: Path) -> str:
    """An original in simplified characters (a traditional-character article is converted)."""
    return _converter.convert(path.read_text(encoding="utf-8"))


def fingerprints_of(paths: list[Path]) -> own_words.Fingerprints:
    return own_words.make_fingerprints(read_original(p) for p in paths)


def check(paths: list[Path]) -> int:
    prints = own_words.stored_fingerprints()
    if prints is None:
        print(f"没有找到指纹文件 {TARGET}。")
        return 1
    found = 0
    for path in paths:
        for line, run in own_words.copied_runs(path.read_text(encoding="utf-8"), 1, prints):
            found += 1
            print(f"{path}:{line}: 与原文连续相同 {len(run)} 字：{run}")
    print(f"共 {found} 处与原文连续相同 {own_words.WINDOW} 字以上（引号内的引文不计）。")
    return 1 if found else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        roots = [Path(a) for a in argv[1:]] or [ROOT / "docs"]
        return check([p for root in roots for p in (sorted(root.rglob("*.md")) if root.is_dir() else [root])])
    if argv[:1] == ["--add"]:
        originals = [Path(a) for a in argv[1:]]
        if not originals:
            print("请写出新资料原文的文件路径，例如：--add 新资料原文.txt")
            return 2
        prints = own_words.merge(own_words.stored_fingerprints() or own_words.Fingerprints(frozenset(), frozenset()),
                                 fingerprints_of(originals))
    else:
        folder = Path(argv[0] if argv else ROOT.parent / "shared" / "seeds")
        prints = fingerprints_of(sorted(folder.glob("*.txt")))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(own_words.dump(prints), encoding="utf-8")
    own_words.stored_fingerprints.cache_clear()
    print(f"{TARGET.relative_to(ROOT)}：{len(prints.windows)} 个 {own_words.WINDOW} 字指纹，"
          f"{len(prints.probes)} 个 {own_words.PROBE} 字探针")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

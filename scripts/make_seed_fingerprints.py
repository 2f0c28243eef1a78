"""Fingerprint the source articles so the tests can check "own words" without the articles.

The seeds stay out of the repository (they are third-party texts with scrape residue).
What is kept is a short hash of every WINDOW-character stretch of each seed, after
simplification and with whitespace and punctuation removed (so re-punctuating a copied
sentence does not make it the guide's own): any passage of WINDOW or more characters
copied from a seed contains one of them. Text inside quotation marks (“…” ‘…” 「…」
and titles in 《…》, which must stay exact) is exempt: a marked quotation is not
passing a source's words off as the guide's own.

Make:  .venv/bin/python scripts/make_seed_fingerprints.py ../shared/seeds
Check: .venv/bin/python scripts/make_seed_fingerprints.py --check docs   (lists every copied run)
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import opencc

WINDOW = 25
DIGEST_BYTES = 6  # 48 bits: with ~25,000 seed windows, a false match in the whole guide is ~1 in 10,000
TARGET = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed-fingerprints.txt"
QUOTED = re.compile(r"“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|《[^》\n]*》")
# Long proper names that may stand unquoted (each must say why it cannot be reworded).
ALLOWED_RUNS: dict[str, str] = {}
_converter = opencc.OpenCC("t2s")


NOT_WORDS = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    return NOT_WORDS.sub("", _converter.convert(text))


def unquoted(text: str) -> str:
    """The guide's text with every marked quotation replaced by a break no window spans."""
    return QUOTED.sub("\x00", text)


def fingerprint(stretch: str) -> str:
    return hashlib.blake2b(stretch.encode("utf-8"), digest_size=DIGEST_BYTES).hexdigest()


def seed_fingerprints(seeds_dir: Path) -> list[str]:
    prints: set[str] = set()
    for path in sorted(seeds_dir.glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8"))
        prints.update(fingerprint(text[i:i + WINDOW]) for i in range(len(text) - WINDOW + 1))
    return sorted(prints)


def pasted_runs(text: str, stored: set[str]) -> list[str]:
    """Maximal runs of the page's unquoted text that a seed contains (each >= WINDOW characters)."""
    flat = normalise(unquoted(text))
    hits = [i for i in range(len(flat) - WINDOW + 1) if fingerprint(flat[i:i + WINDOW]) in stored]
    runs: list[str] = []
    start = end = -1
    for i in hits:
        if i > end:
            if start >= 0:
                runs.append(flat[start:end])
            start = i
        end = i + WINDOW
    if start >= 0:
        runs.append(flat[start:end])
    return [run for run in runs if not any(allowed in run for allowed in ALLOWED_RUNS)]


def load_stored() -> set[str]:
    return set(TARGET.read_text(encoding="utf-8").split())


def check(paths: list[Path]) -> int:
    stored, found = load_stored(), 0
    for path in paths:
        for run in pasted_runs(path.read_text(encoding="utf-8"), stored):
            found += 1
            print(f"{path}: 与原文连续相同 {len(run)} 字：{run}")
    print(f"共 {found} 处与原文连续相同 {WINDOW} 字以上（引号内的引文不计）。")
    return 1 if found else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        roots = [Path(a) for a in argv[1:]] or [Path("docs")]
        return check([p for root in roots for p in (sorted(root.rglob("*.md")) if root.is_dir() else [root])])
    seeds_dir = Path(argv[0] if argv else "../shared/seeds")
    prints = seed_fingerprints(seeds_dir)
    TARGET.write_text("\n".join(prints) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(prints)} 个指纹（{WINDOW} 字窗口，每字一个）")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

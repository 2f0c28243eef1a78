"""Fingerprint the source articles so the tests can check "own words" without the articles.

The seeds stay out of the repository (they are third-party texts with scrape residue).
What is kept is a hash of every WINDOW-character stretch starting at each STEP-th
character, after simplification and with whitespace removed: any passage of
WINDOW + STEP - 1 characters copied from a seed contains one of these stretches.
Run: .venv/bin/python scripts/make_seed_fingerprints.py ../shared/seeds
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import opencc

WINDOW = 30
STEP = 10
TARGET = Path(__file__).resolve().parent.parent / "tests" / "data" / "seed-fingerprints.txt"


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", opencc.OpenCC("t2s").convert(text))


def fingerprint(stretch: str) -> str:
    return hashlib.blake2b(stretch.encode("utf-8"), digest_size=8).hexdigest()


def seed_fingerprints(seeds_dir: Path) -> list[str]:
    prints: set[str] = set()
    for path in sorted(seeds_dir.glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8"))
        prints.update(fingerprint(text[i:i + WINDOW]) for i in range(0, len(text) - WINDOW + 1, STEP))
    return sorted(prints)


def main() -> int:
    seeds_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
    prints = seed_fingerprints(seeds_dir)
    TARGET.write_text("\n".join(prints) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(prints)} 个指纹（{WINDOW} 字窗口，步长 {STEP}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Counts for issue #20's note: pages whose first section is the guide's advice, and remarks on what a
source does not say that a reader sees outside the folded 资料说明.

    .venv/bin/python scripts/voice_counts.py [docs] [-v]

-v lists every item page: its first section, its voice, and its remarks in view.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from guidekit.checks.source_notes import gap_remarks  # noqa: E402
from guidekit.core.front_matter import split_front_matter  # noqa: E402
from guidekit.core.markdown_reader import read  # noqa: E402
from guidekit.core.model import CONTENT_TYPES, GUIDE_VOICE, section_voice  # noqa: E402


def main(argv: list[str]) -> int:
    docs = Path(next((a for a in argv if not a.startswith("-")), ROOT / "docs"))
    verbose = "-v" in argv
    pages = advice_first = remarks = crowded = 0
    for folder in CONTENT_TYPES:
        for path in sorted((docs / folder).glob("*.md")):
            if path.name == "index.md":
                continue
            _, body, start = split_front_matter(path.read_text(encoding="utf-8"))
            document = read(body, start)
            sections = document.sections(2)
            first = sections[0].title if sections else "（无）"
            in_view = len(gap_remarks(document))
            pages += 1
            advice_first += section_voice(folder, first) == GUIDE_VOICE
            remarks += in_view
            crowded += in_view > 1
            if verbose:
                print(f"{folder}/{path.name}\t{first}\t{section_voice(folder, first) or '-'}\t{in_view}")
    print(f"条目页 {pages} 个；第一节是本指南的建议的 {advice_first} 个；"
          f"“资料说明”之外说资料没有说明什么的共 {remarks} 处，超过 1 处的页面 {crowded} 个。")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

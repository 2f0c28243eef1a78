"""The ranking table's hit rate on a built site, without a browser (the site's worker run in node).

    .venv/bin/mkdocs build --strict -d /tmp/site && .venv/bin/python benchmarks/search_hits.py /tmp/site

Prints each query with the rank of the page it means (tests/search_queries.py) and the counts:
first (or, for a query the guide holds nothing for, no result) and within the top five.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from search_queries import NOTHING, RANKING  # noqa: E402
from test_search import LEAVING  # noqa: E402


def main(site: str) -> int:
    table = [[q, expected] for q, expected, _ in RANKING] + [[q, ""] for q in NOTHING]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as queries:
        json.dump(table, queries, ensure_ascii=False)
        queries.flush()
        return subprocess.run(["node", str(ROOT / "benchmarks" / "search_hits.js"), site, queries.name,
                               json.dumps(sorted(LEAVING))]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""Own words: no page repeats WINDOW characters in a row from a source's original article.

The originals are never published and never stored in the repository. What is kept
(`data/seed-fingerprints.txt`) is a short hash of every WINDOW-character stretch of each
original, after simplification and with whitespace and punctuation removed (so
re-punctuating a copied sentence does not make it the guide's own), plus a hash of every
PROBE-character stretch. Text in quotation marks (“…” ‘…’ 「…」, and titles in 《…》, which
must stay exact) is exempt: a marked quotation does not pass a source's words off as the
guide's own.

Speed: any copied run of WINDOW characters contains a PROBE-character stretch that starts
at a multiple of PROBE, so a page is probed every PROBE characters and only a hit is
confirmed window by window: about one hash per PROBE characters of text.

The fingerprints are made by `scripts/make_seed_fingerprints.py` (which converts a
traditional-character original first); the build only reads them.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..core.findings import Finding

WINDOW = 25
PROBE = 13  # <= (WINDOW + 1) // 2, so every WINDOW-run holds an aligned probe
DIGEST_BYTES = 6  # 48 bits: ~25,000 windows a source, a false match in the guide ~1 in 10,000
FINGERPRINTS = Path(__file__).resolve().parent / "data" / "seed-fingerprints.txt"

QUOTED = re.compile(r"“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|《[^》\n]*》")
BREAK = "\x00"  # stands where a quotation was; no stretch of an original contains it
NOT_WORDS = re.compile(r"[^\w\x00]+|_+")


@dataclass(frozen=True)
class Fingerprints:
    windows: frozenset[str]
    probes: frozenset[str]


def normalise(text: str) -> str:
    """Words only: whitespace, punctuation and symbols removed (quotation breaks kept)."""
    return NOT_WORDS.sub("", text)


def fingerprint(stretch: str) -> str:
    return hashlib.blake2b(stretch.encode("utf-8"), digest_size=DIGEST_BYTES).hexdigest()


def make_fingerprints(originals: Iterable[str]) -> Fingerprints:
    """Fingerprints of originals already in simplified characters."""
    windows: set[str] = set()
    probes: set[str] = set()
    for original in originals:
        flat = normalise(original.replace(BREAK, ""))
        windows.update(fingerprint(flat[i:i + WINDOW]) for i in range(len(flat) - WINDOW + 1))
        probes.update(fingerprint(flat[i:i + PROBE]) for i in range(len(flat) - PROBE + 1))
    return Fingerprints(frozenset(windows), frozenset(probes))


def merge(first: Fingerprints, second: Fingerprints) -> Fingerprints:
    return Fingerprints(first.windows | second.windows, first.probes | second.probes)


def dump(prints: Fingerprints) -> str:
    """The stored form: one `w <hash>` or `p <hash>` a line, sorted, so a diff shows what changed."""
    lines = [f"w {h}" for h in sorted(prints.windows)] + [f"p {h}" for h in sorted(prints.probes)]
    return "\n".join(lines) + "\n"


def parse(text: str) -> Fingerprints:
    windows: set[str] = set()
    probes: set[str] = set()
    for line in text.split("\n"):
        kind, _, digest = line.partition(" ")
        (windows if kind == "w" else probes if kind == "p" else set()).add(digest)
    return Fingerprints(frozenset(windows), frozenset(probes))


@cache
def stored_fingerprints(path: Path = FINGERPRINTS) -> Fingerprints | None:
    """The committed fingerprints, or None where none are kept (then nothing is checked)."""
    try:
        return parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def flat_text(body: str) -> str:
    """The body as the fingerprints see it: quotations replaced by BREAK, words only.

    The same as flattening it line by line and joining the lines: a quotation never spans a
    line break, and normalise drops the line breaks along with every other non-word character.
    """
    return normalise(QUOTED.sub(BREAK, body))


def line_starts(body: str) -> list[int]:
    """The offset in flat_text(body) where each source line begins."""
    starts: list[int] = []
    offset = 0
    for raw in body.split("\n"):
        starts.append(offset)
        offset += len(flat_text(raw))
    return starts


def copied_runs(body: str, first_line: int, prints: Fingerprints) -> list[tuple[int, str]]:
    """Maximal unquoted runs of WINDOW+ characters that an original contains, with their first line."""
    flat = flat_text(body)
    matched: set[int] = set()
    probes = prints.probes
    for probe in range(0, len(flat) - PROBE + 1, PROBE):
        if fingerprint(flat[probe:probe + PROBE]) not in probes:
            continue
        for start in range(max(0, probe + PROBE - WINDOW), probe + 1):
            if start not in matched and start + WINDOW <= len(flat) \
                    and fingerprint(flat[start:start + WINDOW]) in prints.windows:
                matched.add(start)
    runs: list[tuple[int, str]] = []
    run_start = run_end = -1
    for start in sorted(matched):
        if start > run_end:
            if run_start >= 0:
                runs.append((run_start, flat[run_start:run_end]))
            run_start = start
        run_end = start + WINDOW
    if run_start >= 0:
        runs.append((run_start, flat[run_start:run_end]))
    if not runs:  # the usual case: no line needs locating
        return []
    starts = line_starts(body)
    return [(first_line + bisect.bisect_right(starts, at) - 1, run) for at, run in runs]


def check_own_words(path: str, body: str, first_line: int,
                    prints: Fingerprints | None = None) -> list[Finding]:
    """G141 for every run copied from an original without quotation marks, at its line."""
    prints = prints if prints is not None else stored_fingerprints()
    if prints is None:
        return []
    return [Finding(
        "G141", path, f"这里有 {len(run)} 个字与资料原文连续相同（不计标点）：“{_excerpt(run)}”。",
        f"用自己的话概括改写（连续相同不超过 {WINDOW - 1} 个字）；确要保留原话时，"
        "加中文引号“…”并在句末注明出处。数字、人名、单位名称照原文写不受影响。", line)
        for line, run in copied_runs(body, first_line, prints)]


def _excerpt(run: str, limit: int = 20) -> str:
    return run[:limit] + "…" if len(run) > limit else run

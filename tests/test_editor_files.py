"""Any file an editor can produce gives a Chinese finding, never a traceback; one mistake, one finding."""

from __future__ import annotations

import re

from conftest import BASE_PAGES

SECTIONS = "## 要点\n\n正文。\n\n## 资料依据\n\n资料。[^s002]\n\n[^s002]: 见[来源](../sources/s002.md)。\n"
CAUSE = f"---\ntitle: 成因\nsummary: 摘要。\nsources: [s002]\n---\n\n{SECTIONS}"

# page -> (bytes, the one rule code it must be reported with)
FILES: dict[str, tuple[bytes, str]] = {
    "causes/gbk.md": (CAUSE.encode("gbk"), "G001"),
    "causes/utf16.md": (CAUSE.encode("utf-16"), "G001"),
    "causes/picture.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "G001"),
    "causes/word.md": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(64), "G001"),
    "causes/control-char.md": (CAUSE.replace("title: 成因", "title: 成\x07因").encode(), "G002"),
    "causes/no-closing.md": (CAUSE.replace("---\n\n## 要点", "\n## 要点").encode(), "G005"),
    "causes/no-front-matter.md": (SECTIONS.encode(), "G005"),
    "causes/empty.md": (b"", "G006"),
    "causes/only-dashes.md": (b"---\n", "G005"),
    "causes/a-list.md": (b"---\n- title\n- summary\n---\n\n" + SECTIONS.encode(), "G005"),
    "causes/bad-yaml.md": (CAUSE.replace("sources: [s002]", "sources: [s002").encode(), "G002"),
    "guide/latin1.md": ("---\ntitle: Café\n---\n\n# Café\n".encode("latin-1"), "G001"),
}
FINDING = re.compile(r"\[(G\d{3})\] docs/(\S+?)[: ]")


def test_every_kind_of_broken_file_is_one_chinese_finding(fixture_site):
    result = fixture_site({path: raw for path, (raw, _) in FILES.items()})
    assert result.returncode == 1
    assert "Traceback" not in result.output and "Error:" not in result.output, result.output
    reported = FINDING.findall(result.output)
    for path, (_, code) in FILES.items():
        assert [c for c, p in reported if p == path] == [code], (path, result.output)
    # nothing else: no "nothing links here" echo on the pages these would have linked to
    assert {p for _, p in reported} == set(FILES), result.output
    assert set(BASE_PAGES) - set(FILES)

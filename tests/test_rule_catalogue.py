"""Every rule in the catalogue (which the editors' guide renders) is enforced, and the editor's
check (`python -m guidekit`, run by lint.sh and pre-commit) reports exactly what the build reports.

One site holds one broken page per rule; it is built once with --strict and checked once with the
command line, and both lists of findings are compared rule code by rule code, file by file.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import BASE_PAGES, ROOT, copy_project_config, run_mkdocs
from guidekit.core.findings import RULES
from guidekit.core.model import SOURCE_NOTE_MARKUP
from guidekit.core.placeholders import placeholder
from support import item_body

FINDING = re.compile(r"\[(?P<code>G\d{3})\] (?:docs/(?P<path>\S+?)|(?P<include>includes/\S+?))(?::(?P<line>\d+))? ")


FOOTNOTE = "[^s002]: 见[来源](../sources/s002.md)。\n"


def sections(folder: str, cite: str = "[^s002]") -> str:
    """Every section of the type in its voice, the sources' ones citing `cite` (with its footnote when it is
    s002), so only the fixture's own rule fires."""
    return item_body(folder, cite.strip("[^]") or "s002", define=cite == "[^s002]")


def cause(front: str, body: str | None = None) -> str:
    return f"---\n{front}\n---\n\n" + (sections("causes") if body is None else body)


def measure(front: str, fields: str = "lead: 支部书记\neffort: 小") -> str:
    return f"---\ntitle: 举措\nsummary: 摘要。\nsources: [s002]\n{front}\n{fields}\n---\n\n" + sections("measures")


def case(applies: str) -> str:
    """A case applying four-togethers as written (the lines after `applies:`)."""
    front = f"title: 某单位：案例\nsummary: 摘要。\nsources: [s002]\napplies:\n{applies}"
    return f"---\n{front}\n---\n\n" + sections("cases")


def page(body: str, front: str = "title: 普通页面") -> str:
    return f"---\n{front}\n---\n\n# 普通页面\n\n{body}\n"


VALID_CAUSE = "title: 成因\nsummary: 摘要。\nsources: [s002]"

READER_WORDS = "../includes/synonyms.yml"  # a fixture path outside docs/ (reported as includes/synonyms.yml)

# Rule code -> (page path that must be reported, the pages that provoke it).
FIXTURES: dict[str, tuple[str, dict[str, str | bytes]]] = {
    "G001": ("guide/g001.md", {"guide/g001.md": page("正文。").encode("gbk") + "中文".encode("gbk")}),
    "G002": ("guide/g002.md", {"guide/g002.md": page("正文。", "title: [没有闭合")}),
    "G003": ("guide/g003.md", {"guide/g003.md": page("正文。", "title：全角冒号")}),
    "G004": ("guide/g004.md", {"guide/g004.md": page("正文。", "title: 标题\nsearch:\n\texclude: true")}),
    "G005": ("guide/g005.md", {"guide/g005.md": "---\ntitle: 没有结束行\n\n正文。\n"}),
    "G006": ("guide/g006.md", {"guide/g006.md": "---\ntitle: 没有正文\n---\n"}),
    "G007": ("causes/Bad_Name.md", {"causes/Bad_Name.md": cause(VALID_CAUSE)}),
    "G010": ("causes/g010.md", {"causes/g010.md": cause("title: 没有摘要\nsources: [s002]")}),
    "G011": ("causes/g011.md", {"causes/g011.md": cause(VALID_CAUSE + "\nauthor: 某人")}),
    "G012": ("causes/g012.md", {"causes/g012.md": cause("title: 2019\nsummary: 摘要。\nsources: [s002]")}),
    "G013": ("causes/g013.md", {"causes/g013.md": cause(f"title: 长摘要\nsummary: {'字' * 81}\nsources: [s002]")}),
    "G140": ("causes/g140.md", {"causes/g140.md": cause(f"title: {'长' * 29}\nsummary: 摘要。\nsources: [s002]")}),
    "G141": ("guide/g141.md", {"guide/g141.md": page(
        "各地要维护国家政治安全和社会稳定，建设更高水平的平安陕西、法治陕西，积极开展市域社会治理现代化试点。")}),
    "G142": ("causes/g142.md", {"causes/g142.md": cause("title: 全角逗号\nsummary: 摘要。\nsources: [s002，s001]")}),
    "G014": ("causes/g014.md", {"causes/g014.md": cause(VALID_CAUSE + "\ntags: [没有这个标签]")}),
    "G015": ("causes/g015.md", {"causes/g015.md": cause(VALID_CAUSE + "\ntitle: 又一个标题")}),
    "G100": ("cases/g100.md", {"cases/g100.md": case("  [four-togethers]")}),
    "G101": ("cases/g101.md", {"cases/g101.md": case("  four-togethers: {why: 报告做了}")}),
    "G102": ("cases/g102.md", {"cases/g102.md": case("  four-togethers: {grade: 很有成效, why: 报告做了}")}),
    "G103": ("cases/g103.md", {"cases/g103.md": case("  four-togethers: {grade: 已实施，无成效数据}")}),
    "G104": ("cases/g104.md", {"cases/g104.md": case(
        "  four-togethers: {grade: 已实施，无成效数据, why: " + "长" * 41 + "}")}),
    "G105": ("cases/g105.md", {"cases/g105.md": case("  four-togethers: {grade: 已实施，无成效数据, why: 见`原文`}")}),
    "G106": ("cases/g106.md", {"cases/g106.md": case(
        "  four-togethers: {grade: 已实施，无成效数据, why: 报告做了, gread: 1}")}),
    "G107": ("cases/g107.md", {"cases/g107.md": case("  four-togethers: {grade: 仅为主张, why: 只提出要求}")}),
    "G108": ("measures/g108.md", {"measures/g108.md": measure("addresses: [two-skins]", "lead: 书记\neffort: 小")}),
    "G109": ("measures/g109.md", {"measures/g109.md": measure(
        "addresses: [two-skins]", "lead: 支部书记\neffort: 特大")}),
    "G020": ("measures/g020.md", {"measures/g020.md": measure("addresses: [no-such-problem]")}),
    "G021": ("measures/g021.md", {"measures/g021.md": measure("addresses: [two-skins, four-togethers]")}),
    "G022": ("causes/nchu.md", {"causes/nchu.md": (
        "---\ntitle: 重名\nsummary: 摘要。\nsources: [s002]\n---\n\n"
        + sections("causes"))}),
    "G023": ("measures/g023.md", {"measures/g023.md": measure("addresses: [two-skins, g023]")}),
    "G024": ("measures/g024.md", {"measures/g024.md": measure("addresses: [two-skins, two-skins]")}),
    "G030": ("causes/g030.md", {"causes/g030.md": cause(VALID_CAUSE)}),
    "G031": ("problems/g031.md", {"problems/g031.md": (
        "---\ntitle: 没人应对\nsummary: 摘要。\nsources: [s002]\ncauses: [business-over-party]\n---\n\n"
        + sections("problems"))}),
    "G032": ("sources/s900.md", {"sources/s900.md": (
        "---\ntitle: 没人引用\nsummary: 摘要。\nauthor: 未注明\noutlet: 未注明\ndate: 2018-12-05\nkind: 文章\n"
        "---\n\n" + sections("sources", cite=""))}),
    "G033": ("overview.md", {"overview.md": page("手写的全景图。")}),
    "G040": ("guide/g040.md", {"guide/g040.md": page("正文。\n\n<script>alert(1)</script>")}),
    "G041": ("guide/g041.md", {"guide/g041.md": page('<div onclick="alert(1)">点我</div>')}),
    "G042": ("guide/g042.md", {"guide/g042.md": page("[点我](javascript:alert(1))")}),
    "G043": ("guide/g043.md", {"guide/g043.md": page('<span style="background: url(a.png)">字</span>')}),
    "G044": ("guide/g044.md", {"guide/g044.md": page("![图](https://example.com/a.png)")}),
    "G045": ("guide/g045.md", {"guide/g045.md": page('正文。\n\n--8<-- "no-such-file.md"')}),
    "G046": ("guide/g046.md", {"guide/g046.md": page("见[外部网站](https://example.com/)。")}),
    "G047": ("guide/g047.md", {"guide/g047.md": page("這是繁體字。")}),
    "G049": ("guide/g049.md", {"guide/g049.md": page("正文\x00。").encode()}),
    "G055": ("problems/g055.md", {"problems/g055.md": (
        "---\ntitle: 没有勾选项\nsummary: 摘要。\nsources: [s002]\ncauses: [business-over-party]\n---\n\n"
        + sections("problems").replace("- [ ] ", ""))}),
    "G150": ("problems/x-g150.md", {"problems/x-g150.md": (  # after two-skins.md, whose question it repeats
        "---\ntitle: 重复的自查题\nsummary: 摘要。\nsources: [s002]\ncauses: [business-over-party]\n---\n\n"
        + sections("problems").replace("- [ ] 正文[^s002]。", "- [ ] 支部研究过业务工作[^s002]"))}),
    "G060": ("guide/g060.md", {"guide/g060.md": page("正文。", "title: &t 标题\nsummary: *t")}),
    "G061": ("guide/g061.md", {"guide/g061.md": page("正文。", "title: <b>加粗的标题</b>")}),
    "G120": ("guide/g120.md", {"guide/g120.md": page("正文。\n\n<div>\n<!-- 没有结束的注释\n</div>")}),
    "G121": ("guide/新页面.md", {"guide/新页面.md": page("正文。")}),
    "G062": ("guide/g062.html", {"guide/g062.html": "<p>手写的网页</p>\n"}),
    "G063": ("guide/g063.svg", {"guide/g063.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n')}),
    "G050": ("causes/g050.md", {"causes/g050.md": cause(VALID_CAUSE, sections("causes") + "\n没有出处的一段。\n")}),
    "G051": ("causes/g051.md", {"causes/g051.md": cause(
        VALID_CAUSE, sections("causes") + '\n!!! tip "编者建议"\n\n    带脚注的建议。[^s002]\n')}),
    "G070": ("causes/g070.md", {"causes/g070.md": cause(f"title: {placeholder('成因的标题')}\nsummary: 摘要。\n"
                                                         "sources: [s002]")}),
    "G071": ("guide/g071.md", {"guide/g071.md": page("正文[^s002]。")}),
    "G072": ("guide/g072.md", {"guide/g072.md": page("正文。\n\n[^s002]: 见[来源](../sources/s002.md)。")}),
    "G073": ("guide/g073.md", {"guide/g073.md": page("正文[^note]。\n\n[^note]: 说明。")}),
    "G074": ("causes/g074.md", {"causes/g074.md": cause(VALID_CAUSE, sections("causes", "[^s900]")
                                                         + "[^s900]: 见[来源](../sources/s900.md)。\n")}),
    "G076": ("causes/g076.md", {"causes/g076.md": cause(VALID_CAUSE, "## 要点\n\n只有一节。\n")}),
    "G110": ("causes/g110.md", {"causes/g110.md": cause(
        VALID_CAUSE, "## 资料依据\n\n原因。[^s002]\n\n## 要点\n\n建议。\n\n" + FOOTNOTE)}),
    "G111": ("measures/g111.md", {"measures/g111.md": measure("addresses: [two-skins]").replace(
        "## 怎么做\n\n本指南的建议。", "## 怎么做\n\n1. 按原文的要求做。[^s002]")}),
    "G112": ("causes/g112.md", {"causes/g112.md": cause(
        VALID_CAUSE, sections("causes") + '\n!!! note "资料说明"\n\n    原文没有给出人数。\n')}),
    "G113": ("causes/g113.md", {"causes/g113.md": cause(
        VALID_CAUSE, sections("causes") + f"\n{SOURCE_NOTE_MARKUP}\n\n    一。\n\n{SOURCE_NOTE_MARKUP}\n\n    二。\n"
    )}),
    "G114": ("causes/g114.md", {"causes/g114.md": cause(VALID_CAUSE, sections("causes").replace(
        "资料报告的内容。", "资料报告的内容，原文没有给出人数。也没有说明时间。"))}),
    "G115": ("guide/checklist-g115.md", {"guide/checklist-g115.md": page(
        "- [ ] 年初开过支委会。见[举措](../measures/four-togethers.md)。[^s002]\n\n" + FOOTNOTE)}),
    "G116": ("guide/checklist-g116.md", {"guide/checklist-g116.md": page("- [ ] 年初开过支委会。")}),
    "G117": ("causes/g117.md", {"causes/g117.md": cause(VALID_CAUSE, sections("causes").replace(
        "本指南的建议。", f"本指南的建议。\n\n{SOURCE_NOTE_MARKUP}\n\n    说明。"))}),
    "G080": ("guide/g080.md", {"guide/g080.md": page("见[别处](no-such-page.md)。")}),
    "G081": ("guide/g081.md", {"guide/g081.md": page("见[下文](#no-such-heading)。")}),
    "G082": ("guide/g082.md", {"guide/g082.md": page("见[首页](/index.md)。")}),
    "G083": ("guide/g083.md", {"guide/g083.md": page("见[问题](../problems/)。")}),
    "G086": ("guide/g086.md", {"guide/g086.md": "---\ntitle: 没有一级标题\n---\n\n## 小节\n\n正文。\n"}),
    # The readers' words file lives in includes/ (the fixture replaces the guide's own): one line per rule.
    "G130": (f"{READER_WORDS}:1", {READER_WORDS: "走过场: 走马观花\n怎么添加案例: no/such-page.md\n没有冒号的一行\n"}),
    "G131": (f"{READER_WORDS}:2", {}),
    "G132": (f"{READER_WORDS}:3", {}),
}
# These need a change to mkdocs.yml, not a page: tested on MkDocs' real messages in test_mkdocs_messages.py.
CONFIG_RULES = {"G085": "nav"}
# These fire when an installed package is not the pinned one: tested by swapping the package's code
# in tests/test_print_site_patch.py (G090), tests/test_search_patch.py and tests/test_search_indexing.py (G091).
PACKAGE_RULES = {"G090": "mkdocs-print-site-plugin", "G091": "mkdocs-material"}
# A page that is a symbolic link out of the project (made in the fixture below, not written as text).
SYMLINK_RULE = ("G048", "guide/g048.md")


def found(output: str) -> set[tuple[str, str, str | None]]:
    return {(m["code"], m["path"] or "../" + m["include"], m["line"]) for m in FINDING.finditer(output)}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    project = tmp_path_factory.mktemp("broken")
    copy_project_config(project)
    pages: dict[str, str | bytes] = dict(BASE_PAGES)
    for _, fixture in FIXTURES.values():
        pages.update(fixture)
    for path, text in pages.items():
        target = project / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    (project / "docs" / SYMLINK_RULE[1]).symlink_to(project.parent / "outside.md")
    (project.parent / "outside.md").write_text("---\ntitle: 项目外的文件\n---\n\n秘密。\n", encoding="utf-8")
    build = run_mkdocs(project, "build", "--strict")
    cli = subprocess.run([sys.executable, "-m", "guidekit", str(project / "docs")], cwd=ROOT / "hooks",
                         capture_output=True, text=True, timeout=300)
    return build, cli


def test_every_rule_in_the_catalogue_has_a_fixture():
    assert set(RULES) == set(FIXTURES) | set(CONFIG_RULES) | set(PACKAGE_RULES) | {SYMLINK_RULE[0]}


@pytest.mark.parametrize("code", sorted({*FIXTURES, SYMLINK_RULE[0]}))
def test_the_build_enforces_the_rule(broken, code):
    build, _ = broken
    path = FIXTURES[code][0] if code in FIXTURES else SYMLINK_RULE[1]
    path, _, line = path.partition(":")  # an includes/ file: one line of it per rule
    assert build.returncode == 1
    assert any(c == code and p == path and (not line or n == line) for c, p, n in found(build.output)), \
        f"[{code}] {path}:{line} not reported"


def test_the_editors_check_reports_exactly_what_the_build_reports(broken):
    build, cli = broken
    assert cli.returncode == 1
    assert "Traceback" not in build.output + cli.stdout + cli.stderr
    assert found(cli.stdout) == found(build.output)
    assert {code for code, _, _ in found(cli.stdout)} >= {"G040", "G045", "G070", "G071", "G080", "G081"}


def test_no_message_is_english_alone(broken):
    build, _ = broken
    for line in build.output.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            assert FINDING.search(line), f"a message without a rule code, file and Chinese text: {line}"


PROGRAMMER_WORDS = re.compile(r"\b(?:list|int|str|dict|date|datetime|bool|float|NoneType|None|YAMLError|"
                              r"Exception|KeyError|ValueError|TypeError)\b")


def test_messages_speak_an_editors_language(broken):
    build, _ = broken
    messages = [line.split("] ", 1)[1] for line in build.output.splitlines() if FINDING.search(line)]
    assert messages
    for message in messages:
        said = re.sub(r"（(?:解析器)?原文：.*?）", "", message)  # the English original may follow
        said = re.sub(r"`[^`]*`", "", said)                       # what the editor typed, quoted
        assert not PROGRAMMER_WORDS.search(said), message
        assert "修改建议：" in message and re.search(r"[\u4e00-\u9fff]", said), message
    (g012,) = [m for m in messages if m.startswith("docs/causes/g012.md:")]
    assert "一个数字" in g012
    (g013,) = [m for m in messages if m.startswith("docs/causes/g013.md:")]
    assert "81 个字符" in g013 and "标点" in g013 and "每个都算一个" in g013


def test_every_rule_code_leads_to_its_check_in_one_step():
    """findings.CHECKED_BY names the module(s) that make each rule's findings, and no other module does."""
    from guidekit.core.findings import CHECKED_BY

    modules = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "hooks" / "guidekit").rglob("*.py")}
    assert set(CHECKED_BY) == set(RULES)
    for code, named in CHECKED_BY.items():
        for module in named:
            assert f'"{code}"' in modules[module], f"{code}: not in guidekit/{module}.py"
        makers = {m for m, text in modules.items() if m != "findings" and re.search(rf'Finding\(\s*"{code}"', text)}
        assert makers <= set(named), f"{code} is also made in {sorted(makers - set(named))}"

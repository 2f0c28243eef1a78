"""Markdown writing check (pymarkdown) with the build's own rules, in Chinese, file:line:column.

What the editors' guide allows is what lint allows, from one place each:
- HTML elements: the build's allowlist (hooks/guidekit/html_safety.ELEMENTS); the guide's
  list of them is generated from the same set (marker `<!-- guide:allowed-html -->`).
- List indentation: Python-Markdown nests a list only under 4 spaces (or a tab); pymarkdown's
  own indentation rules (MD007, MD010) measure it the CommonMark way and would ask for 3, so
  they are off and this module checks the Python-Markdown rule itself (LIST_INDENT).

Every message an editor can meet is Chinese; the English rule id follows in brackets.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pymarkdown.api import PyMarkdownApi, PyMarkdownApiException

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from guidekit.checks.html_safety import ELEMENTS  # noqa: E402
from guidekit.core.regions import protected_lines  # noqa: E402

CONFIG = ROOT / ".pymarkdown.json"
LIST_INDENT = 4
# Rules whose CommonMark reading disagrees with Python-Markdown's (see the module docstring).
OFF = ("md007", "md010")

# One Chinese sentence per rule pymarkdown can report here (the rules .pymarkdown.json leaves on).
CHINESE: dict[str, str] = {
    "md001": "标题级别跳级了（例如 `##` 之后直接写了 `####`），请逐级往下写",
    "md003": "标题写法不统一，请都用行首 `#` 的写法",
    "md004": "无序列表的符号不统一，请都用 `-`",
    "md005": "同一层列表项的缩进不一样，请对齐",
    "md009": "行末有多余的空格，请删去",
    "md011": "链接写反了，应写成 `[文字](地址)`",
    "md012": "连续空了两行以上，请只留一个空行",
    "md014": "代码块里的命令前不要写 `$`",
    "md018": "`#` 后面缺少空格，例如应写 `## 标题`",
    "md019": "`#` 后面空格太多，只留一个",
    "md020": "闭合式标题 `# 标题 #` 的 `#` 内侧缺少空格",
    "md021": "闭合式标题 `# 标题 #` 的 `#` 内侧空格太多",
    "md022": "标题前后要各空一行",
    "md023": "标题必须顶格写，前面不能有空格",
    "md024": "同一页里有两个完全相同的标题，请改成不同的说法",
    "md025": "一页只能有一个一级标题 `#`",
    "md026": "标题末尾不要带标点",
    "md027": "引用符号 `>` 后面空格太多，只留一个",
    "md028": "引用块中间有空行，会被拆成两段引用；空行也写上 `>`",
    "md029": "有序列表的编号不连续，请写成 1. 2. 3.",
    "md030": "列表符号后面的空格不对：单段列表项空 1 格，多段列表项空 3 格",
    "md031": "代码块前后要各空一行",
    "md032": "列表前后要各空一行",
    "md033": "用了编辑指南不允许的 HTML 元素",
    "md034": "网址直接写在正文里了，请写成 `[文字](网址)`",
    "md035": "分隔线写法不统一，请都用 `---`",
    "md036": "整行加粗被当成了标题，请改用 `###` 标题，或在粗体后接着写正文",
    "md037": "强调符号 `*` 内侧有空格，强调不会生效",
    "md038": "行内代码的反引号内侧有多余空格",
    "md039": "链接文字两端有多余空格",
    "md040": "代码块要写明语言，例如 ```` ```yaml ````",
    "md042": "链接地址是空的",
    "md045": "图片缺少替代文字，请在 `![…]` 的方括号里写明图片内容",
    "md047": "文件末尾要有且只有一个换行",
    "md048": "代码块围栏写法不统一，请都用 ```",
    "md049": "斜体写法不统一，请都用 `*`",
    "md050": "粗体写法不统一，请都用 `**`",
    "md051": "页内链接 `#…` 指向的标题不存在",
    "md052": "引用式链接的标签没有定义",
    "md053": "定义了引用式链接却没有用到，请删去",
    "md054": "链接写法不统一",
    "md055": "表格两侧的竖线 `|` 写法不统一",
    "md056": "表格这一行的列数与表头不同",
    "md058": "表格前后要各空一行",
    "md059": "链接文字要说明去向，不要只写“这里”“点击”之类",
    "md060": "表格列的写法不统一",
}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    rule: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.column} {self.message} [{self.rule.upper()}]"


def allowed_html() -> list[str]:
    """The HTML elements an editor may write: the build's allowlist, nothing else."""
    return sorted(ELEMENTS)


def _api() -> PyMarkdownApi:
    api = PyMarkdownApi().configuration_file_path(str(CONFIG))
    api.set_string_property("plugins.md033.allowed_elements", ",".join([*allowed_html(), "!--"]))
    for rule in OFF:
        api.disable_rule_by_identifier(rule)
    return api


def _chinese(rule: str, extra: str) -> str:
    sentence = CHINESE.get(rule, "Markdown 写法有问题")
    if rule == "md033":
        element = re.search(r"Element: ([^\]\s]+)", extra)
        sentence += f"：`<{element.group(1) if element else '?'}>`（可以用的元素见编辑指南“写正文”一节）"
    return sentence + "。"


def indentation_problems(path: str, text: str) -> list[Problem]:
    """List items nested by a number of spaces Python-Markdown does not nest (not a multiple of 4)."""
    problems: list[Problem] = []
    skip = protected_lines(text)
    item = re.compile(r"^(?P<indent>[ \t]+)(?:[-*+]|\d+[.)])[ \t]+\S")
    for offset, line in enumerate(text.split("\n")):
        match = item.match(line)
        if not match or offset in skip:
            continue
        width = len(match["indent"].expandtabs(LIST_INDENT))
        if width % LIST_INDENT:
            problems.append(Problem(
                path, offset + 1, 1, "indent",
                f"列表项缩进了 {width} 个空格；嵌套列表要缩进 {LIST_INDENT} 个空格（或其倍数），"
                "否则网页上不会成为子项目。"))
    return problems


def scan(paths: Iterable[Path]) -> list[Problem]:
    paths = list(paths)
    problems: list[Problem] = []
    api = _api()
    for path in paths:
        name = path.resolve().relative_to(ROOT).as_posix()
        try:
            failures = api.scan_path(str(path)).scan_failures
        except PyMarkdownApiException as error:  # a file pymarkdown cannot read at all
            problems.append(Problem(name, 1, 1, "pymarkdown", f"Markdown 检查无法读取这个文件：{error}"))
            continue
        for failure in failures:
            rule = failure.rule_id.lower()
            problems.append(Problem(name, failure.line_number, failure.column_number, rule,
                                    _chinese(rule, failure.extra_error_information or "")))
    for path in paths:
        problems.extend(indentation_problems(path.resolve().relative_to(ROOT).as_posix(),
                                             path.read_text(encoding="utf-8", errors="replace")))
    return sorted(problems, key=lambda p: (p.path, p.line, p.column))


def fix_string(text: str) -> str:
    """pymarkdown's fixer over one text (the caller decides whether the result may be kept)."""
    return _api().fix_string(text).fixed_file


def main(argv: list[str]) -> int:
    roots = [ROOT / a for a in argv] or [ROOT / "docs", ROOT / "includes"]
    paths = [p for root in roots for p in (sorted(root.rglob("*.md")) if root.is_dir() else [root])]
    problems = scan(paths)
    for problem in problems:
        print(problem.format())
    print(f"Markdown 写法：{len(problems)} 处需要修改。" if problems else "Markdown 写法：没有问题。")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

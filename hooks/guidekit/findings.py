"""Findings: what a check reports, and the catalogue of rules behind them.

Every rule has a stable code, a Chinese name and an explanation; the editors'
guide renders its table of messages from RULES, so the guide can never list a
rule the build does not check (or miss one it does).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    code: str
    level: Level
    name: str
    explanation: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("G001", "error", "文件不是 UTF-8 编码",
             "文件用了其他编码（例如 Windows 记事本的 GBK/ANSI）保存。请用“UTF-8”编码另存。"),
        Rule("G002", "error", "front matter 语法错误",
             "两行 `---` 之间的内容不是合法的 YAML，常见原因是引号不成对、缩进不齐或列表写法有误。"),
        Rule("G003", "error", "front matter 使用了全角冒号",
             "字段名后面要用半角冒号加空格，例如 `title: 标题`，不能写 `title：标题`。"),
        Rule("G004", "error", "front matter 使用了制表符",
             "YAML 不允许用 Tab 缩进，请改用空格。"),
        Rule("G005", "error", "缺少 front matter 或格式不对",
             "条目页第一行必须是 `---`，之后是“字段: 值”形式的若干行，再以 `---` 结束。"),
        Rule("G006", "error", "页面正文为空",
             "除 front matter 外页面没有任何正文。请按模板写出正文各节。"),
        Rule("G007", "error", "文件名不是合法的 id",
             "条目文件名就是它的 id，只能用小写英文字母、数字和连字符，例如 `two-skins.md`。"),
        Rule("G010", "error", "缺少必填字段",
             "该类型的页面必须填写的字段没有填写或为空。"),
        Rule("G011", "error", "未知字段",
             "front matter 中出现了本类型不支持的字段，多半是拼写错误或放错了类型。"),
        Rule("G012", "error", "字段值的类型不对",
             "每个字段都有固定的类型：`title`、`summary` 等是一段文字，`sources`、`tags` 等是列表 `[s001, s002]`，"
             "`date` 是日期。YAML 会把 `2024-01-01` 读成日期、`12:30` 读成数字、`yes` 读成是非值、空着读成空值、"
             "值里的“: ”读成几个“名称: 值”；要原样保留文字时，把整个值用英文双引号括起来。"),
        Rule("G013", "error", "摘要过长",
             "`summary` 用于卡片、总览表和搜索结果，最多 80 个字符：汉字、标点、字母、数字和空格每个都算一个。"),
        Rule("G014", "error", "标签不在允许列表中",
             "`tags` 只能使用 mkdocs.yml 中 `tags_allowed` 列出的标签。"),
        Rule("G015", "error", "字段重复",
             "同一个字段在 front matter 中写了两次，后一次会悄悄覆盖前一次。"),
        Rule("G016", "error", "证据等级写法不对",
             "案例页的 `evidence` 只能是 `有实践和数据`、`有实践无数据`、`仅为主张` 三者之一，"
             "按资料来源实际报告的内容定级（见“证据等级说明”）。"),
        Rule("G020", "error", "引用了不存在的条目",
             "关系字段里的 id 找不到对应页面。检查拼写，或先创建该页面。"),
        Rule("G021", "error", "引用了错误类型的条目",
             "每个关系字段只能指向特定类型，例如 `causes` 只能列成因，`applies` 只能列创新举措。"),
        Rule("G022", "error", "id 重复",
             "两个页面的文件名相同（即使在不同文件夹），引用时无法区分。请改名其中一个。"),
        Rule("G023", "error", "引用了自己",
             "页面不能在关系字段中列出自己的 id。"),
        Rule("G024", "warning", "重复引用",
             "同一个 id 在一个字段里写了两次。删除多余的一次。"),
        Rule("G030", "warning", "孤立条目",
             "没有任何其他条目与它相连，读者只能从目录找到它。请补上关系字段。"),
        Rule("G031", "warning", "问题还没有应对举措",
             "没有任何创新举措在 `addresses` 中列出这个问题。"),
        Rule("G032", "warning", "资料来源未被引用",
             "没有任何条目在 `sources` 中列出这篇资料。"),
        Rule("G033", "warning", "生成页面的路径被占用",
             "该路径的页面由构建自动生成，请不要在 docs/ 中手写同名文件。"),
        Rule("G050", "error", "段落没有注明出处",
             "问题、成因、举措、案例页正文中的每个段落和每个列表项，要么带资料来源脚注（如 `[^s002]`），"
             "要么放进标题为“编者建议”的提示块（`!!! tip \"编者建议\"`，内容缩进四个空格）。"
             "资料没有说过的步骤、责任人、时间、清单细节都是编者建议。标题行和只有链接的行不受此限。"),
        Rule("G051", "error", "编者建议中引用了资料来源",
             "“编者建议”块是本指南编者自己的意见，不能带资料来源脚注。有出处的内容请移到块外；"
             "确属建议的，删去脚注。"),
        Rule("G055", "warning", "自查要点没有勾选项",
             "问题页“自查要点”一节里的每个勾选项（`- [ ] …`）都是“自查诊断”页上的一道题；"
             "这一节没有勾选项，这个问题就不会出现在自查诊断中。把要点写成 `- [ ] ` 开头的列表项。"),
        Rule("G040", "error", "页面含有不允许的 HTML 元素",
             "正文只能用 Markdown 和少数 HTML 元素：`span`、`br`、`sup`、`sub`、`abbr`、`mark`、`kbd`、"
             "`details`、`figure`、表格（`table`、`tr`、`td` 等）、`div`、`p`、列表和标题等。"
             "`<script>`、`<style>`、`<form>`、`<meta>`、`<base>`、`<link>`、`<iframe>`、`<object>`、"
             "`<embed>`、`<svg>` 等一律不允许。"),
        Rule("G041", "error", "HTML 元素带有不允许的属性",
             "只允许 `class`、`id`、`title`、`lang`、`style` 等少数属性和各元素自己的属性（如链接的 `href`、"
             "图片的 `src`、`alt`，以及本指南组件的 `data-guide-…` 属性，值只能是名称）；`onclick=` 之类的 `on…` "
             "事件属性一律不允许，`<input>` 只能是清单复选框。"),
        Rule("G042", "error", "链接或资源地址的协议不允许",
             "地址（解码字符实体、忽略大小写和空白后）只能是本站内的相对路径、`http(s)://`、`mailto:` 或 `tel:`；"
             "`javascript:`、`data:`、`vbscript:`、`file:` 等和以 `/` 开头的地址都不允许。"),
        Rule("G043", "error", "内联样式不允许",
             "`style` 只能设置对齐、颜色、字重、宽度、边距等少数属性，值里不能有括号（如 `url(`）、"
             "`@import`、反斜杠转义或注释。"),
        Rule("G044", "error", "页面引用了外部资源",
             "图片、样式等资源必须放在本站内（docs/ 下），不能引用其他网站的地址，否则内网无法显示。"),
        Rule("G045", "error", "片段引用无效",
             "`--8<--` 只能引用 includes/ 文件夹中存在的文件，不能用绝对路径或 `..` 跳出该文件夹。"),
        Rule("G046", "warning", "链接指向其他网站",
             "内网读者可能打不开外部网站。确需保留的外部链接请在发布前与维护者确认。"),
        Rule("G047", "error", "含有繁体字",
             "正文和 front matter 都要用简体字；提示中给出了对应的简体字。人名等确需保留的写法由维护者列入"
             "hooks/guidekit/simplified.py 的例外表。"),
        Rule("G048", "error", "符号链接指向项目以外",
             "docs/ 或 includes/ 中的符号链接指向了项目文件夹以外的文件，构建不会读取或发布它。"
             "请把文件本身复制进来，或删除该链接。"),
        Rule("G049", "error", "文件含有 NUL 字节",
             "文本文件中不应有 NUL（\\0）字节，多半是 UTF-16 编码或二进制文件被改成了 .md。请另存为 UTF-8 文本。"),
        Rule("G062", "error", "docs/ 中有不允许的文件类型",
             "docs/ 中除页面（.md）外只能放样式表和图片（PNG、JPG、GIF、WebP、ICO、SVG）及 PDF；"
             ".html、.js、.xml 等会原样发布并可能被浏览器运行，一律不允许。"),
        Rule("G063", "error", "SVG 图片含有脚本、链接或外部内容",
             "SVG 只能是单纯的图形：不能含 `<script>`、`<a>`、`<image>`、`<foreignObject>`、`on…` 属性、"
             "指向图片以外的地址或自定义实体。请另存为“普通 SVG”或 PNG。"),
        Rule("G120", "warning", "HTML 在页面结尾没有结束",
             "页面最后的注释 `<!--`、标签、属性值的引号或 `<script>`、`<textarea>` 一类元素没有结束，读者的浏览器会把"
             "网页模板的其余部分也读进去。构建发布时会把它截断；请补上结束标记或删除这段 HTML。"),
        Rule("G121", "error", "文件名不是英文短名",
             "docs/ 下的每个文件名（页面、图片）只能用小写英文字母、数字和连字符（扩展名前），例如 `new-page.md`、"
             "`org-chart.png`；中文、空格和大写字母会让网址变成 `%E6%96…` 一类编码，部分内网服务器会弄错。"
             "提示中给出了按拼音改好的名字。"),
        Rule("G060", "error", "front matter 使用了 YAML 锚点或别名",
             "`&名字` 和 `*名字` 会让一个值在别处展开，可能拖垮构建，本指南不使用。请把值直接写出来。"),
        Rule("G061", "error", "front matter 的值含有 HTML 标记",
             "标题、摘要等字段只能是纯文字，会原样显示；不能写 `<b>`、`<a>` 之类的标签或 `&amp;` 之类的字符实体。"),
        Rule("G070", "error", "还留着模板的占位文字",
             "新建页面时模板里的“【待填写：…】”要全部换成真实内容，否则页面不会发布。"),
        Rule("G071", "error", "脚注没有写脚注内容",
             "正文用了 `[^s002]`，页面末尾却没有 `[^s002]: …` 一行，网页上会显示成原样的文字。"),
        Rule("G072", "error", "脚注内容没有被引用",
             "页面末尾写了 `[^s002]: …`，正文却没有用 `[^s002]`，这条出处不会显示。"),
        Rule("G073", "error", "脚注名不是资料来源的 id",
             "脚注名必须是某个资料来源页的文件名（不含 .md），例如 `[^s002]`。"),
        Rule("G074", "error", "脚注的资料来源没有列在 `sources` 中",
             "条目页用脚注引用的每一篇资料，都要写进本页 front matter 的 `sources`。"),
        Rule("G076", "error", "缺少模板规定的一节",
             "每类条目页的正文各节（`## 标题`）是约定的结构，见第四部分的模板；标题文字要与模板一致。"),
        Rule("G080", "warning", "链接指向的页面不存在",
             "正文中的链接找不到目标文件。链接写成相对于本页的路径，例如 `../measures/four-togethers.md`。"),
        Rule("G081", "warning", "链接指向的标题（锚点）不存在",
             "`页面.md#标题` 中 `#` 后面的部分在目标页面上找不到。请到目标页点标题旁的链接符号，复制正确的地址。"),
        Rule("G082", "warning", "链接用了以 / 开头的绝对路径",
             "站点可能部署在子路径下，以 `/` 开头的链接会失效。请改成相对于本页的路径。"),
        Rule("G083", "warning", "链接不是指向 .md 文件",
             "站内链接要指向 Markdown 文件（以 `.md` 结尾），例如 `../problems/two-skins.md`，而不是网址或文件夹。"),
        Rule("G086", "warning", "普通页面没有一级标题",
             "条目页的标题由构建自动加上；其他页面（首页、使用指南等）的正文要以 `# 页面标题` 开头，打印版才有标题。"),
        Rule("G085", "warning", "导航设置有误",
             "mkdocs.yml 的 `nav` 中列出的页面找不到，或有页面没有列进导航。"),
        Rule("G090", "error", "打印版插件版本与钩子不符",
             "整本指南打印页的提速补丁只适配固定版本的 mkdocs-print-site-plugin。"
             "请按 requirements.txt 安装固定的版本（维护者升级插件时见 hooks/guidekit/print_site_patch.py）。"),
        Rule("G091", "warning", "搜索脚本与 Material 版本不符",
             "中文查询分词修正只适配固定版本的 Material。"
             "请按 requirements.txt 安装固定的版本（维护者升级时见 hooks/guidekit/search_patch.py）。"),
    )
}


@dataclass(frozen=True)
class Finding:
    """One problem found in one file, with what would fix it."""

    code: str
    path: str
    message: str
    fix: str
    line: int | None = None

    @property
    def level(self) -> Level:
        return RULES[self.code].level

    @property
    def location(self) -> str:
        where = self.path[3:] if self.path.startswith("../") else f"docs/{self.path}"  # includes/…
        return f"{where}:{self.line}" if self.line else where

    def format(self) -> str:
        """One line for the terminal: `[G020] docs/a.md:5 问题。修改建议：……`"""
        return f"[{self.code}] {self.location} {self.message} 修改建议：{self.fix}"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Order findings by file, then line, so one file's problems stay together."""
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.code))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """“是否想写 `x`？” for the closest candidate, or nothing when none is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"是否想写 `{close[0]}`？" if close else ""

# Where each rule is checked: the module(s) that make its findings, so a code leads to its check
# in one step (tests/test_rule_catalogue.py keeps this true).
CHECKED_BY: dict[str, tuple[str, ...]] = {
    "G001": ("front_matter",),
    "G002": ("front_matter",),
    "G003": ("front_matter",),
    "G004": ("front_matter",),
    "G005": ("front_matter", "schema"),
    "G006": ("content", "mkdocs_messages"),
    "G007": ("schema",),
    "G010": ("page_rules", "schema"),
    "G011": ("schema",),
    "G012": ("value_types",),
    "G013": ("schema",),
    "G014": ("schema",),
    "G015": ("front_matter",),
    "G016": ("schema",),
    "G020": ("graph",),
    "G021": ("graph",),
    "G022": ("graph",),
    "G023": ("graph",),
    "G024": ("graph",),
    "G030": ("graph",),
    "G031": ("graph",),
    "G032": ("graph",),
    "G033": ("generated",),
    "G050": ("provenance",),
    "G051": ("provenance",),
    "G055": ("self_check",),
    "G040": ("html_safety",),
    "G041": ("html_safety",),
    "G042": ("html_safety",),
    "G043": ("html_safety",),
    "G044": ("html_safety",),
    "G045": ("snippets",),
    "G046": ("html_safety",),
    "G047": ("simplified",),
    "G048": ("file_safety",),
    "G049": ("front_matter",),
    "G062": ("file_safety",),
    "G063": ("file_safety",),
    "G060": ("front_matter",),
    "G120": ("html_safety",),
    "G121": ("file_safety",),
    "G061": ("plain_text",),
    "G070": ("placeholders",),
    "G071": ("footnotes",),
    "G072": ("footnotes",),
    "G073": ("footnotes",),
    "G074": ("footnotes",),
    "G076": ("sections",),
    "G080": ("mkdocs_messages",),
    "G081": ("mkdocs_messages",),
    "G082": ("mkdocs_messages",),
    "G083": ("mkdocs_messages",),
    "G086": ("mkdocs_messages",),
    "G085": ("mkdocs_messages",),
    "G090": ("print_site_patch",),
    "G091": ("search_patch",),
}

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

from .model import (
    GAP_PHRASES,
    GAP_REMARKS_OUTSIDE_NOTE_MAX,
    RUN_IN_HEADING_MAX_CHARS,
    SUMMARY_MAX_CHARS,
    TITLE_MAX_CHARS,
)

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    code: str
    level: Level
    checked_by: tuple[str, ...]  # the module(s) that make its findings: a code leads to its check in one step
    name: str
    explanation: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("G001", "error", ("front_matter",), "文件不是 UTF-8 编码",
             "文件用了其他编码（例如 Windows 记事本的 GBK/ANSI）保存。请用“UTF-8”编码另存。"),
        Rule("G002", "error", ("front_matter",), "front matter 语法错误",
             "两行 `---` 之间的内容不是合法的 YAML，常见原因是引号不成对、缩进不齐或列表写法有误。"),
        Rule("G003", "error", ("front_matter",), "front matter 使用了全角冒号",
             "字段名后面要用半角冒号加空格，例如 `title: 标题`，不能写 `title：标题`。"),
        Rule("G004", "error", ("front_matter",), "front matter 使用了制表符",
             "YAML 不允许用 Tab 缩进，请改用空格。"),
        Rule("G005", "error", ("front_matter", "schema"), "缺少 front matter 或格式不对",
             "条目页第一行必须是 `---`，之后是“字段: 值”形式的若干行，再以 `---` 结束。"),
        Rule("G006", "error", ("content", "mkdocs_messages"), "页面正文为空",
             "除 front matter 外页面没有任何正文。请按模板写出正文各节。"),
        Rule("G007", "error", ("schema",), "文件名不是合法的 id",
             "条目文件名就是它的 id，只能用小写英文字母、数字和连字符，例如 `two-skins.md`。"),
        Rule("G010", "error", ("page_rules", "schema"), "缺少必填字段",
             "该类型的页面必须填写的字段没有填写或为空。"),
        Rule("G011", "error", ("schema",), "未知字段",
             "front matter 中出现了本类型不支持的字段，多半是拼写错误或放错了类型。"),
        Rule("G012", "error", ("value_types",), "字段值的类型不对",
             "每个字段都有固定的类型：`title`、`summary` 等是一段文字，`sources`、`tags` 等是列表 `[s001, s002]`，"
             "`date` 是日期。YAML 会把 `2024-01-01` 读成日期、`12:30` 读成数字、`yes` 读成是非值、空着读成空值、"
             "值里的“: ”读成几个“名称: 值”；要原样保留文字时，把整个值用英文双引号括起来。"),
        Rule("G013", "error", ("schema",), "摘要过长",
             f"`summary` 用于卡片、总览表和搜索结果，最多 {SUMMARY_MAX_CHARS} 个字符："
             "汉字、标点、字母、数字和空格每个都算一个。"),
        Rule("G140", "error", ("schema",), "标题过长",
             f"`title` 是页面大标题，也是导航栏里的一项，最多 {TITLE_MAX_CHARS} 个字符；"
             "更长的标题在手机上和导航栏里会折成三行以上。细节写进 `summary` 和正文。"),
        Rule("G141", "error", ("own_words",), "与资料原文连续相同",
             "引号之外，有 25 个以上的字（不计标点和空格）与某篇资料原文连续相同。用自己的话概括改写；"
             "确要保留原话时，加中文引号“…”并在句末加脚注。新增资料来源时，先把它的原文加入指纹"
             "（见编辑指南“新增资料来源”），本检查才覆盖它。"),
        Rule("G142", "error", ("graph",), "关系列表中用了全角逗号",
             "`sources`、`causes` 等关系字段的列表要用半角逗号分隔，例如 `[s001, s002]`；"
             "写成全角的“，”或“、”时，几个 id 会被读成一个不存在的 id。"),
        Rule("G014", "error", ("schema",), "标签不在允许列表中",
             "`tags` 只能使用内容模型允许的标签（编辑指南的字段表列出了它们）。"),
        Rule("G015", "error", ("front_matter",), "字段重复",
             "同一个字段在 front matter 中写了两次，后一次会悄悄覆盖前一次。"),
        Rule("G020", "error", ("graph",), "引用了不存在的条目",
             "关系字段里的 id 找不到对应页面。检查拼写，或先创建该页面。"),
        Rule("G021", "error", ("graph",), "引用了错误类型的条目",
             "每个关系字段只能指向特定类型，例如 `causes` 只能列成因，`applies` 只能列创新举措。"),
        Rule("G022", "error", ("graph",), "id 重复",
             "两个页面的文件名相同（即使在不同文件夹），引用时无法区分。请改名其中一个。"),
        Rule("G023", "error", ("graph",), "引用了自己",
             "页面不能在关系字段中列出自己的 id。"),
        Rule("G024", "warning", ("graph",), "重复引用",
             "同一个 id 在一个字段里写了两次。删除多余的一次。"),
        Rule("G030", "warning", ("graph",), "孤立条目",
             "没有任何其他条目与它相连，读者只能从目录找到它。请补上关系字段。"),
        Rule("G031", "warning", ("graph",), "问题还没有应对举措",
             "没有任何创新举措在 `addresses` 中列出这个问题。"),
        Rule("G032", "warning", ("graph",), "资料来源未被引用",
             "没有任何条目在 `sources` 中列出这篇资料。"),
        Rule("G033", "warning", ("generated",), "生成页面的路径被占用",
             "该路径的页面由构建自动生成，请不要在 docs/ 中手写同名文件。"),
        Rule("G050", "error", ("provenance",), "资料依据中的段落没有注明出处",
             "资料的部分（问题、成因、举措页的“资料依据”，案例页的“背景”“做法”“成效”）写的是资料报告或主张的内容："
             "每个段落、列表项、引文和表格行都要带资料来源脚注（如 `[^s002]`），主张要说明是主张（“某文提出……”）。"
             f"不受此限的：标题、紧接着正文的短加粗小标题（不超过 {RUN_IN_HEADING_MAX_CHARS} 个字符）、"
             "只有链接的“参见……”行、`!!! tip \"编者建议\"` 块，以及页末折叠的 `??? note \"资料说明\"`。"
             "脚注只在它显示为脚注的地方才算：写在行内代码、HTML 注释或链接文字里的不算。"),
        Rule("G051", "error", ("provenance",), "编者建议中引用了资料来源",
             "“编者建议”块是本指南编者自己的意见，不能带资料来源脚注。有出处的内容请移到块外；"
             "确属建议的，删去脚注。"),
        Rule("G110", "error", ("sections",), "小节的顺序不对、重复或不在模板中",
             "问题、成因、举措、案例页的二级标题（`## …`）只能是模板规定的各节，按模板的顺序各写一次："
             "本指南的建议在前，资料依据在后。多出来的内容并入合适的一节，需要分段时用三级标题。"),
        Rule("G111", "error", ("provenance",), "本指南的建议中带有资料来源脚注",
             "建议部分（问题页“下一步”“自查要点”，成因页“要点”，举措页“要点”“怎么做”“注意事项”，"
             "案例页“可借鉴之处”）是本指南自己的话，不加脚注；依据某篇资料或某个案例的步骤，链接到那一页。"
             "原文报告或主张的内容连同脚注写在资料的部分。"),
        Rule("G112", "error", ("source_notes",), "资料说明没有写成折叠的提示块",
             "资料没有说明的各点写在一个默认折叠的块里：第一行 `??? note \"资料说明\"`（三个问号、不带加号），"
             "内容缩进四个空格。"),
        Rule("G113", "error", ("source_notes",), "一页有多个资料说明",
             "每页最多一个 `??? note \"资料说明\"`，资料没有说明的各点都合并到这一个块里。"),
        Rule("G114", "error", ("source_notes",), "正文中说资料没有说明的地方太多",
             "、".join(f"“{p}……”" for p in GAP_PHRASES[:4]) + "这类话，在折叠的“资料说明”之外每页最多 "
             f"{GAP_REMARKS_OUTSIDE_NOTE_MAX} 处；其余集中写进页末的 "
             "`??? note \"资料说明\"`，正文只写资料说了什么和本指南的建议。"),
        Rule("G115", "error", ("checklists",), "清单带有资料来源脚注",
             "`guide/` 中的打印清单（`checklist-*.md`）是本指南自己的建议，每一项都不带脚注，"
             "出处写在它链接到的条目页上。"),
        Rule("G116", "error", ("checklists",), "清单项没有链接到它出自的页面",
             "打印清单的每个勾选项（`- [ ] …`）都要链接到它出自的创新举措或问题页，例如 "
             "`见[班子成员联系支部](../measures/leaders-link-branches.md)。`"),
        Rule("G117", "error", ("source_notes",), "资料说明不在页末",
             "折叠的 `??? note \"资料说明\"` 放在最后一节的末尾：问题、成因、举措页在“资料依据”之后，"
             "案例页在“成效”之后。"),
        Rule("G055", "warning", ("questions",), "自查要点没有勾选项",
             "问题页“自查要点”一节里的每个勾选项（`- [ ] …`）都是“自查诊断”页上的一道题；"
             "这一节没有勾选项，这个问题就不会出现在自查诊断中。把要点写成 `- [ ] ` 开头的列表项。"),
        Rule("G150", "error", ("questions",), "自查题重复",
             "两条自查要点（同一页或不同的问题页）文字相同（标点和空格不同不算不同），自查诊断页上会出现两道一样的题。"
             "删去其中一条，或把它改写成问另一件事的题目。"),
        Rule("G040", "error", ("html_safety",), "页面含有不允许的 HTML 元素",
             "正文只能用 Markdown 和少数 HTML 元素：`span`、`br`、`sup`、`sub`、`abbr`、`mark`、`kbd`、"
             "`details`、`figure`、表格（`table`、`tr`、`td` 等）、`div`、`p`、列表和标题等。"
             "`<script>`、`<style>`、`<form>`、`<meta>`、`<base>`、`<link>`、`<iframe>`、`<object>`、"
             "`<embed>`、`<svg>` 等一律不允许。"),
        Rule("G041", "error", ("html_safety",), "HTML 元素带有不允许的属性",
             "只允许 `class`、`id`、`title`、`lang`、`style` 等少数属性和各元素自己的属性（如链接的 `href`、"
             "图片的 `src`、`alt`，以及本指南组件的 `data-guide-…` 属性，值只能是名称）；`onclick=` 之类的 `on…` "
             "事件属性一律不允许，`<input>` 只能是清单复选框。"),
        Rule("G042", "error", ("html_safety",), "链接或资源地址的协议不允许",
             "地址（解码字符实体、忽略大小写和空白后）只能是本站内的相对路径、`http(s)://`、`mailto:` 或 `tel:`；"
             "`javascript:`、`data:`、`vbscript:`、`file:` 等和以 `/` 开头的地址都不允许。"),
        Rule("G043", "error", ("html_safety",), "内联样式不允许",
             "`style` 只能设置对齐、颜色、字重、宽度、边距等少数属性，值里不能有括号（如 `url(`）、"
             "`@import`、反斜杠转义或注释。"),
        Rule("G044", "error", ("html_safety",), "页面引用了外部资源",
             "图片、样式等资源必须放在本站内（docs/ 下），不能引用其他网站的地址，否则内网无法显示。"),
        Rule("G045", "error", ("snippets",), "片段引用无效",
             "`--8<--` 只能引用 includes/ 文件夹中存在的文件，不能用绝对路径或 `..` 跳出该文件夹。"),
        Rule("G046", "warning", ("html_safety",), "链接指向其他网站",
             "内网读者可能打不开外部网站。确需保留的外部链接请在发布前与维护者确认。"),
        Rule("G047", "error", ("simplified",), "含有繁体字",
             "正文和 front matter 都要用简体字；提示中给出了对应的简体字。人名等确需保留的写法由维护者列入"
             "hooks/guidekit/checks/simplified.py 的例外表。"),
        Rule("G048", "error", ("file_safety",), "符号链接指向项目以外",
             "docs/ 或 includes/ 中的符号链接指向了项目文件夹以外的文件，构建不会读取或发布它。"
             "请把文件本身复制进来，或删除该链接。"),
        Rule("G049", "error", ("front_matter",), "文件含有 NUL 字节",
             "文本文件中不应有 NUL（\\0）字节，多半是 UTF-16 编码或二进制文件被改成了 .md。请另存为 UTF-8 文本。"),
        Rule("G062", "error", ("file_safety",), "docs/ 中有不允许的文件类型",
             "docs/ 中除页面（.md）外只能放样式表和图片（PNG、JPG、GIF、WebP、ICO、SVG）及 PDF；"
             ".html、.js、.xml 等会原样发布并可能被浏览器运行，一律不允许。"),
        Rule("G063", "error", ("file_safety",), "SVG 图片含有脚本、链接或外部内容",
             "SVG 只能是单纯的图形：不能含 `<script>`、`<a>`、`<image>`、`<foreignObject>`、`on…` 属性、"
             "指向图片以外的地址或自定义实体。请另存为“普通 SVG”或 PNG。"),
        Rule("G120", "warning", ("html_safety",), "HTML 在页面结尾没有结束",
             "页面最后的注释 `<!--`、标签、属性值的引号或 `<script>`、`<textarea>` 一类元素没有结束，读者的浏览器会把"
             "网页模板的其余部分也读进去。构建发布时会把它截断；请补上结束标记或删除这段 HTML。"),
        Rule("G121", "error", ("file_safety",), "文件名不是英文短名",
             "docs/ 下的每个文件名（页面、图片）只能用小写英文字母、数字和连字符（扩展名前），例如 `new-page.md`、"
             "`org-chart.png`；中文、空格和大写字母会让网址变成 `%E6%96…` 一类编码，部分内网服务器会弄错。"
             "提示中给出了按拼音改好的名字。"),
        Rule("G060", "error", ("front_matter",), "front matter 使用了 YAML 锚点或别名",
             "`&名字` 和 `*名字` 会让一个值在别处展开，可能拖垮构建，本指南不使用。请把值直接写出来。"),
        Rule("G061", "error", ("plain_text",), "front matter 的值含有 HTML 标记",
             "标题、摘要等字段只能是纯文字，会原样显示；不能写 `<b>`、`<a>` 之类的标签或 `&amp;` 之类的字符实体。"),
        Rule("G070", "error", ("placeholders",), "还留着模板的占位文字",
             "新建页面时模板里的“【待填写：…】”要全部换成真实内容，否则页面不会发布。"),
        Rule("G071", "error", ("footnotes",), "脚注没有写脚注内容",
             "正文用了 `[^s002]`，页面末尾却没有 `[^s002]: …` 一行，网页上会显示成原样的文字。"),
        Rule("G072", "error", ("footnotes",), "脚注内容没有被引用",
             "页面末尾写了 `[^s002]: …`，正文却没有用 `[^s002]`，这条出处不会显示。"),
        Rule("G073", "error", ("footnotes",), "脚注名不是资料来源的 id",
             "脚注名必须是某个资料来源页的文件名（不含 .md），例如 `[^s002]`。"),
        Rule("G074", "error", ("footnotes",), "脚注的资料来源没有列在 `sources` 中",
             "条目页用脚注引用的每一篇资料，都要写进本页 front matter 的 `sources`。"),
        Rule("G076", "error", ("sections",), "缺少模板规定的一节",
             "每类条目页的正文各节（`## 标题`）是约定的结构，见第四部分的模板；标题文字要与模板一致"
             "（标题后可以带 `{ #锚点 }`）。"),
        Rule("G080", "warning", ("mkdocs_messages",), "链接指向的页面不存在",
             "正文中的链接找不到目标文件。链接写成相对于本页的路径，例如 `../measures/four-togethers.md`。"),
        Rule("G081", "warning", ("mkdocs_messages",), "链接指向的标题（锚点）不存在",
             "`页面.md#标题` 中 `#` 后面的部分在目标页面上找不到。请到目标页点标题旁的链接符号，复制正确的地址。"),
        Rule("G082", "warning", ("mkdocs_messages",), "链接用了以 / 开头的绝对路径",
             "站点可能部署在子路径下，以 `/` 开头的链接会失效。请改成相对于本页的路径。"),
        Rule("G083", "warning", ("mkdocs_messages",), "链接不是指向 .md 文件",
             "站内链接要指向 Markdown 文件（以 `.md` 结尾），例如 `../problems/two-skins.md`，而不是网址或文件夹。"),
        Rule("G086", "warning", ("mkdocs_messages",), "普通页面没有一级标题",
             "条目页的标题由构建自动加上；其他页面（首页、使用指南等）的正文要以 `# 页面标题` 开头，打印版才有标题。"),
        Rule("G085", "warning", ("mkdocs_messages",), "导航设置有误",
             "mkdocs.yml 的 `nav` 中列出的页面找不到，或有页面没有列进导航。"),
        Rule("G100", "error", ("evidence",), "`applies` 的写法不对",
             "案例页的 `applies` 按举措逐项写：`举措 id: {grade: 证据等级, why: 理由}`，每项一行，"
             "不再是 id 列表。"),
        Rule("G101", "error", ("evidence",), "举措的运用缺少证据等级",
             "`applies` 中每项举措都要写 `grade`：资料来源对这项做法报告了什么。"),
        Rule("G102", "error", ("evidence",), "证据等级写法不对",
             "`grade` 只能是 `已实施，有成效数据`、`已实施，无成效数据`、`仅为主张` 三者之一（逗号是中文逗号），"
             "按资料来源对这项做法实际报告的内容定级；人数、规模和目标不算成效（见“证据等级说明”）。"),
        Rule("G103", "error", ("evidence",), "举措的运用缺少理由",
             "`applies` 中每项举措都要写 `why`：一句话说明资料报告了什么，会显示在等级标签旁。"),
        Rule("G104", "error", ("evidence",), "理由过长",
             "`why` 最多 40 个字符（汉字、标点、字母、数字和空格每个都算一个），只说资料报告了什么、有没有成效数字。"),
        Rule("G105", "error", ("evidence",), "理由不是一行纯文字",
             "`why` 会原样显示在等级标签旁和提示中，只能是一行文字，不能有链接、脚注、加粗等格式符号。"),
        Rule("G106", "error", ("evidence",), "举措的运用中有未知的项",
             "`applies` 中每项举措只写 `grade` 和 `why` 两项，多半是拼写错误。"),
        Rule("G107", "error", ("evidence",), "案例的运用全是“仅为主张”",
             "实践案例要报告实施：一个案例运用的举措如果全部是“仅为主张”，它只是资料中的主张，"
             "构建不接受。请把内容写进资料来源页和相关举措的“资料依据”，并删除此案例页。"),
        Rule("G108", "error", ("schema",), "“由谁牵头”不在允许值之中",
             "举措页的 `lead` 只能是 `支部书记`、`支部委员会`、`单位党委（党组）`、`上级党组织` 之一，"
             "是本指南编者的判断。"),
        Rule("G109", "error", ("schema",), "“投入”不在允许值之中",
             "举措页的 `effort` 只能是 `小`（支委会就能启动，不需要经费）、`中`（要几个月持续推进，或几方配合）、"
             "`大`（要改制度、花钱或设岗位）之一，是本指南编者的判断。"),
        Rule("G090", "error", ("print_site_patch",), "打印版插件版本与钩子不符",
             "整本指南打印页的提速补丁只适配固定版本的 mkdocs-print-site-plugin。"
             "请按 requirements.txt 安装固定的版本"
             "（维护者升级插件时见 hooks/guidekit/adapters/print_site_patch.py）。"),
        Rule("G091", "warning", ("search_patch", "search_indexing"), "搜索补丁与 Material 版本不符",
             "中文查询分词修正和建索引时的快速解析只适配固定版本的 Material。"
             "请按 requirements.txt 安装固定的版本（维护者升级时见 hooks/guidekit/adapters/search_patch.py 和 "
             "search_indexing.py）。"),
        Rule("G130", "error", ("reader_words",), "读者用词指向的词不存在",
             "includes/synonyms.yml 里，一个读者用词指向的指南用词在任何页面的标题和正文里都找不到，"
             "搜索就不会因为它找到任何页面。请改成指南里实际出现的词，或删掉这一项。"),
        Rule("G131", "error", ("reader_words",), "读者用词指向的页面不存在",
             "includes/synonyms.yml 里，一个读者用词指向的页面（docs/ 下的 .md 路径）不存在。"
             "页面改名或删除后，请同时改这一行。"),
        Rule("G132", "error", ("reader_words",), "读者用词表的一行看不懂",
             "includes/synonyms.yml 每行写成“读者的词: 指南里的词、指南里的词”或“读者的词: 页面路径.md”，"
             "以 # 开头的行是注释。"),
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

# Where each rule is checked, by code: derived from the rules themselves (tests/test_rule_catalogue.py
# keeps every module named there the one that makes the rule's findings).
CHECKED_BY: dict[str, tuple[str, ...]] = {code: rule.checked_by for code, rule in RULES.items()}

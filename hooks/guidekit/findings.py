"""Findings: what a check reports, and the catalogue of rules behind them.

Every rule has a stable code, a Chinese name and an explanation; the editors'
guide renders its table of messages from RULES, so the guide can never list a
rule the build does not check (or miss one it does).
"""

from __future__ import annotations

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
             "例如 `title` 应是一段文字，`sources` 应是列表 `[s001, s002]`。"),
        Rule("G013", "error", "摘要过长",
             "`summary` 用于卡片、总览表和搜索结果，最多 80 个字。"),
        Rule("G014", "error", "标签不在允许列表中",
             "`tags` 只能使用 mkdocs.yml 中 `tags_allowed` 列出的标签。"),
        Rule("G015", "error", "字段重复",
             "同一个字段在 front matter 中写了两次，后一次会悄悄覆盖前一次。"),
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
        Rule("G040", "error", "页面含有脚本",
             "正文中不允许出现 `<script>`。"),
        Rule("G041", "error", "页面含有事件处理属性",
             "正文 HTML 中不允许出现 `onclick=` 之类的 `on…=` 属性。"),
        Rule("G042", "error", "页面含有 javascript: 链接",
             "链接地址不允许以 `javascript:` 开头。"),
        Rule("G043", "error", "页面嵌入了外部框架",
             "正文中不允许出现 `<iframe>`、`<object>`、`<embed>`。"),
        Rule("G044", "error", "页面引用了外部资源",
             "图片、样式等资源必须放在本站内（docs/ 下），不能引用其他网站的地址，否则内网无法显示。"),
        Rule("G045", "error", "片段引用无效",
             "`--8<--` 只能引用 includes/ 文件夹中存在的文件，不能用绝对路径或 `..` 跳出该文件夹。"),
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
        where = f"docs/{self.path}"
        return f"{where}:{self.line}" if self.line else where

    def format(self) -> str:
        """One line for the terminal: `[G020] docs/a.md:5 问题。修改建议：……`"""
        return f"[{self.code}] {self.location} {self.message} 修改建议：{self.fix}"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Order findings by file, then line, so one file's problems stay together."""
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.code))

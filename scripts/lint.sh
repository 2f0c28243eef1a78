#!/usr/bin/env bash
# 检查编辑写的内容：与构建完全相同的检查（内容模型、链接、片段、HTML）、中文排版（autocorrect）、Markdown 写法（pymarkdown）。
# 自动修正排版与 Markdown 格式：bash scripts/lint.sh --fix（只改正文，不改 front matter 和代码；
# 会改变页面显示的修正一律不做，并说明留给编辑的地方；改完再检查一遍）
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_venv requirements-dev.txt
failed=()
if [ "${1:-}" = "--fix" ]; then
  .venv/bin/python scripts/copy_lint.py --fix || failed+=("自动修正")
fi
(cd hooks && ../.venv/bin/python -m guidekit ../docs) || failed+=("内容检查")
.venv/bin/python scripts/copy_lint.py || failed+=("中文排版")
.venv/bin/python scripts/lint_markdown.py || failed+=("Markdown 写法")
if [ ${#failed[@]} -gt 0 ]; then
  echo "未通过：${failed[*]}。请按上面的提示修改后再运行 bash scripts/lint.sh。"
  exit 1
fi
echo "全部检查通过。"

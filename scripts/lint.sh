#!/usr/bin/env bash
# 检查编辑写的内容：内容模型与链接（构建同一套检查）、中文排版（autocorrect）、Markdown 写法（pymarkdown）。
# 自动修正排版与 Markdown 格式：bash scripts/lint.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_venv requirements-dev.txt
status=0
(cd hooks && ../.venv/bin/python -m guidekit ../docs) || status=1
.venv/bin/python scripts/copy_lint.py "$@" || status=1
if [ "${1:-}" = "--fix" ]; then
  .venv/bin/pymarkdown --config .pymarkdown.json fix -r docs includes || true
fi
.venv/bin/pymarkdown --config .pymarkdown.json scan -r docs includes || status=1
exit $status

#!/usr/bin/env bash
# 新建一个条目页：bash scripts/new-page.sh <类型> <id> [标题]
# 类型：问题 成因 举措 案例 来源（或 problems causes measures cases sources）
# 举措页要选 lead（由谁牵头）和 effort（投入）；案例页的 applies 按举措逐项写等级和理由。
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_venv requirements.txt
cd hooks
exec ../.venv/bin/python -m guidekit new "$@" --docs ../docs

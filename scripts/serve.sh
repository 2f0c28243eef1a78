#!/usr/bin/env bash
# 本地预览：首次运行时安装依赖，然后启动实时预览（保存文件即刷新）。
# 用法：bash scripts/serve.sh            → http://127.0.0.1:8000/
#       ADDR=0.0.0.0:8000 bash scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_venv requirements.txt
exec .venv/bin/mkdocs serve --dev-addr "${ADDR:-127.0.0.1:8000}" "$@"

#!/usr/bin/env bash
# 生成发布包：dist/ 下的站点压缩包、离线版 zip 和 SHA256SUMS。
# 子路径部署时先设置 SITE_URL，例如：SITE_URL=http://intranet.example/dangjian/guide/ bash scripts/dist.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_venv requirements.txt
exec .venv/bin/python scripts/dist.py "$@"

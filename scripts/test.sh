#!/usr/bin/env bash
# 运行全部测试：安装所需的 Debian 软件包和 Python 依赖，再跑 ruff、mypy（类型检查，设置见 mypy.ini）、浏览器脚本的 node 测试与 pytest。
# 额外参数原样传给 pytest，例如：bash scripts/test.sh -k search
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  apt_install "${need[@]}"
fi
ensure_venv requirements-dev.txt
ensure_lighthouse
.venv/bin/ruff check .
# Types over hooks/ (mypy.ini): a type error fails the run before any test.
.venv/bin/mypy
# The browser code's decisions (self-check plan, comparison table, search query) as pure functions.
node --test tests/js/
# The fast tier first (pure modules, seconds): a failure there stops the run before any build.
rc=0
.venv/bin/python -m pytest -m unit -q "$@" || rc=$?
[ "$rc" -eq 0 ] || [ "$rc" -eq 5 ] || exit "$rc"   # 5: the arguments selected no unit test
exec .venv/bin/python -m pytest -m "not unit" "$@"

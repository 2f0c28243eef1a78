#!/usr/bin/env bash
# 让 git 在每次提交前自动运行 bash scripts/lint.sh（与发布时的严格构建相同的检查）。运行一次即可：
#   bash scripts/install-git-hook.sh
# 检查不通过时提交会被拒绝，终端里逐条写明文件、行号和改法；确需跳过时用 git commit --no-verify。
set -euo pipefail
cd "$(dirname "$0")/.."
hooks=$(git rev-parse --git-path hooks)
mkdir -p "$hooks"
if [ -e "$hooks/pre-commit" ] && ! grep -q "dangjian-guide" "$hooks/pre-commit"; then
  echo "未安装：$hooks/pre-commit 已存在（不是本项目写的），请先查看或删除它。" >&2
  exit 1
fi
cat > "$hooks/pre-commit" <<'HOOK'
#!/usr/bin/env bash
# dangjian-guide: 提交前检查（bash scripts/install-git-hook.sh 写入）
exec bash "$(git rev-parse --show-toplevel)/scripts/lint.sh"
HOOK
chmod +x "$hooks/pre-commit"
echo "已安装：每次 git commit 前会自动运行 bash scripts/lint.sh。"

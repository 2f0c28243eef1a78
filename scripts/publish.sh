#!/usr/bin/env bash
# 原子发布：把站点压缩包解到新的版本目录，再一次性切换符号链接，读者不会看到半个站点。
# 用法：bash scripts/publish.sh dist/dangjian-guide-site.tar.gz /srv/www/dangjian/guide
# 第二个参数是 nginx 提供服务的路径（deploy/nginx.conf 中 root 加子路径），它将是一个符号链接；
# 各版本保存在它旁边的 <路径>.releases/ 下，保留最近 3 个，便于回退。
set -euo pipefail
archive=${1:?用法：publish.sh <站点压缩包> <发布路径>}
target=${2:?用法：publish.sh <站点压缩包> <发布路径>}
target=${target%/}
if [ -e "$target" ] && [ ! -L "$target" ]; then
  echo "错误：$target 已存在且不是符号链接。请先把它改名备份，再运行本脚本。" >&2
  exit 1
fi
releases="$target.releases"
release="$releases/$(date -u +%Y%m%dT%H%M%SZ)-$(sha256sum "$archive" | cut -c1-12)"
mkdir -p "$releases"
if [ -e "$release" ]; then
  echo "这个版本已经发布过：$release"
else
  staging="$release.partial"
  rm -rf "$staging"
  mkdir -p "$staging"
  tar -xzf "$archive" -C "$staging"
  if [ ! -f "$staging/index.html" ] || [ ! -f "$staging/404.html" ]; then
    echo "错误：压缩包中没有 index.html 或 404.html，不是完整的站点，已停止发布。" >&2
    rm -rf "$staging"
    exit 1
  fi
  mv "$staging" "$release"
fi
# 先建好新链接，再用 rename 一步替换旧链接（rename 是原子操作）。
ln -sfn "$release" "$target.next"
mv -T "$target.next" "$target"
echo "已发布：$target -> $release"
# 只保留最近 3 个版本
ls -1d "$releases"/*/ 2>/dev/null | sort | head -n -3 | while read -r old; do
  [ "$(readlink -f "$target")" = "$(readlink -f "$old")" ] || rm -rf "$old"
done

"""Build the site and the offline bundle, and pack both reproducibly with SHA-256 checksums.

Output in dist/ (or the folder given as the first argument): site/ and offline/
(the built folders), dangjian-guide-site.tar.gz, dangjian-guide-offline.zip and
SHA256SUMS. Two runs from the same commit give byte-identical files: the build
time is the commit time (SOURCE_DATE_EPOCH) and the archives carry fixed owners,
modes and timestamps in sorted order.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_ARCHIVE = "dangjian-guide-site.tar.gz"
OFFLINE_ARCHIVE = "dangjian-guide-offline.zip"


def source_date_epoch() -> int:
    """The commit time of HEAD, or SOURCE_DATE_EPOCH if set, so the build date is the content's date."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 315532800  # 1980-01-01, the earliest time a zip file can hold


def build(config: str, target: Path, epoch: int) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(target)]
    result = subprocess.run(mkdocs, cwd=ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(f"构建失败（{config}），请先修正上面列出的问题。")


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def pack_tar(folder: Path, archive: Path, epoch: int) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in files_in(folder):
            info = tarfile.TarInfo(path.relative_to(folder).as_posix())
            info.size, info.mtime, info.mode = path.stat().st_size, epoch, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            with path.open("rb") as handle:
                tar.addfile(info, handle)
    with archive.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=epoch, filename="") as gz:
        gz.write(buffer.getvalue())


def pack_zip(folder: Path, archive: Path, epoch: int, prefix: str) -> None:
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files_in(folder):
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    dist = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    dist.mkdir()
    epoch = source_date_epoch()
    build("mkdocs.yml", dist / "site", epoch)
    build("mkdocs-offline.yml", dist / "offline", epoch)
    pack_tar(dist / "site", dist / SITE_ARCHIVE, epoch)
    pack_zip(dist / "offline", dist / OFFLINE_ARCHIVE, epoch, prefix="dangjian-guide")
    sums = "".join(f"{sha256(dist / name)}  {name}\n" for name in (SITE_ARCHIVE, OFFLINE_ARCHIVE))
    (dist / "SHA256SUMS").write_text(sums, encoding="utf-8")
    print(f"\n已生成（构建时间取自提交时间 {epoch}）：")
    print(sums, end="")
    print("校验：cd dist && sha256sum -c SHA256SUMS")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Last-updated dates when the guide is built outside git (e.g. from a downloaded archive).

Inside a git work tree the git-revision-date-localized plugin gives each page the date
of its last commit. Outside one, that plugin could only warn, which fails a strict
build; the hook turns it off and shows the build date in the same place instead.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

PLUGIN = "git-revision-date-localized"


def inside_git_work_tree(folder: Path) -> bool:
    try:
        result = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=folder,
                                capture_output=True, text=True, timeout=10)
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def build_epoch() -> int:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else int(time.time())


def chinese_date(epoch: int) -> str:
    day = time.gmtime(epoch)
    return f"{day.tm_year}年{day.tm_mon}月{day.tm_mday}日"


def fallback_date_html(epoch: int) -> str:
    """The markup the plugin would have produced, so Material's page footer shows it the same way."""
    return ('<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date" '
            f'title="构建日期（不在 git 仓库中构建）">{chinese_date(epoch)}</span>')

"""Run the project's real MkDocs build in memory and collect what it logs (for `python -m guidekit`).

An adapter: the one place the command-line check imports MkDocs. Nothing is written to the project.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path


class _Collect(logging.Handler):
    """Keeps every warning and error the build logs, in order."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_messages(config_path: Path, docs: Path) -> list[tuple[int, str]]:
    """(level, message) for every warning/error of a build of the project; nothing is written to it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect, propagate, level = _Collect(), logger.propagate, logger.level
    logger.addHandler(collect)
    logger.propagate = False  # the messages are printed below, once
    logger.setLevel(logging.INFO)
    here, docs = Path.cwd(), docs.resolve()
    os.chdir(config_path.parent)  # like `mkdocs build`: snippet paths are relative to the project
    try:
        with tempfile.TemporaryDirectory(prefix="guidekit-") as site:
            config = None
            try:
                config = load_config(str(config_path), docs_dir=str(docs), site_dir=site, strict=False)
                config.plugins.on_startup(command="build", dirty=False)
                build(config)
            except MkDocsException as error:
                collect.records.append(logging.makeLogRecord({"levelno": logging.ERROR, "msg": str(error)}))
            except Exception as error:  # noqa: BLE001 - a crash must still end in a message, not a traceback
                collect.records.append(logging.makeLogRecord({"levelno": logging.ERROR, "msg": (
                    f"构建意外中断（{type(error).__name__}: {error}）。这不是按编辑指南能改的问题，"
                    "请把这一行发给维护者。")}))
            finally:
                if config is not None:
                    config.plugins.on_shutdown()
    finally:
        os.chdir(here)
        logger.removeHandler(collect)
        logger.propagate, logger.level = propagate, level
    return [(r.levelno, r.getMessage().removeprefix("guide: ")) for r in collect.records]

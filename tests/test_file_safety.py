"""Symbolic links out of the project are refused, wherever under docs/ or includes/ they sit."""

from __future__ import annotations

from pathlib import Path

from guidekit.file_safety import outside_project, walk_files


def test_links_are_judged_by_where_they_really_point(tmp_path: Path):
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / "docs" / "guide").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.md").write_text("机密", encoding="utf-8")
    (project / "README.md").write_text("说明", encoding="utf-8")
    (project / "docs" / "guide" / "ok.md").write_text("正文", encoding="utf-8")
    (project / "docs" / "inside.md").symlink_to(project / "README.md")
    (project / "docs" / "leak.md").symlink_to(outside / "secret.md")
    (project / "docs" / "folder").symlink_to(outside, target_is_directory=True)
    (project / "docs" / "dangling.md").symlink_to(tmp_path / "missing.md")
    (project / "docs" / "loop").symlink_to(project / "docs", target_is_directory=True)
    docs = project / "docs"
    files = [(p.relative_to(docs).as_posix(), p) for p in walk_files(docs)]
    findings = outside_project(project, files)
    assert sorted(f.path for f in findings) == ["dangling.md", "folder/secret.md", "leak.md"]
    assert all(f.code == "G048" for f in findings)
    by_path = {f.path: f.message for f in findings}
    assert str(outside / "secret.md") in by_path["leak.md"]
    assert "folder/" in by_path["folder/secret.md"]


def test_a_missing_folder_has_no_files(tmp_path: Path):
    assert walk_files(tmp_path / "nope") == []

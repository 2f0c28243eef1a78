"""Build-time and page-size benchmark: the guide's hook against a plain Material build.

Generates synthetic sites of 50, 500 and 2,000 item pages and builds each three ways.
Each synthetic page is one of the guide's own item pages with its own ids (relations,
links, footnotes and self-check anchors renamed) and its long runs of Chinese text made
its own (one character changed per run): pages of a real guide's length and markup, whose
text repeats about as much as the guide's does, so no cache of the build is measured on a
hundred copies of one page. The three ways:

- stock: the same config minus the hook: stock Material with its own full nav;
- plain: no hook either, but the pages the hook would generate written as files
  and the hook's nav set explicitly, so it renders exactly the same pages: the
  difference to "hook" is the hook's own cost (graph, checks, panels);
- hook: the project's mkdocs.yml minus the whole-site plugins (LEFT_OUT);

and twice more as users run it:

- full: the project's mkdocs.yml exactly, every plugin on, in a git repository so
  the git dates run too;
- no print: the same minus the print-site plugin, so full/no print is the whole-guide
  print page's share of the build.

On this kind of machine the speed of a core drifts by a tenth from one minute to the
next, more than the difference being measured. So plain and hook are built side by
side, one on each core, in ROUNDS rounds: each round's hook/plain ratio is taken under
the same conditions, and the median round's ratio is printed (the times shown are the
medians). no print and full are then built side by side once, stock alone.

Prints wall time, the ratios hook/plain, hook/stock, full/no print and, from the
second size on, how the full build's time grew against the pages (time ratio over
page ratio: 1.0 is linear), and the median measure-page HTML size of each. The
CPU seconds of the plain and hook builds (user + system of the build process) and
their ratio come last: CPU time is what the hook adds, whatever else the machine runs.

    .venv/bin/python benchmarks/build_benchmark.py            # 50, 500, 2000
    .venv/bin/python benchmarks/build_benchmark.py 50 500     # chosen sizes
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

SHARES = {"problems": 0.2, "causes": 0.15, "measures": 0.4, "cases": 0.2, "sources": 0.05}
ITEM_FOLDERS = tuple(SHARES)
# A link in a page body: `](../measures/x.md#a)`, `](x.md)` (same folder), `](../self-check.md#q-x)`.
BODY_LINK = re.compile(r"\]\((\.\./)?(?:([a-z-]+)/)?([a-z0-9-]+)\.md(#[^)\s]*)?\)")
FOOTNOTE = re.compile(r"\[\^([a-z0-9-]+)\]")
TITLE_MAX = 28  # the model's limit (G140)
ROUNDS = 5  # side-by-side builds of plain and hook per size


def _ids(count: int) -> dict[str, list[str]]:
    ids = {}
    for folder, share in SHARES.items():
        n = max(1, round(count * share))
        ids[folder] = [f"{folder[:-1]}-{i:04d}" for i in range(n)]
    return ids


def _templates() -> dict[str, list[tuple[dict[str, Any], str]]]:
    """The guide's own item pages (front matter, body) by type: each synthetic page is one of them
    with its own ids, so the synthetic guide has the length, links, lists, footnotes and notes of
    real pages and no two of its pages have the same text."""
    found: dict[str, list[tuple[dict[str, Any], str]]] = {}
    for folder in ITEM_FOLDERS:
        found[folder] = []
        for path in sorted((ROOT / "docs" / folder).glob("*.md")):
            if path.name == "index.md":
                continue
            _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
            found[folder].append((yaml.safe_load(front), body))
    return found


class _Renamer:
    """The synthetic id standing for a real id on synthetic page `index`, the same on one page for
    front matter and body (a page links in its body what it names in its relations). The first id
    of each type a page's relations name becomes the `index`-th synthetic one, so every synthetic
    problem, cause and source is named by some page, as in a finished guide; the others follow it
    spread over the type."""

    def __init__(self, real: dict[str, list[str]], synthetic: dict[str, list[str]], index: int,
                 meta: dict[str, Any]) -> None:
        self.real, self.synthetic, self.index = real, synthetic, index
        named = [v for key in ("sources", "causes", "addresses") for v in meta.get(key) or []]
        named += list(meta.get("applies") or {})
        self.anchor = {folder: next((known.index(v) for v in named if v in known), 0)
                       for folder, known in real.items()}

    def __call__(self, folder: str, real_id: str) -> str:
        pool, known = self.synthetic[folder], self.real[folder]
        k = known.index(real_id) if real_id in known else len(known)
        return pool[(self.index + (k - self.anchor[folder]) * 13) % len(pool)]


def _body(body: str, folder: str, own_id: str, rename: _Renamer) -> str:
    """A real page's body with every item link, footnote and self-check anchor pointing at synthetic
    pages; a link to a page outside the item types (the editors' guide, checklists) goes to the home page."""

    def link(match: re.Match[str]) -> str:
        up, target_folder, name, anchor = match.group(1), match.group(2), match.group(3), match.group(4) or ""
        if not up and target_folder is None:  # same folder
            return f"]({rename(folder, name)}.md)"
        if up and target_folder in ITEM_FOLDERS:
            return f"](../{target_folder}/{rename(target_folder, name)}.md)"
        if up and target_folder is None and name == "self-check":
            return f"](../self-check.md#q-{own_id})" if anchor.startswith("#q-") else "](../self-check.md)"
        return "](../index.md)"

    body = BODY_LINK.sub(link, body)
    return FOOTNOTE.sub(lambda m: f"[^{rename('sources', m.group(1))}]", body)


def _front(meta: dict[str, Any], folder: str, index: int, rename: _Renamer) -> dict[str, Any]:
    """The real page's front matter: relations renamed, title numbered (titles stay distinct)."""
    meta = dict(meta)
    suffix = f"（{index}）"
    meta["title"] = str(meta["title"])[:TITLE_MAX - len(suffix)] + suffix
    for key in ("sources", "causes", "addresses"):
        if isinstance(meta.get(key), list):
            meta[key] = list(dict.fromkeys(
                rename("sources" if key == "sources" else _folder_of(rename, v), v) for v in meta[key]))
    if isinstance(meta.get("applies"), dict):
        meta["applies"] = {rename("measures", m): v for m, v in meta["applies"].items()}
    return meta


def _folder_of(rename: _Renamer, real_id: str) -> str:
    return next(f for f in ("problems", "causes") if real_id in rename.real[f])


# Common simplified characters: one of them replaces a character inside each long run of Chinese text.
COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
          "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
          "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{6,}")
NOT_PROSE = re.compile(r"^\s*(?:#|!!!|\?\?\?|\|?\s*:?-{3})")  # headings, admonition openings, table rules


def _varied(body: str, index: int) -> str:
    """The text of a real page made this page's own: one character inside every run of six or more
    Chinese characters replaced, differently on each page. Short runs (支部书记, 记录, 见) recur as
    they do across a real guide; long ones do not, so no cache of the build (a parsed body, a
    segmented run) is flattered by the same page text appearing a hundred times."""

    def vary(match: re.Match[str]) -> str:
        run = match.group(0)
        at = 2 + (index + len(run)) % (len(run) - 4)
        return run[:at] + COMMON[(index * 31 + match.start()) % len(COMMON)] + run[at + 1:]

    return "\n".join(line if NOT_PROSE.match(line) else HAN_RUN.sub(vary, line) for line in body.split("\n"))


def _questions_numbered(body: str, index: int) -> str:
    """No two questions of a guide may read the same (G150): each self-check item carries its page's number."""
    return re.sub(r"^- \[ \] ", f"- [ ] 〔{index}〕", body, flags=re.M)


def assert_clean(docs: Path) -> None:
    """The synthetic guide must pass every content check: a benchmark of a broken guide measures the errors."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from guidekit.checks.content import load_content

    findings = load_content({p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}).findings
    if findings:
        raise SystemExit("合成的指南有检查提示，基准不可信：\n" + "\n".join(f.format() for f in findings[:10]))


def write_site(target: Path, count: int) -> None:
    synthetic = _ids(count)
    templates = _templates()
    real = {folder: [p.stem for p in sorted((ROOT / "docs" / folder).glob("*.md")) if p.name != "index.md"]
            for folder in ITEM_FOLDERS}
    docs = target / "docs"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(without_whole_site_plugins(config), encoding="utf-8")
    (target / "mkdocs-full.yml").write_text(config, encoding="utf-8")
    (target / "mkdocs-no-print.yml").write_text(without_plugins(config, ("print-site",)), encoding="utf-8")
    for folder in ("hooks", "overrides", "includes"):  # not the readers' words: they name the guide's own pages
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__", "synonyms.yml"))
    (docs / "stylesheets").mkdir(parents=True)
    shutil.copy(ROOT / "docs/stylesheets/guide.css", docs / "stylesheets")
    home = (ROOT / "docs/index.md").read_text(encoding="utf-8").split("\n## ", 1)[0]  # its opening, no links
    (docs / "index.md").write_text(re.sub(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?", r"\1", home), encoding="utf-8")
    for folder, names in synthetic.items():
        (docs / folder).mkdir()
        for i, name in enumerate(names):
            meta, body = templates[folder][i % len(templates[folder])]
            rename = _Renamer(real, synthetic, i, meta)
            body = _varied(_body(body, folder, name, rename), i)
            if folder == "problems":
                body = _questions_numbered(body, i)
            front = yaml.safe_dump(_front(meta, folder, i, rename), allow_unicode=True, sort_keys=False)
            (docs / folder / f"{name}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")


# Plugins left out of stock, plain and hook, so hook/plain measures the hook and nothing
# else: the whole-guide print page and the git dates cost the same whatever the hook does
# (and the plain builds could not get the hook's print-site patch, see
# guidekit/adapters/print_site_patch.py). The full and no-print builds keep them.
LEFT_OUT = ("print-site", "git-revision-date-localized")


def without_whole_site_plugins(config: str) -> str:
    return without_plugins(config, LEFT_OUT)


def without_plugins(config: str, names: tuple[str, ...]) -> str:
    for name in names:
        config = re.sub(rf"\n  {re.escape(name)}:\n(?:    .*\n|      .*\n)+", "\n", config)
    return config


def commit_site(target: Path) -> None:
    """Make the synthetic guide a git repository, so the git-dates plugin runs as for users."""
    git = ["git", "-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost"]
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    subprocess.run(["git", "add", "-A"], cwd=target, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "synthetic guide"], cwd=target, check=True)


def stock_config(target: Path) -> Path:
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    stock = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    path = target / "mkdocs-stock.yml"
    path.write_text(stock, encoding="utf-8")
    return path


def plain_config(target: Path) -> Path:
    """Stock config over a copy of docs that already holds the generated pages and nav."""
    sys.path.insert(0, str(target / "hooks"))
    from guidekit.checks.content import load_content
    from guidekit.pages.generated import generated_pages
    from guidekit.pages.glossary import parse_abbreviations
    from guidekit.pages.nav import build_nav

    docs = target / "docs-plain"
    shutil.copytree(target / "docs", docs)
    content = load_content({p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")})
    abbreviations = target / "includes" / "abbreviations.md"
    glossary = parse_abbreviations(abbreviations.read_text(encoding="utf-8")) if abbreviations.exists() else []
    hand_written = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    # every page the hook generates (type indexes, overview with its picture, self-check, glossary), as files
    for path, markdown in generated_pages(content, glossary, True, hand_written).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(markdown, encoding="utf-8")
    nav, unlisted = build_nav(sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")))
    config = yaml.safe_load(stock_config(target).read_text(encoding="utf-8").replace("!ENV", ""))
    config.update(docs_dir="docs-plain", nav=nav, not_in_nav="\n".join("/" + p for p in unlisted))
    config["site_url"] = "http://127.0.0.1:8000/"
    config["edit_uri"] = ""  # !ENV values: the defaults, as the other two builds get them
    path = target / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build_together(target: Path, builds: list[tuple[Path, Path]]) -> list[tuple[float, float]]:
    """Wall and CPU seconds (user + system) of each `mkdocs build -f <config> -d <out>`, all run at once
    (one a core): whatever the machine does meanwhile falls on each of them alike."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    results: list[tuple[float, float]] = [(0.0, 0.0)] * len(builds)

    def run(slot: int, config: Path, out: Path) -> None:
        with tempfile.TemporaryFile() as errors:
            started = time.perf_counter()
            process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                                        "-d", str(out)], cwd=target, env=env, stdout=subprocess.DEVNULL,
                                       stderr=errors)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode:
                errors.seek(0)
                raise SystemExit(f"{config.name} 构建失败：\n{errors.read().decode('utf-8', 'replace')[-2000:]}")
            results[slot] = (time.perf_counter() - started, usage.ru_utime + usage.ru_stime)

    threads = [threading.Thread(target=run, args=(slot, config, out)) for slot, (config, out) in enumerate(builds)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def median_item_size(site: Path) -> float:
    sizes = [p.stat().st_size for p in site.glob("measures/*/index.html") if p.parent.name != "measures"]
    return statistics.median(sizes) / 1024


def main(sizes: list[int]) -> None:
    print(f"{'pages':>6} {'stock s':>8} {'plain s':>8} {'hook s':>8} {'no print s':>10} {'full s':>8} "
          f"{'hook/plain':>10} {'hook/stock':>10} {'full/no print':>13} {'growth':>7} "
          f"{'stock KB':>9} {'plain KB':>9} {'hook KB':>8} {'plain cpu':>9} {'hook cpu':>8} {'hook/plain cpu':>14}")
    first: tuple[int, float] | None = None
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp)
            write_site(target, count)
            assert_clean(target / "docs")
            stock, plain = stock_config(target), plain_config(target)
            commit_site(target)
            hook = target / "mkdocs.yml"
            # plain and hook are built side by side, one a core, several times: each round's ratio is
            # taken under the same load, and the median round counts
            pairs = [build_together(target, [(plain, target / "site-plain"), (hook, target / "site-hook")])
                     for _ in range(ROUNDS)]
            (t_plain, c_plain), (t_hook, c_hook) = (
                (statistics.median(run[k][0] for run in pairs), statistics.median(run[k][1] for run in pairs))
                for k in (0, 1))
            r_wall = statistics.median(hook_run[0] / plain_run[0] for plain_run, hook_run in pairs)
            r_cpu = statistics.median(hook_run[1] / plain_run[1] for plain_run, hook_run in pairs)
            (t_no_print, _), (t_full, _) = build_together(
                target, [(target / "mkdocs-no-print.yml", target / "site-no-print"),
                         (target / "mkdocs-full.yml", target / "site-full")])
            ((t_stock, _),) = build_together(target, [(stock, target / "site-stock")])
            kb = [median_item_size(target / f"site-{k}") for k in ("stock", "plain", "hook")]
            # time ratio over page ratio against the first size: 1.0 = linear, 4.0 = quadratic at 4x the pages
            growth = f"{(t_full / first[1]) / (count / first[0]):>7.2f}" if first else f"{'-':>7}"
            first = first or (count, t_full)
            print(f"{count:>6} {t_stock:>8.2f} {t_plain:>8.2f} {t_hook:>8.2f} {t_no_print:>10.2f} {t_full:>8.2f} "
                  f"{r_wall:>10.3f} {t_hook / t_stock:>10.3f} {t_full / t_no_print:>13.3f} {growth} "
                  f"{kb[0]:>9.1f} {kb[1]:>9.1f} {kb[2]:>8.1f} {c_plain:>9.2f} {c_hook:>8.2f} {r_cpu:>14.3f}",
                  flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 500, 2000])

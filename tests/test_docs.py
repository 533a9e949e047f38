"""The reference in docs/: no path outside the repository, links that resolve, every key documented.

The keys a loader accepts are read from the loader itself: every mapping is checked with
`Fields.unknown(KEYS)`, so the test finds each `.unknown(...)` call in zinepress/load/ with `ast`
and evaluates its argument (a tuple literal, a module constant, `A + B`, `TABLE[kind]`, or a
constant imported from another zinepress module). An argument of any other form fails the test,
so a new way of listing keys cannot slip past it.
"""
from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import subprocess
import textwrap
from functools import lru_cache
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT, zine

DOCS = ROOT / "docs"
# Which reference page documents the keys each loader accepts.
PAGES = {
    "zine.py": "zine-yaml.md", "languages.py": "zine-yaml.md",
    "region.py": "regions.md", "citations.py": "regions.md",
    "layout.py": "layouts.md", "theme.py": "themes.md",
}
# Names of values (not keys) a page must list too: module, constant, page.
VALUES = [
    ("zinepress.model", "PANEL_KINDS", "zine-yaml.md"),
    ("zinepress.load.region", "CONTACT_TYPES", "regions.md"),
    ("zinepress.load.region", "STATUSES", "regions.md"),
    ("zinepress.load.region", "COSTS", "regions.md"),
    ("zinepress.load.region", "PAPERS", "regions.md"),
    ("zinepress.impose.plans", "PLANS", "layouts.md"),
]
# A path on the machine the project was made on, or the folder shared beside it. Written so that
# this file does not match itself.
OUTSIDE = re.compile(rb"\.\./shared|/wor[k]/|shared/(?:SPEC|seed|reference)|SPE[C]\.md")
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


# (a) No tracked file names a path outside the repository.

def tracked_files() -> list[Path]:
    """Return the repository's tracked files (skip when this is not a git checkout)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files are unknown")
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.split(b"\0")
    return [ROOT / n.decode() for n in names if n and (ROOT / n.decode()).is_file()]


def outside_paths(path: Path, base: Path = ROOT) -> list[str]:
    """Return 'path:line: …' for each line of the file that names a path outside the repository."""
    found = []
    for number, line in enumerate(path.read_bytes().split(b"\n"), start=1):
        if match := OUTSIDE.search(line):
            found.append(f"{path.relative_to(base)}:{number}: names "
                         f"{match.group().decode(errors='replace')!r}")
    return found


def test_no_tracked_file_names_a_path_outside_the_repository() -> None:
    found = [hit for path in tracked_files() for hit in outside_paths(path)]
    assert found == []


def test_the_outside_path_check_finds_them(tmp_path: Path) -> None:
    sample = tmp_path / "sample.md"
    sample.write_text("fine\nsee ../" "shared/notes\nand /" "work/x\n", encoding="utf-8")
    (tmp_path / "ok.md").write_text("work/ and shared/ alone are fine\n", encoding="utf-8")
    assert outside_paths(sample, tmp_path) == ["sample.md:2: names '../" "shared'",
                                               "sample.md:3: names '/" "work/'"]
    assert outside_paths(tmp_path / "ok.md", tmp_path) == []


# (b) Every relative link in README.md and docs/*.md resolves, anchors included.

def link_pages() -> list[Path]:
    """Return the Markdown pages whose links are checked."""
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md")), ROOT / "regions" / "README.md"]


def without_code(text: str) -> str:
    """Return the text with fenced code blocks and inline code blanked (links there are examples)."""
    text = re.sub(r"(?ms)^```.*?^```", "", text)
    return re.sub(r"`[^`\n]*`", "", text)


def slug(heading: str) -> str:
    """Return the anchor GitHub makes for a heading: lower case, punctuation dropped, '-' for ' '."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Return the anchors of a Markdown page's headings."""
    text = re.sub(r"(?ms)^```.*?^```", "", page.read_text(encoding="utf-8"))
    return {slug(h) for h in re.findall(r"(?m)^#{1,6}\s+(.+?)\s*#*$", text)}


def broken_links(page: Path, base: Path = ROOT) -> list[str]:
    """Return 'page: target' for each relative link of the page that does not resolve in base."""
    broken = []
    for target in LINK.findall(without_code(page.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            continue  # https:, mailto: …: not a file
        file_part, _, anchor = target.partition("#")
        dest = (page.parent / file_part).resolve() if file_part else page
        if not dest.exists() or not dest.resolve().is_relative_to(base):
            broken.append(f"{page.relative_to(base)}: {target}")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{page.relative_to(base)}: {target} (no such heading)")
    return broken


def test_every_relative_link_resolves() -> None:
    assert (DOCS / "README.md").is_file()
    broken = [b for page in link_pages() for b in broken_links(page)]
    assert broken == []


def test_the_link_check_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "there.md").write_text("# A heading `code_x`\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("[ok](there.md) [ok](there.md#a-heading-code_x) [web](https://x.org/y)\n"
                    "[gone](missing.md) [bad anchor](there.md#nope) `[code](missing.md)`\n"
                    "```\n[example](missing-too.md)\n```\n", encoding="utf-8")
    assert broken_links(page, tmp_path) == ["page.md: missing.md", "page.md: there.md#nope (no such heading)"]


def test_readme_links_the_reference() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("docs/README.md", "docs/zine-yaml.md", "docs/regions.md", "docs/layouts.md",
                 "docs/commands.md", "docs/outputs.md", "docs/projects.md"):
        assert f"]({page})" in readme, page


# (c) Every key a loader accepts is on the loader's reference page.

@lru_cache(maxsize=None)
def module_tree(name: str) -> ast.Module | None:
    """Return the parsed source of a zinepress module ('zinepress.load.zine'), if it exists."""
    path = ROOT / (name.replace(".", "/") + ".py")
    return ast.parse(path.read_text(encoding="utf-8")) if path.is_file() else None


def constant(tree: ast.Module, module: str, name: str) -> set[str]:
    """Return the strings of a module-level constant, following `from zinepress… import NAME`."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name
                                                for t in node.targets):
            return strings(node.value, tree, module)
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                and node.target.id == name and node.value is not None:
            return strings(node.value, tree, module)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("zinepress") \
                and any((a.asname or a.name) == name for a in node.names):
            source = next(a.name for a in node.names if (a.asname or a.name) == name)
            other = module_tree(node.module)
            if other is not None:
                return constant(other, node.module, source)
    raise AssertionError(f"{module}: cannot find the constant {name}")


def strings(node: ast.expr, tree: ast.Module, module: str) -> set[str]:
    """Return the key names an expression lists; fail on a form this test cannot read."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return set().union(*(strings(e, tree, module) for e in node.elts))
    if isinstance(node, ast.Name):
        return constant(tree, module, node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return strings(node.left, tree, module) | strings(node.right, tree, module)
    if isinstance(node, ast.Subscript):       # TABLE[kind]: the keys of every kind
        return strings(node.value, tree, module)
    if isinstance(node, ast.Dict):
        return set().union(*(strings(v, tree, module) for v in node.values))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in ("tuple", "list", "set", "frozenset") and len(node.args) == 1:
        return strings(node.args[0], tree, module)
    raise AssertionError(f"{module}:{node.lineno}: cannot read the keys of "
                         f"{ast.unparse(node)!r}; list them in a tuple constant")


def accepted_keys() -> dict[str, set[str]]:
    """Return, per loader file in zinepress/load/, the keys its `.unknown(...)` calls accept."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "zinepress" / "load").glob("*.py")):
        module = f"zinepress.load.{path.stem}"
        tree = module_tree(module)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "unknown" and node.args:
                found.setdefault(path.name, set()).update(strings(node.args[0], tree, module))
    return found


def documented(key: str, text: str) -> bool:
    """Tell whether a page names the key as code: `key`, or key: in a YAML example."""
    k = re.escape(key)
    return bool(re.search(rf"`{k}`|`{k}:|^[ \t]*(?:- )?{k}:|[{{,][ \t]*{k}:", text, re.MULTILINE))


def test_the_loaders_accept_keys_this_test_can_read() -> None:
    keys = accepted_keys()
    assert {"title", "panels", "heading", "alt", "caption", "attribution"} <= keys["zine.py"]
    assert {"dial", "keyword", "press", "always", "daily", "status", "quote"} <= keys["region.py"]
    assert {"papers", "imposition", "min_body_pt"} <= keys["layout.py"]
    unmapped = sorted(set(keys) - set(PAGES))
    assert unmapped == [], f"keys read in zinepress/load/{unmapped} belong on a page of docs/"


@pytest.mark.parametrize("loader", sorted(PAGES))
def test_every_key_a_loader_accepts_is_documented(loader: str) -> None:
    keys = accepted_keys().get(loader)
    if keys is None:
        pytest.skip(f"zinepress/load/{loader} reads no keys in this checkout")
    text = (DOCS / PAGES[loader]).read_text(encoding="utf-8")
    assert sorted(k for k in keys if not documented(k, text)) == []


@pytest.mark.parametrize("module, name, page", VALUES)
def test_every_value_of_a_table_is_documented(module: str, name: str, page: str) -> None:
    values = getattr(__import__(module, fromlist=[name]), name)
    text = (DOCS / page).read_text(encoding="utf-8")
    assert sorted(v for v in values if f"`{v}`" not in text) == []


def test_documented_needs_the_key_as_code() -> None:
    assert documented("alt", "| `alt` | text |")
    assert documented("daily", "hours: {daily: [\"19:00\", \"23:00\"]}")
    assert documented("quote", "    quote: \"…\"")
    assert not documented("alt", "an alt text, although alternative")


# The examples in docs/zine-yaml.md and docs/regions.md are files that check.

def yaml_blocks(page: str) -> list[str]:
    """Return the YAML code blocks of a reference page."""
    return re.findall(r"```yaml\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"), re.S)


def test_the_zine_yaml_examples_check_without_a_problem(project: Path) -> None:
    blocks = yaml_blocks("zine-yaml.md")
    example, panels = blocks[0], [b for b in blocks if b.startswith("- id:")]
    sources = next(b for b in blocks if b.startswith("sources:"))
    kinds = set(re.findall(r"kind: (\S+)", sources + "".join(panels)))
    assert kinds == {"cover", "list", "quote", "image", "crisis-lines", "sources", "notes",
                     "back-cover"}
    text = (example.split("sources:\n")[0] + sources
            + "".join(textwrap.indent(b, "  ") for b in panels))
    folder = project / "zines" / "doc-example"
    (folder / "images").mkdir(parents=True)
    (folder / "zine.yaml").write_text(text, encoding="utf-8")
    Image.new("RGB", (1200, 1200), "white").save(folder / "images" / "map.png")
    run = zine(project, "check", "doc-example", "--strict")
    assert run.exit_code == 0, run.output


def test_the_region_example_checks_without_a_problem(project: Path) -> None:
    # Checked today, so that the example never goes stale.
    example = yaml_blocks("regions.md")[0].replace("checked: 2026-11-23",
                                                   f"checked: {dt.date.today()}")
    (project / "regions" / "mx.yaml").write_text(example, encoding="utf-8")
    run = zine(project, "regions", "check")
    assert run.exit_code == 0, run.output


def test_the_starter_zine_and_zine_new_point_to_the_reference(empty_project: Path) -> None:
    run = zine(empty_project, "new", "my-zine")
    assert run.exit_code == 0, run.output
    assert "docs/zine-yaml.md" in run.output
    starter = (empty_project / "zines" / "my-zine" / "zine.yaml").read_text(encoding="utf-8")
    assert starter.startswith("# A starter zine. Every key and panel kind is described in "
                              "docs/zine-yaml.md in zinepress's\n")
    assert (DOCS / "zine-yaml.md").is_file()

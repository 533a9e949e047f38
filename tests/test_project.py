"""A project is any folder with zines/: found from below it or by --project, with its own assets
added to the built-in ones and replacing them by name."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, zine
from zinepress.assets import Assets, builtin_root
from zinepress.errors import Report
from zinepress.project import find_root, load_project

IRELAND = (ROOT / "regions/ie.yaml").read_text(encoding="utf-8")


def bare_project(tmp_path: Path) -> Path:
    """Return a project made by `zine new` in an empty folder: zines/ and nothing else."""
    folder = tmp_path / "mine"
    folder.mkdir()
    assert zine(folder, "new", "demo").exit_code == 0
    return folder


def test_builtin_assets_are_the_checkouts_top_level_folders() -> None:
    assert builtin_root() == ROOT
    assert Assets(ROOT).folders("layouts") == (ROOT / "layouts",)


def test_the_project_is_found_from_any_folder_below_it(tmp_path: Path) -> None:
    project = bare_project(tmp_path)
    deep = project / "zines/demo/images"
    assert find_root(deep) == project.resolve()
    listed = zine(deep, "list", "zines")
    assert listed.output.startswith("demo\tdemo\ten-intl")


def test_project_option_names_the_project_from_anywhere(tmp_path: Path) -> None:
    project = bare_project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for args in (["list", "zines", "--project", str(project)],
                 ["--project", str(project), "list", "zines"]):
        assert zine(elsewhere, *args).output.startswith("demo\t")
    assert zine(elsewhere, "list", "zines").exit_code == 1


def test_new_in_an_empty_folder_makes_a_project(tmp_path: Path) -> None:
    project = bare_project(tmp_path)
    assert sorted(p.name for p in project.iterdir()) == ["zines"]
    report = Report()
    loaded = load_project(project, report)
    assert report.errors == []
    assert set(loaded.layouts) == {"booklet", "cards", "minizine", "poster", "reader", "trifold"}
    assert {"gb", "us", "intl"} <= set(loaded.regions)


def test_a_project_region_replaces_the_builtin_one_by_code(tmp_path: Path) -> None:
    project = bare_project(tmp_path)
    (project / "regions").mkdir()
    (project / "regions/ie.yaml").write_text(IRELAND.replace("name: Ireland", "name: Éire"),
                                             encoding="utf-8")
    loaded = load_project(project, Report())
    assert loaded.regions["ie"].name == "Éire"
    assert loaded.regions["ie"].path == project / "regions/ie.yaml"
    assert loaded.assets.origin(loaded.regions["ie"].path) == "project"
    assert loaded.assets.origin(loaded.regions["gb"].path) == "built-in"


def test_a_project_layout_with_its_own_layout_yaml_replaces_the_builtin_one(tmp_path: Path) -> None:
    project = bare_project(tmp_path)
    mine = project / "layouts/reader"
    mine.mkdir(parents=True)
    for name in ("layout.yaml", "pages.html", "style.css"):
        (mine / name).write_bytes((ROOT / "layouts/reader" / name).read_bytes())
    text = (mine / "layout.yaml").read_text(encoding="utf-8")
    (mine / "layout.yaml").write_text(text.replace("description:", "description: Mine."),
                                      encoding="utf-8")
    loaded = load_project(project, Report())
    reader = loaded.layouts["reader"]
    assert reader.folder == mine and reader.overlay == ()
    assert reader.description.startswith("Mine.")
    listed = zine(project, "list", "layouts").output
    assert f"reader\ta4, letter\tproject\tlayouts/reader" in listed


def test_a_project_folder_without_layout_yaml_customizes_the_builtin_layout(tmp_path: Path) -> None:
    project = bare_project(tmp_path)
    mine = project / "layouts/minizine"
    mine.mkdir(parents=True)
    (mine / "style.css").write_text("h2 { letter-spacing: 0.1em; }\n", encoding="utf-8")
    loaded = load_project(project, Report())
    minizine = loaded.layouts["minizine"]
    assert minizine.folder == ROOT / "layouts/minizine"
    assert minizine.overlay == (mine,)


def test_project_layout_words_add_a_language(tmp_path: Path) -> None:
    project = bare_project(tmp_path)
    (project / "locales").mkdir()
    po = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n' \
         'msgid "Sources"\nmsgstr "Sources (fr)"\n'
    (project / "locales/fr.po").write_text(po, encoding="utf-8")
    loaded = load_project(project, Report())
    assert loaded.words("fr", Report()).translated["Sources"] == "Sources (fr)"
    assert loaded.words("es", Report()).path == ROOT / "locales/es.po"

"""The `corroborated` rule: three publishers, one dial string, recent, and no other number."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import copy_project, zine
from zinepress.corroboration import contains, host, months_before, other_numbers

MX_SOURCES = ('https://www.cronica.com.mx/nacional/2025/09/19/'
              'jornada-para-la-prevencion-del-suicidio/')


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", zines=False)


def cut_source(project: Path, url: str) -> None:
    """Remove the source with this url (three lines) from regions/mx.yaml."""
    path = project / "regions" / "mx.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if url in line)
    del lines[at:at + 3]
    path.write_text("".join(lines), encoding="utf-8")


def line_of(project: Path, text: str) -> int:
    lines = (project / "regions" / "mx.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_shipped_corroborated_lines_pass(project: Path) -> None:
    run = zine(project, "regions", "check")
    assert run.exit_code == 0, run.output
    assert "corroborated 1" in next(l for l in run.output.splitlines() if l.startswith("mx "))


def test_two_sources_are_refused_naming_file_and_line(project: Path) -> None:
    cut_source(project, MX_SOURCES)
    run = zine(project, "regions", "check")
    assert run.exit_code == 1
    line = line_of(project, "status: corroborated")
    assert (f"regions/mx.yaml:{line}: service 'mx-linea-de-la-vida': corroborated needs at least 3 "
            "publishers (distinct hosts) whose quotes give '800-911-2000'; found 2: "
            "eluniversal.com.mx, proceso.com.mx") in run.output.splitlines()


def test_a_source_giving_another_number_is_refused(project: Path) -> None:
    path = project / "regions" / "mx.yaml"
    text = path.read_text(encoding="utf-8")
    other = "llamar a la Línea de la Vida 800-911-2000 o al 55 5259 8121, la cual"
    path.write_text(text.replace("llamar a la Línea de la Vida 800-911-2000, la cual", other),
                    encoding="utf-8")
    run = zine(project, "regions", "check")
    assert run.exit_code == 1
    line = line_of(project, f"- url: \"{MX_SOURCES}")
    assert (f"regions/mx.yaml:{line}: service 'mx-linea-de-la-vida': cronica.com.mx gives another "
            "number, '55 5259 8121': the sources disagree, so the line is not corroborated (keep "
            "the source and set status: unconfirmed)") in run.output.splitlines()


def test_the_same_host_twice_counts_once_and_quotes_must_print_the_dial_string(
        project: Path) -> None:
    path = project / "regions" / "mx.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("https://www.proceso.com.mx/", "https://m.eluniversal.com.mx/")
    text = text.replace("las llamadas a la “Línea de la Vida” 800-911-2000",
                        "las llamadas a la “Línea de la Vida” 800 911 2000")
    path.write_text(text, encoding="utf-8")
    run = zine(project, "regions", "check")
    assert run.exit_code == 1
    line = line_of(project, "- url: \"https://m.eluniversal.com.mx/")
    assert (f"regions/mx.yaml:{line}: service 'mx-linea-de-la-vida': the quote from "
            "eluniversal.com.mx does not contain the dial string '800-911-2000' as written"
            ) in run.output.splitlines()
    assert "found 2: cronica.com.mx, eluniversal.com.mx" in run.output


def test_old_sources_and_a_missing_operator_are_refused(project: Path) -> None:
    path = project / "regions" / "mx.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("published: 2025-", "published: 2019-")
    text = text.replace("    operator: Secretaría de Salud (CONASAMA)\n", "")
    path.write_text(text, encoding="utf-8")
    run = zine(project, "regions", "check")
    assert run.exit_code == 1
    line = line_of(project, "status: corroborated")
    cutoff = months_before(dt.date.today(), 24)
    assert run.output.splitlines().count(
        f"regions/mx.yaml:{line}: service 'mx-linea-de-la-vida': a corroborated line needs a "
        f"source published within 24 months (on or after {cutoff}); the newest is 2019-12-24") == 1
    assert (f"regions/mx.yaml:{line}: service 'mx-linea-de-la-vida': a corroborated line needs "
            "'operator': its sources must name the same one") in run.output.splitlines()


def test_numbers_in_quotes() -> None:
    quote = ("disponible las 24 horas del día, los 365 días del año, en 2025. El número es el "
             "800-911-2000; también al 55 5259 8121")
    assert other_numbers(quote, {"8009112000"}, "mx") == ["55 5259 8121"]
    assert contains("el 024, la línea", "024") and not contains("llame al 1024", "024")
    assert host("https://boe.es./buscar") == "boe.es"
    assert host("https://www.rtve.es/x") == "rtve.es" and host("https://m.scoop.co.nz/") == \
        "scoop.co.nz"
    assert months_before(dt.date(2026, 12, 1), 24) == dt.date(2024, 12, 1)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)

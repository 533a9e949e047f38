"""A translation keeps its source's numbers and addresses; numbers come through placeholders."""
from __future__ import annotations

import pytest

from zinepress.i18n.numbers import changes, header_problems

NUMBER = ("a translation has the same numbers as its source, and a phone number comes only "
          "through its placeholder ({number}, {press} …)")
ADDRESS = "a translation keeps the links and web addresses of its source exactly"


@pytest.mark.parametrize("source, translation, expected", [
    ("Call {number}", "Llama al {number}", []),
    ("open 24/7", "abierta las 24 horas, todos los días", []),   # a short number spelled out
    ("open 24/7", "مفتوح ٢٤/٧", []),                               # the same digits, Arabic-Indic
    ("More lines: findahelpline.com", "Más líneas: findahelpline.com", []),
    ("Call {number}", "Llama al 1-800-555-0199 o al {number}",
     [f"it adds '1-800-555-0199': {NUMBER}"]),
    ("Call {number}", "llama al 1{number}", [f"it adds '1': {NUMBER}"]),
    ("Call {number}, then press {press}", "Llama al {number} y marca la opción {press}0",
     [f"it adds '0': {NUMBER}"]),
    ("Lines open since 1986", "Líneas abiertas desde 1968",
     [f"it adds '1968' and leaves out '1986': {NUMBER}"]),
    ("More lines: findahelpline.com", "Más líneas: findahelpline.net",
     [f"it adds 'findahelpline.net' and leaves out 'findahelpline.com': {ADDRESS}"]),
    ("See [the site](https://988lifeline.org).", "Ver [el sitio](https://988lifeline.org.evil).",
     [f"it adds 'https://988lifeline.org.evil' and leaves out 'https://988lifeline.org': "
      f"{ADDRESS}"]),
    ("Talk to someone", "Habla con alguien: [988](tel:988)",
     [f"it adds '988': {NUMBER}", f"it adds 'tel:988': {ADDRESS}"]),
])
def test_changes(source: str, translation: str, expected: list[str]) -> None:
    assert changes(source, translation) == expected


def test_printed_header_fields_carry_no_number() -> None:
    header = {"Last-Translator": "Ana <ana@example.org>", "Language-Team": "Equipo 988",
              "PO-Revision-Date": "2026-11-20 10:00+0000"}
    assert header_problems(header) == [
        "the header's Language-Team has the number '988': the colophon prints it, and a handout "
        "prints phone numbers only from region files; remove it"]

"""Addresses as printed (render/addresses.py): escaped, the host whole, breaks only after '/'."""
from __future__ import annotations

from markupsafe import Markup

from zinepress.render.addresses import address, addresses, keyword


def test_an_address_keeps_its_host_whole_and_breaks_only_after_a_slash() -> None:
    assert address("https://www.veteranscrisisline.net/Chat") == Markup(
        '<span class="address" dir="ltr"><span class="nobreak">www.veteranscrisisline.net</span>'
        '/<wbr>Chat</span>')
    assert address("988lifeline.org") == Markup(
        '<span class="address" dir="ltr"><span class="nobreak">988lifeline.org</span></span>')


def test_an_address_is_text_never_html() -> None:
    assert "<script>" not in address('https://x.org/<script>"')
    assert "&lt;script&gt;" in address('https://x.org/<script>"')
    assert keyword("<b>SHOUT</b>") == Markup(
        '<span class="address nobreak" dir="ltr">&lt;b&gt;SHOUT&lt;/b&gt;</span>')


def test_addresses_in_a_translated_sentence_leave_its_tags_and_full_stop_alone() -> None:
    html = addresses(Markup('Busca en <span class="x">findahelpline.com</span>. Escribe a jo@samaritans.org.'))
    assert html == Markup(
        'Busca en <span class="x"><span class="address" dir="ltr"><span class="nobreak">'
        'findahelpline.com</span></span></span>. Escribe a <span class="address" dir="ltr">'
        '<span class="nobreak">jo@samaritans.org</span></span>.')
    assert addresses("e.g. 24/7, 1.5 mm") == Markup("e.g. 24/7, 1.5 mm")
    assert addresses("a <b> & c") == Markup("a &lt;b&gt; &amp; c")

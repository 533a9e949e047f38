"""The Markdown subset of panel bodies."""
from __future__ import annotations

from zinepress.render import markdown


def test_allowed_marks_render() -> None:
    html = markdown.to_html("A *b* **c**\n\n- d\n- e\n\n1. f", links=False)
    assert html == ("<p>A <em>b</em> <strong>c</strong></p>\n<ul>\n<li>d</li>\n<li>e</li>\n</ul>\n"
                    "<ol>\n<li>f</li>\n</ol>\n")


def test_links_are_live_only_in_the_reader() -> None:
    text = "see [the site](https://example.org)"
    assert '<a href="https://example.org">the site</a>' in markdown.to_html(text, links=True)
    assert markdown.to_html(text, links=False) == '<p>see <span class="link">the site</span></p>\n'


def test_raw_html_is_refused_and_escaped() -> None:
    assert markdown.problems("x <script>alert(1)</script>") == [
        (0, "raw HTML is not allowed in text: '<script>'"),
        (0, "raw HTML is not allowed in text: '</script>'")]
    assert "&lt;script&gt;" in markdown.to_html("x <script>", links=True)


def test_links_must_be_web_or_mail() -> None:
    assert markdown.problems("[a](file:///etc/passwd)") == [
        (0, "a link must start with https://, http://, mailto:, tel: or sms: ('file:///etc/passwd')")]
    assert markdown.problems("[a](https://example.org) [b](mailto:x@example.org)") == []


def test_headings_images_and_tables_are_not_markdown_here() -> None:
    html = markdown.to_html("# not a heading\n\n![img](x.png)", links=True)
    assert "<h1>" not in html and "<img" not in html


def test_a_link_that_shows_a_number_dials_that_number() -> None:
    assert markdown.problems("Call [988](tel:988) or text [HOME to 741741](sms:741741?body=HOME)"
                             " or see [988lifeline.org](https://988lifeline.org)") == []
    assert markdown.problems("Call [988](tel:19005550100).") == [
        (0, "the link '[988](tel:19005550100)' shows 988 but dials 19005550100: the number in a "
            "link's text must be the number it dials")]
    assert markdown.problems("[Call us](tel:19005550100)") == [
        (0, "the link '[Call us](tel:19005550100)' dials 19005550100 without showing it: write "
            "the number it dials as the link's text")]
    assert markdown.problems("[988](https://example.org/help)") == [
        (0, "the link '[988](https://example.org/help)' shows the number 988 but opens "
            "https://example.org/help: a number in a link's text must be a tel: or sms: link "
            "that dials it")]

"""The panel `mkdocs serve` puts over a page after a failed rebuild, and the messages it shows
(guidekit/serve_errors.py)."""

from __future__ import annotations

import logging
from html.parser import HTMLParser

from guidekit.serve_errors import MOST_SHOWN, BuildMessages, panel, with_panel

MESSAGE = (
    "docs/data/guide.yml:12:5: 값의 형식이 맞지 않아요.\n"
    "  위치(key path): facts.a_b.value\n"
    "  지금 값: <script>alert(1)</script> & \"x\" 'y' {{ fact.z }} **b** [l](u)"
)


class _Read(HTMLParser):
    """The text of each <pre>, the ids, what aria-labelledby names, and every tag."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.pres: list[str] = []
        self.ids: set[str] = set()
        self.labelled: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._pre: list[str] | None = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self.ids |= {attrs["id"]} if "id" in attrs else set()
        for name in ("aria-labelledby", "aria-describedby"):
            self.labelled += attrs.get(name, "").split()
        if tag == "pre":
            self._pre = []

    def handle_endtag(self, tag):
        if tag == "pre" and self._pre is not None:
            self.pres.append("".join(self._pre))
            self._pre = None

    def handle_data(self, data):
        if self._pre is not None:
            self._pre.append(data)


def test_a_message_shows_exactly_as_logged_and_never_as_markup():
    markup = panel([MESSAGE], "Aborted")
    assert _Read(markup).pres == [MESSAGE]
    assert "<script>alert" not in markup
    assert [tag for tag, _ in _Read(markup).tags].count("script") == 0


def test_each_message_once_in_order_and_the_reason_when_none_was_logged():
    assert _Read(panel(["b", "a", "b", "", "\n"], "Aborted")).pres == ["b", "a"]
    assert _Read(panel([], "Aborted with 2 warnings in strict mode!")).pres == [
        "Aborted with 2 warnings in strict mode!"
    ]


def test_many_messages_show_the_first_few_and_count_the_rest():
    messages = [f"docs/p{i}.md: 경고 {i}" for i in range(MOST_SHOWN + 7)]
    markup = panel(messages, "Aborted")
    assert _Read(markup).pres == messages[:MOST_SHOWN]
    assert "7" in markup.rsplit("</pre>", 1)[1]  # the count of the rest, after the last message
    assert "<p" not in panel(messages[:MOST_SHOWN], "Aborted").rsplit("</pre>", 1)[1]


def test_the_panel_is_a_labelled_dialog_that_closes_without_a_script():
    read = _Read(panel([MESSAGE], "Aborted"))
    tag, attrs = read.tags[0]
    assert tag == "dialog" and "open" in attrs and "data-guide-serve-error" in attrs
    assert read.labelled and set(read.labelled) <= read.ids
    assert ("form", {"method": "dialog"}) in read.tags
    assert any(tag == "button" for tag, _ in read.tags)


def test_the_panel_goes_first_in_the_body_and_the_page_is_otherwise_unchanged():
    page = b'<!doctype html><html><head><title>t</title></head><body dir="ltr" class="x"><p>page</p></body></html>'
    out = with_panel(page, "<dialog>패널</dialog>")
    assert out == page.replace(b'class="x">', 'class="x"><dialog>패널</dialog>'.encode())
    assert with_panel(b"<p>no body</p>", "<i>p</i>") == b"<p>no body</p><i>p</i>"


def test_only_warnings_and_errors_of_the_build_are_collected():
    logger = logging.getLogger("test_serve_errors.build")
    server = logging.getLogger("test_serve_errors.server.requests")
    messages = BuildMessages(ignore=("test_serve_errors.server",))
    logger.addHandler(messages)
    server.addHandler(messages)
    try:
        logger.info("building")
        logger.warning("a %s warning", "strict")
        server.warning('"GET /x" code 404')
        logger.error("stopped")
    finally:
        logger.removeHandler(messages)
        server.removeHandler(messages)
    assert messages.messages == ["a strict warning", "stopped"]

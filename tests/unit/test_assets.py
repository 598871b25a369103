"""Page-scoped assets are linked only where their classes are, and CSS minifying keeps selectors' meaning."""

from __future__ import annotations

from guidekit.assets import (
    css_classes,
    drop_links,
    minify_css,
    own_classes,
    script_classes,
    strip_indentation,
    unused_assets,
)
from guidekit.css_prune import Used

CSS = """/* print.css is elsewhere */
.md-typeset .checklist { margin: 0; }
@media screen { .md-typeset .msg-template__body, .sr-only { color: red; } }
.md-typeset :is(.deadline-helper) > p { content: "a . b"; }
"""
JS = """document.querySelectorAll(".checklist[data-storage-key]"); el.querySelector('.msg-copy__status');
var x = 0.5; day.toISOString(); "문구. 마침표";"""


def test_classes_of_a_stylesheet_leave_out_material_and_comments():
    assert css_classes(CSS) == {"checklist", "msg-template__body", "sr-only", "deadline-helper"}


def test_classes_a_script_queries():
    assert script_classes(JS) == {"checklist", "msg-copy__status"}


def classes_of(html: str) -> set[str]:
    return own_classes(Used().add_html(html))


def test_unused_assets_are_the_ones_whose_classes_are_absent():
    scoped = {"stylesheets/c.css": css_classes(CSS), "javascripts/c.js": script_classes(JS)}
    home = '<div class="md-typeset problem-cards"><a class="md-button">x</a></div>'
    checklist = '<div class="md-typeset"><ol class="checklist"></ol></div>'
    helper_only = '<div class="deadline-helper"></div>'
    assert classes_of(home) == {"problem-cards"}
    assert unused_assets(classes_of(home), scoped) == ["stylesheets/c.css", "javascripts/c.js"]
    assert unused_assets(classes_of(checklist), scoped) == []
    assert unused_assets(classes_of(helper_only), scoped) == ["javascripts/c.js"]


def test_drop_links_removes_only_the_named_tags():
    html = (
        '<link rel="stylesheet" href="../stylesheets/c.css">\n<link rel="stylesheet" href="../stylesheets/a.css">\n'
        '<script src="../javascripts/c.js"></script>\n<script src="../assets/bundle.js"></script>'
    )
    out = drop_links(html, ["stylesheets/c.css", "javascripts/c.js"])
    assert "c.css" not in out and "c.js" not in out
    assert "a.css" in out and "bundle.js" in out


def test_minify_keeps_descendant_combinators_and_strings():
    out = minify_css(CSS)
    assert "/*" not in out and "\n" not in out.strip()
    assert ".md-typeset :is(.deadline-helper) > p{" in out
    assert 'content: "a . b"' in out
    assert len(out) < len(CSS)


def test_indentation_goes_but_pre_textarea_and_scripts_stay():
    html = "<div>\n    <p>하나\n      둘</p>\n\n  <pre>  a\n    b</pre>\n  <textarea>\n  x</textarea>\n  <script>\n  var a = 1</script>\n</div>"
    out = strip_indentation(html)
    assert (
        out
        == "<div>\n<p>하나\n둘</p>\n<pre>  a\n    b</pre>\n<textarea>\n  x</textarea>\n<script>\n  var a = 1</script>\n</div>"
    )


def test_script_comments_on_their_own_lines_go_and_nothing_else():
    from guidekit.assets import strip_js_comments

    js = (
        '/*\n * why\n */\n(function () {\n  /* a note */\n  // a line note\n  var s = "/* kept */", r = /a\\/b/\n'
        '  go() /* tail kept */\n  var u = "https://x" // tail kept\n})()\n'
    )
    assert strip_js_comments(js) == (
        '(function () {\nvar s = "/* kept */", r = /a\\/b/\ngo() /* tail kept */\nvar u = "https://x" // tail kept\n})()\n'
    )


def test_drop_links_takes_the_blanks_before_a_tag_with_it():
    html = (
        '<head>\n    <link rel="stylesheet" href="../stylesheets/c.css?v=1">\n'
        '    <link rel="stylesheet" href="../stylesheets/a.css">\n'
        '  <script src="javascripts/c.js" defer></script>\n</head>'
    )
    assert drop_links(html, ["stylesheets/c.css", "javascripts/c.js"]) == (
        '<head>\n    <link rel="stylesheet" href="../stylesheets/a.css">\n</head>'
    )
    assert drop_links(html, []) == html

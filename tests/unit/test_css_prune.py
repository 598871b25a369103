"""Pruning Material's stylesheets: a rule goes only when no page and no script of the build can make it
match; everything that might match stays."""

from __future__ import annotations

from guidekit.css_prune import Used, custom_properties_read, drop_unread_properties, prune_css

PAGE = """<html class="no-js"><body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom">
<script id="__config" type="application/json">{"features": ["search.highlight"], "search": "x.js"}</script>
<div class="md-typeset checklist"><p class="fact">x</p></div></body></html>"""
SCRIPT = """x("div", {class: "md-search-result__meta"}); el.querySelector(".md-nav--never-made");
`md-status--${kind}`; "language-" + name; x("div", {class: "md-tooltip md-tooltip--inline"});
x("div", {class: "md-version__item"});"""


def used() -> Used:
    u = Used()
    u.add_html(PAGE)
    u.add_script(SCRIPT)
    return u


def test_rules_for_classes_nothing_makes_are_dropped():
    css = ".md-typeset .fact{color:red}.md-typeset .tabbed-set{display:flex}.md-nav--never-made{top:0}"
    assert prune_css(css, used()) == ".md-typeset .fact{color:red}"


def test_classes_a_script_builds_stay_and_so_do_template_prefixes():
    css = ".md-search-result__meta{a:b}.md-status--new{c:d}.language-py{e:f}.md-other{g:h}"
    assert prune_css(css, used()) == ".md-search-result__meta{a:b}.md-status--new{c:d}.language-py{e:f}"


def test_components_material_builds_only_on_request_go_when_nothing_asks():
    css = ".md-tooltip{a:b}.md-version__item{c:d}.fact{e:f}"
    assert prune_css(css, used()) == ".fact{e:f}"
    asked = used()
    asked.config["version"] = {"provider": "mike"}
    asked.config["features"].append("content.tooltips")
    assert prune_css(css, asked) == css


def test_selector_lists_keep_their_live_selectors_and_parentheses_are_not_judged():
    css = ".fact,.tabbed-set>label,.md-typeset :is(.nowhere,.fact){x:y}.checklist:not(.nowhere){z:w}"
    assert prune_css(css, used()) == ".fact,.md-typeset :is(.nowhere,.fact){x:y}.checklist:not(.nowhere){z:w}"


def test_attribute_values_the_html_fixes():
    css = "[dir=rtl] .fact{a:b}[dir=ltr] .fact{c:d}[data-md-color-primary=red]{e:f}[data-md-color-primary=custom]{g:h}"
    assert prune_css(css, used()) == "[dir=ltr] .fact{c:d}[data-md-color-primary=custom]{g:h}"
    # An attribute the HTML never sets is not judged.
    assert prune_css("[data-md-state=lock]{a:b}", used()) == "[data-md-state=lock]{a:b}"


def test_media_blocks_empty_after_pruning_go_and_other_at_rules_stay():
    css = (
        '@charset "UTF-8";@media screen{.tabbed-set{a:b}}@media print{.fact{c:d}.tabbed-set{e:f}}'
        "@keyframes spin{0%{transform:none}to{transform:rotate(1turn)}}/* map */"
    )
    assert prune_css(css, used()) == (
        '@charset "UTF-8";@media print{.fact{c:d}}@keyframes spin{0%{transform:none}to{transform:rotate(1turn)}}'
    )


def test_strings_with_braces_and_commas_do_not_confuse_the_reader():
    css = '.fact:before{content:"{,}"}.tabbed-set:after{content:"}"}.fact{background:url("a,b{}.svg")}'
    assert prune_css(css, used()) == '.fact:before{content:"{,}"}.fact{background:url("a,b{}.svg")}'


def test_custom_properties_nothing_reads_are_dropped():
    css = ":root{--a:1;--b:url('x;y');--c:3;color:var(--a)}.x{--d:1}"
    read = custom_properties_read([css, 'style="width:var(--c)"'], ["el.style.setProperty('--e', 1)"])
    assert read == {"--a", "--c", "--e"}
    assert drop_unread_properties(css, read) == ":root{--a:1;--c:3;color:var(--a)}"

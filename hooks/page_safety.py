"""Hook: every page the build writes, the 404 page too, carries its own Content-Security-Policy, and no
page links anywhere but http(s), the site itself or a phone number (guidekit/page_safety.py).

- on_startup                 `mkdocs serve` injects its live-reload script inline into every page it
                             serves, after the build: pages get no policy there (and editors no offline
                             copy either, see offline.py); the link check runs all the same
- on_config                  a new link check for this build
- on_post_page    (-60)      after page_assets.py (0) has written the page's final bytes: the hashes are of
                             the inline scripts exactly as shipped. The page's links are read beside the
                             build (guidekit/beside.py)
- on_post_template           the theme's 404 page
- on_post_build   (-40)      what the link check found stops the build, before the offline copy is made
                             (offline.py, -90) and the site is swapped in (atomic_site.py, -100)

Shares nothing with the other hooks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from guidekit.beside import Beside
from guidekit.page_safety import link_position, unsafe_links, with_policy

if TYPE_CHECKING:  # the types MkDocs passes to the events; not imported at build time
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_state: dict = {"serve": False, "links": None, "pages": [], "sources": []}


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _state["serve"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.update(links=Beside(unsafe_links), pages=[], sources=[])
    return config


def _finished(output: str, where: str, source: str | None = None) -> str:
    _state["links"].submit(output)
    _state["pages"].append(where)
    _state["sources"].append(source)  # the page as written, to name the line of a bad link
    return output if _state["serve"] else with_policy(output)


@event_priority(-60)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _finished(output, f"docs/{page.file.src_uri}", page.file.content_string)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return _finished(output_content, f"{config.theme.custom_dir or 'theme'}/{template_name}")


@event_priority(-40)
def on_post_build(config: MkDocsConfig) -> None:
    found = _state["links"].results()
    bad = [
        (where, links, source)
        for where, links, source in zip(_state["pages"], found, _state["sources"], strict=True)
        if links
    ]
    if bad:
        where, links, source = bad[0]
        at = link_position(source, links[0]) if source else None
        if at:
            where += ":{}:{}".format(*at)
        raise PluginError(
            f"{where}: 이 페이지에 안전하지 않은 링크가 있어요: {', '.join(links[:3])}\n"
            "  필요한 것: 링크는 사이트 안 페이지(payment.md#…)나 https:// 주소로만 걸어요."
        )

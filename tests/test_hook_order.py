"""The order of `hooks:` in mkdocs.yml does not matter: other orders build the same site, byte for byte.
Each hook's events state when they run (event_priority), and the guide's steps belong to one object.
The orders tried are every rotation and the reverse: each hook comes first and last once, and each pair
of hooks runs both ways round. The builds run in this process (guidedev.support.InProcessBuild): the
same config loading and events as the command, each loading the hook files afresh."""

from __future__ import annotations

import re

import pytest

from guidedev.support import ROOT, InProcessBuild, copy_project, tree_digest

HOOKS_BLOCK = re.compile(r"^hooks:\n((?:  .*\n)+)", re.M)


def listed_hooks() -> list[str]:
    block = HOOKS_BLOCK.search((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert block, "mkdocs.yml has no hooks: list"
    return [line.strip()[2:] for line in block.group(1).splitlines() if line.strip().startswith("- ")]


def build_with_hooks(tmp_path, name: str, hooks: list[str]):
    project = copy_project(tmp_path / name)
    config = project / "mkdocs.yml"
    text = HOOKS_BLOCK.sub("hooks:\n" + "".join(f"  - {h}\n" for h in hooks), config.read_text("utf-8"), count=1)
    config.write_text(text, "utf-8")
    return InProcessBuild(config, tmp_path / f"{name}-site"), tmp_path / f"{name}-site"


def test_the_guide_has_one_hook_and_four_infrastructure_hooks():
    assert listed_hooks() == [
        "hooks/guide.py",
        "hooks/page_assets.py",
        "hooks/offline.py",
        "hooks/page_safety.py",
        "hooks/atomic_site.py",
    ]


N = 5
ORDERS = [tuple((i + k) % N for i in range(N)) for k in range(1, N)] + [tuple(reversed(range(N)))]


@pytest.fixture(scope="module")
def fixed_time():
    """The sitemap's gzip header carries the build time: the same for every build here."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        yield


@pytest.fixture(scope="module")
def as_listed(tmp_path_factory, fixed_time):
    result, site = build_with_hooks(tmp_path_factory.mktemp("order"), "listed", listed_hooks())
    assert result.ok, result.log[-3000:]
    return tree_digest(site)


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(map(str, o)) for o in ORDERS])
def test_every_order_builds_the_same_site(tmp_path, as_listed, order):
    hooks = [listed_hooks()[i] for i in order]
    result, site = build_with_hooks(tmp_path, "reordered", hooks)
    assert result.ok, f"hooks {hooks}:\n{result.log[-3000:]}"
    assert "WARNING" not in result.log
    assert tree_digest(site) == as_listed, f"hooks {hooks} built a different site"

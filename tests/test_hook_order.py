"""The order of `hooks:` in mkdocs.yml does not matter: other orders build the same site, byte for byte.
Each hook's events state when they run (event_priority), and the guide's steps belong to one object.
The orders tried are every rotation and the reverse: each hook comes first and last once, and each pair
of hooks runs both ways round."""

from __future__ import annotations

import re

import pytest

from guidedev.support import ROOT, build_site, copy_project, tree_digest

HOOKS_BLOCK = re.compile(r"^hooks:\n((?:  .*\n)+)", re.M)
FIXED_TIME = {"SOURCE_DATE_EPOCH": "1700000000"}  # the sitemap's gzip header carries the build time


def listed_hooks() -> list[str]:
    block = HOOKS_BLOCK.search((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert block, "mkdocs.yml has no hooks: list"
    return [line.strip()[2:] for line in block.group(1).splitlines() if line.strip().startswith("- ")]


def build_with_hooks(tmp_path, name: str, hooks: list[str]):
    project = copy_project(tmp_path / name)
    config = project / "mkdocs.yml"
    text = HOOKS_BLOCK.sub("hooks:\n" + "".join(f"  - {h}\n" for h in hooks), config.read_text("utf-8"), count=1)
    config.write_text(text, "utf-8")
    result = build_site(tmp_path / f"{name}-site", config=config, extra_env=FIXED_TIME)
    return result, tmp_path / f"{name}-site"


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
def as_listed(tmp_path_factory):
    result, site = build_with_hooks(tmp_path_factory.mktemp("order"), "listed", listed_hooks())
    assert result.returncode == 0, result.stderr[-3000:]
    return tree_digest(site)


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(map(str, o)) for o in ORDERS])
def test_every_order_builds_the_same_site(tmp_path, as_listed, order):
    hooks = [listed_hooks()[i] for i in order]
    result, site = build_with_hooks(tmp_path, "reordered", hooks)
    assert result.returncode == 0, f"hooks {hooks}:\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr
    assert tree_digest(site) == as_listed, f"hooks {hooks} built a different site"

"""The lock files the Makefile installs from agree with the readable top-level lists they are made from, and
pin every package with a hash (so `pip install --require-hashes` accepts them and nothing floats)."""

from __future__ import annotations

import re

import pytest

from guidedev.support import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)", re.M)


def _name(raw: str) -> str:
    return re.sub(r"[-_.]+", "-", raw.split("[", maxsplit=1)[0]).lower()


def pins(text: str) -> dict[str, str]:
    return {_name(m.group(1)): m.group(2) for m in PIN.finditer(text)}


@pytest.mark.parametrize(
    ("source", "lock"), [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")]
)
def test_lock_holds_every_top_level_pin_at_its_version(source, lock):
    wanted = pins((ROOT / source).read_text("utf-8"))
    if source == "requirements-dev.txt":
        wanted |= pins((ROOT / "requirements.txt").read_text("utf-8"))
    locked = pins((ROOT / lock).read_text("utf-8"))
    stale = {name: (version, locked.get(name)) for name, version in wanted.items() if locked.get(name) != version}
    assert not stale, f"{lock} is out of date with {source} (wanted, locked): {stale}; run `make lock`"


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_has_a_hash(lock):
    entries = re.split(r"\n(?=\S)", (ROOT / lock).read_text("utf-8"))
    packages = [e for e in entries if PIN.match(e)]
    assert len(packages) >= 10
    unhashed = [e.split()[0] for e in packages if "--hash=sha256:" not in e]
    assert not unhashed, unhashed


def test_mkdocs_stays_below_2():
    assert pins((ROOT / "requirements.lock").read_text("utf-8"))["mkdocs"].startswith("1.")

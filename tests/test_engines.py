"""ProperDocs 1.6.7, the maintained fork of MkDocs 1.6, builds the same site byte for byte (but for the
generator tag, and so for the offline worker's hashes of the pages), so moving engines stays a one-line
change."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys

import pytest

from guidedev.support import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# sw.js lists every file with the hash of its bytes, and names its cache after them.
HASHES = re.compile(rb'sha384-[A-Za-z0-9+/=]+|(?<=const VERSION = ")[0-9a-f]+')


def engine_build(engine: str, dest) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    cmd = [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(dest)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


def files_of(site) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): HASHES.sub(b"", GENERATOR.sub(b"", p.read_bytes()))
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.mark.full  # a second engine: a second opinion on the build: `make test` only
def test_properdocs_builds_the_same_site(tmp_path):
    assert importlib.util.find_spec("properdocs"), "ProperDocs is missing: `make install-dev` installs it"
    built = {}
    for engine in ("mkdocs", "properdocs"):
        result = engine_build(engine, tmp_path / engine)
        assert result.returncode == 0, f"{engine}:\n{result.stderr[-3000:]}"
        assert "WARNING" not in result.stderr, result.stderr
        built[engine] = files_of(tmp_path / engine)
    ours, theirs = built["mkdocs"], built["properdocs"]
    assert ours.keys() == theirs.keys()
    differ = [name for name in ours if ours[name] != theirs[name]]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:5]}"
    assert len(ours) > 40

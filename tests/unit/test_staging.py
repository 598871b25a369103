from __future__ import annotations

from guidekit.staging import Staging


def test_publish_replaces_the_old_site_in_one_step(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = Staging(str(site))
    build = staging.begin()
    (tmp_path / build / "new.html").write_text("new")
    assert (site / "old.html").exists()  # untouched while building
    staging.publish()
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_abandon_leaves_the_old_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = Staging(str(site))
    staging.begin()
    staging.abandon()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert (site / "old.html").read_text() == "old"

"""The guide's plugin object (hooks/guide.py): a build's state is made anew at on_config, and a mistake in
the data reaches MkDocs as its own error type with the editor's message, never a traceback."""

from __future__ import annotations

import importlib.util
import shutil

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from guidedev.edits import edit_at
from guidedev.material_copy import material_copy
from guidedev.support import ROOT, copy_project
from guidekit import material_search


def fresh_plugin():
    spec = importlib.util.spec_from_file_location("guide_hook_under_test", ROOT / "hooks" / "guide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GuidePlugin()


def test_each_build_starts_from_a_new_state():
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = fresh_plugin()
    plugin.on_config(config)
    first = plugin.build
    first.used_facts.add("agent_hours")
    plugin.anchors["x.md"] = {"y"}
    plugin.on_config(config)
    assert plugin.build is not first and not plugin.build.used_facts and not plugin.anchors


def test_a_data_mistake_is_a_plugin_error_with_the_editors_message(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "docs" / "data" / "guide.yml"
    edit = {"at": "facts.agent_hours.kind", "line": "\t{key}: {value}"}
    data.write_text(edit_at(data.read_text("utf-8"), edit, "guide.yml")[0], "utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(PluginError) as err:
        fresh_plugin().on_config(config)
    assert str(err.value).startswith("docs/data/guide.yml:") and "탭" in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__
    shutil.rmtree(project)


def test_a_material_that_changed_its_search_stops_the_build_with_one_message(tmp_path, monkeypatch):
    """Pointed at a Material whose search box listens to `input`: the build stops with the check's message and
    no traceback; a build with Korean search off (Material's search as shipped) goes on."""
    changed = material_copy(tmp_path, {material_search.QUERY_BOX: ('fromEvent(el, "keyup")', 'fromEvent(el, "input")')})
    monkeypatch.setattr(material_search, "installed_package", lambda: changed)
    config = load_config(str(ROOT / "mkdocs.yml"))
    with pytest.raises(PluginError) as err:
        fresh_plugin().on_config(config)
    message = str(err.value)
    assert message.startswith(f"설치된 mkdocs-material {material_search.installed_version()}에서 한국어 검색이")
    assert (
        "검색창이 듣는 이벤트: input" in message and "ko-search-input.js" in message and "requirements.txt" in message
    )
    assert err.value.__cause__ is None and err.value.__suppress_context__
    config.extra["korean_search"] = False
    assert fresh_plugin().on_config(config) is config


def test_without_on_config_the_plugin_says_so():
    with pytest.raises(PluginError, match="on_config"):
        fresh_plugin().on_files([], None)

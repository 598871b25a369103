"""mkdocs.yml's `extra:` settings the hooks read: a wrong one is named at its line and column."""

from __future__ import annotations

import pytest

from guidekit.errors import GuideDataError
from guidekit.site_settings import read_settings

CONFIG = "site_name: x\nextra:\n  korean_search: 네\n  page_scoped_assets:\n    - javascripts/a.js\n    - notes.txt\n"


def test_a_wrong_switch_is_named_at_its_key(tmp_path):
    with pytest.raises(GuideDataError) as err:
        read_settings({"korean_search": "네"}, tmp_path, "mkdocs.yml", CONFIG)
    assert (err.value.line, err.value.column) == (3, 3) and err.value.key_path == "extra.korean_search"


def test_a_wrong_list_entry_is_named_where_it_is_written(tmp_path):
    (tmp_path / "javascripts").mkdir()
    (tmp_path / "javascripts" / "a.js").write_text("", encoding="utf-8")
    with pytest.raises(GuideDataError) as err:
        read_settings({"page_scoped_assets": ["javascripts/a.js", "notes.txt"]}, tmp_path, "mkdocs.yml", CONFIG)
    assert (err.value.line, err.value.column) == (6, 7)
    assert str(err.value).startswith("mkdocs.yml:6:7: 'notes.txt'")

"""ES modules made into one classic script (guidekit/classic.py), as the build makes the search worker."""

from __future__ import annotations

import pytest

from guidekit.classic import ModuleError, classic_script


def _reader(files: dict[str, str]):
    return lambda path: files[path]


def test_imports_are_inlined_once_before_their_importer_without_export():
    files = {
        "w/main.js": 'import { a, b } from "./lib.js";\nimport C from "../c.js";\nself.x = [a(), b, C.k];\n',
        "w/lib.js": 'import C from "../c.js";\nexport function a() {\n  return C.k;\n}\nexport const b = 2;\n',
        "c.js": 'export default {"k":1};\n',
    }
    out = classic_script("w/main.js", _reader(files))
    assert out.startswith('(() => {\n"use strict";\n') and out.endswith("})();\n")
    assert "import" not in out and "export" not in out
    assert out.count('const C = {"k":1};') == 1
    assert out.index("const C") < out.index("function a()") < out.index("const b = 2") < out.index("self.x")


@pytest.mark.parametrize(
    "main, why",
    [
        ('import { a as z } from "./lib.js";\n', "renamed"),
        ('import { a } from "lib";\n', "relative"),
        ('const m = import("./lib.js");\n', "does not know"),
        ('import { a } from "./lib.js";\nexport { a };\n', "export the assembly does not know"),
        ('import C from "./lib.js";\n', "no default export"),
    ],
)
def test_what_cannot_be_inlined_is_refused(main, why):
    files = {"main.js": main, "lib.js": "export function a() {}\n"}
    with pytest.raises(ModuleError, match=why):
        classic_script("main.js", _reader(files))


def test_a_default_export_must_be_imported_by_one_name_and_cycles_are_refused():
    files = {
        "main.js": 'import A from "./c.js";\nimport { f } from "./lib.js";\n',
        "lib.js": 'import B from "./c.js";\nexport function f() {}\n',
        "c.js": "export default 1;\n",
    }
    with pytest.raises(ModuleError, match="as B, another module as A"):
        classic_script("main.js", _reader(files))
    cycle = {"a.js": 'import { b } from "./b.js";\nexport const a = 1;\n', "b.js": 'import { a } from "./a.js";\n'}
    with pytest.raises(ModuleError, match="cycle"):
        classic_script("a.js", _reader(cycle))

"""An ES module and the modules it imports, made into one classic script.

Material starts its search worker with `new Worker(url)`: a classic worker, which cannot `import`. The
Korean search code is written as ES modules all the same (workers/ko-search.js imports the analysis from
workers/ko-analysis.js, which node's tests import too, and the shared constants), and the build makes the
worker from them: each imported module once, before the module that imports it, without its `export`
keywords; a default export (the generated constants) as a `const` of the name it is imported under; all of
it inside one function, so nothing leaks into the worker's global scope.

Only what our modules use is accepted: `import { a, b } from "./x.js"` and `import NAME from "./x.js"` on
lines of their own, `export function|const|let|class` and one `export default …;`. Anything else (a
renamed import, `export { … }`, `import()`) is refused with the module's name, never guessed at."""

from __future__ import annotations

import re
from collections.abc import Callable
from posixpath import dirname, join, normpath

_IMPORT = re.compile(
    r"""^import\s+(?:\{(?P<names>[^}]*)\}|(?P<default>[A-Za-z_$][\w$]*))\s+from\s+"(?P<path>[^"]+)";[ \t]*\n?""", re.M
)
_ANY_IMPORT = re.compile(r"""^\s*import\b|\bimport\s*\(""", re.M)
_EXPORT = re.compile(r"^export\s+(?=(?:async\s+)?function\b|const\b|let\b|class\b)", re.M)
_DEFAULT = re.compile(r"^export\s+default\s+", re.M)
_OTHER_EXPORT = re.compile(r"^\s*export\b", re.M)


class ModuleError(ValueError):
    """A module the assembly cannot turn into a classic script as it is written."""


def classic_script(entry: str, read: Callable[[str], str]) -> str:
    """The module at path `entry` and everything it imports, as one classic script. `read(path)` gives a
    module's text by its path (POSIX, relative specifiers resolved against the importing module)."""
    parts: list[str] = []
    defaults: dict[str, str] = {}  # path of a default-exporting module -> the name it was given
    done: set[str] = set()

    def add(path: str, stack: tuple[str, ...]) -> None:
        if path in stack:
            raise ModuleError(f"{path}: imported in a cycle ({' -> '.join((*stack, path))})")
        if path in done:
            return
        text = read(path)
        body = text
        for m in reversed(list(_IMPORT.finditer(text))):
            if not m.group("path").startswith(("./", "../")):
                raise ModuleError(f"{path}: only relative imports can be inlined: {m.group(0).strip()}")
            if m.group("names") is not None and " as " in m.group("names"):
                raise ModuleError(f"{path}: a renamed import cannot be inlined: {m.group(0).strip()}")
            body = body[: m.start()] + body[m.end() :]
        if unknown := _ANY_IMPORT.search(body):
            raise ModuleError(f"{path}: an import the assembly does not know: {unknown.group(0).strip()!r}")
        for m in _IMPORT.finditer(text):
            target = normpath(join(dirname(path), m.group("path")))
            name = m.group("default")
            if name is not None and defaults.setdefault(target, name) != name:
                raise ModuleError(f"{path}: imports {target} as {name}, another module as {defaults[target]}")
            add(target, (*stack, path))
        body = _EXPORT.sub("", body)
        if _DEFAULT.search(body):
            if path not in defaults:
                raise ModuleError(f"{path}: has a default export but is not imported by one")
            body = _DEFAULT.sub(f"const {defaults[path]} = ", body, count=1)
        elif path in defaults:
            raise ModuleError(f"{path}: imported as {defaults[path]}, but has no default export")
        if _OTHER_EXPORT.search(body):
            raise ModuleError(f"{path}: an export the assembly does not know")
        parts.append(f"/* {path} */\n{body.strip()}\n")
        done.add(path)

    add(normpath(entry), ())
    return '(() => {\n"use strict";\n' + "\n".join(parts) + "})();\n"

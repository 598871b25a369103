"""What `make mutate` prints after mutmut has run: per module, how many mutants were made, killed, survived and
timed out, the kill rate, and every mutant that was not killed, with its line and the change as a diff.

It reads what mutmut leaves in its work folder (build/mutation by default): `mutants/src/guidekit/X.py.meta`
(each mutant's exit code) and `mutants/src/guidekit/X.py` (the original and every mutated copy of each
function, side by side). Lines are those of the package copy mutmut ran on (src/guidekit/X.py there), which
is hooks/guidekit/X.py as it was when `make mutate` started.

The kill rate is (killed + timed out) / total: a mutant that makes the tests hang is caught too. A mutant
that no selected test ever reaches ("no tests") counts as surviving.

model.py is mutated whole, but only its loader (the functions that turn checked data into the `Guide`) is
in scope with load.py; the rest of model.py (the typed values' own helpers) is listed apart, for
information, and left out of the overall figure."""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path("src") / "guidekit"
MODULES = ("particles.py", "syntax.py", "urls.py", "load.py", "model.py")
# The functions of model.py that build the Guide from checked data (its section "From validated data").
MODEL_LOADER = {"data_key", "_entry", "_tuples", "guide_from_data"}
KILLED = {1, 3}
TIMEOUT = {36, 24, -24, 152, 255}
SURVIVED = {0: "survived", 5: "no tests", 33: "no tests"}


@dataclass
class Mutant:
    name: str  # mutmut's key: guidekit.particles.x_fit__mutmut_3, guidekit.model.xǁFactǁas_text__mutmut_5
    exit_code: int | None

    @property
    def status(self) -> str:
        if self.exit_code in KILLED:
            return "killed"
        if self.exit_code in TIMEOUT:
            return "timeout"
        if self.exit_code is None:
            return "not checked"
        return SURVIVED.get(self.exit_code, f"other (exit code {self.exit_code})")

    @property
    def mangled(self) -> str:
        """'x_fit__mutmut_3' or 'xǁFactǁas_text__mutmut_5': the mutated copy's name in the mutants file."""
        return self.name.rpartition(".")[2]

    @property
    def function(self) -> tuple[str | None, str]:
        """(class or None, function) of the original."""
        base = self.mangled.partition("__mutmut_")[0]
        if base.startswith("xǁ"):
            _, cls, name = base.split("ǁ")
            return cls, name
        return None, base.removeprefix("x_")


@dataclass
class Row:
    label: str
    mutants: list[Mutant] = field(default_factory=list)

    def count(self, *statuses: str) -> int:
        return sum(m.status in statuses for m in self.mutants)

    @property
    def caught(self) -> int:
        return self.count("killed", "timeout")

    @property
    def rate(self) -> float | None:
        """The kill rate in percent (None without mutants)."""
        return 100 * self.caught / len(self.mutants) if self.mutants else None

    def cells(self) -> list[str]:
        total = len(self.mutants)
        survived = total - self.caught
        rate = "-" if self.rate is None else f"{self.rate:.1f} %"
        no_tests = self.count("no tests")
        survived_text = f"{survived} ({no_tests} no tests)" if no_tests else str(survived)
        return [self.label, str(total), str(self.count("killed")), survived_text, str(self.count("timeout")), rate]


def load_mutants(work: Path, module: str) -> list[Mutant]:
    meta = work / "mutants" / PACKAGE / f"{module}.meta"
    if not meta.exists():
        sys.exit(f"{meta} is missing: run `make mutate` (mutmut run) first.")
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return [Mutant(name, code) for name, code in codes.items()]


def functions_by_name(source: str) -> dict[str, ast.FunctionDef]:
    """Every function in `source` by name; methods also as 'Class.method'."""
    found: dict[str, ast.FunctionDef] = {}
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[item.name] = item
                    found[f"{node.name}.{item.name}"] = item
    return found


class Differ:
    """The change each mutant makes, as diff lines, and the line of the original it starts on."""

    def __init__(self, work: Path, module: str):
        self.mutated_source = (work / "mutants" / PACKAGE / module).read_text(encoding="utf-8")
        self.mutated = functions_by_name(self.mutated_source)
        self.original = functions_by_name((work / PACKAGE / module).read_text(encoding="utf-8"))

    def source(self, name: str, shown: str) -> list[str]:
        """The lines of function `name` in the mutants file, from its `def` on, named `shown` again."""
        text = ast.get_source_segment(self.mutated_source, self.mutated[name], padded=True) or ""
        return text.replace(f"def {name}(", f"def {shown}(", 1).splitlines()

    def diff(self, mutant: Mutant) -> tuple[int | None, list[str]]:
        cls, name = mutant.function
        orig_name = mutant.mangled.partition("__mutmut_")[0] + "__mutmut_orig"
        if mutant.mangled not in self.mutated or orig_name not in self.mutated:
            return None, ["(mutated function not found in the mutants file)"]
        before, after = self.source(orig_name, name), self.source(mutant.mangled, name)
        original = self.original.get(f"{cls}.{name}" if cls else name)
        first = original.lineno if original else None  # the `def` line in the source file
        lines, line = [], None
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            if line is None and first is not None:
                line = first + i1
            lines += [f"- {text.strip()}" for text in before[i1:i2]]
            lines += [f"+ {text.strip()}" for text in after[j1:j2]]
        return line, lines or ["(no textual change)"]


def rows_for(work: Path) -> tuple[list[Row], Row | None, dict[str, list[Mutant]]]:
    """The in-scope rows (one per module), the out-of-scope rest of model.py, and each module's mutants."""
    rows, rest, by_module = [], None, {}
    for module in MODULES:
        mutants = load_mutants(work, module)
        by_module[module] = mutants
        if module == "model.py":
            loader = [m for m in mutants if m.function[0] is None and m.function[1] in MODEL_LOADER]
            rows.append(Row("model.py (loader)", loader))
            rest = Row("model.py (rest, not in scope)", [m for m in mutants if m not in loader])
        else:
            rows.append(Row(module, mutants))
    return rows, rest, by_module


def table(rows: list[Row]) -> list[str]:
    header = ["module", "total", "killed", "survived", "timeout", "kill rate"]
    cells = [header] + [row.cells() for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def line(r: list[str]) -> str:
        return (
            "| "
            + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
            + " |"
        )

    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in cells[1:]]


def report(work: Path, minimum: float | None) -> int:
    rows, rest, by_module = rows_for(work)
    overall = Row("overall (in scope)", [m for row in rows for m in row.mutants])
    print("Mutation testing (mutmut) of guidekit's pure modules; kill rate = (killed + timeout) / total.\n")
    print("\n".join(table([*rows, overall])))
    if rest is not None:
        print("\n".join(["", *table([rest])]))
    in_scope = {id(m) for m in overall.mutants}
    for module in MODULES:
        survivors = [m for m in by_module[module] if m.status not in ("killed", "timeout")]
        if not survivors:
            continue
        differ = Differ(work, module)
        print(f"\nNot killed in {module} ({len(survivors)}):")
        for mutant in survivors:
            line, lines = differ.diff(mutant)
            scope = "" if id(mutant) in in_scope else ", not in scope"
            print(f"\n  {module}:{line or '?'}  {mutant.mangled}  ({mutant.status}{scope})")
            print("\n".join(f"      {text}" for text in lines))
    failing = [row.label for row in [*rows, overall] if minimum is not None and (row.rate or 0) < minimum]
    if failing:
        print(f"\nBelow {minimum} %: {', '.join(failing)}")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", nargs="?", default="build/mutation", type=Path, help="mutmut's work folder")
    parser.add_argument("--min", type=float, default=None, help="exit 1 when a kill rate is below this (percent)")
    args = parser.parse_args()
    return report(args.work, args.min)


if __name__ == "__main__":
    sys.exit(main())

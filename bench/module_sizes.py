"""Module and function sizes of billbot's code against STYLE.md's targets (migrations aside).

Prints the module count, median and p90 lines, the largest modules and any function over 60
lines. Run: .venv/bin/python bench/module_sizes.py
"""

import ast
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("billing", "commands", "storage", "payments", "bot")


def sizes() -> tuple[dict[str, int], list[tuple[int, str]]]:
    lines, long_functions = {}, []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            text = path.read_text()
            count = len(text.splitlines())
            if "migrations" in path.parts or count == 0:
                continue
            name = str(path.relative_to(ROOT))
            lines[name] = count
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = (node.end_lineno or node.lineno) - node.lineno + 1
                    if length > 60:
                        long_functions.append((length, f"{name}:{node.name}"))
    return lines, long_functions


def main() -> None:
    lines, long_functions = sizes()
    counts = sorted(lines.values())
    p90 = statistics.quantiles(counts, n=10)[8]
    print(f"{len(counts)} modules, {sum(counts)} lines")
    print(f"median {statistics.median(counts):.0f} lines (target <= 60), p90 {p90:.0f} (<= 150)")
    print(
        "largest:", ", ".join(f"{n} {m}" for m, n in sorted(lines.items(), key=lambda x: -x[1])[:5])
    )
    print(
        f"over 150 lines: {sum(n > 150 for n in counts)}, over 300: {sum(n > 300 for n in counts)}"
    )
    print(f"functions over 60 lines: {len(long_functions)}", *sorted(long_functions, reverse=True))


if __name__ == "__main__":
    main()

"""Print every performance figure as a table and write them to bench/results.json.

    python bench/run.py [--only NAME] [--repeat N]

Each capability adds a module ``bench/bench_<area>.py`` with ``figures(repeat) -> list[Figure]``.
Figures are measured here, never asserted in timed tests.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Figure  # noqa: E402


def bench_modules() -> list[str]:
    return sorted(path.stem for path in HERE.glob("bench_*.py"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only bench modules whose name contains this")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    figures: list[Figure] = []
    for name in bench_modules():
        if args.only and args.only not in name:
            continue
        module = importlib.import_module(name)
        for figure in module.figures(args.repeat):
            print(figure.row(), flush=True)
            figures.append(figure)
    out = HERE / "results.json"
    # A partial run (--only) updates its own figures and keeps the others.
    previous = json.loads(out.read_text()) if out.exists() else []
    fresh = {f.name for f in figures}
    kept = [row for row in previous if row.get("name") not in fresh]
    out.write_text(json.dumps(kept + [f.as_dict() for f in figures], indent=2) + "\n")
    print(f"\n{len(figures)} figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

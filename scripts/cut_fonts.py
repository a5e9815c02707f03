"""Cut the static font faces the app ships in assets/fonts from the pinned Noto font packages.

    python scripts/cut_fonts.py          # write every face in toolkit.pdf.fonts.FACES, and
                                         # the list of what the Chinese face covers
    python scripts/cut_fonts.py --check  # exit 1 if a face is missing or was cut from other fonts

Run it after a font package changes version in constraints.txt, and commit the files. The
faces are committed because cutting them takes seconds each: a first PDF must not wait for it.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from importlib import import_module
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.atomic import write_atomic  # noqa: E402
from toolkit.pdf import cjk, fonts  # noqa: E402

FOLDER = ROOT / "assets" / "fonts"
SOURCES = FOLDER / "sources.json"


CJK_PACKAGE = "noto_cjk_sans_otc"


def source_versions() -> dict[str, str]:
    packages = sorted({face.package for face in fonts.FACES} | {CJK_PACKAGE})
    return {package: version(package.replace("_", "-")) for package in packages}


def cjk_coverage() -> str:
    return cjk.coverage_text(cjk.coverage_ranges(cjk.face_cmap(cjk.COVERAGE_LANGUAGE)))


def cut() -> None:
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    for face in fonts.FACES:
        print(f"cutting {face.instance_filename} from {face.package}/{face.filename}")
        write_atomic(FOLDER / face.instance_filename, fonts.make_instance(face))
    for package in sorted({face.package for face in fonts.FACES}):
        licence = Path(str(import_module(package).__file__)).parent / "LICENSE"
        write_atomic(FOLDER / f"LICENSE-{package}.txt", licence.read_bytes())
    print(f"listing what the {cjk.COVERAGE_LANGUAGE} face of {CJK_PACKAGE} covers")
    write_atomic(FOLDER / cjk.COVERAGE_FILE, cjk_coverage().encode("ascii"))
    text = json.dumps(source_versions(), indent=2, sort_keys=True) + "\n"
    write_atomic(SOURCES, text.encode("utf-8"))


def check() -> int:
    problems = [
        f"missing: {face.instance_filename}"
        for face in fonts.FACES
        if not (FOLDER / face.instance_filename).is_file()
    ]
    if not (FOLDER / cjk.COVERAGE_FILE).is_file():
        problems.append(f"missing: {cjk.COVERAGE_FILE}")
    recorded = json.loads(SOURCES.read_text(encoding="utf-8")) if SOURCES.is_file() else {}
    if recorded != source_versions():
        problems.append(f"cut from {recorded}, installed {source_versions()}")
    for problem in problems:
        print(f"assets/fonts: {problem}; run python scripts/cut_fonts.py")
    return 1 if problems else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    sys.exit(check() if parser.parse_args().check else cut())

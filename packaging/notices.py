"""The licence notices a bundle carries: the app's own licence and every bundled component's.

    python packaging/notices.py OUT_FOLDER   # writes LICENSE.txt and THIRD-PARTY-NOTICES.txt

The Python packages are found from the app's own requirements (what the bundle holds); the
parts that come without Python metadata (Python itself, Qt's libraries, ICU, the fonts' own
projects) are listed by hand below.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
APP_DISTRIBUTION = "rights-toolkit"
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)

# Bundled with no Python metadata of their own: (component, licence, where its notice is).
NATIVE_COMPONENTS = (
    ("Python", "PSF-2.0", "https://docs.python.org/3/license.html"),
    (
        "Qt 6 libraries (through PySide6)",
        "LGPL-3.0-only",
        "https://www.qt.io/licensing/open-source-lgpl-obligations; source: https://download.qt.io",
    ),
    ("ICU (Unicode support inside Qt)", "Unicode-3.0", "https://www.unicode.org/license.txt"),
    ("OpenSSL (inside cryptography)", "Apache-2.0", "https://www.openssl.org/source/license.html"),
    (
        "HarfBuzz (inside uharfbuzz)",
        "MIT",
        "https://github.com/harfbuzz/harfbuzz/blob/main/COPYING",
    ),
    (
        "Noto Sans; Noto Sans Arabic, Devanagari, Khmer, Tamil, Telugu, Thai"
        " (static faces in assets/fonts)",
        "OFL-1.1",
        "assets/fonts",
    ),
    ("Noto Sans CJK (noto-cjk-sans-otc)", "OFL-1.1", "https://github.com/notofonts/noto-cjk"),
)


def runtime_distributions() -> list[str]:
    """Every distribution the installed app needs at run time, its own requirements first."""
    environment = default_environment()
    found: list[str] = []
    pending = [APP_DISTRIBUTION]
    while pending:
        name = pending.pop(0)
        for raw in distribution(name).requires or []:
            requirement = Requirement(raw)
            marker = requirement.marker
            if marker is not None and not marker.evaluate({**environment, "extra": ""}):
                continue
            key = re.sub(r"[-_.]+", "-", requirement.name).lower()
            if key not in found:
                try:
                    distribution(key)
                except PackageNotFoundError:
                    continue  # a requirement of another platform
                found.append(key)
                pending.append(key)
    return found


def licence_of(name: str) -> str:
    meta = distribution(name).metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if "License" in c]
    short = (meta.get("License") or "").splitlines()[0:1]
    return "; ".join(classifiers) or (short[0] if short else "see the licence text below")


def licence_texts(name: str) -> list[tuple[str, str]]:
    texts = []
    for file in distribution(name).files or []:
        if ".dist-info" in str(file) and LICENCE_FILE.search(file.name):
            path = Path(str(file.locate()))
            if path.is_file():
                texts.append((file.name, path.read_text(encoding="utf-8", errors="replace")))
    return texts


def third_party_notices() -> str:
    names = runtime_distributions()
    out = [
        "Rights Toolkit is free software under the GNU General Public License, version 3 or",
        "later (LICENSE.txt). It bundles the components below, each under its own licence.",
        "",
        "Components",
        "==========",
    ]
    out += [f"- {name} {distribution(name).version}: {licence_of(name)}" for name in names]
    out += [f"- {name}: {licence} ({where})" for name, licence, where in NATIVE_COMPONENTS]
    for name in names:
        for filename, text in licence_texts(name):
            title = f"{name} {distribution(name).version}: {filename}"
            out += ["", "", title, "-" * len(title), text.strip()]
    for licence in sorted((ROOT / "assets" / "fonts").glob("LICENSE-*.txt")):
        out += ["", "", f"fonts: {licence.name}", "-" * 40, licence.read_text("utf-8").strip()]
    lgpl = (Path(__file__).resolve().parent / "licenses" / "LGPL-3.0.txt").read_text("utf-8")
    out += ["", "", "Qt and PySide6: GNU Lesser General Public License 3.0", "-" * 40, lgpl.strip()]
    return "\n".join(out) + "\n"


def write_notices(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    licence = folder / "LICENSE.txt"
    licence.write_text((ROOT / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")
    notices = folder / "THIRD-PARTY-NOTICES.txt"
    notices.write_text(third_party_notices(), encoding="utf-8")
    return [licence, notices]


if __name__ == "__main__":
    for path in write_notices(Path(sys.argv[1])):
        print(path)

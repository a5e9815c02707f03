"""Build and sign a content pack (maintainers), or make a new signing key pair.

    python scripts/build_content_pack.py --content DIR --version 2026.12.2 --previous 2026.12.1 \
        --key ~/keys/rights-toolkit.key --out rights-toolkit-content-2026.12.2.zip
    python scripts/build_content_pack.py --new-key ~/keys/rights-toolkit.key --name "Rights Toolkit"

DIR is laid out like the bundled resources: assets/guides/<lang>/*.md, assets/cards/*.yaml,
assets/flyers/*.yaml, templates/letters/*, assets/locale/..., data/... (directory data).
Keep the private key off this repository; only the .pub file is committed (assets/keys/).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.content_pack import keys
from toolkit.content_pack.build import build_pack
from toolkit.content_pack.rules import PackError
from toolkit.errors import UserError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build and sign a Rights Toolkit content pack.")
    parser.add_argument("--content", type=Path, help="folder laid out like the resources")
    parser.add_argument("--version", help="the pack version, e.g. 2026.12.2")
    parser.add_argument("--previous", help="the pack version this one replaces")
    parser.add_argument("--key", type=Path, help="the private signing key (PEM)")
    parser.add_argument("--out", type=Path, help="the pack file to write")
    parser.add_argument("--app", action="append", help="app versions it is for (default: this)")
    parser.add_argument("--note", default="", help="a line on what the pack changes")
    parser.add_argument("--new-key", type=Path, metavar="PRIVATE", help="make a key pair instead")
    parser.add_argument("--name", default="Rights Toolkit", help="the new key's name")
    args = parser.parse_args(argv)
    try:
        if args.new_key:
            public = args.new_key.with_suffix(".pub")
            made = keys.generate(args.new_key, public, args.name)
            print(f"private key: {args.new_key} (keep it off the repository)")
            print(f"public key:  {public}  fingerprint {made.fingerprint}")
            return 0
        missing = [n for n in ("content", "version", "key", "out") if not getattr(args, n)]
        if missing:
            parser.error("missing: " + ", ".join("--" + n for n in missing))
        manifest = build_pack(
            args.content,
            args.version,
            args.previous,
            keys.load_private(args.key),
            args.out,
            app_versions=tuple(args.app) if args.app else None,
            note=args.note,
        )
    except (PackError, UserError) as exc:
        print(f"build_content_pack: error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.out}: pack {manifest.version}, {len(manifest.files)} files, signed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The steps the CLI and the Settings page share: verify a file, see its changes, apply it."""

from __future__ import annotations

from pathlib import Path

from toolkit.content_pack import store
from toolkit.content_pack.changes import Changes, compare
from toolkit.content_pack.keys import TrustedKey
from toolkit.content_pack.rules import PackError
from toolkit.content_pack.verify import VerifiedPack, verify_pack
from toolkit.i18n import _


def check_content(pack: VerifiedPack) -> None:
    """Guides in the pack must load as guides: a signed pack still must not break the reader."""
    from toolkit.guides.loader import GuideError, parse_guide

    for relative, data in pack.files.items():
        if not (relative.startswith("assets/guides/") and relative.endswith(".md")):
            continue
        try:
            parse_guide(Path(relative), data.decode("utf-8"))
        except UnicodeDecodeError:
            raise PackError(
                _("{path} in the pack is not UTF-8 text.").format(path=relative)
            ) from None
        except GuideError as exc:
            raise PackError(
                _("{path} in the pack is not a valid guide: {problem}").format(
                    path=relative, problem=exc
                )
            ) from None


def verify(
    source: Path, data_dir: Path | None = None, keys: list[TrustedKey] | None = None
) -> VerifiedPack:
    """Everything checked against the content in use; raises PackError, writes nothing."""
    current = store.status(data_dir).current
    pack = verify_pack(source, current.version if current else None, keys)
    check_content(pack)
    return pack


def preview(
    source: Path, data_dir: Path | None = None, keys: list[TrustedKey] | None = None
) -> tuple[VerifiedPack, Changes]:
    pack = verify(source, data_dir, keys)
    return pack, compare(pack, data_dir)


def apply_file(
    source: Path, data_dir: Path | None = None, keys: list[TrustedKey] | None = None
) -> store.AppliedPack:
    return store.apply(verify(source, data_dir, keys), data_dir)

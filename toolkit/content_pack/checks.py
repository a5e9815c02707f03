"""Before a verified pack is applied, every file in it must load the way the app will read it:
guides, card and flyer wording, letter templates (metadata, and the Jinja syntax of each text,
parsed in the sandbox and never rendered) and interface catalogs. A signed pack with a typo
must not break the reader, the card sheet or the letters."""

from __future__ import annotations

import gettext
import io
import re
import struct
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from toolkit import paths
from toolkit.content_pack.rules import PackError
from toolkit.content_pack.verify import VerifiedPack
from toolkit.errors import UserError
from toolkit.i18n import _

_CARD = re.compile(r"^assets/cards/([^/]+)\.yaml$")
_FLYER = re.compile(r"^assets/flyers/([^/]+)\.yaml$")
_GUIDE = re.compile(r"^assets/guides/[^/]+/[^/]+\.md$")
_META = re.compile(r"^templates/letters/([^/]+)\.yaml$")
_BODY = re.compile(r"^templates/letters/[^/]+\.j2$")
_CATALOG = re.compile(r"^assets/locale/[^/]+/LC_MESSAGES/toolkit\.mo$")


def _text(relative: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackError(_("{path} in the pack is not UTF-8 text.").format(path=relative)) from None


def _invalid(relative: str, problem: object) -> PackError:
    return PackError(
        _("{path} in the pack cannot be used: {problem}").format(path=relative, problem=problem)
    )


def _guide(relative: str, data: bytes, pack: VerifiedPack) -> None:
    from toolkit.guides.loader import GuideError, parse_guide

    try:
        parse_guide(Path(relative), _text(relative, data))
    except GuideError as exc:
        raise PackError(
            _("{path} in the pack is not a valid guide: {problem}").format(
                path=relative, problem=exc
            )
        ) from None


def _card(relative: str, data: bytes, pack: VerifiedPack) -> None:
    from toolkit.cards.content import LANGUAGES, check_card_text

    match = _CARD.match(relative)
    if match is None or match.group(1) not in LANGUAGES:
        raise _invalid(relative, _("there is no card language with this name."))
    try:
        check_card_text(_text(relative, data), Path(relative))
    except UserError as exc:
        raise _invalid(relative, exc) from None


def _flyer(relative: str, data: bytes, pack: VerifiedPack) -> None:
    from toolkit.cards.content import LANGUAGES
    from toolkit.cards.flyer_content import parse_flyer_text

    match = _FLYER.match(relative)
    if match is None or match.group(1) not in LANGUAGES:
        raise _invalid(relative, _("there is no flyer language with this name."))
    try:
        parse_flyer_text(_text(relative, data), Path(relative), match.group(1))
    except UserError as exc:
        raise _invalid(relative, exc) from None


def _template_meta(relative: str, data: bytes, pack: VerifiedPack) -> None:
    from toolkit.letters.catalog import TemplateMeta, parse_meta_text

    def has_body(meta: TemplateMeta, language: str) -> bool:
        name = f"templates/letters/{meta.id}.{language}.j2"
        return name in pack.files or (paths.resource_root() / name).is_file()

    try:
        parse_meta_text(_text(relative, data), Path(relative), has_body)
    except UserError as exc:
        raise _invalid(relative, exc) from None


def _template_body(relative: str, data: bytes, pack: VerifiedPack) -> None:
    # Parsing compiles nothing and runs nothing: a syntax error is found without rendering.
    try:
        SandboxedEnvironment(undefined=jinja2.StrictUndefined).parse(_text(relative, data))
    except jinja2.TemplateSyntaxError as exc:
        raise PackError(
            _("{path} in the pack is not a valid letter template (line {line}: {problem}).").format(
                path=relative, line=exc.lineno, problem=exc.message
            )
        ) from None


def _catalog(relative: str, data: bytes, pack: VerifiedPack) -> None:
    try:
        gettext.GNUTranslations(io.BytesIO(data))
    except (OSError, struct.error, UnicodeDecodeError, ValueError, IndexError) as exc:
        raise _invalid(
            relative,
            _("not a compiled gettext catalog ({reason}).").format(reason=type(exc).__name__),
        ) from None


CHECKS: tuple[tuple[re.Pattern[str], Callable[[str, bytes, VerifiedPack], None]], ...] = (
    (_GUIDE, _guide),
    (_CARD, _card),
    (_FLYER, _flyer),
    (_META, _template_meta),
    (_BODY, _template_body),
    (_CATALOG, _catalog),
)


def check_content(pack: VerifiedPack) -> None:
    """Raise PackError naming the first file that would not load; reads only memory."""
    for relative, data in sorted(pack.files.items()):
        for pattern, check in CHECKS:
            if pattern.match(relative):
                check(relative, data, pack)

"""The report's attached files: each photo as a thumbnail beside its name, size, SHA-256,
capture time and camera; every other file by name, size and SHA-256.

The files are stored encrypted, so the report reads photos through a ``Reader`` the caller
gives (``attachments.read_bytes`` on an open vault); the SHA-256 is the one taken at import.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.i18n import _
from toolkit.incidents.attachments import AttachmentInfo
from toolkit.incidents.photo_facts import PhotoFacts, photo_facts
from toolkit.incidents.store import VaultError

if TYPE_CHECKING:
    from toolkit.pdf.flow import FontBook

Reader = Callable[[AttachmentInfo], bytes]
THUMB_BOX = 130.0  # points: the thumbnail fits a 1.8-inch square
IMAGE_SUFFIXES = (".heic", ".heif", ".avif", ".webp")


@dataclass
class FileFacts:
    photo: PhotoFacts | None = None
    problem: str = ""
    image: bool = False


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


def is_image(info: AttachmentInfo) -> bool:
    return info.kind.startswith("image/") or info.name.lower().endswith(IMAGE_SUFFIXES)


def gather(files: list[AttachmentInfo], read: Reader | None) -> dict[str, FileFacts]:
    """Thumbnail and EXIF facts of every photo (nothing is read when ``read`` is None)."""
    found: dict[str, FileFacts] = {}
    for info in files:
        facts = FileFacts(image=is_image(info))
        if read is not None and facts.image:
            try:
                facts.photo = photo_facts(read(info))
            except VaultError as exc:
                facts.problem = str(exc)
            else:
                if facts.photo is None:
                    facts.problem = _("the app cannot read this image")
        found[info.id] = facts
    return found


def description(info: AttachmentInfo, facts: FileFacts) -> list[tuple[str, bool]]:
    """The lines printed beside a file, each with whether it is in small type."""
    absent = _("not in the file")
    lines = [
        (info.name, False),
        (_("{size}, {kind}").format(size=human_size(info.size), kind=info.kind), True),
        (_("SHA-256: {sha}").format(sha=info.sha256), True),
    ]
    if facts.photo is not None:
        taken = facts.photo.taken or absent
        camera = facts.photo.camera or absent
        lines.append((_("Taken (camera clock): {when}").format(when=taken), True))
        lines.append((_("Camera: {camera}").format(camera=camera), True))
    if facts.problem:
        lines.append((_("No thumbnail: {reason}").format(reason=facts.problem), True))
    return lines


def file_rows(
    files: list[AttachmentInfo],
    found: dict[str, FileFacts],
    book: FontBook,
    width: float,
) -> list[Any]:
    """One flowable per file: photos in a two-column row (thumbnail, then its facts)."""
    from reportlab.platypus import Image, Table, TableStyle

    from toolkit.pdf.flow import BlockStyle, TextBlock

    name_style = BlockStyle(size=11, bold=True, space_after=2)
    small = BlockStyle(size=8.5, leading=1.3, color="#333333", space_after=1)
    rows: list[Any] = []
    for number, info in enumerate(files, start=1):
        facts = found.get(info.id, FileFacts())
        blocks = [
            TextBlock(
                _("File {number}: {name}").format(number=number, name=text) if index == 0 else text,
                small if is_small else name_style,
                book,
                _("Attached files"),
            )
            for index, (text, is_small) in enumerate(description(info, facts))
        ]
        if facts.photo is None:
            rows.extend(blocks)
            rows[-1].style = rows[-1].style.with_(space_after=8)
            continue
        photo = facts.photo
        scale = min(THUMB_BOX / photo.width, THUMB_BOX / photo.height)
        image = Image(io.BytesIO(photo.thumbnail), photo.width * scale, photo.height * scale)
        cells: list[Any] = [image, blocks]
        columns = [THUMB_BOX + 10, width - THUMB_BOX - 10]
        if book.rtl:  # right to left: the thumbnail on the right, where reading starts
            cells.reverse()
            columns.reverse()
        table = Table([cells], colWidths=columns)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ]
            )
        )
        rows.append(table)
    return rows

"""What the report shows of a photo: a small upright thumbnail without any metadata, and the
capture time and camera its EXIF states. Location (GPS) is never read out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from toolkit.incidents.photo import _register_heif

THUMB_SIDE = 360  # pixels: sharp at the 1.8-inch width the report prints it
EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011
MAKE = 0x010F
MODEL = 0x0110


@dataclass(frozen=True)
class PhotoFacts:
    thumbnail: bytes  # JPEG, turned upright, no EXIF
    width: int
    height: int
    taken: str = ""  # "2025-06-01 07:20:11 +02:00" as the camera's clock said; "" when absent
    camera: str = ""  # "Apple iPhone 12"; "" when absent


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value or "").replace("\x00", " ").split())


def capture_time(raw: object, offset: object = "") -> str:
    """EXIF's "YYYY:MM:DD HH:MM:SS" as an ISO date, with its offset when the file has one."""
    text = _text(raw)
    if not text.strip(" :0"):
        return ""  # absent, or "0000:00:00 00:00:00": the camera's clock was never set
    date, _sep, time = text.partition(" ")
    parts = date.split(":")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        text = "-".join(parts) + (f" {time}" if time else "")
    zone = _text(offset)
    return f"{text} {zone}".strip()


def camera_name(make: object, model: object) -> str:
    make_text, model_text = _text(make), _text(model)
    if make_text and model_text.casefold().startswith(make_text.casefold()):
        return model_text
    return " ".join(p for p in (make_text, model_text) if p)


def photo_facts(data: bytes, side: int = THUMB_SIDE) -> PhotoFacts | None:
    """The thumbnail and EXIF facts of an image file, or None if Pillow cannot read it."""
    from PIL import Image, ImageOps

    _register_heif()
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            sub = exif.get_ifd(EXIF_IFD)
            taken = capture_time(
                sub.get(DATE_TIME_ORIGINAL) or exif.get(DATE_TIME_ORIGINAL),
                sub.get(OFFSET_TIME_ORIGINAL, ""),
            )
            camera = camera_name(exif.get(MAKE), exif.get(MODEL))
            image.draft("RGB", (side * 2, side * 2))  # JPEG: decode at a reduced size
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((side, side))
            if upright.mode in ("RGBA", "LA", "P"):
                upright = upright.convert("RGBA")
                flat = Image.new("RGB", upright.size, "white")
                flat.paste(upright, mask=upright.getchannel("A"))
                upright = flat
            else:
                upright = upright.convert("RGB")
            out = io.BytesIO()
            upright.save(out, "JPEG", quality=82)  # no exif= given: nothing of the original
            width, height = upright.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    return PhotoFacts(out.getvalue(), width, height, taken, camera)

"""A public copy of a photo: the pixels only, turned upright, without EXIF, GPS or camera data.

HEIC/HEIF (the iPhone default) is read with pillow-heif. Transparent pixels are flattened onto
white first, so a "redaction" drawn with transparency does not keep the pixels under it.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

from toolkit.errors import UserError
from toolkit.i18n import _

FORMATS = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "WEBP": "WEBP",
    "TIFF": "PNG",
    "BMP": "PNG",
    "HEIF": "JPEG",
    "AVIF": "JPEG",
}
SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


def _register_heif() -> None:
    with contextlib.suppress(ImportError):
        from pillow_heif import register_heif_opener

        register_heif_opener()


def suggested_name(suffix: str) -> str:
    """A neutral file name: nothing from the original's name, which may say who or where."""
    return f"public-copy{suffix}"


def _flatten(image: Any) -> Any:
    """RGB on white: every pixel that was transparent (even partly) shows white, not what was
    under it."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info or image.mode == "P":
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def public_copy(data: bytes) -> tuple[bytes, str]:
    """Return the cleaned image bytes and a file suffix ('.jpg', '.png' ...)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    _register_heif()
    try:
        with Image.open(io.BytesIO(data)) as original:
            fmt = FORMATS.get(original.format or "", "PNG")
            upright = ImageOps.exif_transpose(original)
            pixels = _flatten(upright)
            # A fresh image carries no info, EXIF, XMP or ICC from the original file.
            clean = Image.new("RGB", pixels.size)
            clean.paste(pixels)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise UserError(_("This file is not a photo that can be cleaned.")) from exc
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, "JPEG", quality=92)
    else:
        clean.save(out, fmt)
    return out.getvalue(), SUFFIXES[fmt]

"""A public copy of a photo: the pixels only, turned upright, without EXIF, GPS or camera data."""

from __future__ import annotations

import io

from toolkit.errors import UserError
from toolkit.i18n import _

FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "TIFF": "PNG", "BMP": "PNG"}


def public_copy(data: bytes) -> tuple[bytes, str]:
    """Return the cleaned image bytes and a file suffix ('.jpg', '.png' ...)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as original:
            fmt = FORMATS.get(original.format or "", "PNG")
            upright = ImageOps.exif_transpose(original)
            mode = "RGB" if fmt == "JPEG" else ("RGBA" if "A" in upright.mode else "RGB")
            # A fresh image carries no info, EXIF, XMP or ICC from the original file.
            clean = Image.new(mode, upright.size)
            clean.paste(upright.convert(mode))
    except (UnidentifiedImageError, OSError) as exc:
        raise UserError(_("This file is not a photo that can be cleaned.")) from exc
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, "JPEG", quality=92)
    else:
        clean.save(out, fmt)
    return out.getvalue(), {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}[fmt]

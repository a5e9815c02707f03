"""Public copies of photos: HEIC too, transparent "redactions" flattened, a neutral name."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from toolkit.incidents import photo


def test_transparent_redaction_keeps_no_hidden_pixels() -> None:
    image = Image.new("RGBA", (40, 40), (200, 30, 30, 255))
    # A "black box" drawn with a transparent brush: the face underneath is still in the file.
    for x in range(10, 30):
        for y in range(10, 30):
            image.putpixel((x, y), (250, 200, 150, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    cleaned, suffix = photo.public_copy(buffer.getvalue())
    assert suffix == ".png"
    result = Image.open(io.BytesIO(cleaned))
    assert result.mode == "RGB"
    assert {result.getpixel((x, y)) for x in range(10, 30) for y in range(10, 30)} == {
        (255, 255, 255)
    }
    assert result.getpixel((2, 2)) == (200, 30, 30)


def test_half_transparent_pixels_are_blended_onto_white() -> None:
    image = Image.new("LA", (4, 4), (0, 128))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    result = Image.open(io.BytesIO(photo.public_copy(buffer.getvalue())[0]))
    assert result.getpixel((0, 0))[0] in range(125, 130)


def test_heic_photo_gets_a_clean_jpeg_copy() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    image = Image.new("RGB", (64, 48), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {2: (40.0, 26.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "HEIF", exif=exif.tobytes(), quality=90)
    assert b"PhoneMaker" in buffer.getvalue()
    cleaned, suffix = photo.public_copy(buffer.getvalue())
    assert suffix == ".jpg"
    result = Image.open(io.BytesIO(cleaned))
    assert result.format == "JPEG" and result.size == (64, 48)
    assert dict(result.getexif()) == {} and b"PhoneMaker" not in cleaned


def test_the_suggested_name_says_nothing_of_the_original() -> None:
    assert photo.suggested_name(".jpg") == "public-copy.jpg"

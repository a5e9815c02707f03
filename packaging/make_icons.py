"""Draw the app icon (a shield with "RT") and save it for every platform in assets/icons/.

    python packaging/make_icons.py

The icons are committed; run this only to change them. It needs Pillow and the toolkit's fonts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "assets" / "icons"
MASTER = 1024
BLUE = (29, 79, 145, 255)  # the GUI's primary colour (#1d4f91)
RIM = (255, 255, 255, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def shield(size: int, inset: float) -> list[tuple[float, float]]:
    """The outline of a shield: flat top, straight sides, flanks bulging down to a point."""
    left, right = size * inset, size * (1 - inset)
    top, shoulder, tip = size * (inset + 0.02), size * 0.46, size * (1 - inset + 0.02)
    centre = size / 2
    steps = 32
    flank = []  # right flank: a quadratic curve from the shoulder to the tip
    for i in range(steps + 1):
        t = i / steps
        cx, cy = right, shoulder + (tip - shoulder) * 0.55
        x = (1 - t) ** 2 * right + 2 * (1 - t) * t * cx + t**2 * centre
        y = (1 - t) ** 2 * shoulder + 2 * (1 - t) * t * cy + t**2 * tip
        flank.append((x, y))
    mirrored = [(size - x, y) for x, y in reversed(flank[:-1])]
    return [(left, top), (right, top), *flank, *mirrored]


def bold_font(size: int) -> ImageFont.FreeTypeFont:
    sys.path.insert(0, str(ROOT))
    from toolkit.pdf import fonts

    bold = next(face for face in fonts.FACES if face.name == fonts.SANS_BOLD)
    return ImageFont.truetype(str(fonts.instance_path(bold)), size)


def draw_master() -> Image.Image:
    image = Image.new("RGBA", (MASTER, MASTER), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon(shield(MASTER, 0.08), fill=RIM)
    draw.polygon(shield(MASTER, 0.12), fill=BLUE)
    font = bold_font(int(MASTER * 0.36))
    draw.text((MASTER / 2, MASTER * 0.43), "RT", font=font, fill=RIM, anchor="mm")
    return image


def main() -> int:
    ICONS.mkdir(parents=True, exist_ok=True)
    master = draw_master()
    master.resize((512, 512), Image.Resampling.LANCZOS).save(ICONS / "toolkit.png")
    master.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "toolkit-256.png")
    master.save(ICONS / "toolkit.ico", sizes=ICO_SIZES)
    master.save(ICONS / "toolkit.icns")
    for name in ("toolkit.png", "toolkit-256.png", "toolkit.ico", "toolkit.icns"):
        print(ICONS / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())

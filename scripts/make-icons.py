#!/usr/bin/env python3
"""One-off generator for the app icons in public/ (the PNGs are committed).

Not part of the build or CI: it needs Pillow and a CJK font, which CI does not
have. Run it again only when public/favicon.svg's design changes:

    python3 scripts/make-icons.py            # writes public/*.png
    python3 scripts/make-icons.py --font /path/to/cjk.ttf

The PNGs copy favicon.svg: a #b3261e square, corner radius 14/64, with a white
帮 (font size 34/64, baseline at 44/64, centred).

    icon-192.png, icon-512.png   purpose "any": rounded corners, transparent outside
    icon-maskable-512.png        purpose "maskable": full-bleed square, the glyph
                                 inside the central 80 % circle that every mask keeps
    apple-touch-icon.png         180x180, full-bleed (iOS rounds the corners itself)
"""

import argparse
import math
import os
import sys

from PIL import Image, ImageDraw, ImageFont

RED = (0xB3, 0x26, 0x1E, 255)
WHITE = (255, 255, 255, 255)
GLYPH = "帮"
SUPERSAMPLE = 4  # draw large, then downscale: antialiased corners and strokes
FONTS = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
]


def draw_icon(size, font_path, rounded, glyph_scale, baseline):
    """glyph_scale: font size as a fraction of the icon; baseline: y of the
    baseline as a fraction, or None to centre the glyph's ink."""
    big = size * SUPERSAMPLE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if rounded:
        d.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(big * 14 / 64), fill=RED)
    else:
        d.rectangle((0, 0, big, big), fill=RED)
    font = ImageFont.truetype(font_path, round(big * glyph_scale))
    if baseline is None:
        left, top, right, bottom = d.textbbox((0, 0), GLYPH, font=font, anchor="ls")
        x = big / 2 - (left + right) / 2
        y = big / 2 - (top + bottom) / 2
        d.text((x, y), GLYPH, font=font, fill=WHITE, anchor="ls")
    else:
        d.text((big / 2, big * baseline), GLYPH, font=font, fill=WHITE, anchor="ms")
    return img, d, font


def ink_inside_circle(img, radius_fraction):
    """True when every white-ish pixel lies inside the centred circle."""
    w, h = img.size
    cx, cy, r = w / 2, h / 2, w * radius_fraction
    px = img.load()
    for y in range(h):
        for x in range(w):
            red, green, blue, _ = px[x, y]
            if green > 128 and blue > 128 and math.hypot(x + 0.5 - cx, y + 0.5 - cy) > r:
                return False
    return True


def save(img, size, path):
    small = img.resize((size, size), Image.LANCZOS)
    # Two colours and their antialiasing ramp: a 32-colour palette looks the
    # same and is about a quarter of the bytes (the 512 icon: 21 KB -> 5 KB).
    method = Image.Quantize.FASTOCTREE if small.mode == "RGBA" else Image.Quantize.MEDIANCUT
    small.quantize(colors=32, method=method).save(path, optimize=True)
    return small


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--font", help="a font file with 帮 (default: first found of %s)" % ", ".join(FONTS))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "public"))
    args = ap.parse_args()
    font_path = args.font or next((f for f in FONTS if os.path.exists(f)), None)
    if not font_path:
        sys.exit("no CJK font found; pass --font")

    out = os.path.abspath(args.out)
    # Same proportions as favicon.svg.
    for size in (192, 512):
        img, _, _ = draw_icon(size, font_path, rounded=True, glyph_scale=34 / 64, baseline=44 / 64)
        save(img, size, os.path.join(out, f"icon-{size}.png"))
    img, _, _ = draw_icon(180, font_path, rounded=False, glyph_scale=34 / 64, baseline=44 / 64)
    save(img.convert("RGB"), 180, os.path.join(out, "apple-touch-icon.png"))

    # Maskable: launchers crop to any shape containing the centred circle of
    # radius 40 %; the glyph's ink is centred and must stay inside it.
    img, _, _ = draw_icon(512, font_path, rounded=False, glyph_scale=0.5, baseline=None)
    small = save(img.convert("RGB"), 512, os.path.join(out, "icon-maskable-512.png"))
    if not ink_inside_circle(small.convert("RGBA"), 0.40):
        sys.exit("maskable icon: the glyph leaves the 80 % safe zone; lower glyph_scale")
    for name in ("icon-192.png", "icon-512.png", "icon-maskable-512.png", "apple-touch-icon.png"):
        p = os.path.join(out, name)
        print(f"{p}: {Image.open(p).size[0]}x{Image.open(p).size[1]}, {os.path.getsize(p)} bytes")


if __name__ == "__main__":
    main()

"""Time to clean one 24-megapixel photograph and make its six renditions, and bytes saved by WebP.

Run: .venv/bin/python bench/renditions.py
It uses gallery/processing/ directly (no database, no storage), on images generated here the way
the tests generate theirs, plus a photograph-like 6000 × 4000 JPEG (gradients, shapes and sensor-like
noise, since a flat colour would make both timing and compression unrealistically good).
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from gallery import processing  # noqa: E402


def photograph_like(width, height, seed=1):
    """A JPEG with a sky gradient, soft shapes and fine noise: roughly how a photograph compresses."""
    sky = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    tint = Image.new("RGB", (width, height), (70, 110, 160))
    picture = Image.blend(sky, tint, 0.5)
    draw = ImageDraw.Draw(picture)
    for n in range(60):
        x, y = (n * 7919 * seed) % width, (n * 104729) % height
        r = 40 + (n * 37) % (width // 8)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=((n * 53) % 256, (n * 97) % 256, (n * 29) % 256))
    picture = picture.filter(ImageFilter.GaussianBlur(6))
    noise = Image.effect_noise((width, height), 24).convert("RGB")
    picture = Image.blend(picture, noise, 0.12)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


def flat(fmt, size, color):
    buffer = io.BytesIO()
    Image.new("RGBA" if len(color) == 4 else "RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def main():
    big = photograph_like(6000, 4000)
    print(f"24-megapixel test photograph: 6000 × 4000, {len(big) / 1e6:.1f} MB JPEG")
    clean_times, render_times = [], []
    for _ in range(3):
        started = time.perf_counter()
        clean = processing.clean_image(SimpleUploadedFile("big.jpg", big))
        cleaned = time.perf_counter()
        rendered = processing.render_all(clean.content)
        finished = time.perf_counter()
        clean_times.append(cleaned - started)
        render_times.append(finished - cleaned)
    print(f"  check + strip EXIF + re-encode original: median {statistics.median(clean_times):.2f} s")
    print(f"  six renditions (3 sizes × JPEG/PNG + WebP): median {statistics.median(render_times):.2f} s")
    totals = [a + b for a, b in zip(clean_times, render_times, strict=True)]
    print(f"  total per upload: median {statistics.median(totals):.2f} s")

    samples = {
        "24 MP photograph (JPEG)": big,
        "1600 × 1200 photograph (JPEG)": photograph_like(1600, 1200, seed=3),
        "test JPEG 1000 × 750 flat": flat("JPEG", (1000, 750), (200, 40, 40)),
        "test PNG 1000 × 750 flat": flat("PNG", (1000, 750), (200, 40, 40)),
        "test WebP 1000 × 750 flat": flat("WEBP", (1000, 750), (200, 40, 40)),
        "test PNG 500 × 500 transparent": flat("PNG", (500, 500), (0, 0, 0, 0)),
    }
    print("\nBytes of renditions: fallback (JPEG or PNG) vs WebP")
    total_fallback = total_webp = 0
    for label, content in samples.items():
        rendered = processing.render_all(processing.clean_image(SimpleUploadedFile("x", content)).content)
        fallback = sum(len(r.content) for spec, r in rendered.items() if not spec.endswith("-webp"))
        webp = sum(len(r.content) for spec, r in rendered.items() if spec.endswith("-webp"))
        total_fallback += fallback
        total_webp += webp
        saved = fallback - webp
        print(f"  {label:34} {fallback:>9} B -> {webp:>9} B  saved {saved:>9} B ({saved / fallback:6.1%})")
    saved = total_fallback - total_webp
    share = saved / total_fallback
    print(f"  {'all':34} {total_fallback:>9} B -> {total_webp:>9} B  saved {saved:>9} B ({share:6.1%})")


if __name__ == "__main__":
    main()

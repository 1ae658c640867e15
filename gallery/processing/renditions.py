"""The sizes the site shows images at, and every rendition of a cleaned image made in one pass."""

import io
from dataclasses import dataclass

from PIL import Image as PILImage
from PIL import ImageCms

from .formats import ACCEPTED_FORMATS, EncodedImage, encode, has_alpha


@dataclass(frozen=True)
class RenditionSize:
    """A named width the site shows images at; heights follow the image's proportions."""

    name: str
    width: int


RENDITION_SIZES = (
    RenditionSize("thumbnail", 320),
    RenditionSize("card", 800),
    RenditionSize("full", 1600),
)


def rendition_specs():
    """Every rendition an image gets: each size in its fallback format, and each again as WebP."""
    return [spec for size in RENDITION_SIZES for spec in (size.name, f"{size.name}-webp")]


_SRGB = None


def _srgb_profile():
    global _SRGB
    if _SRGB is None:
        _SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return _SRGB


def _for_screens(image, icc_profile):
    """RGB(A) pixels for the web, and the profile they are in.

    Embedded profiles are kept (browsers colour-manage them); CMYK scans are converted through their
    own profile into sRGB, since no browser format stores CMYK.
    """
    if image.mode == "CMYK":
        if icc_profile:
            try:
                source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
                converted = ImageCms.profileToProfile(image, source, _srgb_profile(), outputMode="RGB")
                return converted, _srgb_profile().tobytes()
            except ImageCms.PyCMSError:
                pass
        return image.convert("RGB"), None
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if has_alpha(image) else "RGB")
    return image, icc_profile


def render_all(source_bytes):
    """Every rendition of one cleaned image, keyed by spec name ("card", "card-webp", …).

    The source is decoded once (JPEG at a reduced scale when it is much larger than the biggest
    rendition), then resized from the largest size down to the smallest.
    """
    image = PILImage.open(io.BytesIO(source_bytes), formats=list(ACCEPTED_FORMATS))
    icc_profile = image.info.get("icc_profile")
    # Heights follow the stored image's proportions, not a draft-decoded or already-resized copy's.
    source_width, source_height = image.size
    largest = max(size.width for size in RENDITION_SIZES)
    if image.format == "JPEG" and image.width > largest:
        scale = largest / image.width
        image.draft(image.mode, (largest, max(1, round(image.height * scale))))
    image.load()
    image, icc_profile = _for_screens(image, icc_profile)
    fallback = "PNG" if image.mode == "RGBA" else "JPEG"
    results = {}
    current = image
    for size in sorted(RENDITION_SIZES, key=lambda s: -s.width):
        width = min(size.width, current.width)
        height = max(1, round(source_height * width / source_width))
        if (width, height) != current.size:
            current = current.resize((width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)
        current.info = {}
        results[size.name] = EncodedImage(encode(current, fallback, icc_profile, quality=85), fallback, width, height)
        results[f"{size.name}-webp"] = EncodedImage(
            encode(current, "WEBP", icc_profile, quality=80), "WEBP", width, height
        )
    return results

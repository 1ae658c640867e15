"""The one guarded place where uploads are checked and images are decoded, cleaned and resized.

Everything that touches an uploaded file's bytes goes through here: the size and pixel limits, the
format check (the content decides, never the name), EXIF removal, orientation, the colour profile,
the renditions, and the PDF check. Nothing here touches the database or storage, so the same code
serves the admin, management commands and the benchmark.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat, floatformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, UnidentifiedImageError

from . import pdf_structure

# Pillow format name -> file extension. Nothing else is ever decoded.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


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


def max_image_bytes():
    return settings.GALLERY_MAX_IMAGE_BYTES


def max_image_pixels():
    return settings.GALLERY_MAX_IMAGE_PIXELS


def max_decoded_pixels():
    return settings.GALLERY_MAX_DECODED_PIXELS


def max_document_bytes():
    return settings.GALLERY_MAX_DOCUMENT_BYTES


@dataclass(frozen=True)
class EncodedImage:
    """An image's encoded bytes and its size in pixels: a cleaned upload or one rendition."""

    content: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self):
        return ACCEPTED_FORMATS[self.format]


def _too_large(upload, limit, what_to_do):
    return ValidationError(
        _("“%(name)s” is %(size)s; the limit is %(limit)s. %(what_to_do)s"),
        code="too_large",
        params={
            "name": _display_name(upload),
            "size": filesizeformat(upload.size),
            "limit": filesizeformat(limit),
            "what_to_do": what_to_do,
        },
    )


def _display_name(upload):
    return PurePath(getattr(upload, "name", "") or "upload").name


def clean_image(upload):
    """Check an uploaded photograph and return it cleaned, or raise ValidationError saying why not.

    The checks run from the cheapest to the most expensive, and no pixel is decoded before the
    dimensions read from the header are known to be within the limits (decompression bombs), nor more
    pixels than GALLERY_MAX_DECODED_PIXELS at once (see `_decode_within_limit`).
    """
    if upload.size > max_image_bytes():
        raise _too_large(
            upload,
            max_image_bytes(),
            _("Export a smaller JPEG (for example 3000 pixels wide) and upload it again."),
        )
    upload.seek(0)
    data = upload.read()
    name = _display_name(upload)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            # Opening reads only the header; `formats` keeps every other decoder out.
            image = PILImage.open(io.BytesIO(data), formats=list(ACCEPTED_FORMATS))
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise _bomb(name, None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _not_an_image(name) from None
    # Cameras write extra pictures (depth maps, previews) after a JPEG; Pillow calls those files MPO.
    fmt = "JPEG" if image.format == "MPO" else image.format
    if fmt not in ACCEPTED_FORMATS:
        raise _not_an_image(name)
    if image.width * image.height > max_image_pixels():
        raise _bomb(name, image)
    _decode_within_limit(image, fmt, name)
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(
            _(
                "“%(name)s” is damaged or incomplete (the image data ends early). "
                "Export it again and upload the new file."
            ),
            code="damaged",
            params={"name": name},
        ) from None
    icc_profile = image.info.get("icc_profile")
    # In place: a copy would hold the decoded pixels twice.
    ImageOps.exif_transpose(image, in_place=True)
    image = _storable_mode(image, fmt)
    # Only the colour profile survives: EXIF (GPS, camera, dates), XMP and text chunks are dropped.
    image.info = {}
    content = _encode(image, fmt, icc_profile, quality=92)
    return EncodedImage(content=content, format=fmt, width=image.width, height=image.height)


def jpeg_reduction(size):
    """The smallest of the JPEG decoder's scales (1, 2, 4, 8) that keeps `size` within the decoding limit."""
    width, height = size
    for factor in (1, 2, 4, 8):
        if -(-width // factor) * -(-height // factor) <= max_decoded_pixels():
            return factor
    return None


def _decode_within_limit(image, fmt, name):
    """Make sure decoding `image` allocates at most GALLERY_MAX_DECODED_PIXELS pixels, or refuse it.

    Decoded pixels take 4 bytes each whatever the format, so the upload limit alone (50 megapixels) let one
    upload hold 200 MB per copy. A JPEG (most photographs) is decoded by libjpeg at 1/2, 1/4 or 1/8 scale
    straight from its compressed data, so the full-size pixels never exist and the stored image is that
    smaller one (still far larger than the largest rendition). PNG and WebP have no such reduced decoding,
    so a larger one is refused with a message saying how to upload it.
    """
    if image.width * image.height <= max_decoded_pixels():
        return
    factor = jpeg_reduction(image.size) if fmt == "JPEG" else None
    if factor is not None:
        width, height = image.size
        image.draft(image.mode, (width // factor, height // factor))
        if image.width * image.height <= max_decoded_pixels():
            return
    raise ValidationError(
        _(
            "“%(name)s” is %(width)s × %(height)s pixels; PNG and WebP images can be processed up to "
            "%(limit)s megapixels (JPEG photographs up to %(jpeg_limit)s). Resize it, or save it as JPEG, "
            "and upload it again."
        ),
        code="too_many_pixels_to_decode",
        params={
            "name": name,
            "width": image.width,
            "height": image.height,
            "limit": _megapixels(max_decoded_pixels()),
            "jpeg_limit": _megapixels(max_image_pixels()),
        },
    )


def _megapixels(pixels):
    return floatformat(pixels / 1_000_000, -1)


def _not_an_image(name):
    return ValidationError(
        _(
            "“%(name)s” is not a JPEG, PNG or WebP image (its content was checked, not its name). "
            "Save it in one of these formats and upload it again."
        ),
        code="not_an_image",
        params={"name": name},
    )


def _bomb(name, image):
    if image is None:
        return ValidationError(
            _(
                "“%(name)s” has too many pixels to be processed safely (at most %(limit)s megapixels). "
                "Resize it and upload it again."
            ),
            code="too_many_pixels",
            params={"name": name, "limit": _megapixels(max_image_pixels())},
        )
    return ValidationError(
        _(
            "“%(name)s” is %(width)s × %(height)s pixels, more than the %(limit)s megapixels that can be processed "
            "safely. Resize it and upload it again."
        ),
        code="too_many_pixels",
        params={"name": name, "width": image.width, "height": image.height, "limit": _megapixels(max_image_pixels())},
    )


def _has_alpha(image):
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _storable_mode(image, fmt):
    """A mode the format can store without losing colour or transparency once `info` is cleared."""
    if image.mode == "P" or image.mode not in ("1", "L", "LA", "RGB", "RGBA", "CMYK"):
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    if fmt == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    if fmt == "JPEG" and image.mode not in ("L", "RGB", "CMYK"):
        image = image.convert("RGB")
    return image


def _encode(image, fmt, icc_profile, *, quality):
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if fmt == "JPEG":
        options.update(quality=quality, optimize=True, progressive=True)
    elif fmt == "WEBP":
        options.update(quality=quality, method=4)
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


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
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
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
        results[size.name] = EncodedImage(_encode(current, fallback, icc_profile, quality=85), fallback, width, height)
        results[f"{size.name}-webp"] = EncodedImage(
            _encode(current, "WEBP", icc_profile, quality=80), "WEBP", width, height
        )
    return results


def check_pdf(upload):
    """Check an uploaded document is a complete, readable PDF within the size limit, with nothing that runs.

    The structure is read with pypdf (`pdf_structure`): a file that only carries PDF markers is refused,
    and so is one with JavaScript, actions that start programs, send data or open other files, embedded
    files, XFA forms or embedded media, and an encrypted one, whose content cannot be checked.
    """
    name = _display_name(upload)
    if upload.size > max_document_bytes():
        raise _too_large(
            upload,
            max_document_bytes(),
            _("Scan it at a lower resolution or split it, and upload it again."),
        )
    upload.seek(0)
    # A PDF starts with its header; a web page with the header further on is not one.
    if upload.read(5) != b"%PDF-":
        raise ValidationError(
            _(
                "“%(name)s” is not a PDF document (its content was checked, not its name). "
                "Save it as PDF and upload it again."
            ),
            code="not_a_pdf",
            params={"name": name},
        )
    upload.seek(max(0, upload.size - 2048))
    tail = upload.read()
    upload.seek(0)
    if b"%%EOF" not in tail:
        raise ValidationError(
            _(
                "“%(name)s” is an incomplete PDF (its end is missing). "
                "Save or download it again and upload the new file."
            ),
            code="damaged",
            params={"name": name},
        )
    structure = pdf_structure.read_structure(upload)
    upload.seek(0)
    _refuse_unsafe_structure(structure, name)


def _refuse_unsafe_structure(structure, name):
    if not structure.readable:
        raise ValidationError(
            _(
                "“%(name)s” is not a readable PDF document: its structure is damaged, or it is another kind "
                "of file marked as PDF. Open it in a PDF reader, save it as a new PDF and upload that."
            ),
            code="not_a_pdf",
            params={"name": name},
        )
    if structure.encrypted:
        raise ValidationError(
            _(
                "“%(name)s” is encrypted (protected by a password or by restrictions), so its content cannot be "
                "checked. Save it again without protection (for example with Print › Save as PDF) and upload "
                "the new file."
            ),
            code="encrypted",
            params={"name": name},
        )
    if structure.too_many_objects:
        raise ValidationError(
            _(
                "“%(name)s” is made of more than %(limit)s objects, too many to be checked. Save it again "
                "with your PDF program’s “reduce file size” option, or split it, and upload it again."
            ),
            code="too_complex",
            params={"name": name, "limit": pdf_structure.MAX_OBJECTS},
        )
    if structure.active:
        raise ValidationError(
            _(
                "“%(name)s” contains content that runs or opens files when it is read (%(found)s), which the "
                "archive does not accept. Print it to a new PDF (Print › Save as PDF), which keeps only the "
                "pages, and upload that."
            ),
            code="active_content",
            params={"name": name, "found": ", ".join(str(_ACTIVE_CONTENT[kind]) for kind in structure.active)},
        )


_ACTIVE_CONTENT = {
    pdf_structure.JAVASCRIPT: _("JavaScript"),
    pdf_structure.LAUNCH: _("an action that starts a program"),
    pdf_structure.SENDS_DATA: _("a form that sends or loads data"),
    pdf_structure.OPENS_FILES: _("a link that opens another file"),
    pdf_structure.EMBEDDED_FILES: _("embedded files"),
    pdf_structure.XFA: _("an XFA form"),
    pdf_structure.MEDIA: _("embedded media"),
}

"""Checking an uploaded photograph and storing it cleaned: format by content, pixel limits, EXIF and orientation."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from .formats import ACCEPTED_FORMATS, EncodedImage, encode, has_alpha
from .limits import display_name, max_decoded_pixels, max_image_bytes, max_image_pixels, megapixels, too_large


def clean_image(upload):
    """Check an uploaded photograph and return it cleaned, or raise ValidationError saying why not.

    The checks run from the cheapest to the most expensive, and no pixel is decoded before the
    dimensions read from the header are known to be within the limits (decompression bombs), nor more
    pixels than GALLERY_MAX_DECODED_PIXELS at once (see `_decode_within_limit`).
    """
    if upload.size > max_image_bytes():
        raise too_large(
            upload,
            max_image_bytes(),
            _("Export a smaller JPEG (for example 3000 pixels wide) and upload it again."),
        )
    upload.seek(0)
    data = upload.read()
    name = display_name(upload)
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
    content = encode(image, fmt, icc_profile, quality=92)
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
            "limit": megapixels(max_decoded_pixels()),
            "jpeg_limit": megapixels(max_image_pixels()),
        },
    )


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
            params={"name": name, "limit": megapixels(max_image_pixels())},
        )
    return ValidationError(
        _(
            "“%(name)s” is %(width)s × %(height)s pixels, more than the %(limit)s megapixels that can be processed "
            "safely. Resize it and upload it again."
        ),
        code="too_many_pixels",
        params={"name": name, "width": image.width, "height": image.height, "limit": megapixels(max_image_pixels())},
    )


def _storable_mode(image, fmt):
    """A mode the format can store without losing colour or transparency once `info` is cleared."""
    if image.mode == "P" or image.mode not in ("1", "L", "LA", "RGB", "RGBA", "CMYK"):
        image = image.convert("RGBA" if has_alpha(image) else "RGB")
    if fmt == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if has_alpha(image) else "RGB")
    if fmt == "JPEG" and image.mode not in ("L", "RGB", "CMYK"):
        image = image.convert("RGB")
    return image

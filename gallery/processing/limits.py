"""The upload limits (read from settings on each call, so tests and deployments may change them) and their messages."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat, floatformat
from django.utils.translation import gettext_lazy as _


def max_image_bytes():
    return settings.GALLERY_MAX_IMAGE_BYTES


def max_image_pixels():
    return settings.GALLERY_MAX_IMAGE_PIXELS


def max_decoded_pixels():
    return settings.GALLERY_MAX_DECODED_PIXELS


def max_document_bytes():
    return settings.GALLERY_MAX_DOCUMENT_BYTES


def too_large(upload, limit, what_to_do):
    return ValidationError(
        _("“%(name)s” is %(size)s; the limit is %(limit)s. %(what_to_do)s"),
        code="too_large",
        params={
            "name": display_name(upload),
            "size": filesizeformat(upload.size),
            "limit": filesizeformat(limit),
            "what_to_do": what_to_do,
        },
    )


def display_name(upload):
    return PurePath(getattr(upload, "name", "") or "upload").name


def megapixels(pixels):
    return floatformat(pixels / 1_000_000, -1)

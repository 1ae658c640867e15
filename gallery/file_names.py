"""Where uploads are stored: under random names, so that no file's address can be guessed from another's.

An uploader's file name ("Draft programme.pdf") often says what the file is, and a name made from it could
be guessed; these names are 128 random bits. Only the extension (decided by the content, see `processing`)
and, for renditions, the spec survive. Files stored before random names keep their names and still work.
"""

import secrets
from pathlib import PurePath

from django.utils import timezone
from django.utils.text import slugify


def _random_stem():
    return secrets.token_hex(16)


def _extension(filename, default):
    suffix = PurePath(filename or "").suffix.lower().lstrip(".")
    return suffix if suffix.isalnum() else default


def original_path(instance, filename):
    """`gallery/originals/2026/12/<random>.jpg`: a cleaned photograph."""
    return f"gallery/originals/{timezone.now():%Y/%m}/{_random_stem()}.{_extension(filename, 'jpg')}"


def rendition_path(instance, filename):
    """`gallery/renditions/<image id>/<random>-card.webp`: one rendition, named by its spec."""
    spec = slugify(PurePath(filename or "").stem)[:30] or "rendition"
    return f"gallery/renditions/{instance.image_id}/{_random_stem()}-{spec}.{_extension(filename, 'jpg')}"


def document_path(instance, filename):
    """`gallery/documents/2026/12/<random>.pdf`: a checked PDF."""
    return f"gallery/documents/{timezone.now():%Y/%m}/{_random_stem()}.pdf"

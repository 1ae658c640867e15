"""The one guarded place where uploads are checked and images are decoded, cleaned and resized.

Everything that touches an uploaded file's bytes goes through this package: the size and pixel limits
(`limits`), the format check (the content decides, never the name), EXIF removal, orientation and the
colour profile (`images`), the renditions (`renditions`), and the PDF check (`pdf`, reading the file's
structure with `pdf_structure`). Nothing here touches the database or storage, so the same code serves the
admin, management commands and the benchmark.
"""

from .formats import ACCEPTED_FORMATS, MIME_TYPES, EncodedImage
from .images import clean_image, jpeg_reduction
from .limits import max_decoded_pixels, max_document_bytes, max_image_bytes, max_image_pixels
from .pdf import check_pdf
from .renditions import RENDITION_SIZES, RenditionSize, render_all, rendition_specs

__all__ = [
    "ACCEPTED_FORMATS",
    "MIME_TYPES",
    "RENDITION_SIZES",
    "EncodedImage",
    "RenditionSize",
    "check_pdf",
    "clean_image",
    "jpeg_reduction",
    "max_decoded_pixels",
    "max_document_bytes",
    "max_image_bytes",
    "max_image_pixels",
    "render_all",
    "rendition_specs",
]

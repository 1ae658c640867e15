"""The one way uploaded files reach a browser: files of public content to anyone, the rest only to staff.

Every address under MEDIA_URL comes here. The requested name must be the file of an image, a rendition
or a document in the library, so nothing else under MEDIA_ROOT can be reached whatever the path says. A
file of public content (`Image.objects.public()`, `Document.objects.public()`) is sent to anyone and may be
cached for MEDIA_CACHE_SECONDS; any other only to a staff member who may view images or documents, and
never cached; everyone else gets the 404 that a name that does not exist gets.

Behind nginx, MEDIA_X_ACCEL_PREFIX makes the app only decide: it answers with `X-Accel-Redirect` and nginx
sends the file from an `internal` location (README, "Media storage"). Without it the app streams the file
from storage itself (development, tests, a small site).
"""

from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from .models import Document, Image, Rendition

# Only these are ever stored (processing decides the extension from the content).
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "pdf": "application/pdf"}
# Browsers show a file opened on its own in a page they make themselves, with inline styles and (for PDFs) an
# embedded viewer, which the site's policy (`object-src 'none'`, no inline styles) would leave blank; this one
# allows just that, and still no script.
MEDIA_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class StoredFile:
    """An uploaded file of the library: whether visitors may see it, and which permissions let staff see it."""

    name: str
    storage: object
    public: bool
    permissions: tuple
    download_name: str = ""


def find_stored_file(name):
    """The library's file stored under `name`, or None; one query for each kind of file tried."""
    # Stored names are short and printable; anything else (a NUL, which PostgreSQL refuses) is no file.
    if len(name) > 255 or not name.isprintable():
        return None
    public_image = Exists(Image.objects.public().filter(pk=OuterRef("image_id")))
    rendition = Rendition.objects.filter(file=name).annotate(public=public_image).values("public").first()
    if rendition is None:
        public_image = Exists(Image.objects.public().filter(pk=OuterRef("pk")))
        rendition = Image.objects.filter(file=name).annotate(public=public_image).values("public").first()
    if rendition is not None:
        return StoredFile(
            name=name,
            storage=Image._meta.get_field("file").storage,
            public=rendition["public"],
            permissions=("gallery.view_image", "gallery.change_image"),
        )
    public_document = Exists(Document.objects.public().filter(pk=OuterRef("pk")))
    document = Document.objects.filter(file=name).annotate(public=public_document).values("public", "title").first()
    if document is not None:
        return StoredFile(
            name=name,
            storage=Document._meta.get_field("file").storage,
            public=document["public"],
            permissions=("gallery.view_document", "gallery.change_document"),
            # Stored names are random; a reader saving the PDF gets its title as the file name instead.
            download_name=f"{slugify(document['title'])[:80] or 'document'}.pdf",
        )
    return None


def _may_view(user, stored):
    return user.is_active and user.is_staff and any(user.has_perm(permission) for permission in stored.permissions)


@require_safe
def media_file(request, name):
    """Send one uploaded file, or 404 when it does not exist or the visitor may not see it."""
    stored = find_stored_file(name)
    # The user (and so the session) is looked at only for files that are not public, so public files
    # carry no `Vary: Cookie` and any shared cache may keep one copy for everyone.
    if stored is None or not (stored.public or _may_view(request.user, stored)):
        raise Http404("No such file.")
    content_type = CONTENT_TYPES.get(PurePath(name).suffix.lstrip(".").lower(), "application/octet-stream")
    if settings.MEDIA_X_ACCEL_PREFIX:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_X_ACCEL_PREFIX + quote(name)
        if stored.download_name:
            response["Content-Disposition"] = content_disposition_header(False, stored.download_name)
    else:
        try:
            handle = stored.storage.open(name, "rb")
        except FileNotFoundError:
            raise Http404("No such file.") from None
        response = FileResponse(handle, content_type=content_type, filename=stored.download_name or None)
    response["Content-Security-Policy"] = MEDIA_CONTENT_SECURITY_POLICY
    if stored.public:
        patch_cache_control(response, public=True, max_age=settings.MEDIA_CACHE_SECONDS)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response

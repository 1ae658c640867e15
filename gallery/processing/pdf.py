"""Checking an uploaded document: a complete, readable PDF within the size limit, with nothing that runs."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import pdf_structure
from .limits import display_name, max_document_bytes, too_large


def check_pdf(upload):
    """Check an uploaded document is a complete, readable PDF within the size limit, with nothing that runs.

    The structure is read with pypdf (`pdf_structure`): a file that only carries PDF markers is refused,
    and so is one with JavaScript, actions that start programs, send data or open other files, embedded
    files, XFA forms or embedded media, and an encrypted one, whose content cannot be checked.
    """
    name = display_name(upload)
    if upload.size > max_document_bytes():
        raise too_large(
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

"""PDF documents: accepted only when the content is a complete PDF within the size limit, with nothing that runs."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from gallery.models import Document
from tests.factories import image_bytes, make_event
from tests.gallery.conftest import stored_files

pytestmark = pytest.mark.django_db


def pdf_bytes(*changes):
    """A one-page PDF written by pypdf, after each of `changes` has been applied to the writer."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    for change in changes:
        change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = pdf_bytes()


def action(kind, **entries):
    """A PDF action dictionary: `/S kind` and the given entries."""
    fields = {NameObject(f"/{key}"): value for key, value in entries.items()}
    return DictionaryObject({NameObject("/S"): NameObject(kind), **fields})


def javascript(code="app.alert('hello');"):
    return action("/JavaScript", JS=TextStringObject(code))


def open_action(value):
    def change(writer):
        writer._root_object[NameObject("/OpenAction")] = value

    return change


def page_action(value):
    def change(writer):
        writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): value})

    return change


def document_level_javascript(writer):
    """A script in the catalogue's /Names /JavaScript tree: readers run it when the document opens."""
    tree = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("hello"), writer._add_object(javascript())])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})


def xfa_form(writer):
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): TextStringObject("<xdp:xdp/>")}
    )


def link_to_a_web_page(writer):
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(50), NumberObject(50)]),
            NameObject("/A"): action("/URI", URI=TextStringObject("https://example.org/")),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])


def post_document(admin_client, event, name, content):
    return admin_client.post(
        "/en/admin/gallery/document/add/",
        {
            "title_en": "Programme of the evening",
            "title_ru": "Программа вечера",
            "description_en": "",
            "description_ru": "",
            "credit": "",
            "source": "Embassy",
            "event": event.pk,
            "article": "",
            "position": 0,
            "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        },
    )


def test_a_pdf_is_accepted_and_listed_on_the_event_page(admin_client, client):
    event = make_event()
    response = post_document(admin_client, event, "Programme 2025.pdf", PDF)
    assert response.status_code == 302, response.content.decode()
    document = Document.objects.get()
    assert document.file.name.startswith("gallery/documents/") and document.file.name.endswith(".pdf")
    assert document.size_bytes == len(PDF)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert f'href="{document.file.url}"' in html
    assert "Programme of the evening" in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("letter.pdf", image_bytes("PNG"), "“letter.pdf” is not a PDF document"),
        ("letter.pdf", PDF[:-7], "“letter.pdf” is an incomplete PDF"),
        # Web pages carrying the markers a byte check looks for, before and after the page itself.
        (
            "letter.pdf",
            b"<html><body><script>alert(document.cookie)</script>%PDF-1.4</body></html>\n%%EOF\n",
            "“letter.pdf” is not a PDF document",
        ),
        (
            "letter.pdf",
            b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n",
            "“letter.pdf” is not a readable PDF document",
        ),
    ],
)
def test_a_file_that_is_not_a_complete_pdf_is_refused(admin_client, media_root, name, content, message):
    response = post_document(admin_client, make_event(), name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_a_pdf_over_the_size_limit_is_refused(admin_client, settings, media_root):
    settings.GALLERY_MAX_DOCUMENT_BYTES = 50
    response = post_document(admin_client, make_event(), "scan.pdf", PDF)
    assert f"“scan.pdf” is {len(PDF)}\xa0bytes; the limit is 50\xa0bytes." in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_a_document_must_be_attached_to_something(admin_client):
    response = admin_client.post(
        "/en/admin/gallery/document/add/",
        {"title_en": "Letter", "title_ru": "Письмо", "position": 0, "file": SimpleUploadedFile("l.pdf", PDF)},
    )
    assert "Attach the document to an event or an article" in response.content.decode()
    assert not Document.objects.exists()


def test_deleting_a_document_removes_its_file(admin_client, media_root, django_capture_on_commit_callbacks):
    post_document(admin_client, make_event(), "letter.pdf", PDF)
    assert len(stored_files(media_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        Document.objects.get().delete()
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("content", "found"),
    [
        (pdf_bytes(document_level_javascript), "JavaScript"),
        (pdf_bytes(open_action(javascript())), "JavaScript"),
        (pdf_bytes(page_action(javascript())), "JavaScript"),
        (pdf_bytes(open_action(action("/Launch", F=TextStringObject("calc.exe")))), "an action that starts a program"),
        (pdf_bytes(lambda writer: writer.add_attachment("invoice.exe", b"MZ\x90\x00")), "embedded files"),
        (pdf_bytes(xfa_form), "an XFA form"),
    ],
    ids=["javascript-names-tree", "open-action-javascript", "page-action-javascript", "launch", "attachment", "xfa"],
)
def test_a_pdf_with_active_content_is_refused_saying_what_it_contains(admin_client, media_root, content, found):
    response = post_document(admin_client, make_event(), "programme.pdf", content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "“programme.pdf” contains content that runs or opens files when it is read" in html
    assert f"({found})" in html
    assert "Print it to a new PDF" in html
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_an_encrypted_pdf_is_refused_because_its_content_cannot_be_checked(admin_client, media_root):
    content = pdf_bytes(lambda writer: writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128"))
    response = post_document(admin_client, make_event(), "protected.pdf", content)
    assert "“protected.pdf” is encrypted" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_links_and_an_opening_view_are_not_active_content(admin_client):
    def fit_first_page(writer):
        writer._root_object[NameObject("/OpenAction")] = ArrayObject(
            [writer.pages[0].indirect_reference, NameObject("/Fit")]
        )

    content = pdf_bytes(fit_first_page, link_to_a_web_page)
    response = post_document(admin_client, make_event(), "programme.pdf", content)
    assert response.status_code == 302, response.content.decode()
    assert Document.objects.get().size_bytes == len(content)


def test_a_pdf_saved_outside_the_admin_is_checked_too(media_root):
    from django.core.exceptions import ValidationError

    document = Document(title="Programme", event=make_event())
    document.file = SimpleUploadedFile("programme.pdf", pdf_bytes(open_action(javascript())))
    with pytest.raises(ValidationError, match="contains content that runs or opens files"):
        document.save()
    assert not Document.objects.exists()
    assert stored_files(media_root) == []

"""PDF documents: accepted only when the content is a complete PDF within the size limit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gallery.models import Document
from tests.factories import image_bytes, make_event
from tests.gallery.conftest import stored_files

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


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

"""Uploaded files: stored under random names, and sent to visitors only when the content they belong to is public."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from gallery.models import ArticleImage, Document, EventImage, Image, Portrait
from publishing.models import Status
from tests.factories import (
    image_bytes,
    make_article,
    make_event,
    make_image,
    make_participation,
    make_person,
    make_user,
)
from tests.gallery.test_documents import PDF, post_document
from tests.gallery.test_uploads import upload

pytestmark = pytest.mark.django_db

RANDOM_NAME = re.compile(r"[0-9a-f]{32}")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def attached_to_event(status):
    image = make_image(content=image_bytes(size=(900, 600)))
    EventImage.objects.create(event=make_event(status=status), image=image)
    return image


def test_uploads_are_stored_under_random_names_not_the_uploaders(admin_client):
    assert upload(admin_client, "Secret plan of the exhibition.jpg", image_bytes()).status_code == 302
    assert post_document(admin_client, make_event(), "Confidential programme.pdf", PDF).status_code == 302
    image, document = Image.objects.get(), Document.objects.get()
    names = [image.file.name, document.file.name, *image.renditions.values_list("file", flat=True)]
    assert len(names) == 8
    for name in names:
        stem = name.rsplit("/", 1)[-1]
        assert "secret" not in stem and "confidential" not in stem and "programme" not in stem, name
        assert RANDOM_NAME.search(stem), name
    assert image.file.name.endswith(".jpg") and document.file.name.endswith(".pdf")
    # Two uploads of the same file never share a name.
    assert upload(admin_client, "Secret plan of the exhibition.jpg", image_bytes()).status_code == 302
    assert len(set(Image.objects.values_list("file", flat=True))) == 2


def test_a_draft_events_image_is_404_for_visitors_and_200_for_an_editor(client, roles):
    image = attached_to_event(Status.DRAFT)
    card = image.renditions.get(spec="card")
    for url in (image.file.url, card.file.url):
        assert client.get(url).status_code == 404, url
    client.force_login(make_user("Editor"))
    response = client.get(card.file.url)
    assert response.status_code == 200
    assert body(response) == card.file.open("rb").read()
    assert response["Content-Type"] == "image/jpeg"
    # Never kept by a shared cache: the next visitor must be asked again.
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_published_events_image_and_its_renditions_are_served_to_visitors(client):
    image = attached_to_event(Status.PUBLISHED)
    for field_file in [image.file, *(r.file for r in image.renditions.all())]:
        response = client.get(field_file.url)
        assert response.status_code == 200, field_file.name
        assert body(response) == field_file.open("rb").read()
        assert response["Cache-Control"].startswith("public")
        assert "Cookie" not in response.get("Vary", "")


def test_the_image_of_a_withdrawn_event_is_404_for_visitors_again(client):
    image = attached_to_event(Status.PUBLISHED)
    url = image.renditions.get(spec="full").file.url
    assert client.get(url).status_code == 200
    event = EventImage.objects.get(image=image).event
    event.status = Status.WITHDRAWN
    event.save()
    assert client.get(url).status_code == 404


def test_article_images_and_portraits_follow_their_content(client):
    draft, published = make_image(), make_image()
    ArticleImage.objects.create(article=make_article(status=Status.DRAFT), image=draft)
    ArticleImage.objects.create(article=make_article(), image=published)
    assert client.get(draft.file.url).status_code == 404
    assert client.get(published.file.url).status_code == 200

    hidden_person, public_person = make_person(), make_person()
    make_participation(make_event(), make_article(), person=public_person)
    hidden_portrait, public_portrait = make_image(), make_image()
    Portrait.objects.create(person=hidden_person, image=hidden_portrait)
    Portrait.objects.create(person=public_person, image=public_portrait)
    assert client.get(hidden_portrait.file.url).status_code == 404
    assert client.get(public_portrait.file.url).status_code == 200


@pytest.mark.parametrize("state", ["in_review", "withdrawn", "scheduled"])
def test_files_of_content_visitors_cannot_see_are_404_whatever_the_reason(client, admin_client, state):
    fields = (
        {"status": Status.PUBLISHED, "public_from": timezone.now() + datetime.timedelta(days=1)}
        if state == "scheduled"
        else {"status": state}
    )
    image = make_image()
    EventImage.objects.create(event=make_event(**fields), image=image)
    document = Document(title="Letter", article=make_article(**fields))
    document.file = SimpleUploadedFile("letter.pdf", PDF)
    document.save()
    for url in (image.file.url, image.renditions.get(spec="card").file.url, document.file.url):
        assert Client().get(url).status_code == 404, url
        assert admin_client.get(url).status_code == 200, url


def test_an_image_in_the_library_but_not_attached_to_anything_is_404_for_visitors(client):
    assert client.get(make_image().file.url).status_code == 404


def test_staff_without_the_view_permission_get_404_for_draft_media(client):
    image = attached_to_event(Status.DRAFT)
    client.force_login(make_user())  # staff, in no group
    assert client.get(image.file.url).status_code == 404


def test_a_draft_document_is_404_for_visitors_and_a_published_one_is_sent_under_its_title(admin_client):
    draft_event, published_event = make_event(status=Status.DRAFT), make_event()
    post_document(admin_client, draft_event, "letter.pdf", PDF)
    post_document(admin_client, published_event, "letter.pdf", PDF)
    draft = Document.objects.get(event=draft_event)
    published = Document.objects.get(event=published_event)
    visitor = Client()
    assert visitor.get(draft.file.url).status_code == 404
    assert admin_client.get(draft.file.url).status_code == 200
    response = visitor.get(published.file.url)
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="programme-of-the-evening.pdf"'
    # The browser's own PDF viewer is embedded in the page it makes; the policy lets it, and runs no script.
    policy = response["Content-Security-Policy"]
    assert "object-src 'self'" in policy and "default-src 'none'" in policy and "script-src" not in policy


def test_a_document_of_a_draft_article_is_404_even_when_its_event_is_missing(client):
    document = Document(title="Letter", article=make_article(status=Status.DRAFT))
    document.file = SimpleUploadedFile("letter.pdf", PDF)
    document.save()
    assert client.get(document.file.url).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/gallery/originals/2025/01/nothing-here.jpg",
        "/media/../config/settings/base.py",
        "/media/%2e%2e/manage.py",
        "/media/gallery/",
        "/media/" + "a" * 300 + ".jpg",
    ],
)
def test_anything_that_is_not_an_uploaded_file_of_the_library_is_404(admin_client, path):
    assert admin_client.get(path).status_code == 404


def test_a_control_character_in_a_media_name_is_refused_before_the_database_sees_it(admin_client):
    # PostgreSQL refuses a NUL in a query parameter: the site-wide rule answers 400 naming the path.
    response = admin_client.get("/media/gallery/originals/%00.jpg")
    assert response.status_code == 400


def test_a_file_named_before_random_names_is_still_served(client):
    image = attached_to_event(Status.PUBLISHED)
    legacy = "gallery/originals/2024/05/flowers-at-the-memorial.jpg"
    image.file.storage.save(legacy, image.file.open("rb"))
    Image.objects.filter(pk=image.pk).update(file=legacy)
    assert client.get("/media/" + legacy).status_code == 200


def test_behind_nginx_the_app_only_decides_and_the_web_server_sends_the_file(client, settings):
    settings.MEDIA_X_ACCEL_PREFIX = "/protected-media/"
    public = attached_to_event(Status.PUBLISHED)
    draft = attached_to_event(Status.DRAFT)
    response = client.get(public.file.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + public.file.name
    assert response.content == b""
    assert client.get(draft.file.url).status_code == 404
